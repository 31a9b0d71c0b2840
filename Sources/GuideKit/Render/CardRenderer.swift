import Mustache

/// Renders `paper-card.mustache` for each paper, in parallel, before any page.
///
/// A paper appears in up to half a dozen lists (its topic, each author, all
/// papers, ...); in a 10,000-paper guide that is 60,000 card renders for 10,000
/// distinct cards. Like Hugo's `partialCached`, each card is rendered once and
/// lists insert the HTML with `{{{card_html}}}`. Between rebuilds, a card whose
/// data did not change keeps its HTML (`NodeTable`).
struct CardRenderer: Sendable {
    static let template = "paper-card"
    let templates: TemplateSet

    /// Each card's HTML, in order; empty strings when there is no card template.
    func render(_ cards: [PaperCard], site: SiteContext) -> [String] {
        guard templates.contains(Self.template) else { return cards.map { _ in "" } }
        let siteNode = ContextNode(site)
        return parallelMap(cards.count) { index in
            templates.render(CardContext(site: siteNode, card: cards[index]), template: Self.template) ?? ""
        }
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
