import Foundation

/// The lines an edit rewrote in place, found by comparing the guide's old and
/// new bytes from both ends, with the blocks around them.
///
/// Nil when the edit added or removed a line, turned a blank line into text or
/// text into a blank line (the blocks changed), when the file has carriage
/// returns (line numbers are counted on "\n"), when the new lines are not valid
/// UTF-8, or when more than `maximumLines` lines lie between the first and the
/// last change: the guide is then parsed in full.
struct LineEdit {
    /// A line whose text changed; texts are trimmed as `SourceLines` trims them.
    struct ChangedLine: Equatable {
        var number: Int
        var old: String
        var new: String
    }

    /// In source order.
    var changed: [ChangedLine]
    /// Each block that holds a changed line, as it was and as it is: the same
    /// line numbers, the changed lines' texts differ.
    var blocks: [(old: Block, new: Block)]

    init?(old: [UInt8], new: [UInt8], maximumLines: Int = 64) {
        guard let edit = old.withUnsafeBufferPointer({ old in
            new.withUnsafeBufferPointer { new in Self.find(old: old, new: new, maximumLines: maximumLines) }
        }) else { return nil }
        self = edit
    }

    private init(changed: [ChangedLine], blocks: [(old: Block, new: Block)]) {
        self.changed = changed
        self.blocks = blocks
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private static func find(old: UnsafeBufferPointer<UInt8>, new: UnsafeBufferPointer<UInt8>, maximumLines: Int) -> LineEdit? {
        guard !contains(carriageReturn, in: old), !contains(carriageReturn, in: new) else { return nil }
        let prefix = commonPrefix(old, new)
        if prefix == old.count, prefix == new.count { return LineEdit(changed: [], blocks: []) }
        let suffix = commonSuffix(old, new, limit: min(old.count, new.count) - prefix)

        // The changed region, widened to whole lines: the same start in both,
        // and ends the same distance before the common end.
        let start = (lastIndex(of: newline, in: old, before: prefix) ?? -1) + 1
        let oldEnd = firstIndex(of: newline, in: old, from: old.count - suffix) ?? old.count
        let newEnd = firstIndex(of: newline, in: new, from: new.count - suffix) ?? new.count
        let oldRegion = lines(in: old, from: start, to: oldEnd)
        let newRegion = lines(in: new, from: start, to: newEnd)
        guard oldRegion.count == newRegion.count, oldRegion.count <= maximumLines else { return nil }

        let firstNumber = 1 + count(newline, in: UnsafeBufferPointer(rebasing: old[..<start]))
        var changed: [ChangedLine] = []
        var window: [(old: SourceLines.Line, new: SourceLines.Line)] = []
        for (offset, (oldRange, newRange)) in zip(oldRegion, newRegion).enumerated() {
            guard let oldText = SourceLines.trimmed(UnsafeBufferPointer(rebasing: old[oldRange]), validating: false),
                  let newText = SourceLines.trimmed(UnsafeBufferPointer(rebasing: new[newRange]), validating: true),
                  oldText.isEmpty == newText.isEmpty else { return nil }
            let number = firstNumber + offset
            if oldText != newText { changed.append(ChangedLine(number: number, old: oldText, new: newText)) }
            window.append((SourceLines.Line(number: number, text: oldText), SourceLines.Line(number: number, text: newText)))
        }

        // Widen the window to the blank lines around it: lines outside the region are the same in both.
        var above: [SourceLines.Line] = []
        var lineEnd = start - 1
        while lineEnd >= 0 {
            let lineStart = (lastIndex(of: newline, in: old, before: lineEnd) ?? -1) + 1
            let text = SourceLines.trimmed(UnsafeBufferPointer(rebasing: old[lineStart..<lineEnd]), validating: false) ?? ""
            if text.isEmpty { break }
            above.append(SourceLines.Line(number: firstNumber - 1 - above.count, text: text))
            lineEnd = lineStart - 1
        }
        var below: [SourceLines.Line] = []
        var lineBreak = oldEnd  // the "\n" before the next line, or the end of the file
        while lineBreak < old.count {
            let lineStart = lineBreak + 1
            lineBreak = firstIndex(of: newline, in: old, from: lineStart) ?? old.count
            let text = SourceLines.trimmed(UnsafeBufferPointer(rebasing: old[lineStart..<lineBreak]), validating: false) ?? ""
            if text.isEmpty { break }
            below.append(SourceLines.Line(number: firstNumber + window.count + below.count, text: text))
        }
        let oldLines = above.reversed() + window.map(\.old) + below
        let newLines = above.reversed() + window.map(\.new) + below
        let changedNumbers = Set(changed.map(\.number))
        let blocks = zip(Block.split(oldLines), Block.split(newLines)).filter { pair in
            pair.0.lines.contains { changedNumbers.contains($0.number) }
        }
        return LineEdit(changed: changed, blocks: blocks.map { (old: $0.0, new: $0.1) })
    }

    // MARK: - Bytes

    /// The ranges of the lines between `start` and `end` (each without its "\n").
    private static func lines(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lineStart = start
        while let newline = firstIndex(of: newline, in: bytes, from: lineStart), newline < end {
            ranges.append(lineStart..<newline)
            lineStart = newline + 1
        }
        ranges.append(lineStart..<end)
        return ranges
    }

    private static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let limit = min(a.count, b.count)
        var index = 0
        if let a = a.baseAddress, let b = b.baseAddress {
            while index + 8 <= limit,
                  UnsafeRawPointer(a).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    == UnsafeRawPointer(b).loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                index += 8
            }
        }
        while index < limit, a[index] == b[index] { index += 1 }
        return index
    }

    private static func commonSuffix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var length = 0
        while length + 8 <= limit,
              load(a, endingAt: a.count - length) == load(b, endingAt: b.count - length) {
            length += 8
        }
        while length < limit, a[a.count - 1 - length] == b[b.count - 1 - length] { length += 1 }
        return length
    }

    /// The eight bytes that end at `end`.
    private static func load(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)
    }

    private static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var index = min(end, bytes.count) - 1
        while index >= 0, bytes[index] != byte { index -= 1 }
        return index >= 0 ? index : nil
    }

    private static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var index = 0
        while let found = firstIndex(of: byte, in: bytes, from: index) {
            total += 1
            index = found + 1
        }
        return total
    }
}
