import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Markdown to HTML through libcmark, the only place that touches cmark's C API.
///
/// Safe by default: raw HTML and dangerous link schemes (`javascript:`) are
/// omitted unless `allowsRawHTML` is set from the site configuration.
public struct MarkdownRenderer: Sendable {
    public var allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// Block-level HTML: paragraphs, lists, ...
    public func html(_ markdown: String) -> String {
        var options = CMARK_OPT_DEFAULT
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, options) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    /// Several paragraphs, each its own Markdown block.
    public func html(paragraphs: [String]) -> String {
        paragraphs.isEmpty ? "" : html(paragraphs.joined(separator: "\n\n"))
    }

    /// Inline HTML for text that sits inside another element (a caption):
    /// a single paragraph loses its `<p>` wrapper.
    public func inlineHTML(_ markdown: String) -> String {
        let block = html(markdown)
        guard block.hasPrefix("<p>"), block.hasSuffix("</p>\n") else { return block }
        let inner = block.dropFirst(3).dropLast(5)
        return inner.contains("<p>") ? block : String(inner)
    }
}
