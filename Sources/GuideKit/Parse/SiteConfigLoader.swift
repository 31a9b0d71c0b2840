import Foundation
import Yams

/// Reads `Content/site.yml`:
///
/// ```yaml
/// base_url: https://example.org/guides/icml/
/// allow_raw_html: false
/// language: en
/// papers_per_page: 100
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
    static let knownKeys: Set<String> = ["base_url", "allow_raw_html", "language", "papers_per_page"]

    static func load(yaml: String, file: String) throws(Diagnostic) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var warnings: [Diagnostic] = []
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.diagnostic(error, file: file)
        } catch {
            throw .error(file, "\(error)")
        }
        guard let node else { return (config, []) }
        guard let mapping = node.mapping else {
            throw .error(file, line: node.mark?.line, "expected settings as `key: value` lines")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            switch key {
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
            default:
                let known = knownKeys.sorted().joined(separator: ", ")
                warnings.append(.warning(file, line: line, "unknown setting \"\(key)\" is ignored (known: \(known))"))
            }
        }
        return (config, warnings)
    }

    private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return .error(file, line: mark.line, column: mark.column, "invalid YAML: \(problem)")
        default:
            return .error(file, "invalid YAML: \(error)")
        }
    }
}
