import Mustache

/// `topics/page/2/`, …: a guide's topics after those of its home page (the
/// first page), `topics_per_page` to a page, each with its first papers.
enum TopicsPage {
    static let kind = OutputKind(name: "topics", page: .topics, outputsOfGuide: { guide, reader in
        let (count, perPage) = (reader.count(.topics, of: guide), reader.site.topicsPerPage)
        // Most guides have one page of topics, their home page: their prefix is not read.
        guard ListPages(count, perPage: perPage).count > 1 else { return [] }
        let prefix = reader.guide(guide).prefix
        return PagedListOutputs.items(.topics(guide), count: count, perPage: perPage,
                                      from: 2, route: { Routes.topicList(prefix: prefix, number: $0) }, reader)
    }, render: { id, reader throws(Diagnostic) in
        let slice = PagedListOutputs.slice(id, reader)
        let guide = slice.list.guide!
        let info = reader.guide(guide)
        let route = { (number: Int) in Routes.topicList(prefix: info.prefix, number: number) }
        // Which page, not how many topics (the guide's home says that): adding
        // a topic changes the pages from its place on, not every page of the list.
        return try PageLayout.render(.topics, route: route(slice.number), guide: guide,
                                     title: PagedListOutputs.title("Topics\(info.eventSuffix)", slice),
                                     description: "Topics\(info.eventSuffix), in the order of the guide: page \(slice.number) of \(slice.pageCount).",
                                     body: Body(reader: reader, guide: guide, topics: slice.topics,
                                                pagination: PagedListOutputs.pagination(slice, route: route, reader)),
                                     reader)
    })

    /// `topics` (this page's, `topics_html`), `count` and `count_label` (the
    /// guide's, read when a template shows them), `pagination`.
    struct Body: MustacheParent {
        let reader: Reader
        let guide: GuideID
        let topics: [TopicID]
        let pagination: Pagination?

        func child(named name: String) -> Any? {
            switch name {
            case "topics": topics.map { TopicCardView(reader: reader, id: $0) }
            case "topics_html": joined(topics, Derivations.topicCard, reader)
            case "count": reader.count(.topics, of: guide)
            case "count_label": asText(GuideKit.count(reader.count(.topics, of: guide), "topic"))
            case "pagination": pagination
            default: nil
            }
        }
    }
}
