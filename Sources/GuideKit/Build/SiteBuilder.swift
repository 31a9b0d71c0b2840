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
    }

    public func build(_ options: BuildOptions) throws(BuildFailure) -> Result {
        var report = BuildReport()
        report.outputDisplayPath = DisplayPath.of(options.outputDirectory)
        var warnings: [Diagnostic] = []
        let clock = ContinuousClock()

        func step<T>(_ name: String, _ body: () throws -> T) throws(BuildFailure) -> T {
            let start = clock.now
            defer { report.phases.append(.init(name: name, duration: clock.now - start)) }
            do {
                return try body()
            } catch let error as Diagnostic {
                throw BuildFailure(step: name, diagnostics: warnings + [error])
            } catch let errors as DiagnosticList {
                throw BuildFailure(step: name, diagnostics: warnings + errors.diagnostics)
            } catch {
                throw BuildFailure(step: name, diagnostics: warnings + [.error(name, "\(error)")])
            }
        }

        let (content, templates, assets) = try step("load") { () throws in
            let content = try ContentSource.read(directory: options.contentDirectory,
                                                 displayPath: DisplayPath.of(options.contentDirectory))
            let templates = try TemplateSet(directory: options.templatesDirectory,
                                            displayPath: DisplayPath.of(options.templatesDirectory))
            let assets = Self.assets(in: options.templatesDirectory.appendingPathComponent("assets"))
            return (content, templates, assets)
        }

        let (guide, config) = try step("parse") { () throws in
            var config = SiteConfig()
            if let text = content.configText {
                let (loaded, configWarnings) = try SiteConfigLoader.load(yaml: text, file: content.configDisplayPath)
                config = loaded
                warnings += configWarnings
            }
            if let baseURL = options.baseURL { config.baseURL = baseURL }
            let parsed = try GuideParser().parse(bytes: content.guideBytes, file: content.guideDisplayPath)
            warnings += parsed.diagnostics.filter { !$0.isError }
            let errors = parsed.diagnostics.filter(\.isError)
            if !errors.isEmpty { throw DiagnosticList(diagnostics: errors) }
            return (parsed.guide, config)
        }

        let plan = try step("plan") { () throws in
            SitePlanner(config: config, templates: templates).plan(guide, content: content, assets: assets)
        }
        warnings += plan.warnings

        let output = try step("prepare") { () throws in
            try StagedOutput(output: options.outputDirectory, displayPath: report.outputDisplayPath)
        }
        let writer = SiteWriter(renderer: PageRenderer(templates: templates), workers: options.workers)
        let writeStart = clock.now
        let timings: SiteWriter.Timings
        do {
            timings = try writer.write(pages: plan.pages, files: plan.files, copies: plan.copies, into: output.staging)
        } catch {
            output.discard()
            throw BuildFailure(step: "render", diagnostics: warnings + [error])
        }
        // Render and write overlap on every thread: report each one's share of the wall time.
        let wall = clock.now - writeStart
        let busy = timings.render + timings.write
        let renderShare = busy == .zero ? 0 : timings.render / busy
        report.phases.append(.init(name: "render", duration: wall * renderShare))
        report.phases.append(.init(name: "write", duration: wall * (1 - renderShare)))

        _ = try step("commit") { () throws in try output.commit() }

        for page in plan.pages { report.pageCounts[page.kind, default: 0] += 1 }
        report.otherFiles = plan.files.count + plan.copies.count
        report.warnings = warnings
        return Result(report: report, guide: guide, plan: plan)
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
