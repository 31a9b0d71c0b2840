import Mustache

/// `authors/letter/a/`, then `authors/letter/a/page/2/`, …: the authors who
/// file under one letter, `authors_per_page` to a page, on a site with more
/// authors than `/authors/` lists itself (it links to each letter instead).
enum AuthorLetterPage {
    static let kind = OutputKind(name: "authors-letter", page: .authorsLetter, outputs: { reader in
        let perPage = reader.site.authorsPerPage
        guard AuthorLetter.isSplit(authorCount: reader.siteCount(.authors), perPage: perPage) else { return [] }
        return (reader.derived(Derivations.authorIndex, SiteModel.siteID) ?? []).flatMap { letter in
            PagedListOutputs.items(.authorLetter(letter.letter), count: letter.authors.count, perPage: perPage,
                                   route: { Routes.authorLetter(slug: letter.slug, number: $0) }, reader)
        }
    }, render: { id, reader throws(Diagnostic) in
        let slice = PagedListOutputs.slice(id, reader)
        let letters = reader.derived(Derivations.authorIndex, SiteModel.siteID) ?? []
        let letter = letters.first { $0.letter == slice.list.letter! }!
        let route = { (number: Int) in Routes.authorLetter(slug: letter.slug, number: number) }
        let name = letter.letter == "#" ? "other names" : letter.letter
        return try PageLayout.render(.authorsLetter, route: route(slice.number), guide: nil,
                                     title: PagedListOutputs.title("Authors: \(name)", slice),
                                     description: "\(count(letter.authors.count, "author")) under \(name)\(SiteScope.suffix(reader)).",
                                     body: Body(reader: reader, letter: letter, letters: letters, authors: slice.authors,
                                                pagination: PagedListOutputs.pagination(slice, route: route, reader)),
                                     reader)
    })

    /// `letter` (this page's letter) and `letters` (every letter), each
    /// `{letter, id, url, count, count_label, current}`, `authors` (this page's,
    /// `authors_html`), `count` and `count_label` (every author), `pagination`.
    struct Body: MustacheParent {
        let reader: Reader
        let letter: AuthorLetter
        let letters: [AuthorLetter]
        let authors: [AuthorID]
        let pagination: Pagination?

        func child(named name: String) -> Any? {
            switch name {
            case "letter": AuthorsPage.LetterView(reader: reader, letter: letter, authors: [], onPages: true, current: true)
            case "letters":
                letters.map { AuthorsPage.LetterView(reader: reader, letter: $0, authors: [], onPages: true, current: $0.letter == letter.letter) }
            case "authors": authors.map { AuthorLinkView(reader: reader, id: $0) }
            case "authors_html": joined(authors, Derivations.authorEntry, reader, separator: "\n  ")
            case "count": reader.siteCount(.authors)
            case "count_label": asText(GuideKit.count(reader.siteCount(.authors), "author"))
            case "pagination": pagination
            default: nil
            }
        }
    }
}
