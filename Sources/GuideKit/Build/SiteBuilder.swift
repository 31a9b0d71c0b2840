import Foundation

/// The whole build, one step after another:
/// load → parse → model → derive → render and write → commit.
public struct SiteBuilder: Sendable {
    public init() {}

    /// The result of a successful build.
    public struct Result: Sendable {
        public var report: BuildReport
        /// What a `BuildSession` keeps to rebuild from (with `keepingState`).
        var state: BuildState
    }

    /// - Parameter keepingState: record what every output read and hash every
    ///   file written, for a `BuildSession`'s rebuilds.
    /// - Parameter lock: the output folder's lock when the caller holds it
    ///   (a `BuildSession` holds it for its life); else the build takes it.
    public func build(_ options: BuildOptions, keepingState: Bool = false, lock: OutputLock? = nil) throws(BuildFailure) -> Result {
        var report = BuildReport()
        report.outputDisplayPath = DisplayPath.of(options.outputDirectory)
        var warnings: [Diagnostic] = []
        var steps = StepClock()

        // First of all, so that a folder an interrupted build left without its
        // site has it back even if this build fails.
        let heldLock = try steps.run("lock", warnings) {
            try lock ?? OutputLock(output: options.outputDirectory, displayPath: report.outputDisplayPath)
        }
        defer { withExtendedLifetime(heldLock) {} }
        warnings += StagedOutput.recoverLeftovers(of: options.outputDirectory, displayPath: report.outputDisplayPath)

        var content: ContentSource
        let templates: TemplateSet, assets: BuildSteps.ThemeAssets
        (content, templates, assets) = try steps.run("load", warnings) {
            (try BuildSteps.readContent(options), try BuildSteps.readTemplates(options), BuildSteps.listAssets(options))
        }
        warnings += assets.warnings
        let site = try Self.plan(&content, templates, options: options, keepingState: keepingState, steps: &steps, warnings: &warnings)
        let outputs = site.listings.all
        let pageRoutes = site.listings.pageRoutes

        let staged = try steps.run("prepare", warnings) {
            try StagedOutput(output: options.outputDirectory, displayPath: report.outputDisplayPath)
        }
        var writer = SiteWriter(renderer: OutputRenderer(snapshot: site.snapshot, records: keepingState), workers: options.workers)
        writer.keepsState = keepingState
        let written: SiteWriter.Written
        let writeStart = ContinuousClock.now
        do {
            written = try writer.write(outputs, copies: site.assembled.copies + assets.copies, into: staged.staging)
        } catch {
            staged.discard()
            throw BuildFailure(step: "render", diagnostics: warnings + [error])
        }
        // Render and write overlap on every thread: report each one's share of the wall time.
        steps.split(ContinuousClock.now - writeStart, render: written.timings.render, write: written.timings.write)
        warnings += try steps.run("commit", warnings) { try staged.commit() }

        for output in outputs { if let page = OutputKind.all[output.kind].page { report.pageCounts[page, default: 0] += 1 } }
        report.otherFiles = outputs.count - pageRoutes.count + site.assembled.copies.count + assets.copies.count
        report.warnings = warnings
        report.phases = steps.phases
        var records = OutputTable()
        if keepingState { for (output, reads) in zip(outputs, written.reads) { records.set(output.id, OutputRecord(output: output, reads: reads)) } }
        let state = BuildState(content: content, templates: templates, assets: assets, settings: site.settings, guides: site.guides,
                               pages: site.pages,
                               identities: site.identities, assembly: site.cache, model: site.assembled.model, derived: site.derived,
                               renderTemplates: site.renderTemplates, outputs: records, listings: site.listings, pageRoutes: pageRoutes,
                               copies: site.assembled.copies, hashes: written.hashes, warnings: warnings)
        return Result(report: report, state: state)
    }

    /// The site in memory, up to the outputs a build writes: what the fuzz
    /// tests render without writing.
    struct PlannedSite {
        var settings: BuildSteps.Settings
        var guides: [String: BuildSteps.ParsedGuide]
        var pages: BuildSteps.Pages
        var cache: AssemblyCache
        var identities: Identities
        var assembled: SiteAssembler.Result
        var derived: DerivedValues
        var renderTemplates: RenderTemplates
        var listings: OutputListings

        var snapshot: SiteSnapshot {
            SiteSnapshot(model: assembled.model, derived: derived, identities: identities,
                         templates: renderTemplates, pageRoutes: listings.pageRoutes)
        }
    }

    /// Settings and parse → model → derive → the list of outputs.
    /// - Parameter content: its guides' texts are let go with the parse.
    /// - Parameter keepingParse: keep the guides' parse in the result (`guide
    ///   check` reads it); a build keeps it only to rebuild from (`keepingState`).
    static func plan(_ content: inout ContentSource, _ templates: TemplateSet, options: BuildOptions, keepingState: Bool,
                     keepingParse: Bool? = nil,
                     steps: inout StepClock, warnings: inout [Diagnostic]) throws(BuildFailure) -> PlannedSite {
        var warningsSoFar = warnings
        let settings: BuildSteps.Settings, pages: BuildSteps.Pages
        var guides: [String: BuildSteps.ParsedGuide]
        (settings, guides, pages) = try steps.run("parse", warnings) {
            let settings = try BuildSteps.settings(content, options: options)
            warningsSoFar += settings.warnings
            let guides = try BuildSteps.parse(content)
            return (settings, guides, try BuildSteps.pages(content))
        }
        warnings = warningsSoFar + BuildSteps.warnings(content, guides) + pages.warnings

        var identities = Identities()
        var cache = AssemblyCache(allowsRawHTML: settings.config.allowsRawHTML)
        let (assembled, renderTemplates) = try steps.run("model", warnings) {
            let assembled = try SiteAssembler(config: settings.config, content: content)
                .assemble(BuildSteps.inputs(content, guides), aliases: settings.aliases, pages: pages.pages,
                          cache: &cache, identities: &identities)
                .checked()
            try Self.checkTemplates(templates, for: assembled.model)
            return (assembled, RenderTemplates(templates, identities: &identities))
        }
        warnings += assembled.warnings
        if !(keepingParse ?? keepingState) {
            // A build that is not rebuilt from needs the parse, the assembly's
            // caches and the guides' texts no more: they go before deriving,
            // where memory peaks. This took the peak of a 100,000-paper build
            // from 1,155 MiB to 1,053 MiB (the texts are 17 MB more).
            guides = [:]
            cache = AssemblyCache(allowsRawHTML: settings.config.allowsRawHTML)
            content.releaseGuideTexts()
        }
        let derived = steps.run("derive") {
            DerivedValues.compute(assembled.model, identities: &identities, templates: renderTemplates,
                                  records: keepingState, releasing: !keepingState)
        }
        var listings = OutputListings()
        _ = listings.update(SiteSnapshot(model: assembled.model, derived: derived, identities: identities, templates: renderTemplates),
                            identities: &identities, changed: nil, records: keepingState)
        return PlannedSite(settings: settings, guides: guides, pages: pages, cache: cache, identities: identities, assembled: assembled,
                           derived: derived, renderTemplates: renderTemplates, listings: listings)
    }

    /// Every page kind the site has needs its template: `guides.mustache` only
    /// on a site of several guides, `careers.mustache` only with postings.
    static func checkTemplates(_ templates: TemplateSet, for model: SiteModel) throws(Diagnostic) {
        if model.site[SiteModel.siteID]!.multipleGuides, !templates.contains(PageKind.guides.rawValue) {
            throw .error(templates.displayPath, "missing page template guides.mustache: a site of several guides lists them at / with it")
        }
    }
}

/// What a build made, kept by a `BuildSession` to rebuild from.
struct BuildState: Sendable {
    var content: ContentSource
    var templates: TemplateSet
    var assets: BuildSteps.ThemeAssets
    var settings: BuildSteps.Settings
    /// By slug.
    var guides: [String: BuildSteps.ParsedGuide]
    /// The extra pages, as read.
    var pages: BuildSteps.Pages
    var identities: Identities
    /// Markdown's HTML and each guide's part of the model, for the next rebuild.
    var assembly: AssemblyCache
    var model: SiteModel
    var derived: DerivedValues
    var renderTemplates: RenderTemplates
    /// Every output, by id, with what it read.
    var outputs: OutputTable
    var listings: OutputListings
    var pageRoutes: [String]
    var copies: [PlannedCopy]
    /// Hash of the bytes of every file in the output folder, by path.
    var hashes: [String: Int]
    /// The warnings of the last build or rebuild.
    var warnings: [Diagnostic]
    /// The parts of large files that rebuilds made.
    let fileParts = FilePartCache()
}

/// Times the steps of a build and stamps a failing step's name on its error.
struct StepClock {
    private(set) var phases: [BuildReport.Phase] = []
    private let clock = ContinuousClock()

    mutating func run<T>(_ name: String, _ warnings: [Diagnostic], _ body: () throws -> T) throws(BuildFailure) -> T {
        let start = clock.now
        defer { phases.append(.init(name: name, duration: clock.now - start)) }
        do {
            return try body()
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(step: name, diagnostics: warnings + BuildFailure.diagnostics(of: error, step: name))
        }
    }

    mutating func run<T>(_ name: String, _ body: () -> T) -> T {
        let start = clock.now
        defer { phases.append(.init(name: name, duration: clock.now - start)) }
        return body()
    }

    /// Render and write ran together for `wall`: each gets its share of the busy time.
    mutating func split(_ wall: Duration, render: Duration, write: Duration) {
        let busy = render + write
        let share = busy == .zero ? 0 : render / busy
        phases.append(.init(name: "render", duration: wall * share))
        phases.append(.init(name: "write", duration: wall * (1 - share)))
    }
}

extension BuildFailure {
    /// The diagnostics a step threw: one, several, or an unexpected error named after the step.
    static func diagnostics(of error: any Error, step: String) -> [Diagnostic] {
        switch error {
        case let diagnostic as Diagnostic: [diagnostic]
        case let list as DiagnosticList: list.diagnostics
        default: [.error(step, "\(error)")]
        }
    }
}
