import Foundation

/// The items of a run of blocks, cut a window of blocks at a time as the
/// builder reads them, so the items (and byline names) of a whole guide never
/// exist at once. Each window is cut on every core: cutting a block depends
/// on that block alone.
struct GuideItemStream {
    private var blocks: ArraySlice<Block>
    /// Cut items not read yet, in order: one part per worker per window.
    private var parts: [[GuideItem]] = []
    /// The next item is `parts[part][head]`.
    private var part = 0
    private var head = 0
    private let windowSize = 2048

    /// The most papers the blocks can hold: one per two lines.
    let maximumPaperCount: Int

    init(_ blocks: ArraySlice<Block>) {
        self.blocks = blocks
        maximumPaperCount = blocks.reduce(0) { $0 + $1.lines.count } / 2
    }

    /// `body` applied to the item `offset` places ahead, in place; nil past the last item.
    mutating func peek<Result>(_ offset: Int, _ body: (GuideItem) -> Result) -> Result? {
        fill(offset + 1)
        var part = self.part
        var index = head + offset
        while part < parts.count, index >= parts[part].count {
            index -= parts[part].count
            part += 1
        }
        return part < parts.count ? body(parts[part][index]) : nil
    }

    mutating func next() -> GuideItem? {
        fill(1)
        while part < parts.count, head >= parts[part].count {
            parts[part] = []
            part += 1
            head = 0
        }
        guard part < parts.count else { return nil }
        // Moved out rather than copied: the empty paragraph left behind holds nothing.
        var item = GuideItem.paragraph(SourceText("", lines: []))
        swap(&item, &parts[part][head])
        head += 1
        return item
    }

    private var available: Int {
        parts[part...].reduce(0) { $0 + $1.count } - head
    }

    private mutating func fill(_ count: Int) {
        while available < count, !blocks.isEmpty {
            parts.removeFirst(part)
            part = 0
            parts += Self.cut(blocks.prefix(windowSize))
            blocks = blocks.dropFirst(windowSize)
        }
    }

    /// The items of `window`, in order, in one part per worker.
    private static func cut(_ window: ArraySlice<Block>) -> [[GuideItem]] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, window.count / 256))
        let size = (window.count + workers - 1) / workers
        return parallelMap(workers) { worker in
            let blocks = window.dropFirst(worker * size).prefix(size)
            var items: [GuideItem] = []
            items.reserveCapacity(blocks.count)
            for block in blocks { GuideItem.cut(block, into: &items) }
            return items
        }
    }
}
