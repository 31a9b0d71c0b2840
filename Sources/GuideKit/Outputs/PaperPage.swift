import Mustache

/// `papers/<slug>/`: a paper, its authors, topic, figures, other papers by its authors, its citation.
enum PaperPage {
    static let kind = OutputKind(name: "paper", page: .paper, itemsOfGuide: { guide, reader in
        reader.papers(of: guide).map(\.raw)
    }, outputsOfItem: { paper, reader in
        [(paper, .page(reader.title(PaperID(paper)).path))]
    }, render: { id, reader throws(Diagnostic) in
        let paper = PaperID(id)
        let title = reader.title(paper)
        let names = reader.paper(paper).authors.map { reader.author($0).name }
        return try PageLayout.render(.paper, route: title.path, guide: title.guide, title: title.title,
                                     description: "\(title.title), by \(joinedNames(names))\(reader.guide(title.guide).eventSuffix).",
                                     body: Body(reader: reader, paper: paper), reader)
    })

    /// `paper.*`.
    struct Body: MustacheParent {
        let reader: Reader
        let paper: PaperID

        func child(named name: String) -> Any? {
            name == "paper" ? PaperPageView(reader: reader, id: paper) : nil
        }
    }
}
