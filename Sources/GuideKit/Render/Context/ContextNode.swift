import Mustache

/// A shared, immutable context value handed to Mustache.
///
/// swift-mustache passes values around as `Any`: a struct larger than three
/// words is copied into a new heap box on every lookup, with a retain per
/// field. A node is one word (a reference to the value), so it sits inline in
/// `Any`: looking up `{{site.base}}` or iterating paper cards costs a retain,
/// and one card is shared by every page that lists it. It is a struct rather
/// than a class because the runtime's protocol-conformance checks, which
/// swift-mustache makes on every lookup, are measurably slower for classes.
/// Equality compares values, so rebuilds can diff contexts.
public struct ContextNode<Value: MustacheParent & Hashable & Sendable>: MustacheParent, Hashable, Sendable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let storage: Storage

    public init(_ value: Value) {
        storage = Storage(value)
    }

    public var value: Value { storage.value }

    public func child(named name: String) -> Any? {
        storage.value.child(named: name)
    }

    public static func == (lhs: ContextNode, rhs: ContextNode) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.value == rhs.storage.value
    }

    public func hash(into hasher: inout Hasher) {
        storage.value.hash(into: &hasher)
    }
}
