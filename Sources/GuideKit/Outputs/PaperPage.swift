import Mustache

/// `papers/<slug>/`: a paper, its authors, topic, figures, other papers by its authors, BibTeX.
enum PaperPage {
    static let kind = OutputKind(name: "paper", page: .paper, outputsOfGuide: { guide, reader in
        reader.papers(of: guide).map { ($0.raw, Routes.file(of: reader.title($0).path)) }
    }, render: { id, reader throws(Diagnostic) in
        let paper = PaperID(id)
        let title = reader.title(paper)
        let names = reader.paper(paper).authors.map { reader.author($0).name }
        return try PageLayout.render(.paper, route: title.path, guide: title.guide, title: title.title,
                                     description: "\(title.title), by \(joinedNames(names))\(reader.guide(title.guide).eventSuffix).",
                                     body: Body(reader: reader, paper: paper), reader)
    })

    /// `paper.*`.
    struct Body: MustacheParent {
        let reader: Reader
        let paper: PaperID

        func child(named name: String) -> Any? {
            name == "paper" ? PaperPageView(reader: reader, id: paper) : nil
        }
    }
}

/// A BibTeX entry for a paper, ready to paste into a bibliography.
struct BibTeX: Equatable, Sendable {
    var key: String
    var entry: String

    init(paper id: PaperID, _ reader: Reader) {
        let title = reader.title(id)
        let guide = reader.guide(title.guide)
        let names = reader.paper(id).authors.map { reader.author($0).name }
        let surname = names.first.map { SortKey.forName($0).split(separator: " ").first.map(String.init) ?? "" } ?? ""
        let firstWord = title.slug.split(separator: "-")
            .first { $0.count > 3 && !["with", "from", "when", "that", "towards", "toward"].contains($0) }
        key = [Slug.make(surname).filter { $0 != "-" }, guide.year, firstWord.map(String.init) ?? ""].joined()
        var fields = [
            ("title", "{\(Self.escape(title.title))}"),
            ("author", Self.escape(names.joined(separator: " and "))),
        ]
        if !guide.conference.isEmpty {
            fields.append(("booktitle", Self.escape([guide.conference, guide.year].filter { !$0.isEmpty }.joined(separator: " "))))
        }
        if !guide.year.isEmpty { fields.append(("year", guide.year)) }
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
            case "&", "%", "$", "#", "_", "{", "}": escaped += "\\\(character)"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
