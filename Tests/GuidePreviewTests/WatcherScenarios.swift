import Foundation
import Testing

@testable import GuidePreview

/// Scenarios run against both watchers. Each starts a watcher on a fresh
/// temporary folder that already holds `a.md`, `b.md` and `_site/index.html`.
struct WatcherScenarios {
    typealias Factory = @Sendable (WatchConfiguration) throws -> any FileWatcher

    let make: Factory
    let pollInterval: Duration

    func withWatcher(
        debounce: Duration = .milliseconds(75),
        settledDebounce: Duration? = nil,
        maximumDelay: Duration = .milliseconds(500),
        _ body: (TemporaryFolder, BatchCollector) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.md", "a")
        try folder.write("b.md", "b")
        try folder.write("_site/index.html", "old")
        let watcher = try make(WatchConfiguration(
            paths: [folder.path], ignoredPaths: [folder.url("_site")],
            debounce: debounce, settledDebounce: settledDebounce ?? debounce, maximumDelay: maximumDelay,
            pollInterval: pollInterval))
        defer { watcher.stop() }
        let collector = BatchCollector(watcher)
        try await body(folder, collector)
    }

    func write() async throws {
        try await withWatcher { folder, collector in
            let path = try folder.write("new.md", "hello")
            #expect(await eventually { await collector.contains(path, [.created, .modified]) })
            try folder.write("a.md", "changed contents")
            #expect(await eventually { await collector.contains(folder.url("a.md"), [.modified, .renamed]) })
        }
    }

    func atomicRenameOver() async throws {
        try await withWatcher { folder, collector in
            let target = folder.url("a.md")
            let temporary = try folder.write("a.md.tmp", "saved atomically, longer")
            #expect(rename(temporary, target) == 0)
            #expect(await eventually { await collector.contains(target, [.renamed, .modified, .created]) })
            #expect(await !collector.events.contains { $0.path.hasSuffix(".tmp") })
            #expect(await !collector.contains(target, [.deleted]))
        }
    }

    func newSubfolder() async throws {
        try await withWatcher { folder, collector in
            try folder.makeFolder("posts")
            let path = try folder.write("posts/first.md", "first")
            #expect(await eventually { await collector.contains(path) })
            // Later writes inside the new folder are seen too.
            let second = try folder.write("posts/deeper/second.md", "second")
            #expect(await eventually { await collector.contains(second) })
        }
    }

    func delete() async throws {
        try await withWatcher { folder, collector in
            let path = folder.url("b.md")
            try FileManager.default.removeItem(atPath: path)
            #expect(await eventually { await collector.contains(path, [.deleted]) })
        }
    }

    func ignoresTemporaryFilesAndIgnoredFolders() async throws {
        try await withWatcher { folder, collector in
            try folder.write("_site/index.html", "rebuilt output")
            try folder.write("_site/new/page.html", "more output")
            try folder.write(".git/index", "git")
            for name in ["a.md~", ".a.md.swp", ".a.md.swx", "4913", ".#a.md", "draft.tmp"] {
                try folder.write(name, "temporary")
            }
            // Changes are reported in order, so once the sentinel shows up the others would have too.
            let sentinel = try folder.write("sentinel.md", "done")
            #expect(await eventually { await collector.contains(sentinel) })
            let paths = await collector.events.map(\.path)
            #expect(paths.allSatisfy { $0 == sentinel }, "unexpected: \(paths)")
        }
    }

    func burstOfWritesIsCoalesced() async throws {
        // A generous debounce keeps this independent of scheduling hiccups on a loaded machine.
        try await withWatcher(debounce: .milliseconds(300), maximumDelay: .seconds(5)) { folder, collector in
            let path = folder.url("a.md")
            for index in 0..<100 {
                try folder.write("a.md", "version \(index)")
            }
            #expect(await eventually { await collector.contains(path) })
            // Give a (wrongly) uncoalesced watcher time to report the rest.
            try await Task.sleep(for: .seconds(1))
            let count = await collector.batchCount(containing: path)
            #expect((1...2).contains(count), "\(count) batches")
        }
    }

    func stopFinishesTheStream() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let watcher = try make(WatchConfiguration(paths: [folder.path], pollInterval: pollInterval))
        let finished = Task {
            for await _ in watcher.batches {}
            return true
        }
        watcher.stop()
        #expect(await finished.value)
    }

    func missingFolderIsAnError() {
        #expect(throws: FileWatcherError.notAFolder("/nonexistent/guide-watch")) {
            try make(WatchConfiguration(paths: ["/nonexistent/guide-watch"]))
        }
    }
}
