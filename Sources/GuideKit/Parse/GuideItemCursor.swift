/// The items of a run of blocks, in order, at their lines in the guide: each
/// block's items come from the memo (cut on first use) and are rebased as
/// they are read.
struct GuideItemCursor {
    private let memo: ParseMemo
    private let blocks: ArraySlice<GuideParser.PlacedBlock>
    /// The next item is item `item` of `blocks[block]`.
    private var block: Int
    private var item = 0

    /// The most papers the blocks can hold: one per two lines.
    let maximumPaperCount: Int

    init(_ blocks: ArraySlice<GuideParser.PlacedBlock>, memo: ParseMemo) {
        self.memo = memo
        self.blocks = blocks
        block = blocks.startIndex
        maximumPaperCount = blocks.reduce(0) { $0 + $1.lineCount } / 2
    }

    /// The item `offset` places ahead; nil past the last item.
    func peek(_ offset: Int) -> GuideItem? {
        var block = self.block
        var index = item + offset
        while block < blocks.endIndex {
            let items = memo.items(blocks[block].entry)
            if index < items.count { return items[index].rebased(by: blocks[block].firstLine) }
            index -= items.count
            block += 1
        }
        return nil
    }

    mutating func next() -> GuideItem? {
        guard block < blocks.endIndex else { return nil }
        let items = memo.items(blocks[block].entry)
        let next = items[item].rebased(by: blocks[block].firstLine)
        item += 1
        if item == items.count {
            block += 1
            item = 0
        }
        return next
    }
}
