/// A BibTeX entry for a paper, ready to paste into a bibliography.
struct BibTeX {
    var key: String
    var entry: String

    init(guide: Guide, paper index: Int) {
        let paper = guide.papers[index]
        let names = paper.authors.map { guide.authors[$0].name }
        let surname = names.first.map { SortKey.forName($0).split(separator: " ").first.map(String.init) ?? "" } ?? ""
        let firstWord = paper.slug.split(separator: "-")
            .first { $0.count > 3 && !["with", "from", "when", "that", "towards", "toward"].contains($0) }
        key = [Slug.make(surname).replacingHyphens, guide.event.year ?? "", firstWord.map(String.init) ?? ""]
            .joined()
        var fields = [
            ("title", "{\(Self.escape(paper.title.text))}"),
            ("author", Self.escape(names.joined(separator: " and "))),
        ]
        if let conference = guide.event.conference {
            fields.append(("booktitle", Self.escape([conference, guide.event.year].compactMap { $0 }.joined(separator: " "))))
        }
        if let year = guide.event.year { fields.append(("year", year)) }
        let width = fields.map(\.0.count).max() ?? 0
        let body = fields.map { name, value in
            "  \(name)\(String(repeating: " ", count: width - name.count)) = {\(value)}"
        }.joined(separator: ",\n")
        entry = "@inproceedings{\(key),\n\(body)\n}"
    }

    /// Characters BibTeX treats specially.
    static func escape(_ text: String) -> String {
        let special: (UInt8) -> Bool = { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: "#"),
                 UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"): true
            default: false
            }
        }
        guard text.utf8.contains(where: special) else { return text }
        var escaped = ""
        for character in text {
            switch character {
            case "&", "%", "$", "#", "_": escaped += "\\\(character)"
            case "{", "}": escaped += "\\\(character)"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

private extension String {
    var replacingHyphens: String { filter { $0 != "-" } }
}
