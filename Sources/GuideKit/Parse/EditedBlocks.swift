import Foundation

/// The blocks of an edited guide, found from those of the guide before the
/// edit: the blocks before the first byte that changed stay as they were,
/// those after the last one move by the bytes and lines the edit added or
/// removed, and only the lines in between are split into blocks again. What
/// the blocks hold is the memo's business; this finds where they are, as
/// `Block.split` over the whole file would, without reading all of it.
enum EditedBlocks {
    /// - Parameters:
    ///   - new: the edited file (after a byte order mark).
    ///   - old: the file before, whose blocks were `oldBlocks`.
    static func blocks(of new: UnsafeBufferPointer<UInt8>, old: UnsafeBufferPointer<UInt8>, oldBlocks: [Block]) -> [Block] {
        let prefix = commonPrefix(old, new)
        if prefix == old.count, prefix == new.count { return oldBlocks }
        let suffix = commonSuffix(old, new, limit: min(old.count, new.count) - prefix)

        // Splitting starts again at the last block that starts before the
        // first change: the bytes before it, the blank line that ends there
        // and its first byte are the same as before; the blocks above it stay.
        let startingBefore = firstBlock(in: oldBlocks, startingAtOrAfter: prefix)
        let kept = max(0, startingBefore - 1)
        let restart = startingBefore > 0 ? (oldBlocks[kept].bytes.lowerBound, oldBlocks[kept].firstLine) : (0, 1)

        // It stops at a block that starts inside the unchanged end, where a
        // block started before the edit: all that follows is as it was.
        let byteShift = new.count - old.count
        var tail: (first: Int, lineShift: Int)?
        let split = Block.split(new, from: restart.0, line: restart.1) { block in
            guard block.bytes.lowerBound >= new.count - suffix else { return false }
            let oldStart = block.bytes.lowerBound - byteShift
            let index = firstBlock(in: oldBlocks, startingAtOrAfter: oldStart)
            guard index < oldBlocks.count, oldBlocks[index].bytes.lowerBound == oldStart else { return false }
            tail = (index, block.firstLine - oldBlocks[index].firstLine)
            return true
        }

        var blocks = Array(oldBlocks[..<kept])
        blocks.reserveCapacity(kept + split.count + (tail.map { oldBlocks.count - $0.first } ?? 0))
        blocks += split
        if let tail {
            for var block in oldBlocks[tail.first...] {
                block.bytes = (block.bytes.lowerBound + byteShift)..<(block.bytes.upperBound + byteShift)
                block.firstLine += tail.lineShift
                blocks.append(block)
            }
        }
        return blocks
    }

    /// The index of the first block that starts at or after `offset`.
    private static func firstBlock(in blocks: [Block], startingAtOrAfter offset: Int) -> Int {
        blocks.partitionPoint { $0.bytes.lowerBound < offset }
    }

    /// Compared a page at a time with `memcmp`, then byte by byte in the page that differs.
    private static let page = 4096

    static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let limit = min(a.count, b.count)
        guard limit > 0, let first = a.baseAddress, let second = b.baseAddress else { return 0 }
        var index = 0
        while index + page <= limit, memcmp(first + index, second + index, page) == 0 { index += page }
        while index < limit, a[index] == b[index] { index += 1 }
        return index
    }

    /// The length of the common end, at most `limit`.
    static func commonSuffix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        guard limit > 0, let first = a.baseAddress, let second = b.baseAddress else { return 0 }
        var length = 0
        while length + page <= limit,
              memcmp(first + a.count - length - page, second + b.count - length - page, page) == 0 {
            length += page
        }
        while length < limit, a[a.count - 1 - length] == b[b.count - 1 - length] { length += 1 }
        return length
    }
}
