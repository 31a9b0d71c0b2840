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
public struct ContextNode: MustacheParent, Hashable, Sendable {
    private let box: ContextBox

    public init<Value: MustacheParent & Hashable & Sendable>(_ value: Value) {
        box = TypedContextBox(value)
    }

    public func child(named name: String) -> Any? {
        box.child(named: name)
    }

    public static func == (lhs: ContextNode, rhs: ContextNode) -> Bool {
        lhs.box === rhs.box || lhs.box.isEqual(to: rhs.box)
    }

    public func hash(into hasher: inout Hasher) {
        box.hash(into: &hasher)
    }
}

/// Type-erased storage of a node's value.
class ContextBox: @unchecked Sendable {
    func child(named name: String) -> Any? { nil }
    func isEqual(to other: ContextBox) -> Bool { false }
    func hash(into hasher: inout Hasher) {}
}

private final class TypedContextBox<Value: MustacheParent & Hashable & Sendable>: ContextBox, @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
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
