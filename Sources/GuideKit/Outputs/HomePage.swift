import Mustache

/// A guide's front page (`/`, or `/<guide>/` on a site of several): title,
/// subtitle, intro, and the first page of its topics (`topics_per_page`; the
/// others are `TopicsPage`s), each with its first papers.
enum HomePage {
    static let kind = OutputKind(name: "home", page: .home, outputsOfGuide: { guide, reader in
        [(guide.raw, .page(reader.guide(guide).prefix))]
    }, render: { id, reader throws(Diagnostic) in
        let guide = GuideID(id)
        let info = reader.guide(guide)
        let topics = PagedListOutputs.slice(PagedListOutputs.id(.topics(guide), 1, reader), reader)
        let pagination = PagedListOutputs.pagination(topics, route: { Routes.topicList(prefix: info.prefix, number: $0) }, reader)
        return try PageLayout.render(.home, route: info.prefix, guide: guide, title: info.title,
                                     description: reader.text(of: guide).description,
                                     body: Body(reader: reader, guide: guide, topics: topics.topics, pagination: pagination), reader)
    })

    /// `guide` (from the page), `topics` (`topics_html`) and their `pagination`,
    /// `papers_without_topic` (`papers_without_topic_html`: the first
    /// `papers_per_page`, and `more_papers_without_topic` when there are more),
    /// `figures_without_topic`.
    struct Body: MustacheParent {
        let reader: Reader
        let guide: GuideID
        /// The first page's.
        let topics: [TopicID]
        let pagination: Pagination?

        func child(named name: String) -> Any? {
            switch name {
            case "topics": topics.map { TopicCardView(reader: reader, id: $0) }
            case "topics_html": joined(topics, Derivations.topicCard, reader)
            case "pagination": pagination
            case "papers_without_topic": papersWithoutTopic.map { PaperCardView(reader: reader, id: $0) }
            case "papers_without_topic_html": joined(papersWithoutTopic, Derivations.paperCard, reader)
            case "more_papers_without_topic": flag(reader.loose(in: guide).papers.count > papersWithoutTopic.count)
            case "figures_without_topic": FigureView.list(reader.loose(in: guide).figures, reader)
            default: nil
            }
        }

        /// As many as a page of "All papers" holds, which lists them all.
        private var papersWithoutTopic: [PaperID] {
            let papers = reader.loose(in: guide).papers
            return Array(papers[ListPages(papers.count, perPage: reader.site.papersPerPage).range(of: 1)])
        }
    }
}
