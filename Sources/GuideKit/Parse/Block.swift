/// Consecutive non-blank lines: the unit the guide format is written in.
struct Block: Sendable {
    var lines: [SourceLines.Line]

    var firstLine: Int { lines[0].number }
    var texts: [String] { lines.map(\.text) }

    func sourceText(_ range: Range<Int>) -> SourceText {
        let slice = lines[range]
        return SourceText(slice.map(\.text).joined(separator: "\n"), lines: slice.map(\.number))
    }

    var sourceText: SourceText { sourceText(0..<lines.count) }

    static func split(_ lines: [SourceLines.Line]) -> [Block] {
        var blocks: [Block] = []
        var current: [SourceLines.Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { blocks.append(Block(lines: current)) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(Block(lines: current)) }
        return blocks
    }
}
