import Mustache

/// `papers/`, `papers/page/2/`, …: every paper of a guide, A–Z, `papers_per_page`
/// to a page; on a guide of more than `papers_by_letter_above` papers,
/// `papers/` alone, which links to a page per letter (`PaperLetterPage`).
enum PapersPage {
    static let kind = OutputKind(name: "papers", page: .papers, outputsOfGuide: { guide, reader in
        let prefix = reader.guide(guide).prefix
        let count = reader.count(.papers, of: guide)
        return PagedListOutputs.items(.papers(guide), count: reader.site.splitsPapersByLetter(count) ? 0 : count,
                                      perPage: reader.site.papersPerPage,
                                      route: { Routes.paperList(prefix: prefix, number: $0) }, reader)
    }, render: { id, reader throws(Diagnostic) in
        let slice = PagedListOutputs.slice(id, reader)
        let guide = slice.list.guide!
        let info = reader.guide(guide)
        let route = { (number: Int) in Routes.paperList(prefix: info.prefix, number: number) }
        let byLetter = reader.site.splitsPapersByLetter(reader.count(.papers, of: guide))
        // The first page says how many papers there are, the others which page
        // they are: adding a paper changes the pages from its place on, not
        // every page of the list (a hundred at 10,000 papers).
        let description = slice.number == 1
            ? "\(count(reader.count(.papers, of: guide), "paper"))\(info.eventSuffix), sorted by title\(byLetter ? ", by first letter" : "")."
            : "All papers\(info.eventSuffix), sorted by title: page \(slice.number) of \(slice.pageCount)."
        return try PageLayout.render(.papers, route: route(slice.number), guide: guide,
                                     title: PagedListOutputs.title("All papers", slice), description: description,
                                     body: Body(reader: reader, guide: guide, papers: slice.papers, byLetter: byLetter,
                                                pagination: PagedListOutputs.pagination(slice, route: route, reader)),
                                     reader)
    })

    /// `papers` (this page's cards, `papers_html`), `count` and `count_label`
    /// (the whole list, read when a template shows them), `pagination`;
    /// `by_letter` when the guide's papers are split by letter, and `letters`
    /// (`PaperLetterView`, with counts).
    struct Body: MustacheParent {
        let reader: Reader
        let guide: GuideID
        let papers: [PaperID]
        let byLetter: Bool
        let pagination: Pagination?

        func child(named name: String) -> Any? {
            switch name {
            case "papers": papers.map { PaperCardView(reader: reader, id: $0) }
            case "papers_html": joined(papers, Derivations.paperCard, reader)
            case "count": reader.count(.papers, of: guide)
            case "count_label": asText(GuideKit.count(reader.count(.papers, of: guide), "paper"))
            case "by_letter": flag(byLetter)
            case "letters":
                byLetter ? reader.paperLetters(of: guide).letters.map {
                    PaperLetterView(reader: reader, guide: guide, letter: $0.letter, count: $0.count)
                } : nil
            case "pagination": pagination
            default: nil
            }
        }
    }
}

/// A letter of a guide's "All papers" split by letter: `{letter, id, url,
/// current, other}` (`other` for "#", titles that begin otherwise than with
/// A to Z), and on `papers/`, `count` and `count_label` (the letter's papers).
struct PaperLetterView: MustacheParent {
    let reader: Reader
    let guide: GuideID
    let letter: String
    var count: Int?
    var current = false

    func child(named name: String) -> Any? {
        switch name {
        case "letter": asText(letter)
        case "id": asText("letter-\(SortKey.slug(ofLetter: letter))")
        case "url": asText(reader.site.links.url(Routes.paperLetter(prefix: reader.guide(guide).prefix, slug: SortKey.slug(ofLetter: letter), number: 1)))
        case "count": count
        case "count_label": count.map { asText(GuideKit.count($0, "paper")) }
        case "current": flag(current)
        case "other": flag(letter == "#")
        default: nil
        }
    }
}

/// Where a page sits in a list cut into pages: `number`, `page_count`,
/// `previous_url` and `next_url` (missing at either end), and `pages`, the
/// links to show: the first and last pages and two on either side of this
/// one, as `{number, url, current, gap_before}` (`gap_before` when numbers
/// were skipped before it).
struct Pagination: MustacheParent {
    /// From 1.
    var number: Int
    /// Every page's URL, in order.
    var urls: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "page_count": urls.count
        case "previous_url": number > 1 ? asText(urls[number - 2]) : nil
        case "next_url": number < urls.count ? asText(urls[number]) : nil
        case "pages": shownPages
        default: nil
        }
    }

    private var shownPages: [PageLink] {
        let shown = Set([1, urls.count] + Array((number - 2)...(number + 2))).filter { (1...urls.count).contains($0) }.sorted()
        return shown.enumerated().map { offset, page in
            PageLink(number: page, url: urls[page - 1], current: page == number, gapBefore: offset > 0 && shown[offset - 1] != page - 1)
        }
    }

    struct PageLink: MustacheParent {
        var number: Int
        var url: String
        var current: Bool
        var gapBefore: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "url": asText(url)
            case "current": current ? true : nil
            case "gap_before": gapBefore ? true : nil
            default: nil
            }
        }
    }
}
