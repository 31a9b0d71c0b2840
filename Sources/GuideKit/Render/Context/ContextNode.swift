import Mustache

/// A shared, immutable context value handed to Mustache.
///
/// swift-mustache passes values around as `Any` and casts them to its
/// protocols on every lookup. Measured here: a struct larger than three words
/// is copied into a new heap box each time it is passed (a retain per field),
/// and a cast costs about 75 ns for a plain struct but 185 ns for a generic
/// one and up to 220 ns for a class. A node is a plain, one-word struct: it
/// sits inline in `Any`, takes the fast cast, and one node (a paper card, say)
/// is shared by every page that lists it. Equality compares the values, so
/// rebuilds can diff contexts.
///
/// A node can carry fragments: partials rendered once for it (a paper's card,
/// an author's chip), read as `{{{card_html}}}`, or joined with its
/// neighbours' into a list's `{{{papers_html}}}`.
public struct ContextNode: MustacheParent, Hashable, Sendable {
    private let box: ContextBox

    public init<Value: MustacheParent & Hashable & Sendable>(_ value: Value, fragments: [RenderedFragment] = []) {
        box = TypedContextBox(value, fragments: fragments)
    }

    public func child(named name: String) -> Any? {
        for fragment in box.fragments where fragment.variable == name { return TemplateText(fragment.html) }
        return box.child(named: name)
    }

    /// The node's value, when it is a `Value`.
    func value<Value: MustacheParent & Hashable & Sendable>(as type: Value.Type) -> Value? {
        (box as? TypedContextBox<Value>)?.value
    }

    /// The HTML of the node's fragment of that kind, or "" when it has none.
    func html(of fragment: Fragment) -> String {
        box.fragments.first { $0.fragment == fragment }?.html ?? ""
    }

    public static func == (lhs: ContextNode, rhs: ContextNode) -> Bool {
        lhs.box === rhs.box || (lhs.box.fragments == rhs.box.fragments && lhs.box.isEqual(to: rhs.box))
    }

    public func hash(into hasher: inout Hasher) {
        box.hash(into: &hasher)
    }
}

/// A fragment template rendered for one node.
public struct RenderedFragment: Hashable, Sendable {
    public var fragment: Fragment
    public var html: String

    /// The variable that inserts it, e.g. `card_html`.
    var variable: String { fragment.variable }
}

/// The `fragment`s of `nodes`, one after the other: a whole list in one lookup.
/// Missing (nil) when there is nothing to join, like every empty text, so that
/// `{{#papers_html}}<ul>{{{.}}}</ul>{{/papers_html}}` shows an empty list not at all.
func joinedFragments(_ nodes: [ContextNode], _ fragment: Fragment, separator: String = "\n") -> TemplateText? {
    guard !nodes.isEmpty else { return nil }
    var html = ""
    var size = separator.utf8.count * (nodes.count - 1)
    for node in nodes { size += node.html(of: fragment).utf8.count }
    html.reserveCapacity(size)
    for (index, node) in nodes.enumerated() {
        if index > 0 { html += separator }
        html += node.html(of: fragment)
    }
    return html.isEmpty ? nil : TemplateText(html)
}

/// Type-erased storage of a node's value.
class ContextBox: @unchecked Sendable {
    let fragments: [RenderedFragment]

    init(fragments: [RenderedFragment]) {
        self.fragments = fragments
    }

    func child(named name: String) -> Any? { nil }
    func isEqual(to other: ContextBox) -> Bool { false }
    func hash(into hasher: inout Hasher) {}
}

private final class TypedContextBox<Value: MustacheParent & Hashable & Sendable>: ContextBox, @unchecked Sendable {
    let value: Value

    init(_ value: Value, fragments: [RenderedFragment]) {
        self.value = value
        super.init(fragments: fragments)
    }

    override func child(named name: String) -> Any? {
        value.child(named: name)
    }

    override func isEqual(to other: ContextBox) -> Bool {
        // Compared in place: `(other as? T)?.value` would copy the value out first.
        guard let other = other as? TypedContextBox<Value> else { return false }
        return value == other.value
    }

    override func hash(into hasher: inout Hasher) {
        value.hash(into: &hasher)
    }
}
