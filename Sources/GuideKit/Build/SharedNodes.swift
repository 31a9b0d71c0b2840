import Mustache

/// Context nodes that many pages show, built once per build and shared by
/// reference: every author's link (with its chip), every topic's link and
/// front-page card, every paper's link and card, each with its fragment
/// rendered once. Arrays are indexed like the guide's authors, topics and papers.
struct SharedNodes: Sendable {
    let routes: Routes
    var authorURLs: [String]
    var topicURLs: [String]
    var paperURLs: [String]
    /// Markdown rendered once: topic and paper descriptions.
    var topicDescriptions: [String]
    var paperDescriptions: [String]
    /// `NameContext`s carrying `author-chip` and `author-link`.
    var authorLinks: [ContextNode]
    /// `LinkContext`s, for `previous`/`next` and a card's topic line.
    var topicLinks: [ContextNode]
    /// `LinkContext`s carrying `paper-link`.
    var paperLinks: [ContextNode]
    /// `PaperCard`s carrying `paper-card`.
    var cards: [ContextNode]
    /// `HomeBody.TopicSummary`s carrying `topic-card`.
    var topicCards: [ContextNode]

    init(_ guide: Guide, routes: Routes, markdown: MarkdownRenderer, fragments: FragmentRenderer) {
        self.routes = routes
        authorURLs = guide.authors.map { routes.url(routes.authorPath($0)) }
        topicURLs = guide.topics.map { routes.url(routes.topicPath($0)) }
        paperURLs = guide.papers.map { routes.url(routes.paperPath($0)) }
        topicDescriptions = guide.topics.map { markdown.html(paragraphs: $0.description.map(\.text)) }
        paperDescriptions = parallelMap(guide.papers.count) { markdown.html(paragraphs: guide.papers[$0].description.map(\.text)) }
        (authorLinks, topicLinks, paperLinks, cards, topicCards) = ([], [], [], [], [])
        authorLinks = nodes(Array(guide.authors.indices), fragments, [.authorChip, .authorLink], authorLink(guide))
        topicLinks = guide.topics.indices.map { ContextNode(topicLink(guide)($0)) }
        paperLinks = nodes(Array(guide.papers.indices), fragments, [.paperLink], paperLink(guide))
        cards = nodes(Array(guide.papers.indices), fragments, [.paperCard], card(guide))
        topicCards = nodes(Array(guide.topics.indices), fragments, [.topicCard], topicCard(guide))
    }

    /// Builds again the nodes that `changes` reach in `guide` (a same-shaped
    /// edit of the guide these nodes were built for), in dependency order:
    /// links first, then the cards and topic cards that show them. A node
    /// built again but equal to the old one keeps the old one.
    mutating func update(_ guide: Guide, changes: GuideChanges, markdown: MarkdownRenderer,
                         fragments: FragmentRenderer) -> NodeChanges {
        var changed = NodeChanges()
        for index in changes.authors { authorURLs[index] = routes.url(routes.authorPath(guide.authors[index])) }
        for index in changes.topics {
            topicURLs[index] = routes.url(routes.topicPath(guide.topics[index]))
            topicDescriptions[index] = markdown.html(paragraphs: guide.topics[index].description.map(\.text))
        }
        for index in changes.papers {
            paperURLs[index] = routes.url(routes.paperPath(guide.papers[index]))
            paperDescriptions[index] = markdown.html(paragraphs: guide.papers[index].description.map(\.text))
        }
        let authors = changes.authors.sorted(), topics = changes.topics.sorted(), papers = changes.papers.sorted()
        changed.authorLinks = replace(&authorLinks, at: authors, with: nodes(authors, fragments, [.authorChip, .authorLink], authorLink(guide)))
        changed.topicLinks = replace(&topicLinks, at: topics, with: topics.map { ContextNode(topicLink(guide)($0)) })
        changed.paperLinks = replace(&paperLinks, at: papers, with: nodes(papers, fragments, [.paperLink], paperLink(guide)))

        var cards = changes.papers
        for author in changed.authorLinks { cards.formUnion(guide.authors[author].papers) }
        for topic in changed.topicLinks { cards.formUnion(guide.topics[topic].papers) }
        let cardIndices = cards.sorted()
        changed.cards = replace(&self.cards, at: cardIndices, with: nodes(cardIndices, fragments, [.paperCard], card(guide)))

        var topicCards = changes.topics
        for paper in changed.paperLinks { if let topic = guide.papers[paper].topic { topicCards.insert(topic) } }
        let topicCardIndices = topicCards.sorted()
        changed.topicCards = replace(&self.topicCards, at: topicCardIndices,
                                     with: nodes(topicCardIndices, fragments, [.topicCard], topicCard(guide)))
        return changed
    }

    /// Puts `new` nodes (in the order of `indices`) in place of those that
    /// differ; returns the indices replaced.
    private func replace(_ nodes: inout [ContextNode], at indices: [Int], with new: [ContextNode]) -> Set<Int> {
        var replaced: Set<Int> = []
        for (index, node) in zip(indices, new) where nodes[index] != node {
            nodes[index] = node
            replaced.insert(index)
        }
        return replaced
    }

    // MARK: - Values

    private func authorLink(_ guide: Guide) -> (Int) -> NameContext {
        { NameContext(name: guide.authors[$0].name, url: authorURLs[$0], paperCount: guide.authors[$0].papers.count) }
    }

    private func topicLink(_ guide: Guide) -> (Int) -> LinkContext {
        { LinkContext(title: guide.topics[$0].title.text, url: topicURLs[$0]) }
    }

    private func paperLink(_ guide: Guide) -> (Int) -> LinkContext {
        { LinkContext(title: guide.papers[$0].title.text, url: paperURLs[$0]) }
    }

    private func card(_ guide: Guide) -> (Int) -> PaperCard {
        { index in
            let paper = guide.papers[index]
            return PaperCard(title: paper.title.text, url: paperURLs[index], authors: paper.authors.map { authorLinks[$0] },
                             topic: paper.topic.map { topicLinks[$0] }, descriptionHTML: paperDescriptions[index])
        }
    }

    private func topicCard(_ guide: Guide) -> (Int) -> HomeBody.TopicSummary {
        { index in
            let topic = guide.topics[index]
            return HomeBody.TopicSummary(title: topic.title.text, url: topicURLs[index], descriptionHTML: topicDescriptions[index],
                                         papers: topic.papers.map { paperLinks[$0] })
        }
    }

    /// A node for each index, its fragments rendered in parallel.
    private func nodes<Value: MustacheParent & Hashable & Sendable>(
        _ indices: [Int], _ renderer: FragmentRenderer, _ fragments: [Fragment], _ value: (Int) -> Value
    ) -> [ContextNode] {
        let values = indices.map(value)
        let rendered = renderer.render(fragments, values)
        return zip(values, rendered).map { ContextNode($0, fragments: $1) }
    }
}
