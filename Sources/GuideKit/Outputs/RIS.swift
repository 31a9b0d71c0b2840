/// A citation as an RIS record (`cite.ris`, `papers.ris`), the format of
/// EndNote, Zotero, Mendeley and most reference managers: a `CPAPER`
/// (conference paper), one `TAG  - value` line each, CRLF line endings.
///
/// RIS has no escaping: a value is one line, so line breaks and runs of
/// white space in one become a single space (`RIS.value`).
enum RIS {
    static func record(_ citation: Citation) -> String {
        // Appended to one string: the page and both files make it again on every build.
        var record = ""
        record.reserveCapacity(160 + citation.title.utf8.count + citation.abstract.utf8.count + 24 * citation.authors.count)
        func line(_ tag: String, _ text: String) {
            record += tag
            record += "  - "
            record += value(text)
            record += "\r\n"
        }
        line("TY", "CPAPER")
        line("ID", citation.key)
        line("TI", citation.title)
        for author in citation.authors { line("AU", name(author)) }
        if !citation.event.isEmpty { line("T2", citation.event) }
        if !citation.year.isEmpty { line("PY", citation.year) }
        if !citation.date.isEmpty { line("DA", citation.date.split(separator: "-").joined(separator: "/") + "/") }
        if !citation.location.isEmpty { line("CY", citation.location) }
        if let doi = citation.doi { line("DO", doi) }
        if let url = citation.url { line("UR", url) }
        if let pdf = citation.pdf { line("L1", pdf) }
        if let arxiv = citation.arxiv { line("N1", "arXiv:" + arxiv) }
        if !citation.abstract.isEmpty { line("AB", citation.abstract) }
        line("ER", "")
        return record
    }

    /// "Family, Given" or "Family, Given, Suffix", as RIS writes a name.
    static func name(_ person: PersonName) -> String {
        var name = person.family
        func add(_ part: String) {
            guard !part.isEmpty else { return }
            if !name.isEmpty { name += ", " }
            name += part
        }
        add(person.given)
        add(person.suffix)
        return name
    }

    /// `text` on one line: every run of white space (line breaks included) one space, none at the ends.
    static func value(_ text: String) -> String {
        // Most values are ASCII on one line with single spaces: nothing to do
        // (found in one pass over the bytes, as this runs for every line of every record).
        var plain = text.utf8.first != 0x20 && text.utf8.last != 0x20
        var previous: UInt8 = 0
        for byte in text.utf8 where plain {
            plain = byte >= 0x20 && byte < 0x80 && !(byte == 0x20 && previous == 0x20)
            previous = byte
        }
        return plain ? text : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
