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
    /// `PaperCard`s, with `paper-card.mustache` rendered.
    let cards: [ContextNode]
    /// These nodes by value, for the next rebuild.
    let table: NodeTable

    init(_ guide: Guide, routes: Routes, markdown: MarkdownRenderer, site: SiteContext,
         cards renderer: CardRenderer?, previous: NodeTable?) {
        self.routes = routes
        var table = NodeTable(templates: renderer?.templates.sources ?? [:], site: site)
        let authorURLs = guide.authors.map { routes.url(routes.authorPath($0)) }
        let topicURLs = guide.topics.map { routes.url(routes.topicPath($0)) }
        let paperURLs = guide.papers.map { routes.url(routes.paperPath($0)) }
        let authorLinks = guide.authors.indices.map { index in
            table.node(NameContext(name: guide.authors[index].name, url: authorURLs[index],
                                   paperCount: guide.authors[index].papers.count), previous: previous)
        }
        let topicLinks = guide.topics.indices.map {
            table.node(LinkContext(title: guide.topics[$0].title.text, url: topicURLs[$0]), previous: previous)
        }
        self.authorLinks = authorLinks
        self.authorURLs = authorURLs
        self.topicLinks = topicLinks
        self.topicURLs = topicURLs
        paperLinks = guide.papers.indices.map {
            table.node(LinkContext(title: guide.papers[$0].title.text, url: paperURLs[$0]), previous: previous)
        }
        topicDescriptions = guide.topics.map { markdown.html(paragraphs: $0.description.map(\.text)) }

        let cards = guide.papers.indices.map { index in
            let paper = guide.papers[index]
            return PaperCard(
                title: paper.title.text, url: paperURLs[index],
                authors: paper.authors.map { authorLinks[$0] },
                topic: paper.topic.map { topicLinks[$0] },
                descriptionHTML: markdown.html(paragraphs: paper.description.map(\.text)))
        }
        let reusable = table.canReuseCards(of: previous) ? previous?.cards ?? [:] : [:]
        let fresh = cards.indices.filter { reusable[cards[$0]] == nil }
        let html = renderer?.render(fresh.map { cards[$0] }, site: site) ?? fresh.map { _ in "" }
        var rendered: [Int: ContextNode] = [:]
        for (index, cardHTML) in zip(fresh, html) {
            var card = cards[index]
            card.cardHTML = cardHTML
            rendered[index] = ContextNode(card)
        }
        self.cards = cards.indices.map { rendered[$0] ?? reusable[cards[$0]]! }
        for (card, node) in zip(cards, self.cards) { table.cards[card] = node }
        self.table = table
    }
}
