import Foundation

/// A citation as a BibTeX `@inproceedings` entry (`cite.bib`, `papers.bib`,
/// and the paper page's "Cite this paper").
///
/// Text stays UTF-8 (biber, bibtexparser and BibTeX 0.99d with inputenc read
/// it); what TeX reads specially is escaped (`BibTeX.escape`). The title is in
/// a second pair of braces, which keeps styles from changing its case. URLs,
/// the DOI and the arXiv id are written as they are, since biblatex and
/// hyperref read them verbatim (`\_` there would be wrong).
enum BibTeX {
    static func entry(_ citation: Citation) -> String {
        var fields = [("title", "{\(escape(citation.title))}")]
        if !citation.authors.isEmpty {
            fields.append(("author", citation.authors.map(name).joined(separator: " and ")))
        }
        if !citation.event.isEmpty { fields.append(("booktitle", escape(citation.event))) }
        if !citation.year.isEmpty { fields.append(("year", escape(citation.year))) }
        if !citation.location.isEmpty { fields.append(("address", escape(citation.location))) }
        if let doi = citation.doi { fields.append(("doi", verbatim(doi))) }
        if let url = citation.url { fields.append(("url", verbatim(url))) }
        if let arxiv = citation.arxiv {
            fields.append(("eprint", verbatim(arxiv)))
            fields.append(("archivePrefix", "arXiv"))
        }
        let width = fields.map(\.0.count).max() ?? 0
        let body = fields.map { name, value in
            "  \(name)\(String(repeating: " ", count: width - name.count)) = {\(value)}"
        }.joined(separator: ",\n")
        return "@inproceedings{\(citation.key),\n\(body)\n}"
    }

    /// "Ødegaard, Zoë", "van der Berg, Jan", "King, Jr., Martin": BibTeX's
    /// "von Last, Jr, First", which leaves no doubt where the family name starts.
    /// A word "and" inside a name is braced, or BibTeX would split the name there.
    static func name(_ person: PersonName) -> String {
        func part(_ text: String) -> String {
            escape(text).split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.lowercased() == "and" ? "{\($0)}" : String($0) }.joined(separator: " ")
        }
        return [person.family, person.suffix, person.given].filter { !$0.isEmpty }.map(part).joined(separator: ", ")
    }

    /// Text with TeX's special characters escaped: `& % $ # _` with a
    /// backslash; `~ ^ \` as `\textasciitilde{}`, `\textasciicircum{}`,
    /// `\textbackslash{}`; braces as `\{ \}` when they pair up, else as
    /// `\textbraceleft{}` and `\textbraceright{}` (BibTeX counts escaped
    /// braces too, and one left open would run the field on).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { specials.contains($0) }) else { return text }
        var depth = 0, paired = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") { depth -= 1 }
            if depth < 0 { paired = false }
        }
        paired = paired && depth == 0
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&", "%", "$", "#", "_": escaped += "\\\(character)"
            case "{": escaped += paired ? "\\{" : "\\textbraceleft{}"
            case "}": escaped += paired ? "\\}" : "\\textbraceright{}"
            case "~": escaped += "\\textasciitilde{}"
            case "^": escaped += "\\textasciicircum{}"
            case "\\": escaped += "\\textbackslash{}"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static let specials: Set<UInt8> = Set("&%$#_{}~^\\".utf8)

    /// A URL, DOI or identifier as written, but for the braces and backslashes
    /// that would end or break the field, percent-encoded.
    static func verbatim(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "\\") })
        else { return text }
        return text.replacingOccurrences(of: "\\", with: "%5C").replacingOccurrences(of: "{", with: "%7B")
            .replacingOccurrences(of: "}", with: "%7D")
    }
}
