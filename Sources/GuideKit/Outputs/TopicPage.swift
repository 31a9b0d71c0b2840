import Mustache

/// `topics/<slug>/`: a topic's description, figures and papers; the previous and next topic.
enum TopicPage {
    static let kind = OutputKind(name: "topic", page: .topic, outputsOfGuide: { guide, reader in
        reader.topics(of: guide).map { ($0.raw, Routes.file(of: reader.topic($0).path)) }
    }, render: { id, reader throws(Diagnostic) in
        let topic = reader.topic(TopicID(id))
        let papers = reader.papers(of: TopicID(id)).count
        let guide = reader.guide(topic.guide)
        return try PageLayout.render(.topic, route: topic.path, guide: topic.guide, title: topic.title,
                                     description: "\(count(papers, "paper")) on \(topic.title.lowercased())\(guide.eventSuffix).",
                                     body: Body(reader: reader, topic: TopicID(id), guide: topic.guide), reader)
    })

    /// `topic.*`, `previous`, `next`.
    struct Body: MustacheParent {
        let reader: Reader
        let topic: TopicID
        let guide: GuideID

        func child(named name: String) -> Any? {
            switch name {
            case "topic": TopicPageView(reader: reader, id: topic)
            case "previous": neighbour(-1)
            case "next": neighbour(1)
            default: nil
            }
        }

        private func neighbour(_ step: Int) -> TopicLinkView? {
            let topics = reader.topics(of: guide)
            guard let index = topics.firstIndex(of: topic), topics.indices.contains(index + step) else { return nil }
            return TopicLinkView(reader: reader, id: topics[index + step])
        }
    }
}
