/// Consecutive non-blank lines: the unit the guide format is written in.
///
/// A block is a slice of the source's lines, not a copy of them.
struct Block: Sendable {
    var lines: ArraySlice<SourceLines.Line>

    var firstLine: Int { lines[lines.startIndex].number }
    var texts: [String] { lines.map(\.text) }

    /// The text of `range`, counted from the block's first line.
    func sourceText(_ range: Range<Int>) -> SourceText {
        let slice = lines[(lines.startIndex + range.lowerBound)..<(lines.startIndex + range.upperBound)]
        // One line is its own text: joining would copy it.
        if slice.count == 1, let line = slice.first { return SourceText(line.text, line: line.number) }
        return SourceText(slice.map(\.text).joined(separator: "\n"), lines: slice.map(\.number))
    }

    var sourceText: SourceText { sourceText(0..<lines.count) }

    static func split(_ lines: [SourceLines.Line]) -> [Block] {
        var blocks: [Block] = []
        var start: Int?
        for index in lines.indices {
            if lines[index].isBlank {
                if let first = start { blocks.append(Block(lines: lines[first..<index])) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { blocks.append(Block(lines: lines[first...])) }
        return blocks
    }
}
