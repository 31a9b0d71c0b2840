@testable import GuidePreview

/// Collects a watcher's batches in the background.
actor BatchCollector {
    private(set) var batches: [[WatchEvent]] = []

    init(_ watcher: any FileWatcher) {
        let stream = watcher.batches
        Task { await self.consume(stream) }
    }

    private func consume(_ stream: AsyncStream<[WatchEvent]>) async {
        for await batch in stream { batches.append(batch) }
    }

    var events: [WatchEvent] { batches.flatMap { $0 } }

    func contains(_ path: String, _ kinds: Set<WatchEvent.Kind>? = nil) -> Bool {
        events.contains { $0.path == path && (kinds?.contains($0.kind) ?? true) }
    }

    func batchCount(containing path: String) -> Int {
        batches.filter { $0.contains { $0.path == path } }.count
    }
}
