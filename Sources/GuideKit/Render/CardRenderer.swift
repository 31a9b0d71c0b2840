import Dispatch
import Mustache

/// Renders `paper-card.mustache` once per paper, in parallel, before any page.
///
/// A paper appears in up to half a dozen lists (its topic, each author, all
/// papers, ...); in a 10,000-paper guide that is 60,000 card renders for 10,000
/// distinct cards. Like Hugo's `partialCached`, each card is rendered once and
/// lists insert the HTML with `{{{card_html}}}`.
struct CardRenderer: Sendable {
    static let template = "paper-card"
    let templates: TemplateSet

    /// Cards with `cardHTML` filled in; unchanged when there is no card template.
    func render(_ cards: [PaperCard], site: ContextNode) -> [PaperCard] {
        guard templates.contains(Self.template), !cards.isEmpty else { return cards }
        nonisolated(unsafe) var rendered = cards
        rendered.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            let chunks = min(cards.count, 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk
                while index < cards.count {
                    let context = CardContext(site: site, card: cards[index])
                    output[index].cardHTML = templates.render(context, template: Self.template) ?? ""
                    index += chunks
                }
            }
        }
        return rendered
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
