/// The items of a run of blocks, cut one block at a time as the builder reads
/// them: the items (and byline names) of a whole guide never exist at once.
struct GuideItemStream {
    private var blocks: ArraySlice<Block>
    private var buffer: [GuideItem] = []
    private var head = 0

    init(_ blocks: ArraySlice<Block>) {
        self.blocks = blocks
        buffer.reserveCapacity(8)
    }

    /// The most papers the blocks can hold: one per two lines.
    var maximumPaperCount: Int {
        blocks.reduce(0) { $0 + $1.lines.count } / 2
    }

    /// `body` applied to the item `offset` places ahead, in place; nil past the last item.
    mutating func peek<Result>(_ offset: Int, _ body: (GuideItem) -> Result) -> Result? {
        fill(offset + 1)
        return head + offset < buffer.count ? body(buffer[head + offset]) : nil
    }

    mutating func next() -> GuideItem? {
        fill(1)
        guard head < buffer.count else { return nil }
        // Moved out rather than copied: the empty paragraph left behind holds nothing.
        var item = GuideItem.paragraph(SourceText("", lines: []))
        swap(&item, &buffer[head])
        head += 1
        return item
    }

    private mutating func fill(_ count: Int) {
        while buffer.count - head < count, let block = blocks.popFirst() {
            if head == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                head = 0
            }
            GuideItem.cut(block, into: &buffer)
        }
    }
}
