import Foundation

/// The whole build, one step after another:
/// load → parse → plan → render → write → commit.
public struct SiteBuilder: Sendable {
    public init() {}

    /// The result of a successful build, kept by rebuilds in watch mode.
    public struct Result: Sendable {
        public var report: BuildReport
        public var guide: Guide
        public var plan: SitePlan
        /// Hash of every file written, by output path (with `hashingOutput`).
        var hashes: [String: Int]
        var inputs: Inputs
        /// What planned the pages, for a rebuild to plan some again.
        var planner: PagePlanner
    }

    /// What the build read, so a rebuild can tell what changed.
    struct Inputs: Sendable {
        var content: ContentSource
        var templates: TemplateSet
        var assets: [PlannedCopy]
        var config: SiteConfig
        /// Warnings about site.yml and the guide text (not the plan's).
        var parseWarnings: [Diagnostic]
        /// The parse of `content`'s guide, for a rebuild to patch.
        var parsed: GuideParser.Result
    }

    /// - Parameter hashingOutput: hash every file written, for a `BuildSession`'s rebuilds.
    public func build(_ options: BuildOptions, hashingOutput: Bool = false) throws(BuildFailure) -> Result {
        var report = BuildReport()
        report.outputDisplayPath = DisplayPath.of(options.outputDirectory)
        var warnings: [Diagnostic] = []
        let clock = ContinuousClock()

        func step<T>(_ name: String, _ body: () throws -> T) throws(BuildFailure) -> T {
            let start = clock.now
            defer { report.phases.append(.init(name: name, duration: clock.now - start)) }
            do {
                return try body()
            } catch {
                throw BuildFailure(step: name, diagnostics: warnings + BuildFailure.diagnostics(of: error, step: name))
            }
        }

        let (content, templates, assets) = try step("load") {
            (try BuildSteps.readContent(options), try BuildSteps.readTemplates(options), BuildSteps.listAssets(options))
        }
        let (parsed, config) = try step("parse") {
            let (config, configWarnings) = try BuildSteps.config(content, options: options)
            warnings += configWarnings
            let parsed = try BuildSteps.parse(content)
            warnings += parsed.diagnostics
            return (parsed, config)
        }
        let guide = parsed.guide
        let parseWarnings = warnings
        let (plan, planner) = try step("plan") {
            BuildSteps.plan(guide, config: config, templates: templates, content: content, assets: assets)
        }
        warnings += plan.warnings

        let output = try step("prepare") { try StagedOutput(output: options.outputDirectory, displayPath: report.outputDisplayPath) }
        var writer = SiteWriter(renderer: PageRenderer(templates: templates), workers: options.workers)
        writer.hashesOutput = hashingOutput
        let writeStart = clock.now
        let written: SiteWriter.Written
        do {
            written = try writer.write(pages: plan.pages, files: plan.files, copies: plan.copies, into: output.staging)
        } catch {
            output.discard()
            throw BuildFailure(step: "render", diagnostics: warnings + [error])
        }
        // Render and write overlap on every thread: report each one's share of the wall time.
        let wall = clock.now - writeStart
        let busy = written.timings.render + written.timings.write
        let renderShare = busy == .zero ? 0 : written.timings.render / busy
        report.phases.append(.init(name: "render", duration: wall * renderShare))
        report.phases.append(.init(name: "write", duration: wall * (1 - renderShare)))

        try step("commit") { try output.commit() }

        for page in plan.pages { report.pageCounts[page.kind, default: 0] += 1 }
        report.otherFiles = plan.files.count + plan.copies.count
        report.warnings = warnings
        let inputs = Inputs(content: content, templates: templates, assets: assets, config: config, parseWarnings: parseWarnings, parsed: parsed)
        return Result(report: report, guide: guide, plan: plan, hashes: written.hashes, inputs: inputs, planner: planner)
    }

    /// Every file under `Templates/assets/`, copied to `assets/`.
    static func assets(in folder: URL) -> [PlannedCopy] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var copies: [PlannedCopy] = []
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  !url.lastPathComponent.hasPrefix(".") else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            copies.append(PlannedCopy(source: url, path: "assets/" + path.dropFirst(prefix.count)))
        }
        return copies.sorted { $0.path < $1.path }
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
