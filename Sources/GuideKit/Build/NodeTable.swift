/// The shared nodes of a build by value, handed to the next rebuild: a value
/// that did not change keeps its node, so the page contexts that show it
/// compare by identity instead of field by field, and a paper card keeps its
/// rendered HTML.
struct NodeTable: Sendable {
    /// The templates and site values the cards were rendered with.
    var templates: [String: String]
    var site: SiteContext
    var names: [NameContext: ContextNode] = [:]
    var links: [LinkContext: ContextNode] = [:]
    /// Keyed by the card without its HTML.
    var cards: [PaperCard: ContextNode] = [:]

    init(templates: [String: String], site: SiteContext) {
        self.templates = templates
        self.site = site
    }

    /// The previous build's node for `value`, or a new one.
    mutating func node(_ value: NameContext, previous: NodeTable?) -> ContextNode {
        let node = previous?.names[value] ?? ContextNode(value)
        names[value] = node
        return node
    }

    mutating func node(_ value: LinkContext, previous: NodeTable?) -> ContextNode {
        let node = previous?.links[value] ?? ContextNode(value)
        links[value] = node
        return node
    }

    /// Whether `previous` cards were rendered the way this build would render them.
    func canReuseCards(of previous: NodeTable?) -> Bool {
        previous?.templates == templates && previous?.site == site
    }
}
