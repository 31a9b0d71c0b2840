import Mustache

/// `authors/`: every author of the site, A–Z by surname, with paper counts;
/// on a site with more than `authors_per_page` authors, the letters instead,
/// each with its count and a link to its pages (`AuthorLetterPage`).
enum AuthorsPage {
    static let kind = OutputKind(name: "authors", page: .authors, outputs: { _ in
        [(SiteModel.siteID, .page(Routes.authors))]
    }, render: { _, reader throws(Diagnostic) in
        let description = "\(count(reader.siteCount(.authors), "author")) of \(count(reader.siteCount(.papers), "paper"))\(SiteScope.suffix(reader))."
        return try PageLayout.render(.authors, route: Routes.authors, guide: nil, title: "Authors",
                                     description: description, body: Body(reader: reader), reader)
    })

    /// `letters` (`LetterView`), `by_letter`, `count`, `count_label`.
    struct Body: MustacheParent {
        let reader: Reader

        func child(named name: String) -> Any? {
            switch name {
            case "letters": letters
            case "by_letter": flag(byLetter)
            case "count": reader.siteCount(.authors)
            case "count_label": asText(GuideKit.count(reader.siteCount(.authors), "author"))
            default: nil
            }
        }

        private var letters: [LetterView] {
            let split = byLetter
            let letters: [AuthorLetter] = reader.derived(Derivations.authorIndex, SiteModel.siteID) ?? []
            return letters.map { LetterView(reader: reader, letter: $0, authors: split ? [] : $0.authors, onPages: split) }
        }

        private var byLetter: Bool {
            AuthorLetter.isSplit(authorCount: reader.siteCount(.authors), perPage: reader.site.authorsPerPage)
        }
    }

    /// A letter of the index: `{letter, id, url, count, count_label, current,
    /// authors, authors_html}`: `url` (its first page) only when the index is
    /// split by letter, and then no `authors` (they are on its pages);
    /// `current` on the letter's own pages.
    struct LetterView: MustacheParent {
        let reader: Reader
        let letter: AuthorLetter
        /// Those shown here.
        let authors: [AuthorID]
        /// The letter has pages of its own.
        let onPages: Bool
        var current = false

        func child(named name: String) -> Any? {
            switch name {
            case "letter": asText(letter.letter)
            case "id": asText("letter-\(letter.slug)")
            case "url": onPages ? asText(reader.site.links.url(Routes.authorLetter(slug: letter.slug, number: 1))) : nil
            case "count": letter.authors.count
            case "count_label": asText(GuideKit.count(letter.authors.count, "author"))
            case "current": flag(current)
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
