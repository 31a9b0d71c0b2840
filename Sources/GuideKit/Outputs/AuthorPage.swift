import Mustache

/// `authors/<slug>/`, then `authors/<slug>/page/2/`, … when they have more
/// than `papers_per_page` papers: an author's papers (by guide, newest first)
/// and, on the first page, their co-authors (`coauthors_shown` of them).
enum AuthorPage {
    static let kind = OutputKind(name: "author", page: .author, itemsOfSite: { reader in
        reader.siteAuthors.map(\.raw)
    }, outputsOfItem: { id, reader in
        let author = AuthorID(id)
        let path = reader.author(author).path
        return PagedListOutputs.items(.author(author), count: reader.papers(of: author).count, perPage: reader.site.papersPerPage,
                                      route: { Routes.page($0, of: path) }, reader)
    }, render: { id, reader throws(Diagnostic) in
        let slice = PagedListOutputs.slice(id, reader)
        let author = slice.list.author!
        let info = reader.author(author)
        let papers = reader.papers(of: author)
        let guides = Set(papers.map { reader.title($0).guide })
        let scope = guides.count == 1 ? reader.guide(guides.first!).eventSuffix : " in \(count(guides.count, "guide"))"
        let route = { (number: Int) in Routes.page(number, of: info.path) }
        return try PageLayout.render(.author, route: route(slice.number), guide: nil, title: PagedListOutputs.title(info.name, slice),
                                     description: "\(info.name): \(count(papers.count, "paper"))\(scope).",
                                     body: Body(reader: reader, author: author, slice: slice,
                                                pagination: PagedListOutputs.pagination(slice, route: route, reader)),
                                     reader)
    })

    /// `author.*` (with this page's papers), `pagination`.
    struct Body: MustacheParent {
        let reader: Reader
        let author: AuthorID
        let slice: ListSlice
        let pagination: Pagination?

        func child(named name: String) -> Any? {
            switch name {
            case "author": AuthorPageView(reader: reader, id: author, papers: slice.papers, page: slice.number)
            case "pagination": pagination
            default: nil
            }
        }
    }
}
