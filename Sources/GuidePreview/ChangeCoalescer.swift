/// Collects raw changes and decides when to report them as one batch:
/// after `debounce` of quiet, or `maximumDelay` after the first pending change.
struct ChangeCoalescer: Sendable {
    let debounce: Duration
    let maximumDelay: Duration

    private var kinds: [String: WatchEvent.Kind] = [:]
    private var order: [String] = []
    private var firstChange: ContinuousClock.Instant?
    private var lastChange: ContinuousClock.Instant?

    init(debounce: Duration, maximumDelay: Duration) {
        self.debounce = debounce
        self.maximumDelay = max(maximumDelay, debounce)
    }

    var isEmpty: Bool { order.isEmpty }

    /// Adds a change seen at `now`, merging it with an earlier change of the same path.
    mutating func add(_ event: WatchEvent, at now: ContinuousClock.Instant) {
        if let old = kinds[event.path] {
            kinds[event.path] = Self.merge(old, event.kind)
        } else {
            kinds[event.path] = event.kind
            order.append(event.path)
        }
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    /// When the pending batch becomes due, or `nil` when nothing is pending.
    var deadline: ContinuousClock.Instant? {
        guard let firstChange, let lastChange else { return nil }
        return min(lastChange + debounce, firstChange + maximumDelay)
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
