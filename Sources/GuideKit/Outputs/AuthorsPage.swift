import Mustache

/// `authors/`: every author of the site, A–Z by surname, with paper counts.
enum AuthorsPage {
    static let kind = OutputKind(name: "authors", page: .authors, outputs: { _ in
        [(SiteModel.siteID, Routes.file(of: Routes.authors))]
    }, render: { _, reader throws(Diagnostic) in
        let description = "\(count(reader.siteCount(.authors), "author")) of \(count(reader.siteCount(.papers), "paper"))\(SiteScope.suffix(reader))."
        return try PageLayout.render(.authors, route: Routes.authors, guide: nil, title: "Authors",
                                     description: description, body: Body(reader: reader), reader)
    })

    /// `letters` (`{letter, id, authors}`), `count`, `count_label`.
    struct Body: MustacheParent {
        let reader: Reader

        func child(named name: String) -> Any? {
            switch name {
            case "letters": letters
            case "count": reader.siteCount(.authors)
            case "count_label": asText(GuideKit.count(reader.siteCount(.authors), "author"))
            default: nil
            }
        }

        private var letters: [Letter] {
            var letters: [Letter] = []
            for author in reader.derived(Derivations.authorIndex, SiteModel.siteID) ?? [] {
                let letter = SortKey.letter(of: reader.author(author).sortKey)
                if letters.last?.letter != letter {
                    let id = letter == "#" ? "letter-other" : "letter-\(letter.lowercased())"
                    letters.append(Letter(reader: reader, letter: letter, id: id, authors: []))
                }
                letters[letters.count - 1].authors.append(author)
            }
            return letters
        }
    }

    struct Letter: MustacheParent {
        let reader: Reader
        var letter: String
        var id: String
        var authors: [AuthorID]

        func child(named name: String) -> Any? {
            switch name {
            case "letter": asText(letter)
            case "id": asText(id)
            case "authors": authors.map { AuthorLinkView(reader: reader, id: $0) }
            case "authors_html": joined(authors, Derivations.authorEntry, reader, separator: "\n      ")
            default: nil
            }
        }
    }
}

/// Words for what the whole site covers.
enum SiteScope {
    /// " at ICML 2023" on a site of one guide; " in 3 guides" on a site of several.
    static func suffix(_ reader: Reader) -> String {
        let guides = reader.siteGuides
        guard guides.count == 1 else { return " in \(count(guides.count, "guide"))" }
        return reader.guide(guides[0]).eventSuffix
    }
}
