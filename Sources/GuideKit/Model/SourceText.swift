/// A piece of guide text together with the source lines it came from.
///
/// Every model element keeps its `SourceText`s, which is what lets the parser
/// prove that it lost nothing: the union of all their lines is every
/// non-blank line of the source.
public struct SourceText: Hashable, Sendable {
    public var text: String
    /// 1-based line numbers, in source order.
    public var lines: [Int]

    public init(_ text: String, lines: [Int]) {
        self.text = text
        self.lines = lines
    }

    public init(_ text: String, line: Int) {
        self.init(text, lines: [line])
    }

    /// The first source line, used in diagnostics.
    public var line: Int { lines.first ?? 0 }
}
