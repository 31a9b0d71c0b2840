import Dispatch
import Mustache

/// Renders `paper-card.mustache` once per paper, in parallel, before any page.
///
/// A paper appears in up to half a dozen lists (its topic, each author, all
/// papers, ...); in a 10,000-paper guide that is 60,000 card renders for 10,000
/// distinct cards. Like Hugo's `partialCached`, each card is rendered once and
/// lists insert the HTML with `{{{card_html}}}`. Between rebuilds, a card whose
/// data did not change keeps its HTML (`CardCache`).
struct CardRenderer: Sendable {
    static let template = "paper-card"
    let templates: TemplateSet
    /// The previous build's cards, reused when templates and site values are the same.
    var cache: CardCache?

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Cards with `cardHTML` filled in, and the cache for the next rebuild.
    func render(_ cards: [PaperCard], site: SiteContext) -> ([PaperCard], CardCache?) {
        guard templates.contains(Self.template), !cards.isEmpty else { return (cards, nil) }
        let reusable = cache.flatMap { $0.templates == templates.sources && $0.site == site ? $0.html : nil } ?? [:]
        let siteNode = ContextNode(site)
        nonisolated(unsafe) var rendered = cards
        rendered.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            let chunks = min(cards.count, 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk
                while index < cards.count {
                    output[index].cardHTML = reusable[cards[index]]
                        ?? templates.render(CardContext(site: siteNode, card: cards[index]), template: Self.template) ?? ""
                    index += chunks
                }
            }
        }
        var html: [PaperCard: String] = [:]
        html.reserveCapacity(cards.count)
        for (card, done) in zip(cards, rendered) { html[card] = done.cardHTML }
        return (rendered, CardCache(templates: templates.sources, site: site, html: html))
    }

    /// What the card template sees: `site` and the card's fields.
    private struct CardContext: MustacheParent {
        let site: ContextNode
        let card: PaperCard

        func child(named name: String) -> Any? {
            name == "site" ? site : card.child(named: name)
        }
    }
}

/// Rendered cards of a build, by card data (without its HTML).
struct CardCache: Sendable {
    var templates: [String: String]
    var site: SiteContext
    var html: [PaperCard: String]
}
