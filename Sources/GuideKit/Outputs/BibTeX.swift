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
        // The fields' names are padded to the longest present: which are, first.
        let hasAuthors = !citation.authors.isEmpty, hasEvent = !citation.event.isEmpty
        let hasYear = !citation.year.isEmpty, hasLocation = !citation.location.isEmpty
        var width = "title".count
        if hasAuthors { width = max(width, "author".count) }
        if hasEvent { width = max(width, "booktitle".count) }
        if hasLocation { width = max(width, "address".count) }
        if citation.arxiv != nil { width = max(width, "archivePrefix".count) }

        // Appended to one string: the page and both files make it again on every build.
        var entry = "@inproceedings{"
        entry.reserveCapacity(256 + citation.title.utf8.count + 32 * citation.authors.count)
        entry += citation.key
        entry += ",\n"
        var first = true
        func field(_ name: String, _ value: String) {
            if !first { entry += ",\n" }
            first = false
            entry += "  "
            entry += name
            for _ in name.count..<width { entry += " " }
            entry += " = {"
            entry += value
            entry += "}"
        }
        field("title", "{" + escape(citation.title) + "}")
        if hasAuthors {
            var names = ""
            for (index, author) in citation.authors.enumerated() {
                if index > 0 { names += " and " }
                names += name(author)
            }
            field("author", names)
        }
        if hasEvent { field("booktitle", escape(citation.event)) }
        if hasYear { field("year", escape(citation.year)) }
        if hasLocation { field("address", escape(citation.location)) }
        if let doi = citation.doi { field("doi", verbatim(doi)) }
        if let url = citation.url { field("url", verbatim(url)) }
        if let arxiv = citation.arxiv {
            field("eprint", verbatim(arxiv))
            field("archivePrefix", "arXiv")
        }
        entry += "\n}"
        return entry
    }

    /// "Ødegaard, Zoë", "van der Berg, Jan", "King, Jr., Martin": BibTeX's
    /// "von Last, Jr, First", which leaves no doubt where the family name starts.
    /// A word "and" inside a name is braced, or BibTeX would split the name there.
    static func name(_ person: PersonName) -> String {
        var name = ""
        func add(_ text: String) {
            guard !text.isEmpty else { return }
            if !name.isEmpty { name += ", " }
            let escaped = escape(text)
            guard mayHoldAnd(escaped) else { return name += escaped }
            name += escaped.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.lowercased() == "and" ? "{\($0)}" : String($0) }.joined(separator: " ")
        }
        add(person.family)
        add(person.suffix)
        add(person.given)
        return name
    }

    /// Whether `text` has the letters "and" in a row, in any case: only such
    /// a name can have a word "and" (most have none, and are taken as they are).
    private static func mayHoldAnd(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            switch (run, byte | 0x20) {
            case (_, UInt8(ascii: "a")): run = 1
            case (1, UInt8(ascii: "n")): run = 2
            case (2, UInt8(ascii: "d")): return true
            default: run = 0
            }
        }
        return false
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
