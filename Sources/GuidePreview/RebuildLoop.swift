import Dispatch
import Foundation
import GuideKit

/// The watch → rebuild → notify loop of `guide serve` and `guide build --watch`.
///
/// Builds once, then rebuilds after every batch of changes reported by a
/// ``FileWatcher``. Each rebuild reports one line (and its new warnings or its
/// errors) through `report` and, only after it has returned (its files are
/// written), tells `notify` what the open pages should do: swap stylesheets,
/// reload, show the build error, or clear it. Changes that arrive during a
/// rebuild are merged into the next one, so a burst of saves costs at most one
/// extra rebuild.
///
/// The loop prints nothing itself: the caller shows each ``RebuildLoopMessage``.
public actor RebuildLoop {
    /// Options for a new build session (and a note to show about them). Asked
    /// again when `site.yml` changes, so `guide serve` can keep its preview base
    /// URL in step with the file.
    public typealias OptionsProvider = @Sendable () -> (options: BuildOptions, note: String?)
    /// Makes the builder of a session from its options.
    public typealias BuilderFactory = @Sendable (BuildOptions) -> any SiteBuilding

    private let makeOptions: OptionsProvider
    private let makeBuilder: BuilderFactory
    private let report: @Sendable (RebuildLoopMessage) -> Void
    private let notify: @Sendable (ReloadEvent) -> Void
    private var session: any SiteBuilding
    /// The last build or rebuild failed: pages show the overlay until one succeeds.
    private var failed = false
    /// Warnings already reported: a rebuild reports only new ones, not the same list on every save.
    private var shownWarnings: Set<Diagnostic> = []
    private let queue = DispatchQueue(label: "guide.rebuild", qos: .userInitiated)

    /// Makes the first session; reports its options' note, if any, at once.
    /// - Parameters:
    ///   - makeOptions: options of the session (and a note to show about them).
    ///   - makeBuilder: the builder of a session; a ``GuideKit/BuildSession`` unless a test gives another.
    ///   - report: receives what to show: summaries, rebuild lines, notes, new warnings, errors.
    ///   - notify: receives the event for open pages after each build.
    public init(makeOptions: @escaping OptionsProvider,
                makeBuilder: @escaping BuilderFactory = { BuildSession(options: $0) },
                report: @escaping @Sendable (RebuildLoopMessage) -> Void,
                notify: @escaping @Sendable (ReloadEvent) -> Void = { _ in }) {
        FreedMemory.keepForReuse()
        let (options, note) = makeOptions()
        if let note { report(.note(note)) }
        self.makeOptions = makeOptions
        self.makeBuilder = makeBuilder
        self.report = report
        self.notify = notify
        self.session = makeBuilder(options)
    }

    /// The first, full build. On failure the errors are reported and pages get
    /// the overlay; watching goes on and the next good rebuild recovers.
    /// - Returns: whether it succeeded.
    @discardableResult
    public func buildFirst() async -> Bool {
        await build(compact: false)
    }

    /// A full build of the current session.
    /// - Parameter compact: report only the summary's first line and only new warnings (a rebuild from scratch).
    @discardableResult
    private func build(compact: Bool) async -> Bool {
        let session = self.session
        let result = await offPool { () -> Result<BuildReport, BuildFailure> in
            do throws(BuildFailure) { return .success(try session.build()) } catch { return .failure(error) }
        }
        switch result {
        case .success(let build):
            reportWarnings(compact ? build.warnings.filter { !shownWarnings.contains($0) } : build.warnings)
            shownWarnings = Set(build.warnings)
            report(.built(compact ? String(build.summary.prefix { $0 != "\n" }) : build.summary))
            notify(failed ? .buildSucceeded : .reload)
            failed = false
            return true
        case .failure(let failure):
            reportFailure(failure)
            return false
        }
    }

    /// Rebuilds after each batch until `batches` finishes (the watcher was stopped).
    /// A rebuild in progress when it finishes is completed first; changes still
    /// waiting for a rebuild then are dropped.
    public func run(batches: some AsyncSequence<[WatchEvent], Never> & Sendable) async {
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
    public func rebuild(changedPaths: [String]) async {
        let siteFile = session.options.contentDirectory.appendingPathComponent("site.yml").path
        if changedPaths.contains(siteFile) {
            let (options, note) = makeOptions()
            if options.baseURL != session.options.baseURL {
                report(.note("\(Self.names(changedPaths)): base URL changed, building everything again"))
                if let note { report(.note(note)) }
                session = makeBuilder(options)
                await build(compact: true)
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
        case .success(let rebuild):
            reportWarnings(rebuild.warnings.filter { !shownWarnings.contains($0) })
            shownWarnings = Set(rebuild.warnings)
            report(.rebuilt(rebuild.summary))
            if failed {
                failed = false
                notify(.buildSucceeded)  // clears the overlay and reloads
            } else if rebuild.onlyStylesheetsChanged {
                if !rebuild.stylesheetsChanged.isEmpty { notify(.cssChanged(rebuild.stylesheetsChanged)) }
            } else if rebuild.changedOutput {
                notify(.reload)
            }
            // else: no output file changed (e.g. a save without edits): pages stay as they are.
        case .failure(let failure):
            reportFailure(failure)
        }
    }

    private func reportWarnings(_ warnings: [Diagnostic]) {
        if !warnings.isEmpty { report(.warnings(warnings)) }
    }

    private func reportFailure(_ failure: BuildFailure) {
        let warnings = failure.diagnostics.filter { !$0.isError }
        reportWarnings(warnings.filter { !shownWarnings.contains($0) })
        shownWarnings.formUnion(warnings)
        report(.failed(failure.description))
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

/// What ``RebuildLoop`` has to say, for the caller to show. Diagnostics and
/// errors (``isDiagnostic``) belong on standard error, the rest on standard output.
public enum RebuildLoopMessage: Sendable, Equatable {
    /// About the session: the note of its options (e.g. the preview's base URL),
    /// or why everything is built again.
    case note(String)
    /// A full build succeeded: its summary (several lines; for a build from
    /// scratch after a base-URL change, only the first).
    case built(String)
    /// A rebuild succeeded: its one line.
    case rebuilt(String)
    /// Warnings not reported before, in the order found (never empty).
    case warnings([Diagnostic])
    /// A build or rebuild failed: its errors and the line saying that nothing was written.
    case failed(String)

    /// Whether this is a diagnostic (warnings, errors) rather than a result.
    public var isDiagnostic: Bool {
        switch self {
        case .note, .built, .rebuilt: false
        case .warnings, .failed: true
        }
    }

    /// The text to show, one or more lines, without a final line break.
    public var text: String {
        switch self {
        case .note(let text), .built(let text), .rebuilt(let text), .failed(let text): text
        case .warnings(let warnings): warnings.map(\.description).joined(separator: "\n")
        }
    }
}
