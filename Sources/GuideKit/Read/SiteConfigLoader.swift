import Foundation
import Yams

/// Reads `Content/site.yml`:
///
/// ```yaml
/// title: Amazon Science at conferences
/// base_url: https://example.org/guides/icml/     # or a path, /guides/icml/, or relative
/// allow_raw_html: false
/// language: en
/// papers_per_page: 100
/// papers_by_letter_above: 1000  # a guide of more papers: All papers by letter; 0: never
/// feed_limit: 50                # entries in each feed; 0: every paper (every guide)
/// topics_per_page: 30
/// topic_card_papers: 5
/// authors_per_page: 1000
/// coauthors_shown: 50
/// missing_images: placeholder   # or error
/// ```
extension SiteConfig {
    /// The settings in `site.yml` of a content folder, or the defaults when it has none.
    public static func load(contentDirectory: URL) throws(Diagnostic) -> SiteConfig {
        let file = contentDirectory.appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: file.path) else { return SiteConfig() }
        let display = DisplayPath.of(file)
        guard let text = String(data: data, encoding: .utf8) else { throw .error(display, "not valid UTF-8 text") }
        return try SiteConfigLoader.load(yaml: text.normalizedText, file: display).0
    }
}

enum SiteConfigLoader {
    static let knownKeys = ["title", "subtitle", "base_url", "allow_raw_html", "language", "papers_per_page", "papers_by_letter_above", "feed_limit",
                            "topics_per_page", "topic_card_papers", "authors_per_page", "coauthors_shown", "missing_images"]

    static func load(yaml: String, file: String) throws(Diagnostic) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var warnings: [Diagnostic] = []
        for entry in try YAMLMapping(yaml: yaml, file: file).entries {
            let (line, value) = (entry.line, entry.value)
            switch entry.key {
            case "title":
                guard let title = value.string, !title.isEmpty else {
                    throw .error(file, line: line, "title must be the site's name, like: title: Amazon Science at conferences")
                }
                config.title = title
            case "subtitle":
                guard let subtitle = value.string else {
                    throw .error(file, line: line, "subtitle must be one line of text")
                }
                config.subtitle = subtitle
            case "base_url":
                guard let url = value.string else {
                    throw .error(file, line: line, SiteConfig.problem(withBaseURL: "")!)
                }
                if let problem = SiteConfig.problem(withBaseURL: url) { throw .error(file, line: line, problem) }
                config.baseURL = url
            case "allow_raw_html":
                guard let flag = value.bool else {
                    throw .error(file, line: line, "allow_raw_html must be true or false")
                }
                config.allowsRawHTML = flag
            case "language":
                guard let language = value.string, !language.isEmpty else {
                    throw .error(file, line: line, "language must be a language tag such as en")
                }
                config.language = language
            case "papers_per_page":
                config.papersPerPage = try count(value, file: file, line: line, "papers_per_page must be a whole number: papers per page of the All papers list, or 0 for one page")
            case "papers_by_letter_above":
                config.papersByLetterAbove = try count(value, file: file, line: line, "papers_by_letter_above must be a whole number: a guide with more papers lists All papers by letter, or 0 for never")
            case "feed_limit":
                config.feedLimit = try count(value, file: file, line: line, "feed_limit must be a whole number: entries in each feed (a guide's first papers, the newest guides), or 0 for every one")
            case "topics_per_page":
                config.topicsPerPage = try count(value, file: file, line: line, "topics_per_page must be a whole number: topics on the home page and on each further page of topics, or 0 for all on the home page")
            case "topic_card_papers":
                config.topicCardPapers = try count(value, file: file, line: line, "topic_card_papers must be a whole number: papers a topic's card lists on the home page, or 0 for all of them")
            case "authors_per_page":
                config.authorsPerPage = try count(value, file: file, line: line, "authors_per_page must be a whole number: authors on /authors/ before it is split by letter, and on each page of a letter, or 0 for one page")
            case "coauthors_shown":
                config.coauthorsShown = try count(value, file: file, line: line, "coauthors_shown must be a whole number: co-authors an author's page shows, or 0 for all of them")
            case "missing_images":
                guard let mode = value.string.flatMap(SiteConfig.MissingImages.init(rawValue:)) else {
                    throw .error(file, line: line, "missing_images must be placeholder (a figure whose image is missing shows its caption, with a warning) or error (it stops the build)")
                }
                config.missingImages = mode
            default:
                warnings.append(YAMLMapping.unknown(entry, known: knownKeys, file: file))
            }
        }
        return (config, warnings)
    }

    /// A whole number, 0 or more; else the error `message` at `line`.
    private static func count(_ value: Node, file: String, line: Int?, _ message: String) throws(Diagnostic) -> Int {
        guard let count = value.int, count >= 0 else { throw .error(file, line: line, message) }
        return count
    }
}

extension SiteConfigLoader {
    /// `--base-url`, checked as `base_url` is.
    static func commandLineBaseURL(_ value: String) throws(Diagnostic) -> String {
        if let problem = SiteConfig.problem(withBaseURL: value) {
            throw .error("--base-url", problem.replacingOccurrences(of: "base_url", with: "--base-url"))
        }
        return value
    }

    /// The one warning of a build whose base URL is not absolute, naming what
    /// needs an absolute one and what the build writes instead: no
    /// `sitemap.xml` (a sitemap lists absolute URLs only), no `Sitemap:` line in
    /// `robots.txt`, no canonical links, and feeds whose ids are `urn:uuid:`
    /// names (an Atom id must be an absolute IRI) and whose links are relative
    /// to the feed. Nil for an absolute base URL.
    ///
    /// - Parameters:
    ///   - file: `site.yml`, as diagnostics name it.
    ///   - fromCommandLine: the base URL is `--base-url`'s, not the file's.
    static func baseURLWarning(_ config: SiteConfig, file: String, fromCommandLine: Bool) -> Diagnostic? {
        guard !config.isAbsolute else { return nil }
        var named = (fromCommandLine ? "--base-url" : "base_url") + " \"\(config.baseURL)\""
        if !fromCommandLine, config.baseURL == "/" { named += " (the default)" }
        let example = "https://example.org" + config.basePath
        return .warning(file, """
            \(named) is not an absolute URL (https://…), which the sitemap, the feeds, canonical links and social \
            tags need: sitemap.xml is not written, robots.txt names no sitemap, pages have no canonical link and no \
            og:url or og:image, and the feeds \
            identify entries by urn:uuid: names instead of URLs and link to pages relative to the feed. \
            \(fromCommandLine ? "Pass --base-url \(example)" : "Set base_url: \(example) in this file") (the site's address) to have them.
            """)
    }
}
