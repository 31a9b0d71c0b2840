import Mustache

/// `topics/<slug>/`, then `topics/<slug>/page/2/`, … when it has more than
/// `papers_per_page` papers: a topic's description, figures and papers; the
/// previous and next topic.
enum TopicPage {
    static let kind = OutputKind(name: "topic", page: .topic, itemsOfGuide: { guide, reader in
        reader.topics(of: guide).map(\.raw)
    }, outputsOfItem: { id, reader in
        let topic = TopicID(id)
        let path = reader.topic(topic).path
        return PagedListOutputs.items(.topic(topic), count: reader.papers(of: topic).count, perPage: reader.site.papersPerPage,
                                      route: { Routes.page($0, of: path) }, reader)
    }, render: { id, reader throws(Diagnostic) in
        let slice = PagedListOutputs.slice(id, reader)
        let topicID = slice.list.topic!
        let topic = reader.topic(topicID)
        let papers = reader.papers(of: topicID).count
        let guide = reader.guide(topic.guide)
        let route = { (number: Int) in Routes.page(number, of: topic.path) }
        return try PageLayout.render(.topic, route: route(slice.number), guide: topic.guide, title: PagedListOutputs.title(topic.title, slice),
                                     description: "\(count(papers, "paper")) on \(topic.title.lowercased())\(guide.eventSuffix).",
                                     body: Body(reader: reader, topic: topicID, guide: topic.guide, papers: slice.papers,
                                                pagination: PagedListOutputs.pagination(slice, route: route, reader)),
                                     reader)
    })

    /// `topic.*` (with this page's papers), `pagination`, `previous`, `next`.
    struct Body: MustacheParent {
        let reader: Reader
        let topic: TopicID
        let guide: GuideID
        let papers: [PaperID]
        let pagination: Pagination?

        func child(named name: String) -> Any? {
            switch name {
            case "topic": TopicPageView(reader: reader, id: topic, papers: papers)
            case "pagination": pagination
            case "previous": neighbour(-1)
            case "next": neighbour(1)
            default: nil
            }
        }

        private func neighbour(_ step: Int) -> TopicLinkView? {
            reader.derived(Derivations.topicNeighbours, guide.raw, part: Fact(.topicNeighbour, topic.raw))?
                .neighbour(of: topic, step).map { TopicLinkView(reader: reader, id: $0) }
        }
    }
}
