/// A citation as CSL-JSON (`cite.json`, `papers.json`): the input of
/// citeproc-js, citeproc-py, Pandoc and Zotero, an array of items. Each item
/// is a `paper-conference` with the same `id` as the BibTeX key.
///
/// Written by hand, not by `JSONSerialization`, so that the fields keep
/// their order and the bytes are the same on every build and platform.
enum CSLJSON {
    /// The item as an object indented by two spaces, ready to go in the array of a file (`CitationFiles`).
    static func item(_ citation: Citation) -> String {
        var fields = [("id", string(citation.key)), ("type", string("paper-conference")), ("title", string(citation.title))]
        if !citation.authors.isEmpty {
            let names = citation.authors.map { "      " + name($0) }.joined(separator: ",\n")
            fields.append(("author", "[\n\(names)\n    ]"))
        }
        if !citation.event.isEmpty { fields.append(("container-title", string(citation.event))) }
        if !citation.location.isEmpty { fields.append(("event-place", string(citation.location))) }
        if let issued = issued(citation) { fields.append(("issued", issued)) }
        if let doi = citation.doi { fields.append(("DOI", string(doi))) }
        if let url = citation.url { fields.append(("URL", string(url))) }
        if let arxiv = citation.arxiv { fields.append(("note", string("arXiv:" + arxiv))) }
        if !citation.abstract.isEmpty { fields.append(("abstract", string(citation.abstract))) }
        let body = fields.map { "    \(string($0)): \($1)" }.joined(separator: ",\n")
        return "  {\n\(body)\n  }"
    }

    /// `{"family": …, "given": …, "suffix": …}`.
    static func name(_ person: PersonName) -> String {
        let parts = [("family", person.family), ("given", person.given), ("suffix", person.suffix)].filter { !$1.isEmpty }
        return "{" + parts.map { "\(string($0)): \(string($1))" }.joined(separator: ", ") + "}"
    }

    /// The guide's date (`[[2023, 7, 23]]`), else its year.
    private static func issued(_ citation: Citation) -> String? {
        let parts = citation.date.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3 { return "{\"date-parts\": [[\(parts[0]), \(parts[1]), \(parts[2])]]}" }
        if let year = Int(citation.year) { return "{\"date-parts\": [[\(year)]]}" }
        return citation.year.isEmpty ? nil : "{\"literal\": \(string(citation.year))}"
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func string(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"" + text + "\""
        }
        var json = "\""
        json.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json + "\""
    }
}
