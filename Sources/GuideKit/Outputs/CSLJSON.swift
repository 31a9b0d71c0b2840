/// A citation as CSL-JSON (`cite.json`, `papers.json`): the input of
/// citeproc-js, citeproc-py, Pandoc and Zotero, an array of items. Each item
/// is a `paper-conference` with the same `id` as the BibTeX key.
///
/// Written by hand, not by `JSONSerialization`, so that the fields keep
/// their order and the bytes are the same on every build and platform.
enum CSLJSON {
    /// The item as an object indented by two spaces, ready to go in the array of a file (`CitationFiles`).
    static func item(_ citation: Citation) -> String {
        // Appended to one string: the page and both files make it again on every build.
        var item = "  {\n"
        item.reserveCapacity(256 + citation.title.utf8.count + citation.abstract.utf8.count + 64 * citation.authors.count)
        var first = true
        func field(_ name: String, _ value: String) {
            if !first { item += ",\n" }
            first = false
            item += "    \""
            item += name
            item += "\": "
            item += value
        }
        field("id", JSONText.string(citation.key))
        field("type", "\"paper-conference\"")
        field("title", JSONText.string(citation.title))
        if !citation.authors.isEmpty {
            var names = "[\n"
            for (index, author) in citation.authors.enumerated() {
                if index > 0 { names += ",\n" }
                names += "      "
                names += name(author)
            }
            field("author", names + "\n    ]")
        }
        if !citation.event.isEmpty { field("container-title", JSONText.string(citation.event)) }
        if !citation.location.isEmpty { field("event-place", JSONText.string(citation.location)) }
        if let issued = issued(citation) { field("issued", issued) }
        if let doi = citation.doi { field("DOI", JSONText.string(doi)) }
        if let url = citation.url { field("URL", JSONText.string(url)) }
        if let arxiv = citation.arxiv { field("note", JSONText.string("arXiv:" + arxiv)) }
        if !citation.abstract.isEmpty { field("abstract", JSONText.string(citation.abstract)) }
        item += "\n  }"
        return item
    }

    /// `{"family": …, "given": …, "suffix": …}`.
    static func name(_ person: PersonName) -> String {
        var name = "{"
        func add(_ key: String, _ value: String) {
            guard !value.isEmpty else { return }
            if name.utf8.count > 1 { name += ", " }
            name += "\""
            name += key
            name += "\": "
            name += JSONText.string(value)
        }
        add("family", person.family)
        add("given", person.given)
        add("suffix", person.suffix)
        return name + "}"
    }

    /// The guide's date (`[[2023, 7, 23]]`), else its year.
    private static func issued(_ citation: Citation) -> String? {
        let parts = citation.date.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3 { return "{\"date-parts\": [[\(parts[0]), \(parts[1]), \(parts[2])]]}" }
        if let year = Int(citation.year) { return "{\"date-parts\": [[\(year)]]}" }
        return citation.year.isEmpty ? nil : "{\"literal\": \(JSONText.string(citation.year))}"
    }
}
