/// A partial rendered once for the thing it shows, not once per page that shows it.
///
/// A paper appears in up to half a dozen lists (its topic, each author, all
/// papers, ...) and an author among the co-authors of dozens of others; in a
/// 10,000-paper guide that is hundreds of thousands of renders of the same few
/// thousand snippets. Like Hugo's `partialCached`, each fragment is rendered
/// once per build (`Derivations`) and pages insert the HTML: `{{{card_html}}}`
/// for one, or a list's `{{{papers_html}}}` for all of them. A fragment sees
/// `site` and its own fields only, never the page it ends up on. Its HTML is
/// trimmed of surrounding whitespace; lists join fragments with a line break.
///
/// The chrome fragments (`head`, `header`, `footer`) are rendered once per page
/// kind and see `site`, `nav` and `kind`.
public enum Fragment: String, CaseIterable, Sendable {
    /// A paper in a list of papers: `{{{card_html}}}`.
    case paperCard = "paper-card"
    /// A link to a paper, in "More by these authors" and on topic cards: `{{{link_html}}}`.
    case paperLink = "paper-link"
    /// A link to an author among co-authors: `{{{chip_html}}}`.
    case authorChip = "author-chip"
    /// An author's name linked to their page, as bylines show it: `{{{link_html}}}`.
    case authorLink = "author-link"
    /// An author in the A–Z index of authors: `{{{entry_html}}}`, a letter's `authors_html`.
    case authorEntry = "author-entry"
    /// A topic on the front page: `{{{card_html}}}`.
    case topicCard = "topic-card"
    /// What every page's `<head>` shares: `{{{head_html}}}`.
    case head
    /// The site header and navigation: `{{{header_html}}}`.
    case header
    /// The site footer: `{{{footer_html}}}`.
    case footer

    /// Without the blank lines and spaces around it (a leading comment leaves
    /// some), so that a byline's inline links join cleanly.
    static func trimmed(_ html: String) -> String {
        let bytes = html.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == bytes.startIndex, bytes.index(after: last) == bytes.endIndex { return html }
        return String(html[first...last])
    }
}
