import Foundation
import Synchronization

/// A build kept in memory between rebuilds, for `guide serve` and `guide build --watch`.
///
/// The first build is a full, staged build. A rebuild re-reads only the inputs
/// that changed (the guide is re-parsed only when its bytes changed). When the
/// edit keeps the guide's shape (no paper, topic or author added or removed,
/// the same title and intro: the usual edit of a title, byline or description),
/// it builds again only the shared nodes of the entities that changed and plans
/// again only the pages that show them; otherwise it plans every page. Either
/// way it renders only pages whose context or templates changed and writes, in
/// place, only files whose bytes changed; files the site no longer produces are
/// removed. Everything is rendered before anything is written, so a failed
/// rebuild leaves the output as it was.
public final class BuildSession: Sendable {
    public let options: BuildOptions
    private let state = Mutex<State?>(nil)

    struct State: Sendable {
        var inputs: SiteBuilder.Inputs
        var planner: PagePlanner
        var plan: SitePlan
        /// Hash of the bytes of every file in the output, by path.
        var hashes: [String: Int]

        var guide: Guide { planner.guide }
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// A full build, as `guide build` does.
    @discardableResult
    public func build() throws(BuildFailure) -> BuildReport {
        let result = try SiteBuilder().build(options, hashingOutput: true)
        state.withLock { $0 = State(inputs: result.inputs, planner: result.planner, plan: result.plan, hashes: result.hashes) }
        return result.report
    }

    /// Rebuilds after `changedPaths` (absolute paths under the content or
    /// templates folder). Without a previous successful build, or when the
    /// output folder was removed meanwhile, builds everything.
    ///
    /// The previous build is taken out of the session while it is rebuilt, so
    /// that its plan and hashes are changed in place rather than copied (at
    /// 15,000 pages, copying them cost more than the rest of a one-title
    /// rebuild's plan). It is put back as it was when the changed files do not
    /// load or parse; a rebuild that fails later leaves none, and the next one
    /// builds everything.
    public func rebuild(changedPaths: [String]) throws(BuildFailure) -> RebuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let marker = options.outputDirectory.appendingPathComponent(StagedOutput.markerName).path
        guard var previous = state.withLock({ $0.take() }), FileManager.default.fileExists(atPath: marker) else {
            let report = try build()
            var rebuild = RebuildReport()
            rebuild.changedPaths = changedPaths
            rebuild.pagesRewritten = report.pageCount
            rebuild.filesWritten = report.otherFiles
            rebuild.warnings = report.warnings
            rebuild.duration = clock.now - start
            return rebuild
        }
        let changes = ChangeSet(changedPaths, options: options)
        var warnings: [Diagnostic] = []
        var phases: [BuildReport.Phase] = []

        func step<T>(_ name: String, _ body: () throws -> T) throws(BuildFailure) -> T {
            let stepStart = clock.now
            defer { phases.append(.init(name: name, duration: clock.now - stepStart)) }
            do { return try body() } catch {
                throw BuildFailure(step: name, diagnostics: warnings + BuildFailure.diagnostics(of: error, step: name))
            }
        }

        // Read what changed.
        var inputs = previous.inputs
        var guide = previous.guide
        do throws(BuildFailure) {
            try step("load") {
                if changes.content { inputs.content = try BuildSteps.readContent(options) }
                if changes.templates { inputs.templates = try BuildSteps.readTemplates(options) }
                if changes.assets { inputs.assets = BuildSteps.listAssets(options) }
            }
            try step("parse") {
                guard changes.content else { return }
                let (config, configWarnings) = try BuildSteps.config(inputs.content, options: options)
                warnings = configWarnings
                if inputs.content.guideBytes == previous.inputs.content.guideBytes {
                    warnings += previous.inputs.parseWarnings.filter { $0.file == inputs.content.guideDisplayPath }
                } else {
                    let parsed = try BuildSteps.parse(inputs.content, previous: (previous.inputs.parsed, previous.inputs.content.guideBytes))
                    guide = parsed.guide
                    warnings += parsed.diagnostics
                    inputs.parsed = parsed
                }
                inputs.config = config
                inputs.parseWarnings = warnings
            }
        } catch {
            state.withLock { [previous] in $0 = previous }
            throw error
        }
        warnings = inputs.parseWarnings

        // Plan what may have changed, then keep the pages whose context or templates did.
        let changedTemplates = Self.changedTemplates(previous.inputs.templates.sources, inputs.templates.sources)
        let update = try step("plan") {
            if changedTemplates.isEmpty, inputs.config == previous.inputs.config,
               let guideChanges = GuideChanges.between(previous.guide, guide) {
                PlanUpdate.partial(&previous, guide: guide, changes: guideChanges, content: inputs.content, assets: inputs.assets)
            } else {
                PlanUpdate.full(previous, guide: guide, inputs: inputs, changedTemplates: changedTemplates)
            }
        }
        warnings += update.plan.warnings

        // Render everything first; write only after nothing can fail but the disk.
        let writer = SiteWriter(renderer: PageRenderer(templates: inputs.templates), workers: options.workers)
        let pages = update.pagesToRender.map { update.plan.pages[$0] }
        let html = try step("render") { try writer.render(pages) }
        var copies: [(PlannedCopy, [UInt8])] = []
        if changes.content || changes.assets {
            copies = try step("load") { try update.plan.copies.map { ($0, try SiteWriter.read($0)) } }
        }

        var report = RebuildReport()
        report.changedPaths = changedPaths
        report.pagesRendered = pages.count
        report.pagesPlanned = update.pagesPlanned
        var hashes: [String: Int] = [:]
        swap(&hashes, &previous.hashes)
        let output = OutputFolder(root: options.outputDirectory, rewritesInPlace: true)
        try step("write") {
            // Hash on every core, then write what changed on every core.
            let items = zip(pages, html).map { OutputItem(path: $0.path, text: $1, kind: .page) }
                + update.plan.files.map { OutputItem(path: $0.path, bytes: $0.bytes, kind: .file) }
                + copies.map { OutputItem(path: $0.path, bytes: $1, kind: .file) }
            let itemHashes = parallelMap(items.count) { items[$0].hash }
            let changed = items.indices.filter { hashes[items[$0].path] != itemHashes[$0] }
            try Self.write(changed.map { items[$0] }, to: output, workers: options.workers)
            for index in changed {
                let item = items[index]
                hashes[item.path] = itemHashes[index]
                if item.kind == .page { report.pagesRewritten += 1 } else { report.filesWritten += 1 }
                if item.kind == .file, item.path.hasSuffix(".css") { report.stylesheetsChanged.append(item.path) }
            }
            for path in update.removedPaths(previousPaths: hashes.keys) {
                output.remove(path)
                hashes[path] = nil
                report.filesDeleted += 1
            }
        }

        state.withLock { $0 = State(inputs: inputs, planner: update.planner, plan: update.plan, hashes: hashes) }
        report.onlyStylesheetsChanged = !report.stylesheetsChanged.isEmpty && report.pagesRewritten == 0
            && report.filesDeleted == 0 && report.filesWritten == report.stylesheetsChanged.count
        report.warnings = warnings
        report.duration = clock.now - start
        report.phases = phases
        // Freeing the previous guide and plan (tens of thousands of objects in a
        // large guide) takes milliseconds the author need not wait for.
        DispatchQueue.global(qos: .utility).async { [previous] in withExtendedLifetime(previous) {} }
        return report
    }

    /// A file a rebuild may write.
    struct OutputItem: Sendable {
        enum Kind { case page, file }
        var path: String
        var text = ""
        var bytes: [UInt8] = []
        var kind: Kind

        init(path: String, text: String, kind: Kind) { (self.path, self.text, self.kind) = (path, text, kind) }
        init(path: String, bytes: [UInt8], kind: Kind) { (self.path, self.bytes, self.kind) = (path, bytes, kind) }

        var hash: Int { kind == .page ? OutputFolder.hash(text) : OutputFolder.hash(bytes) }
    }

    /// Writes `items` in parallel; the first failure, if any, is thrown after all have been tried.
    static func write(_ items: [OutputItem], to output: OutputFolder, workers: Int) throws(Diagnostic) {
        let failure = Mutex<Diagnostic?>(nil)
        forEachChunk(of: items.count, workers: workers) { range in
            for item in items[range] {
                do throws(Diagnostic) {
                    if item.kind == .page { try output.write(item.text, to: item.path, makingFolder: true) }
                    else { try output.write(item.bytes, to: item.path) }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Template names added, removed or edited.
    static func changedTemplates(_ old: [String: String], _ new: [String: String]) -> Set<String> {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
    }
}

/// Which inputs a batch of changed paths touches.
struct ChangeSet {
    var content = false
    var templates = false
    var assets = false

    init(_ paths: [String], options: BuildOptions) {
        let content = options.contentDirectory.path + "/"
        let templates = options.templatesDirectory.path + "/"
        let assets = templates + "assets/"
        for path in paths {
            if path.hasPrefix(assets) { self.assets = true }
            else if path.hasPrefix(templates) { self.templates = true }
            else if path.hasPrefix(content) { self.content = true }
            else { (self.content, self.templates, self.assets) = (true, true, true) }
        }
        if paths.isEmpty { (self.content, self.templates, self.assets) = (true, true, true) }
    }
}

/// What a rebuild did, for the terminal line and the browser.
public struct RebuildReport: Sendable {
    /// The files that triggered the rebuild.
    public var changedPaths: [String] = []
    /// Pages planned again: every page, or after an edit that kept the guide's
    /// shape, only those that show what changed.
    public var pagesPlanned = 0
    /// Pages whose context or templates changed, rendered again.
    public var pagesRendered = 0
    /// Pages written because their bytes changed.
    public var pagesRewritten = 0
    /// Other files written (search index, sitemap, feed, assets, images).
    public var filesWritten = 0
    /// Files removed because the site no longer produces them.
    public var filesDeleted = 0
    /// Output paths of stylesheets whose bytes changed, e.g. `assets/style.css`.
    public var stylesheetsChanged: [String] = []
    /// Only stylesheets changed: the browser can swap them without reloading.
    public var onlyStylesheetsChanged = false
    public var warnings: [Diagnostic] = []
    public var duration: Duration = .zero
    /// Time per step: load, parse, plan, render, write.
    public var phases: [BuildReport.Phase] = []

    /// Whether anything in the output changed.
    public var changedOutput: Bool { pagesRewritten + filesWritten + filesDeleted > 0 }

    /// One line for the terminal.
    public var summary: String {
        let names = changedPaths.map { ($0 as NSString).lastPathComponent }
        let what = names.isEmpty ? "rebuilt" : names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
        var line = "\(what): \(count(pagesRewritten, "page")) rewritten, \(count(filesWritten, "other file"))"
        if filesDeleted > 0 { line += ", \(count(filesDeleted, "file")) removed" }
        line += " in \(BuildReport.milliseconds(duration))"
        // The steps that took time, e.g. "(parse 31 ms, plan 6.5 ms, write 12 ms)".
        var totals: [(name: String, duration: Duration)] = []
        for phase in phases {
            if let index = totals.firstIndex(where: { $0.name == phase.name }) { totals[index].duration += phase.duration }
            else { totals.append((phase.name, phase.duration)) }
        }
        let slow = totals.filter { $0.duration >= .milliseconds(1) }
        if !slow.isEmpty { line += " (" + slow.map { "\($0.name) \(BuildReport.milliseconds($0.duration))" }.joined(separator: ", ") + ")" }
        return line
    }
}
