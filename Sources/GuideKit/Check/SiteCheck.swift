import Foundation
import Synchronization

/// `guide check`: the site built in memory, never written, and what would
/// go wrong on it: every warning of the build, links and anchors inside the
/// site that lead nowhere (the build itself warns of repeated paper titles),
/// and author names that are probably one person spelled two ways. External links are listed for
/// `ExternalLinkChecker`.
public enum SiteCheck {
    public struct Result: Sendable {
        /// The build's warnings and notes, then what the check found.
        public var diagnostics: [Diagnostic]
        /// Every distinct link out of the site (http and https), where it was first seen.
        public var externalLinks: [ExternalLink]
        public var pageCount: Int
    }

    public static func run(_ options: BuildOptions) throws(BuildFailure) -> Result {
        var steps = StepClock()
        var warnings: [Diagnostic] = []
        var content: ContentSource
        let templates: TemplateSet, assets: BuildSteps.ThemeAssets
        (content, templates, assets) = try steps.run("load", warnings) {
            (try BuildSteps.readContent(options), try BuildSteps.readTemplates(options), BuildSteps.listAssets(options))
        }
        warnings += assets.warnings
        let site = try SiteBuilder.plan(&content, templates, options: options, keepingState: false, keepingParse: true, steps: &steps, warnings: &warnings)
        let outputs = site.listings.outputs
        let renderer = OutputRenderer(snapshot: site.snapshot, records: false)
        // Each page is read for its links as it is rendered; its HTML is not kept.
        let failure = Mutex<Diagnostic?>(nil)
        let pages = parallelMap(outputs.count) { index -> PageLinks? in
            guard outputs[index].path.hasSuffix(".html") else { return nil }
            do throws(Diagnostic) {
                guard case .page(let html) = try renderer.render(outputs[index]).0 else { return nil }
                return PageLinks(html: html.utf8)
            } catch {
                failure.withLock { $0 = $0 ?? error }
                return nil
            }
        }
        if let error = failure.withLock({ $0 }) { throw BuildFailure(step: "render", diagnostics: warnings + [error]) }

        let config = site.settings.config
        var files = Set(outputs.map(\.path))
        files.formUnion(site.assembled.copies.map(\.path))
        files.formUnion(assets.copies.map(\.path))
        var ids: [String: Set<String>] = [:]
        for (output, page) in zip(outputs, pages) { if let page { ids[output.path] = page.ids } }
        let sources = content.guides.map { GuideSource(displayPath: $0.displayPath, bytes: $0.bytes) }
            + content.pages.filter(\.isPage).map { GuideSource(displayPath: $0.displayPath, bytes: $0.bytes) }
        let links = LinkCheck(basePath: config.basePath, absoluteBase: config.isAbsolute ? config.absoluteBase : nil,
                              files: files, ids: ids, sources: sources,
                              outputDisplayPath: DisplayPath.of(options.outputDirectory))
        let found = links.problems(in: zip(outputs, pages).compactMap { output, page in page.map { (output.path, $0) } })

        let guides = content.guides.map { file in (slug: file.slug, guide: site.guides[file.slug]!.parse.guide) }
        let names = NameCheck(guides: guides, aliases: site.settings.aliases)
        return Result(diagnostics: warnings + found.diagnostics + names.similarAuthors(),
                      externalLinks: found.external, pageCount: site.listings.pageRoutes.count)
    }

    /// A guide's text or an extra page's, to find the line a link was written on.
    struct GuideSource: Sendable {
        var displayPath: String
        var bytes: [UInt8]

        /// The first line holding `text`, 1-based.
        func line(of text: String) -> Int? {
            let needle = Array(text.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
            var line = 1
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                else if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return line }
                index += 1
            }
            return nil
        }
    }
}

/// A link out of the site, and where it is: the guide line that writes it
/// when there is one, else the first page that shows it.
public struct ExternalLink: Hashable, Sendable {
    public var url: String
    public var file: String
    public var line: Int?
    /// How many pages show it.
    public var pages: Int
}
