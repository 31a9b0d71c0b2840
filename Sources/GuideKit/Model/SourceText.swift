/// A piece of guide text together with the source lines it came from.
///
/// Every model element keeps its `SourceText`s, which is what lets the parser
/// prove that it lost nothing: the union of all their lines is every
/// non-blank line of the source. A text's lines are always consecutive, so
/// it keeps the first and their count: moving a text to other lines (when
/// lines are inserted above it) changes a number, not an array.
public struct SourceText: Hashable, Sendable {
    public var text: String
    /// The first source line (1-based), used in diagnostics; 0 for a text of no lines.
    public var line: Int
    public var lineCount: Int

    public init(_ text: String, line: Int, lineCount: Int = 1) {
        self.text = text
        self.line = line
        self.lineCount = lineCount
    }

    /// `lines` must be consecutive.
    public init(_ text: String, lines: [Int]) {
        precondition(zip(lines, lines.dropFirst()).allSatisfy { $0 + 1 == $1 }, "a text's lines are consecutive")
        self.init(text, line: lines.first ?? 0, lineCount: lines.count)
    }

    /// The same text with its lines counted from `firstLine` (a text cut from
    /// a block counts them from 0, the block's first line).
    func moved(to firstLine: Int) -> SourceText {
        SourceText(text, line: line + firstLine, lineCount: lineCount)
    }

    /// 1-based line numbers, in source order.
    public var lines: [Int] { Array(line..<(line + lineCount)) }
}
