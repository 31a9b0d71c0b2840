/// A citation as an RIS record (`cite.ris`, `papers.ris`), the format of
/// EndNote, Zotero, Mendeley and most reference managers: a `CPAPER`
/// (conference paper), one `TAG  - value` line each, CRLF line endings.
///
/// RIS has no escaping: a value is one line, so line breaks and runs of
/// white space in one become a single space (`RIS.value`).
enum RIS {
    static func record(_ citation: Citation) -> String {
        var lines = [("TY", "CPAPER"), ("ID", citation.key), ("TI", citation.title)]
        lines += citation.authors.map { ("AU", name($0)) }
        if !citation.event.isEmpty { lines.append(("T2", citation.event)) }
        if !citation.year.isEmpty { lines.append(("PY", citation.year)) }
        if !citation.date.isEmpty { lines.append(("DA", citation.date.split(separator: "-").joined(separator: "/") + "/")) }
        if !citation.location.isEmpty { lines.append(("CY", citation.location)) }
        if let doi = citation.doi { lines.append(("DO", doi)) }
        if let url = citation.url { lines.append(("UR", url)) }
        if let pdf = citation.pdf { lines.append(("L1", pdf)) }
        if let arxiv = citation.arxiv { lines.append(("N1", "arXiv:" + arxiv)) }
        if !citation.abstract.isEmpty { lines.append(("AB", citation.abstract)) }
        lines.append(("ER", ""))
        return lines.map { tag, text in "\(tag)  - \(value(text))\r\n" }.joined()
    }

    /// "Family, Given" or "Family, Given, Suffix", as RIS writes a name.
    static func name(_ person: PersonName) -> String {
        [person.family, person.given, person.suffix].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// `text` on one line: every run of white space (line breaks included) one space, none at the ends.
    static func value(_ text: String) -> String {
        // Most values are ASCII on one line with single spaces: nothing to do.
        let bytes = text.utf8
        let plain = bytes.first != 0x20 && bytes.last != 0x20 && !bytes.contains { $0 < 0x20 || $0 >= 0x80 } && !text.contains("  ")
        return plain ? text : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
