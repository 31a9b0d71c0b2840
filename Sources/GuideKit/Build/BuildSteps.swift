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

    /// The guide, or every error the parser found. Given the previous parse,
    /// only the blocks of lines that changed are read again.
    static func parse(_ content: ContentSource, previous: (parsed: GuideParser.Result, bytes: [UInt8])? = nil) throws -> GuideParser.Result {
        let parsed = try GuideParser().parse(bytes: content.guideBytes, file: content.guideDisplayPath, reusing: previous?.parsed)
        let errors = parsed.diagnostics.filter(\.isError)
        if !errors.isEmpty { throw DiagnosticList(diagnostics: errors) }
        return parsed
    }

    static func plan(_ guide: Guide, config: SiteConfig, templates: TemplateSet, content: ContentSource,
                     assets: [PlannedCopy]) -> (plan: SitePlan, pages: PagePlanner) {
        SitePlanner(config: config, templates: templates).plan(guide, content: content, assets: assets)
    }
}
