/// Context nodes that many pages show, built once per build: every paper's
/// card and link, every author's and topic's link. Pages share them by reference.
struct SharedNodes {
    let routes: Routes
    let authorLinks: [ContextNode<NameContext>]
    let topicLinks: [ContextNode<LinkContext>]
    let topicDescriptions: [String]
    let paperLinks: [ContextNode<LinkContext>]
    let cards: [ContextNode<PaperCard>]

    init(_ guide: Guide, routes: Routes, markdown: MarkdownRenderer, site: ContextNode<SiteContext>, cards renderer: CardRenderer?) {
        self.routes = routes
        let authorLinks = guide.authors.map { author in
            ContextNode(NameContext(name: author.name, url: routes.url(routes.authorPath(author)), paperCount: author.papers.count))
        }
        let topicLinks = guide.topics.map { ContextNode(LinkContext(title: $0.title.text, url: routes.url(routes.topicPath($0)))) }
        let paperLinks = guide.papers.map { ContextNode(LinkContext(title: $0.title.text, url: routes.url(routes.paperPath($0)))) }
        self.authorLinks = authorLinks
        self.topicLinks = topicLinks
        self.paperLinks = paperLinks
        topicDescriptions = guide.topics.map { markdown.html(paragraphs: $0.description.map(\.text)) }
        let cards = guide.papers.indices.map { index in
            let paper = guide.papers[index]
            return PaperCard(
                title: paper.title.text, url: paperLinks[index].value.url,
                authors: paper.authors.map { authorLinks[$0] },
                topic: paper.topic.map { topicLinks[$0] },
                descriptionHTML: markdown.html(paragraphs: paper.description.map(\.text)))
        }
        self.cards = (renderer?.render(cards, site: site) ?? cards).map(ContextNode.init)
    }
}
