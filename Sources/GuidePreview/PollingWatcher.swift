import Foundation

/// ``FileWatcher`` that scans the folders every `pollInterval` and compares
/// modification times, sizes and inodes: for file systems without inotify
/// (network or container mounts), selected with `--poll`.
public final class PollingWatcher: FileWatcher {
    /// Coalesced batches of changes; finishes after ``stop()``.
    public let batches: AsyncStream<[WatchEvent]>
    private let wake: WakeSignal

    /// Takes the first snapshot and starts scanning on a background thread.
    /// - Throws: ``FileWatcherError/notAFolder(_:)`` if a path is not a folder.
    public init(configuration: WatchConfiguration) throws {
        let filter = try WatchFilter.checked(configuration)
        let wake = try WakeSignal()
        self.wake = wake
        let (stream, continuation) = AsyncStream.makeStream(of: [WatchEvent].self)
        batches = stream
        continuation.onTermination = { _ in wake.signal() }
        let scanner = PollingScanner(filter: filter)
        let initial = scanner.snapshot()
        let interval = configuration.pollInterval
        let coalescer = ChangeCoalescer(debounce: configuration.debounce, maximumDelay: configuration.maximumDelay)
        let thread = Thread {
            var previous = initial
            var coalescer = coalescer
            while !wake.wait(readable: nil, timeout: interval).signalled {
                let current = scanner.snapshot()
                let now = ContinuousClock.now
                for event in PollingScanner.changes(from: previous, to: current) {
                    coalescer.add(event, at: now)
                }
                previous = current
                if let batch = coalescer.flushIfDue(at: now), !batch.isEmpty {
                    continuation.yield(batch)
                }
            }
            continuation.finish()
        }
        thread.name = "guide.poll"
        thread.start()
    }

    /// Stops the background thread and finishes ``batches``.
    public func stop() {
        wake.signal()
    }
}
