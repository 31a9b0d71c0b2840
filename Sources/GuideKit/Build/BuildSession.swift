import Foundation
import Synchronization

/// A build kept in memory between rebuilds, for `guide serve` and `guide build --watch`.
///
/// The first build is a full, staged build that records what every output
/// and derived value read. A rebuild is a diff: it reads the inputs again,
/// parses the guides whose files changed, assembles the new site model and
/// compares it with the previous one entity by entity (`SiteModel.changes`);
/// derived values whose reads changed are computed again, and those that come
/// out the same stop there (`DerivedValues.update`); outputs whose reads
/// changed, and those of new entities, are rendered; files whose bytes changed
/// are each replaced whole (`FileOutput.replace`), and those of removed
/// entities deleted. Everything is rendered before anything is written, so a
/// rebuild that fails before writing leaves the output as it was; one that
/// fails while writing (a full disk) says how many files it wrote.
public final class BuildSession: Sendable {
    public let options: BuildOptions
    private let state = Mutex<BuildState?>(nil)
    /// Taken by the first build and held for the session's life: no other
    /// `guide` writes the folder while this one rebuilds it.
    private let lock = Mutex<OutputLock?>(nil)

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The spare copies of large files (`FileOutput.replace`) go with the
    /// session; a session that never ends cleanly leaves them to the next build.
    deinit {
        let spares = OutputArtifacts.spareFolder(of: options.outputDirectory)
        if FileManager.default.fileExists(atPath: spares.path) { try? StagedOutput.removeSite(spares) }
    }

    /// A full build, as `guide build` does.
    @discardableResult
    public func build() throws(BuildFailure) -> BuildReport {
        let lock = try self.lock.withLock { held throws(BuildFailure) -> OutputLock in
            if let held { return held }
            do throws(Diagnostic) {
                held = try OutputLock(output: options.outputDirectory, displayPath: DisplayPath.of(options.outputDirectory))
                return held!
            } catch {
                throw BuildFailure(step: "lock", diagnostics: [error])
            }
        }
        let result = try SiteBuilder().build(options, keepingState: true, lock: lock)
        state.withLock { $0 = result.state }
        return result.report
    }

    /// Rebuilds after `changedPaths` (absolute paths under the content or
    /// templates folder). Without a previous successful build, or when the
    /// output folder was removed meanwhile, builds everything.
    public func rebuild(changedPaths: [String]) throws(BuildFailure) -> RebuildReport {
        let start = ContinuousClock.now
        let marker = options.outputDirectory.appendingPathComponent(StagedOutput.markerName).path
        guard state.withLock({ $0 != nil }), FileManager.default.fileExists(atPath: marker) else {
            let report = try build()
            var rebuild = RebuildReport()
            rebuild.changedPaths = changedPaths
            rebuild.pagesRendered = report.pageCount
            rebuild.pagesRewritten = report.pageCount
            rebuild.filesWritten = report.otherFiles
            rebuild.warnings = report.warnings
            rebuild.duration = ContinuousClock.now - start
            return rebuild
        }
        var report = RebuildReport()
        // The state is taken, not copied, so that the rebuild changes its
        // tables in place: a shared copy would be copied whole on the first
        // change (tens of thousands of entries, milliseconds per table).
        var current: BuildState? = state.withLock { $0.take() }
        let replaced: Rebuild.Replaced
        do {
            replaced = try Rebuild(options: options, changes: ChangeSet(changedPaths, options: options))
                .run(&current, report: &report)
        } catch {
            state.withLock { $0 = current }
            throw error
        }
        state.withLock { $0 = current }
        report.changedPaths = changedPaths
        report.duration = ContinuousClock.now - start
        // The previous model and parses: tens of thousands of objects in a large site.
        releaseLater(replaced)
        return report
    }
}

/// One rebuild, a step after another: load → parse → model → diff → derive →
/// plan → render → write.
///
/// It changes the build state in place. The steps up to the diff only replace
/// parts of it whole (and add ids and Markdown that a later build may use): a
/// failure there puts the replaced parts back. From the derive step on, tables
/// change in place: a failure there (a template that fails to render, a full
/// disk) drops the state, and the next rebuild builds everything.
struct Rebuild {
    let options: BuildOptions
    let changes: ChangeSet

    /// The parts of the previous state a rebuild replaces whole: what it
    /// compares the new ones with, and what it puts back after a failure.
    struct Replaced: Sendable {
        var content: ContentSource
        var templates: TemplateSet
        var assets: BuildSteps.ThemeAssets
        var settings: BuildSteps.Settings
        var guides: [String: BuildSteps.ParsedGuide]
        var pages: BuildSteps.Pages
        var model: SiteModel
        var renderTemplates: RenderTemplates
        var copies: [PlannedCopy]
        var warnings: [Diagnostic]
        /// Each guide's part of the model (`AssemblyCache.parts`): held here,
        /// the parts the assembly replaces are freed with the rest, on
        /// another thread (tens of thousands of references at 10,000 papers).
        var guideParts: [String: GuidePart]
        // Not the output lists: they change only from the plan on, in place
        // (`OutputPlan`), and a failure from there on drops the state.

        init(_ state: BuildState) {
            (content, templates, assets, settings, guides) = (state.content, state.templates, state.assets, state.settings, state.guides)
            pages = state.pages
            (model, renderTemplates, copies) = (state.model, state.renderTemplates, state.copies)
            warnings = state.warnings
            guideParts = state.assembly.parts
        }

        func restore(into state: inout BuildState) {
            (state.content, state.templates, state.assets, state.settings, state.guides) = (content, templates, assets, settings, guides)
            state.pages = pages
            (state.model, state.renderTemplates, state.copies) = (model, renderTemplates, copies)
            state.warnings = warnings
            state.assembly.parts = guideParts
        }
    }

    /// Rebuilds `state` (not nil) in place; returns the parts it replaced.
    func run(_ state: inout BuildState?, report: inout RebuildReport) throws(BuildFailure) -> Replaced {
        var next = state.take()!
        let previous = Replaced(next)
        var steps = StepClock()
        var warnings: [Diagnostic] = []
        var changed: FactSet
        do throws(BuildFailure) {
            try steps.run("load", warnings) { try load(into: &next) }
            try steps.run("parse", warnings) {
                next.settings = try BuildSteps.settings(next.content, options: options)
                warnings = next.settings.warnings
                next.guides = try BuildSteps.parse(next.content, previous: previous.guides)
                next.pages = try BuildSteps.pages(next.content)
            }
            warnings += BuildSteps.warnings(next.content, next.guides) + next.pages.warnings + next.assets.warnings
            try steps.run("model", warnings) { try assemble(into: &next, previous: previous, warnings: &warnings) }
            changed = steps.run("diff") { diff(&next, previous: previous) }
        } catch {
            previous.restore(into: &next)
            state = next
            throw error
        }
        // In place from here on: `state` stays nil if this fails.
        steps.run("derive") {
            next.derived.update(next.model, identities: &next.identities, templates: next.renderTemplates, changed: &changed)
        }
        let plan = steps.run("plan") { OutputPlan(&next, changed: &changed) }
        if changes.content { CitationFiles.keepParts(of: next.model.siteGuides[SiteModel.siteID] ?? [], in: next.fileParts) }
        let snapshot = SiteSnapshot(model: next.model, derived: next.derived, identities: next.identities,
                                    templates: next.renderTemplates, pageRoutes: plan.pageRoutes, fileParts: next.fileParts)
        let writer = SiteWriter(renderer: OutputRenderer(snapshot: snapshot, records: true), workers: options.workers)
        let rendered = try steps.run("render", warnings) { try writer.render(plan.dirty) }
        var copies: [(PlannedCopy, [UInt8])] = []
        if changes.content || changes.assets {
            copies = try steps.run("load", warnings) { try (next.copies + next.assets.copies).map { ($0, try SiteWriter.read($0)) } }
        }
        try steps.run("write", warnings) {
            do throws(PartialWrite) {
                try write(plan, rendered, copies, into: &next, previous: previous, report: &report)
            } catch {
                var failure = BuildFailure(step: "write", diagnostics: warnings + [error.error])
                failure.outputState = error.outputState(DisplayPath.of(options.outputDirectory))
                throw failure
            }
        }

        next.pageRoutes = plan.pageRoutes
        next.listings = plan.listings
        next.warnings = warnings
        report.pagesRendered = plan.dirty.filter(\.isPage).count
        report.warnings = warnings
        report.phases = steps.phases
        report.onlyStylesheetsChanged = !report.stylesheetsChanged.isEmpty && report.pagesRewritten == 0
            && report.filesDeleted == 0 && report.filesWritten == report.stylesheetsChanged.count
        state = next
        return previous
    }

    /// Reads again the inputs that changed: the content folder (every file, so
    /// that a guide added or removed is seen), the templates, the assets.
    private func load(into next: inout BuildState) throws(Diagnostic) {
        if changes.content {
            next.content = try BuildSteps.readContent(options, reusing: changes.contentFiles.map { .init(previous: next.content, changed: $0) })
        }
        if changes.templates { next.templates = try BuildSteps.readTemplates(options) }
        if changes.assets { next.assets = BuildSteps.listAssets(options) }
    }

    /// The new site model, with the session's identities and Markdown.
    private func assemble(into next: inout BuildState, previous: Replaced, warnings: inout [Diagnostic]) throws {
        if next.assembly.markdown.renderer.allowsRawHTML != next.settings.config.allowsRawHTML {
            next.assembly = AssemblyCache(allowsRawHTML: next.settings.config.allowsRawHTML)
        }
        let assembled = try SiteAssembler(config: next.settings.config, content: next.content)
            .assemble(BuildSteps.inputs(next.content, next.guides), aliases: next.settings.aliases, pages: next.pages.pages,
                      cache: &next.assembly, identities: &next.identities, previous: previous.model)
            .checked()
        try SiteBuilder.checkTemplates(next.templates, for: assembled.model)
        next.model = assembled.model
        next.copies = assembled.copies
        warnings += assembled.warnings
        if changes.templates { next.renderTemplates = RenderTemplates(next.templates, identities: &next.identities) }
    }

    /// The facts that differ from the previous build: the model's, and the templates'.
    private func diff(_ next: inout BuildState, previous: Replaced) -> FactSet {
        var changed = next.model.changes(from: previous.model)
        for fact in RenderTemplates.changes(from: previous.templates, to: next.templates, identities: &next.identities) {
            changed.insert(fact)
        }
        return changed
    }

    /// Writes what changed, on every core, and removes what the site no longer has.
    private func write(_ plan: OutputPlan, _ rendered: [(RenderedOutput, [Fact])], _ copies: [(PlannedCopy, [UInt8])],
                       into next: inout BuildState, previous: Replaced, report: inout RebuildReport) throws(PartialWrite) {
        for (output, (_, facts)) in zip(plan.dirty, rendered) {
            next.outputs.set(output.id, OutputRecord(output: output, reads: facts))
        }
        let items = zip(plan.dirty, rendered).map { OutputFolder.Item(path: $0.path, content: $1.0, isPage: $0.isPage) }
            + copies.map { OutputFolder.Item(path: $0.path, content: .file($1), isPage: false) }
        let hashes = parallelMap(items.count) { items[$0].hash }
        let changed = items.indices.filter { next.hashes[items[$0].path] != hashes[$0] }
        var output = OutputFolder(root: options.outputDirectory, replacesFiles: true)
        output.spareFolder = StagedOutput.makeSpareFolder(of: options.outputDirectory)
        let produced = Set(next.copies.map(\.path) + next.assets.copies.map(\.path))
        let removed = Set(plan.removed + (previous.copies + previous.assets.copies).map(\.path).filter { !produced.contains($0) }).sorted()
        try output.write(changed.map { items[$0] }, workers: options.workers)
        for index in changed {
            let item = items[index]
            next.hashes[item.path] = hashes[index]
            if item.isPage { report.pagesRewritten += 1 } else { report.filesWritten += 1 }
            if !item.isPage, item.path.hasSuffix(".css") { report.stylesheetsChanged.append(item.path) }
        }
        for path in removed {
            output.remove(path)
            next.hashes[path] = nil
            report.filesDeleted += 1
        }
    }
}

/// Which inputs a batch of changed paths touches.
struct ChangeSet {
    var content = false
    var templates = false
    var assets = false
    /// The names of the changed files at the top of the content folder and in
    /// its `pages/` (`pages/about.md`), when every changed path is known to be
    /// a file of the content folder or below.
    var contentFiles: Set<String>? = []

    init(_ paths: [String], options: BuildOptions) {
        let content = options.contentDirectory.path + "/"
        let templates = options.templatesDirectory.path + "/"
        let assets = templates + "assets/"
        for path in paths {
            if path.hasPrefix(assets) { self.assets = true }
            else if path.hasPrefix(templates) { self.templates = true }
            else if path.hasPrefix(content) {
                self.content = true
                let name = path.dropFirst(content.count)
                // A guide or settings file, the pages folder, or a page; else in images/, read again whole.
                let parts = name.split(separator: "/", omittingEmptySubsequences: false)
                if parts.count == 1 || (parts.count == 2 && parts[0] == ContentSource.pagesFolder) {
                    contentFiles?.insert(String(name))
                }
            } else {
                (self.content, self.templates, self.assets) = (true, true, true)
                contentFiles = nil
            }
        }
        if paths.isEmpty { (self.content, self.templates, self.assets, contentFiles) = (true, true, true, nil) }
    }
}

/// What a rebuild did, for the terminal line and the browser.
public struct RebuildReport: Sendable {
    /// The files that triggered the rebuild.
    public var changedPaths: [String] = []
    /// Pages rendered again: those that read something the change reached.
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
    /// Time per step: load, parse, model, diff, derive, plan, render, write.
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
        // The steps that took time, e.g. "(parse 31 ms, derive 6.5 ms, write 12 ms)".
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
