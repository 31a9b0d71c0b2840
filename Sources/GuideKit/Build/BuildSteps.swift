import Foundation
import Synchronization

/// The build's steps, shared by a full build and by rebuilds: each reads its
/// inputs and returns a value, or throws the diagnostics that stop the build.
enum BuildSteps {
    static func readContent(_ options: BuildOptions, reusing reuse: ContentSource.Reuse? = nil) throws(Diagnostic) -> ContentSource {
        try ContentSource.read(directory: options.contentDirectory, displayPath: DisplayPath.of(options.contentDirectory), reusing: reuse)
    }

    static func readTemplates(_ options: BuildOptions) throws(Diagnostic) -> TemplateSet {
        try TemplateSet(directory: options.templatesDirectory, displayPath: DisplayPath.of(options.templatesDirectory),
                        required: options.templatesRequired)
    }

    /// The theme's assets, and what is wrong with the project's copies of
    /// them: read again only when a file of the assets changes.
    static func listAssets(_ options: BuildOptions) -> ThemeAssets {
        let copies = assets(in: options.templatesDirectory, displayPath: DisplayPath.of(options.templatesDirectory))
        return ThemeAssets(copies: copies, warnings: assetWarnings(copies))
    }

    /// The assets a build copies into the output, with the warnings about them.
    struct ThemeAssets: Sendable {
        var copies: [PlannedCopy]
        var warnings: [Diagnostic]
    }

    /// What is wrong with the theme's files the project overrides: a copy of
    /// `assets/search.js` that reads guide's search index (it sets
    /// `guideSearchLoaded`), kept from a version of guide that wrote another
    /// version of the index (its `FORMAT`, `SearchIndexFiles.format`). On the
    /// site it says that search is unavailable (or, from before `FORMAT`,
    /// may find wrong results), so the build says so first.
    static func assetWarnings(_ assets: [PlannedCopy]) -> [Diagnostic] {
        guard let script = assets.first(where: { $0.path == "assets/search.js" && $0.builtIn == nil }),
              let text = try? String(contentsOf: script.source, encoding: .utf8),
              text.contains("guideSearchLoaded") else { return [] }
        let current = SearchIndexFiles.format
        let advice = "export the built-in theme into a new folder (`guide templates export NEW`; it does not overwrite), carry your changes over to NEW/assets/search.js, and put that in place of this one"
        // Found by a plain search, the regular expression only on the line
        // that names FORMAT (on each of the built-in script's 450 lines, it took 1.5 ms).
        var from = text.startIndex
        while let name = text.range(of: "FORMAT", range: from..<text.endIndex) {
            from = name.upperBound
            let start = text[..<name.lowerBound].lastIndex(where: \.isNewline).map(text.index(after:)) ?? text.startIndex
            let end = text[name.upperBound...].firstIndex(where: \.isNewline) ?? text.endIndex
            guard let match = text[start..<end].firstMatch(of: /\bFORMAT\s*=\s*(\d+)/) else { continue }
            guard Int(match.1) != current else { return [] }
            let line = text[..<start].reduce(1) { $1.isNewline ? $0 + 1 : $0 }
            return [.warning(script.displayPath, line: line,
                "this copy of search.js reads version \(match.1) of the search index, and this guide writes version \(current), so the site's search page says that search is unavailable; \(advice)")]
        }
        return [.warning(script.displayPath, line: 1,
            "this copy of search.js does not say which version of the search index it reads (the built-in one says `var FORMAT = \(current);`): "
            + "if it is older than version \(current), which this guide writes, search on the site finds wrong results; \(advice), or add that line to it if it reads version \(current)")]
    }

    /// The site-wide settings: `site.yml`, then the command line; and `authors.yml`.
    static func settings(_ content: ContentSource, options: BuildOptions) throws(Diagnostic) -> Settings {
        var (config, warnings) = try content.configText.map { text throws(Diagnostic) in
            try SiteConfigLoader.load(yaml: text, file: content.configDisplayPath)
        } ?? (SiteConfig(), [])
        if let baseURL = options.baseURL { config.baseURL = try SiteConfigLoader.commandLineBaseURL(baseURL) }
        config.sitemapURLLimit = options.sitemapURLLimit
        if options.warnsAboutBaseURL, let warning = SiteConfigLoader.baseURLWarning(
            config, file: content.configDisplayPath, fromCommandLine: options.baseURL != nil) { warnings.append(warning) }
        let aliases = try content.aliasesText.map { text throws(Diagnostic) in
            try AuthorAliases.load(yaml: text, file: content.aliasesDisplayPath)
        } ?? AuthorAliases()
        return Settings(config: config, aliases: aliases, warnings: warnings)
    }

    struct Settings: Sendable {
        var config: SiteConfig
        var aliases: AuthorAliases
        var warnings: [Diagnostic]
    }

    private static let parseCount = Atomic<Int>(0)

    /// A guide file as parsed, with its settings file.
    struct ParsedGuide: Sendable {
        /// A number no other parse of this process has: the same number, the same parse.
        var version: Int
        var bytes: [UInt8]
        var settingsText: String?
        var parse: GuideParser.Result
        var settings: GuideSettings
        /// The parser's warnings and the settings file's.
        var warnings: [Diagnostic]
    }

    /// Every guide, by slug, parsed on every core; a guide whose file and
    /// settings did not change since `previous` keeps its parse, and one that
    /// changed reuses the blocks of lines that did not (`GuideParser`). Every error
    /// of every guide stops the build together.
    static func parse(_ content: ContentSource, previous: [String: ParsedGuide] = [:]) throws -> [String: ParsedGuide] {
        let files = content.guides
        let results = parallelMap(files.count) { index -> Result<ParsedGuide, DiagnosticList> in
            let file = files[index]
            let old = previous[file.slug]
            if let old, old.bytes.hasSameBytes(as: file.bytes), old.settingsText == file.settingsText { return .success(old) }
            var errors: [Diagnostic] = []
            var warnings: [Diagnostic] = []
            var settings = GuideSettings()
            if let text = file.settingsText {
                do throws(Diagnostic) {
                    (settings, warnings) = try GuideSettings.load(yaml: text, file: file.settingsDisplayPath)
                } catch {
                    errors.append(error)
                }
            }
            do throws(Diagnostic) {
                // Only the blocks of lines that changed are read again.
                let parse = try GuideParser().parse(bytes: file.bytes, file: file.displayPath, reusing: old?.parse)
                warnings += parse.diagnostics.filter { !$0.isError }
                errors += parse.diagnostics.filter(\.isError)
                guard errors.isEmpty else { return .failure(DiagnosticList(diagnostics: warnings + errors)) }
                return .success(ParsedGuide(version: parseCount.add(1, ordering: .relaxed).newValue, bytes: file.bytes, settingsText: file.settingsText, parse: parse,
                                            settings: settings, warnings: warnings))
            } catch {
                return .failure(DiagnosticList(diagnostics: warnings + errors + [error]))
            }
        }
        var guides: [String: ParsedGuide] = [:]
        var failures: [Diagnostic] = []
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let parsed): guides[file.slug] = parsed
            case .failure(let list): failures += list.diagnostics
            }
        }
        if !failures.isEmpty { throw DiagnosticList(diagnostics: failures) }
        return guides
    }

    /// The parsed guides as the assembler takes them, in file order.
    static func inputs(_ content: ContentSource, _ guides: [String: ParsedGuide]) -> [SiteAssembler.Input] {
        content.guides.map { file in
            let parsed = guides[file.slug]!
            return SiteAssembler.Input(file: file, guide: parsed.parse.guide, settings: parsed.settings, version: parsed.version)
        }
    }

    /// Warnings of the parse step, in file order.
    static func warnings(_ content: ContentSource, _ guides: [String: ParsedGuide]) -> [Diagnostic] {
        content.guides.flatMap { guides[$0.slug]?.warnings ?? [] }
    }

    /// Every file under `Templates/assets/`, copied to `assets/`, and every
    /// asset of the built-in theme that the folder does not override.
    static func assets(in templates: URL, displayPath templatesDisplayPath: String) -> [PlannedCopy] {
        let project = projectAssets(in: templates, displayPath: templatesDisplayPath)
        let overridden = Set(project.map(\.path))
        let builtIn = BuiltInTheme.assets.map { path, bytes in
            PlannedCopy(source: templates.appendingPathComponent("assets/" + path), path: "assets/" + path, folder: templates,
                        folderDisplayPath: BuiltInTheme.displayPath, displayPath: "\(BuiltInTheme.displayPath)/assets/\(path)",
                        builtIn: bytes)
        }.filter { !overridden.contains($0.path) }
        return (project + builtIn).sorted { $0.path < $1.path }
    }

    private static func projectAssets(in templates: URL, displayPath templatesDisplayPath: String) -> [PlannedCopy] {
        let folder = templates.appendingPathComponent("assets")
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey]) else { return [] }
        var copies: [PlannedCopy] = []
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            // A link to a file is listed too: reading it checks where it leads.
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            let isFile = values?.isRegularFile == true || (values?.isSymbolicLink == true
                && (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true)
            guard isFile, !url.lastPathComponent.hasPrefix(".") else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = path.dropFirst(prefix.count)
            copies.append(PlannedCopy(source: url, path: "assets/" + relative, folder: templates,
                                      folderDisplayPath: templatesDisplayPath, displayPath: "\(templatesDisplayPath)/assets/\(relative)"))
        }
        return copies
    }
}

/// A file copied into the output as it is: a figure's image, a template asset.
public struct PlannedCopy: Hashable, Sendable {
    public var source: URL
    public var path: String
    /// The folder the source must lie in once links are followed
    /// (`Content/` or `Templates/`), and how diagnostics name it and the source.
    public var folder: URL
    public var folderDisplayPath: String
    public var displayPath: String
    /// The bytes of a file of the built-in theme, which has no source file.
    public var builtIn: [UInt8]? = nil
}
