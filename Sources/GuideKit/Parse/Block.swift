/// Consecutive non-blank lines: the unit the guide format is written in, and
/// the unit a re-parse reuses (`ParseMemo`).
///
/// A block is found on the file's bytes without decoding them: it is the
/// bytes from the start of its first line to the end of its last, and its
/// place in the file.
struct Block: Sendable {
    /// Byte offsets into the file (after a byte order mark), the last line's break excluded.
    var bytes: Range<Int>
    /// 1-based.
    var firstLine: Int
    var lineCount: Int
    /// The memo's entry for the bytes (`ParseMemo.entry`), once looked up.
    var entry: Int32 = -1
    /// Whether the first line is a "Related content" line (from the entry):
    /// the blocks are searched for the postings on every parse.
    var startsWithMarker = false

    /// The blocks of `bytes`, in order, from `start` (the start of a line
    /// numbered `line`, after a blank line or none) until `stop` says to stop
    /// at the block starting there. Lines break at "\n", "\r\n" or "\r", as
    /// `SourceLines` breaks them, and a line is blank when `SourceLines` trims it to nothing.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, line: Int = 1,
                      stoppingAt stop: (Block) -> Bool = { _ in false }) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        var lineStart = start
        var number = line
        while true {
            let lineEnd = SourceLines.nextLineBreak(in: bytes, from: lineStart)
            if isBlank(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                if let block = current { blocks.append(block) }
                current = nil
            } else if current == nil {
                let block = Block(bytes: lineStart..<lineEnd, firstLine: number, lineCount: 1)
                if stop(block) { return blocks }
                current = block
            } else {
                current!.bytes = current!.bytes.lowerBound..<lineEnd
                current!.lineCount += 1
            }
            guard lineEnd < bytes.count else { break }
            var next = lineEnd + 1
            if bytes[lineEnd] == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
            lineStart = next
            number += 1
        }
        if let block = current { blocks.append(block) }
        return blocks
    }

    /// Blanks and tabs only, or white space that `SourceLines` trims (a
    /// no-break space). A line that is not valid UTF-8 is not blank: decoding
    /// its block reports it.
    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index < line.count else { return true }
        guard line[index] >= 0x80 else { return false }
        return SourceLines.trimmed(line, validating: true)?.isEmpty ?? false
    }
}
