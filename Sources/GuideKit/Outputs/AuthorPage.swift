import Mustache

/// `authors/<slug>/`: an author's papers (by guide, newest first) and co-authors.
enum AuthorPage {
    static let kind = OutputKind(name: "author", page: .author, outputs: { reader in
        reader.siteAuthors.map { ($0.raw, Routes.file(of: reader.author($0).path)) }
    }, render: { id, reader throws(Diagnostic) in
        let author = AuthorID(id)
        let info = reader.author(author)
        let papers = reader.papers(of: author)
        let guides = Set(papers.map { reader.title($0).guide })
        let scope = guides.count == 1 ? reader.guide(guides.first!).eventSuffix : " in \(count(guides.count, "guide"))"
        return try PageLayout.render(.author, route: info.path, guide: nil, title: info.name,
                                     description: "\(info.name): \(count(papers.count, "paper"))\(scope).",
                                     body: Body(reader: reader, author: author), reader)
    })

    /// `author.*`.
    struct Body: MustacheParent {
        let reader: Reader
        let author: AuthorID

        func child(named name: String) -> Any? {
            name == "author" ? AuthorPageView(reader: reader, id: author) : nil
        }
    }
}
