import Foundation

/// The build's steps, shared by a full build and by rebuilds: each reads its
/// inputs and returns a value, or throws the diagnostics that stop the build.
enum BuildSteps {
    static func readContent(_ options: BuildOptions) throws(Diagnostic) -> ContentSource {
        try ContentSource.read(directory: options.contentDirectory, displayPath: DisplayPath.of(options.contentDirectory))
    }

    static func readTemplates(_ options: BuildOptions) throws(Diagnostic) -> TemplateSet {
        try TemplateSet(directory: options.templatesDirectory, displayPath: DisplayPath.of(options.templatesDirectory))
    }

    static func listAssets(_ options: BuildOptions) -> [PlannedCopy] {
        SiteBuilder.assets(in: options.templatesDirectory.appendingPathComponent("assets"))
    }

    /// The site configuration: `site.yml`, then the command line.
    static func config(_ content: ContentSource, options: BuildOptions) throws(Diagnostic) -> (SiteConfig, [Diagnostic]) {
        var (config, warnings) = try content.configText.map { text throws(Diagnostic) in
            try SiteConfigLoader.load(yaml: text, file: content.configDisplayPath)
        } ?? (SiteConfig(), [])
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        return (config, warnings)
    }

    /// The guide, or every error the parser found. Given the previous parse
    /// and the bytes it read, an edit that rewrote lines in place is patched
    /// into the previous guide (`GuidePatch`) instead of parsed in full.
    static func parse(_ content: ContentSource, previous: (parsed: GuideParser.Result, bytes: [UInt8])? = nil) throws -> GuideParser.Result {
        let patched = previous.flatMap { previous in
            previous.parsed.guide.file == content.guideDisplayPath
                ? GuidePatch.reparse(content.guideBytes, previous: previous.parsed, previousBytes: previous.bytes) : nil
        }
        let parsed = try patched ?? GuideParser().parse(bytes: content.guideBytes, file: content.guideDisplayPath)
        let errors = parsed.diagnostics.filter(\.isError)
        if !errors.isEmpty { throw DiagnosticList(diagnostics: errors) }
        return parsed
    }

    static func plan(_ guide: Guide, config: SiteConfig, templates: TemplateSet, content: ContentSource,
                     assets: [PlannedCopy]) -> (plan: SitePlan, pages: PagePlanner) {
        SitePlanner(config: config, templates: templates).plan(guide, content: content, assets: assets)
    }
}
