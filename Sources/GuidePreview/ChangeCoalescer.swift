/// Collects raw changes and decides when to report them as one batch:
/// after `debounce` of quiet, or `maximumDelay` after the first pending change.
/// When the last change finished a save (a file closed after writing, or
/// renamed into place), the quiet time is the shorter `settledDebounce`.
struct ChangeCoalescer: Sendable {
    let debounce: Duration
    let settledDebounce: Duration
    let maximumDelay: Duration

    private var kinds: [String: WatchEvent.Kind] = [:]
    private var order: [String] = []
    private var firstChange: ContinuousClock.Instant?
    private var lastChange: ContinuousClock.Instant?
    private var lastSettled = false

    init(debounce: Duration, settledDebounce: Duration? = nil, maximumDelay: Duration) {
        self.debounce = debounce
        self.settledDebounce = min(settledDebounce ?? debounce, debounce)
        self.maximumDelay = max(maximumDelay, debounce)
    }

    var isEmpty: Bool { order.isEmpty }

    /// Adds a change seen at `now`, merging it with an earlier change of the same
    /// path. `settled`: the change completes a save, nothing more is expected.
    mutating func add(_ event: WatchEvent, at now: ContinuousClock.Instant, settled: Bool = false) {
        if let old = kinds[event.path] {
            kinds[event.path] = Self.merge(old, event.kind)
        } else {
            kinds[event.path] = event.kind
            order.append(event.path)
        }
        if firstChange == nil { firstChange = now }
        lastChange = now
        lastSettled = settled
    }

    /// When the pending batch becomes due, or `nil` when nothing is pending.
    var deadline: ContinuousClock.Instant? {
        guard let firstChange, let lastChange else { return nil }
        return min(lastChange + (lastSettled ? settledDebounce : debounce), firstChange + maximumDelay)
    }

    /// Returns and clears the pending batch if it is due at `now`.
    mutating func flushIfDue(at now: ContinuousClock.Instant) -> [WatchEvent]? {
        guard let deadline, now >= deadline else { return nil }
        let batch = order.map { WatchEvent(path: $0, kind: kinds[$0]!) }
        kinds = [:]
        order = []
        firstChange = nil
        lastChange = nil
        return batch
    }

    /// The kind that sums up `old` followed by `new` within one batch.
    static func merge(_ old: WatchEvent.Kind, _ new: WatchEvent.Kind) -> WatchEvent.Kind {
        switch (old, new) {
        case (_, .deleted): .deleted
        case (.created, _): .created
        case (.deleted, .created): .modified
        case (.renamed, .modified): .renamed
        default: new
        }
    }
}
