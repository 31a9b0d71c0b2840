import Mustache

/// A guide's front page (`/`, or `/<guide>/` on a site of several): title,
/// subtitle, intro, the topics with their papers.
enum HomePage {
    static let kind = OutputKind(name: "home", page: .home, outputsOfGuide: { guide, reader in
        [(guide.raw, Routes.file(of: reader.guide(guide).prefix))]
    }, render: { id, reader throws(Diagnostic) in
        let guide = GuideID(id)
        let info = reader.guide(guide)
        return try PageLayout.render(.home, route: info.prefix, guide: guide, title: info.title,
                                     description: reader.text(of: guide).description, body: Body(reader: reader, guide: guide), reader)
    })

    /// `guide` (from the page), `topics` (`topics_html`), `papers_without_topic`
    /// (`papers_without_topic_html`), `figures_without_topic`.
    struct Body: MustacheParent {
        let reader: Reader
        let guide: GuideID

        func child(named name: String) -> Any? {
            switch name {
            case "topics": reader.topics(of: guide).map { TopicCardView(reader: reader, id: $0) }
            case "topics_html": joined(reader.topics(of: guide), Derivations.topicCard, reader)
            case "papers_without_topic": reader.loose(in: guide).papers.map { PaperCardView(reader: reader, id: $0) }
            case "papers_without_topic_html": joined(reader.loose(in: guide).papers, Derivations.paperCard, reader)
            case "figures_without_topic": FigureView.list(reader.loose(in: guide).figures, reader)
            default: nil
            }
        }
    }
}
