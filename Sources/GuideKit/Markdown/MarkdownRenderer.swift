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
    ///
    /// Nothing written is lost: a line that reads as a link reference
    /// definition (`[1]: https://…`, which cmark would consume) stays as text,
    /// and unless raw HTML is allowed, HTML blocks, tags and comments show as
    /// the text they are instead of being omitted with what they hold.
    public func html(_ markdown: String) -> String {
        var source = Self.keepingReferenceDefinitions(markdown)
        return source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let document = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else { return "" }
                defer { cmark_node_free(document) }
                var options = CMARK_OPT_DEFAULT
                if allowsRawHTML {
                    options |= CMARK_OPT_UNSAFE
                } else if bytes.contains(UInt8(ascii: "<")) {
                    // Only a "<" starts raw HTML: most texts skip the walk.
                    Self.turnRawHTMLIntoText(document)
                }
                guard let html = cmark_render_html(document, options) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    /// Replaces every raw HTML node with a text node of its source, which the
    /// renderer escapes: `<div class="note">` reads as written.
    private static func turnRawHTMLIntoText(_ document: OpaquePointer) {
        var rawHTML: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { rawHTML.append(node) }
        }
        cmark_iter_free(iterator)
        for node in rawHTML {
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if isBlock { while literal.last?.isNewline == true { literal.removeLast() } }
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, literal)
            var replacement = text
            if isBlock, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
                cmark_node_append_child(paragraph, text)
                replacement = paragraph
            }
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
    }

    /// `markdown` with a backslash before the "[" of each line that would read
    /// as a link reference definition, outside fenced code: cmark drops such
    /// lines from the page (they only give their label a link).
    static func keepingReferenceDefinitions(_ markdown: String) -> String {
        // Only a "]:" can end a definition's label: most texts are returned as they are.
        guard markdown.contains("]:") else { return markdown }
        var fence: Substring?
        var lines: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(indent)
            if indent <= 3, let marker = Self.fenceMarker(body) {
                if let open = fence {
                    if marker.first == open.first, marker.count >= open.count, body.dropFirst(marker.count).allSatisfy(\.isWhitespace) {
                        fence = nil
                    }
                } else {
                    fence = marker
                }
            }
            if fence == nil, indent <= 3, Self.startsWithLabelAndColon(body) {
                lines.append(line.prefix(indent) + "\\" + body)
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The "```" or "~~~" (three or more) that opens or closes fenced code.
    private static func fenceMarker(_ line: Substring) -> Substring? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let marker = line.prefix(while: { $0 == first })
        return marker.count >= 3 ? marker : nil
    }

    /// "[label]:", with "\]" allowed in the label.
    private static func startsWithLabelAndColon(_ line: Substring) -> Bool {
        guard line.first == "[" else { return false }
        var escaped = false
        for (offset, character) in line.dropFirst().enumerated() {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "]" { return offset > 0 && line.dropFirst(offset + 2).first == ":" }
        }
        return false
    }

    /// Several paragraphs, each its own Markdown block.
    public func html(paragraphs: [String]) -> String {
        paragraphs.isEmpty ? "" : html(paragraphs.joined(separator: "\n\n"))
    }

    /// The words of a Markdown text without its markup, on one line: what a
    /// figure's `alt` is made from. Code and an image's description count as
    /// words; raw HTML too, unless it is let through (then it is markup).
    public func plainText(_ markdown: String) -> String {
        var source = Self.keepingReferenceDefinitions(markdown)
        return source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let document = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT),
                      let iterator = cmark_iter_new(document) else { return "" }
                defer {
                    cmark_iter_free(iterator)
                    cmark_node_free(document)
                }
                var text = ""
                while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                    guard let node = cmark_iter_get_node(iterator) else { continue }
                    let type = cmark_node_get_type(node)
                    if event == CMARK_EVENT_EXIT {
                        // Blocks are apart from each other, as their lines are.
                        if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM { text += " " }
                        continue
                    }
                    switch type {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                        text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    case CMARK_NODE_HTML_INLINE where !allowsRawHTML, CMARK_NODE_HTML_BLOCK where !allowsRawHTML:
                        text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                        text += " "
                    default:
                        break
                    }
                }
                return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
        }
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
