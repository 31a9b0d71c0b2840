import Foundation
import Yams

/// Reads `Content/site.yml`:
///
/// ```yaml
/// title: Amazon Science at conferences
/// base_url: https://example.org/guides/icml/
/// allow_raw_html: false
/// language: en
/// papers_per_page: 100
/// missing_images: placeholder   # or error
/// ```
extension SiteConfig {
    /// The settings in `site.yml` of a content folder, or the defaults when it has none.
    public static func load(contentDirectory: URL) throws(Diagnostic) -> SiteConfig {
        let file = contentDirectory.appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: file.path) else { return SiteConfig() }
        let display = DisplayPath.of(file)
        guard let text = String(data: data, encoding: .utf8) else { throw .error(display, "not valid UTF-8 text") }
        return try SiteConfigLoader.load(yaml: text, file: display).0
    }
}

enum SiteConfigLoader {
    static let knownKeys = ["title", "subtitle", "base_url", "allow_raw_html", "language", "papers_per_page", "missing_images"]

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
                guard let url = value.string, !url.isEmpty else {
                    throw .error(file, line: line, "base_url must be a URL or a path, like https://example.org/guide/")
                }
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
                guard let count = value.int, count >= 0 else {
                    throw .error(file, line: line, "papers_per_page must be a whole number: papers per page of the All papers list, or 0 for one page")
                }
                config.papersPerPage = count
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
}
