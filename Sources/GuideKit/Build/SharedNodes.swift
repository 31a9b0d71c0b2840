/// Context nodes that many pages show, built once per build: every paper's
/// card and link, every author's and topic's link. Pages share them by reference.
struct SharedNodes {
    let routes: Routes
    /// `NameContext`s.
    let authorLinks: [ContextNode]
    let authorURLs: [String]
    /// `LinkContext`s.
    let topicLinks: [ContextNode]
    let topicURLs: [String]
    let topicDescriptions: [String]
    /// `LinkContext`s.
    let paperLinks: [ContextNode]
    /// `PaperCard`s.
    let cards: [ContextNode]

    /// The rendered cards, for the next rebuild.
    let cardCache: CardCache?

    init(_ guide: Guide, routes: Routes, markdown: MarkdownRenderer, site: SiteContext, cards renderer: CardRenderer?) {
        self.routes = routes
        let authorURLs = guide.authors.map { routes.url(routes.authorPath($0)) }
        let topicURLs = guide.topics.map { routes.url(routes.topicPath($0)) }
        let paperURLs = guide.papers.map { routes.url(routes.paperPath($0)) }
        let authorLinks = guide.authors.indices.map { index in
            ContextNode(NameContext(name: guide.authors[index].name, url: authorURLs[index], paperCount: guide.authors[index].papers.count))
        }
        let topicLinks = guide.topics.indices.map { ContextNode(LinkContext(title: guide.topics[$0].title.text, url: topicURLs[$0])) }
        self.authorLinks = authorLinks
        self.authorURLs = authorURLs
        self.topicLinks = topicLinks
        self.topicURLs = topicURLs
        paperLinks = guide.papers.indices.map { ContextNode(LinkContext(title: guide.papers[$0].title.text, url: paperURLs[$0])) }
        topicDescriptions = guide.topics.map { markdown.html(paragraphs: $0.description.map(\.text)) }
        let cards = guide.papers.indices.map { index in
            let paper = guide.papers[index]
            return PaperCard(
                title: paper.title.text, url: paperURLs[index],
                authors: paper.authors.map { authorLinks[$0] },
                topic: paper.topic.map { topicLinks[$0] },
                descriptionHTML: markdown.html(paragraphs: paper.description.map(\.text)))
        }
        let (rendered, cache) = renderer?.render(cards, site: site) ?? (cards, nil)
        self.cards = rendered.map(ContextNode.init)
        cardCache = cache
    }
}
