import Dispatch
import Foundation
import Synchronization

@testable import GuideKit
@testable import GuidePreview

/// Counts what happened and lets a test wait until it happened `n` times,
/// without sleeping or polling. A wait ends early when the test is cancelled
/// (its time limit is reached), so a broken loop fails the test rather than hanging it.
final class Milestones: Sendable {
    private struct State {
        var count = 0
        var waiters: [(id: Int, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextID = 0
    }

    private let state = Mutex(State())

    var count: Int { state.withLock { $0.count } }

    func reach() {
        let ready = state.withLock { state in
            state.count += 1
            let count = state.count
            let ready = state.waiters.filter { $0.count <= count }.map(\.continuation)
            state.waiters.removeAll { $0.count <= count }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once ``reach()`` was called `count` times in all, or the task is cancelled.
    func wait(until count: Int) async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    if state.count >= count || Task.isCancelled { return true }
                    state.waiters.append((id, count, continuation))
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0).continuation }
            }
            waiter?.resume()
        }
    }
}

/// A list appended to from any thread.
final class Recorded<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    var all: [Element] { items.withLock { $0 } }
    var count: Int { items.withLock { $0.count } }
    let added = Milestones()

    func append(_ item: Element) {
        items.withLock { $0.append(item) }
        added.reach()
    }
}

/// Batches of changes for ``RebuildLoop/run(batches:)``, sent by the test one at
/// a time: ``send(_:)`` returns once the loop has handled the batch (it asked for the next one).
final class ControlledBatches: AsyncSequence, Sendable {
    typealias Element = [WatchEvent]
    typealias Failure = Never

    private let stream: AsyncStream<[WatchEvent]>
    private let continuation: AsyncStream<[WatchEvent]>.Continuation
    /// Reached each time the loop asks for a batch.
    private let requests = Milestones()
    private let sent = Mutex(0)

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: [WatchEvent].self)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        typealias Failure = Never
        var base: AsyncStream<[WatchEvent]>.AsyncIterator
        let requests: Milestones

        mutating func next() async -> [WatchEvent]? {
            requests.reach()
            return await base.next()
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), requests: requests)
    }

    /// Sends a batch and waits until the loop has taken it in.
    func send(_ batch: [WatchEvent]) async {
        let count = sent.withLock { $0 += 1; return $0 }
        continuation.yield(batch)
        await requests.wait(until: count + 1)
    }

    /// The watcher stopped.
    func finish() {
        continuation.finish()
    }
}

/// A builder that returns scripted reports (by default: a rebuild that rewrote
/// one page) and records what it was asked to do.
final class FakeBuilder: SiteBuilding {
    let options: BuildOptions
    let builds = Milestones()
    /// The changed paths of every rebuild, in order; reached when a rebuild starts.
    let rebuilds = Recorded<[String]>()

    private struct Script {
        var builds: [Result<BuildReport, BuildFailure>] = []
        var rebuilds: [Result<RebuildReport, BuildFailure>] = []
        var gates: [DispatchSemaphore] = []
    }

    private let script = Mutex(Script())

    init(options: BuildOptions = FakeBuilder.defaultOptions) {
        self.options = options
    }

    static let defaultOptions = BuildOptions(contentDirectory: URL(fileURLWithPath: "/site/Content"),
                                             templatesDirectory: URL(fileURLWithPath: "/site/Templates"),
                                             outputDirectory: URL(fileURLWithPath: "/site/Output"))

    /// The next build returns `result`.
    func willBuild(_ result: Result<BuildReport, BuildFailure>) {
        script.withLock { $0.builds.append(result) }
    }

    /// The next rebuild (after those already scripted) returns `result`.
    func willRebuild(_ result: Result<RebuildReport, BuildFailure>) {
        script.withLock { $0.rebuilds.append(result) }
    }

    /// The next rebuild not yet held waits until the returned gate is opened (`signal()`).
    func holdRebuild() -> DispatchSemaphore {
        let gate = DispatchSemaphore(value: 0)
        script.withLock { $0.gates.append(gate) }
        return gate
    }

    func build() throws(BuildFailure) -> BuildReport {
        let result = script.withLock { $0.builds.isEmpty ? .success(BuildReport()) : $0.builds.removeFirst() }
        builds.reach()
        return try result.get()
    }

    func rebuild(changedPaths: [String]) throws(BuildFailure) -> RebuildReport {
        rebuilds.append(changedPaths)
        let (result, gate) = script.withLock { script in
            (script.rebuilds.isEmpty ? .success(Self.report(changedPaths, pagesRewritten: 1)) : script.rebuilds.removeFirst(),
             script.gates.isEmpty ? nil : script.gates.removeFirst())
        }
        gate?.wait()
        var report = try result.get()
        report.changedPaths = changedPaths
        return report
    }

    static func report(_ changedPaths: [String] = [], pagesRewritten: Int = 0, warnings: [Diagnostic] = []) -> RebuildReport {
        var report = RebuildReport()
        report.changedPaths = changedPaths
        report.pagesRewritten = pagesRewritten
        report.warnings = warnings
        return report
    }
}

extension WatchEvent {
    static func modified(_ path: String) -> WatchEvent { WatchEvent(path: path, kind: .modified) }
    static func created(_ path: String) -> WatchEvent { WatchEvent(path: path, kind: .created) }
}
