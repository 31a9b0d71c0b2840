import Mustache

/// `papers/letter/a/`, then `papers/letter/a/page/2/`, …: the papers of a
/// guide whose titles file under one letter, `papers_per_page` to a page, on a
/// guide of more than `papers_by_letter_above` papers (`papers/` links to each
/// letter instead). A paper added or removed changes the pages of its letter,
/// not those of every paper after it.
enum PaperLetterPage {
    static let kind = OutputKind(name: "papers-letter", page: .papersLetter, outputsOfGuide: { guide, reader in
        let site = reader.site
        guard site.splitsPapersByLetter(reader.count(.papers, of: guide)) else { return [] }
        let prefix = reader.guide(guide).prefix
        return reader.paperLetters(of: guide).letters.flatMap { letter, count in
            PagedListOutputs.items(.paperLetter(guide, letter), count: count, perPage: site.papersPerPage,
                                   route: { Routes.paperLetter(prefix: prefix, slug: SortKey.slug(ofLetter: letter), number: $0) }, reader)
        }
    }, render: { id, reader throws(Diagnostic) in
        let slice = PagedListOutputs.slice(id, reader)
        let (guide, letter) = (slice.list.guide!, slice.list.letter!)
        let info = reader.guide(guide)
        let route = { (number: Int) in Routes.paperLetter(prefix: info.prefix, slug: SortKey.slug(ofLetter: letter), number: number) }
        let name = letter == "#" ? "other titles" : letter
        let begin = letter == "#" ? "begin otherwise than with A to Z" : "begin with \(letter)"
        let page = slice.pageCount > 1 ? ": page \(slice.number) of \(slice.pageCount)" : ""
        return try PageLayout.render(.papersLetter, route: route(slice.number), guide: guide,
                                     title: PagedListOutputs.title("All papers: \(name)", slice),
                                     description: "Papers\(info.eventSuffix) whose titles \(begin), sorted by title\(page).",
                                     body: Body(reader: reader, guide: guide, letter: letter, papers: slice.papers,
                                                pagination: PagedListOutputs.pagination(slice, route: route, reader)),
                                     reader)
    })

    /// `letter` (this page's) and `letters` (every letter of the guide's
    /// papers), each a `PaperLetterView` without counts: a paper added to one
    /// letter leaves the pages of the others as they were. `papers` (this
    /// page's cards, `papers_html`), `pagination`.
    struct Body: MustacheParent {
        let reader: Reader
        let guide: GuideID
        let letter: String
        let papers: [PaperID]
        let pagination: Pagination?

        func child(named name: String) -> Any? {
            switch name {
            case "letter": PaperLetterView(reader: reader, guide: guide, letter: letter, current: true)
            case "letters":
                (reader.derived(Derivations.paperLetterList, guide.raw) ?? []).map {
                    PaperLetterView(reader: reader, guide: guide, letter: $0, current: $0 == letter)
                }
            case "papers": papers.map { PaperCardView(reader: reader, id: $0) }
            case "papers_html": joined(papers, Derivations.paperCard, reader)
            case "pagination": pagination
            default: nil
            }
        }
    }
}
