import Dispatch
import Foundation
import GuideKit
import GuidePreview
import Synchronization

/// The watch → rebuild → notify loop of `guide serve` and `guide build --watch`.
///
/// Builds once, then rebuilds after every batch of changes reported by a
/// ``FileWatcher``. Each rebuild prints one line (its warnings and errors go to
/// standard error) and, only after it has returned (its files are written),
/// tells `notify` what the open pages should do: swap stylesheets, reload, show
/// the build error, or clear it. Changes that arrive during a rebuild are
/// merged into the next one, so a burst of saves costs at most one extra rebuild.
actor RebuildLoop {
    /// Options for a new build session. Asked again when `site.yml` changes, so
    /// `guide serve` can keep its preview base URL in step with the file.
    typealias OptionsProvider = @Sendable () -> (options: BuildOptions, note: String?)

    private let makeOptions: OptionsProvider
    private let notify: @Sendable (ReloadEvent) -> Void
    private var session: BuildSession
    /// The last build or rebuild failed: pages show the overlay until one succeeds.
    private var failed = false
    /// Warnings already printed: a rebuild prints only new ones, not the same list on every save.
    private var shownWarnings: Set<Diagnostic> = []
    private let queue = DispatchQueue(label: "guide.rebuild", qos: .userInitiated)

    /// - Parameters:
    ///   - makeOptions: options of the session (and a note to print about them).
    ///   - notify: receives the event for open pages after each build.
    init(makeOptions: @escaping OptionsProvider, notify: @escaping @Sendable (ReloadEvent) -> Void = { _ in }) {
        let (options, note) = makeOptions()
        if let note { Terminal.printLine(note) }
        self.makeOptions = makeOptions
        self.notify = notify
        self.session = BuildSession(options: options)
    }

    /// The first, full build. On failure the errors are printed and pages get the
    /// overlay; watching goes on and the next good rebuild recovers.
    /// - Returns: whether it succeeded.
    /// - Parameter compact: print one summary line and only new warnings (a rebuild from scratch).
    @discardableResult
    func buildFirst(compact: Bool = false) async -> Bool {
        let session = self.session
        let result = await offPool { () -> Result<BuildReport, BuildFailure> in
            do throws(BuildFailure) { return .success(try session.build()) } catch { return .failure(error) }
        }
        switch result {
        case .success(let report):
            Terminal.report(compact ? report.warnings.filter { !shownWarnings.contains($0) } : report.warnings)
            shownWarnings = Set(report.warnings)
            Terminal.printLine(compact ? String(report.summary.prefix { $0 != "\n" }) : report.summary)
            notify(failed ? .buildSucceeded : .reload)
            failed = false
            return true
        case .failure(let failure):
            reportFailure(failure)
            return false
        }
    }

    /// Rebuilds after each batch until `batches` finishes (the watcher was stopped).
    /// A rebuild in progress when it finishes is completed first.
    func run(batches: AsyncStream<[WatchEvent]>) async {
        let pending = PendingChanges()
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let reader = Task {
            for await batch in batches {
                // A file created and gone within the batch (an editor's or a library's
                // temporary file renamed over the real one) was never seen by a build.
                let changes = batch.filter { !($0.kind == .created && !FileManager.default.fileExists(atPath: $0.path)) }
                guard !changes.isEmpty else { continue }
                pending.add(changes.map(\.path))
                wake.yield()
            }
            pending.finish()
            wake.finish()
        }
        for await _ in wakeups {
            guard let paths = pending.take() else { break }
            // The build's own writes, seen when the output folder is inside a watched folder.
            let output = session.options.outputDirectory
            let relevant = paths.filter { !OutputArtifacts.isArtifact($0, of: output) }
            if relevant.isEmpty { continue }
            await rebuild(changedPaths: relevant)
        }
        await reader.value
    }

    /// One rebuild: a fresh full build when `site.yml` changed the session's
    /// options (the preview base URL), else the session's incremental rebuild.
    func rebuild(changedPaths: [String]) async {
        let siteFile = session.options.contentDirectory.appendingPathComponent("site.yml").path
        if changedPaths.contains(siteFile) {
            let (options, note) = makeOptions()
            if options.baseURL != session.options.baseURL {
                Terminal.printLine("\(Self.names(changedPaths)): base URL changed, building everything again")
                if let note { Terminal.printLine(note) }
                session = BuildSession(options: options)
                await buildFirst(compact: true)
                return
            }
        }
        let session = self.session
        let result = await offPool { () -> Result<RebuildReport, BuildFailure> in
            do throws(BuildFailure) {
                return .success(try session.rebuild(changedPaths: changedPaths))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let report):
            Terminal.report(report.warnings.filter { !shownWarnings.contains($0) })
            shownWarnings = Set(report.warnings)
            Terminal.printLine(report.summary)
            if failed {
                failed = false
                notify(.buildSucceeded)  // clears the overlay and reloads
            } else if report.onlyStylesheetsChanged {
                if !report.stylesheetsChanged.isEmpty { notify(.cssChanged(report.stylesheetsChanged)) }
            } else if report.changedOutput {
                notify(.reload)
            }
            // else: no output file changed (e.g. a save without edits): pages stay as they are.
        case .failure(let failure):
            reportFailure(failure)
        }
    }

    private func reportFailure(_ failure: BuildFailure) {
        let warnings = failure.diagnostics.filter { !$0.isError }
        Terminal.report(warnings.filter { !shownWarnings.contains($0) })
        shownWarnings.formUnion(warnings)
        Terminal.printError(failure.description)
        failed = true
        notify(.buildFailed(failure.description))
    }

    /// `guide.txt, style.css` for the terminal.
    static func names(_ paths: [String]) -> String {
        let names = paths.map { ($0 as NSString).lastPathComponent }
        return names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
    }

    /// Runs a (CPU-bound, blocking) build on its own queue rather than on the
    /// cooperative thread pool, which the server and the watcher share.
    private func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }
}

/// Paths changed since the last rebuild, in the order first seen, each once.
final class PendingChanges: Sendable {
    private struct State {
        var paths: [String] = []
        var seen: Set<String> = []
        var finished = false
    }

    private let state = Mutex(State())

    func add(_ paths: [String]) {
        state.withLock { state in
            for path in paths where state.seen.insert(path).inserted {
                state.paths.append(path)
            }
        }
    }

    /// Marks the end of watching: ``take()`` returns `nil` from now on.
    func finish() {
        state.withLock { $0.finished = true }
    }

    /// The pending paths (possibly none), or `nil` once watching has ended.
    func take() -> [String]? {
        state.withLock { state in
            guard !state.finished else { return nil }
            defer { state = State() }
            return state.paths
        }
    }
}
