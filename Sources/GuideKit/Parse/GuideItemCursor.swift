/// The items of a run of blocks, in order: each block's items come from the
/// memo (cut on first use), with lines counted from the block's first line,
/// which comes with them.
struct GuideItemCursor {
    private let blocks: ArraySlice<Block>
    /// The next item is `items[item]`, of `blocks[block]`.
    private var block: Int
    private var items: [GuideItem] = []
    private var item = 0

    init(_ blocks: ArraySlice<Block>, memo: inout ParseMemo) {
        self.blocks = blocks
        block = blocks.startIndex
        if block < blocks.endIndex { items = memo.items(blocks[block].entry) }
    }

    /// The item `offset` places ahead and the first line of its block; nil past the last item.
    func peek(_ offset: Int, _ memo: inout ParseMemo) -> (item: GuideItem, firstLine: Int)? {
        if item + offset < items.count { return (items[item + offset], blocks[block].firstLine) }
        var block = self.block + 1
        var index = item + offset - items.count
        while block < blocks.endIndex {
            let items = memo.items(blocks[block].entry)
            if index < items.count { return (items[index], blocks[block].firstLine) }
            index -= items.count
            block += 1
        }
        return nil
    }

    mutating func next(_ memo: inout ParseMemo) -> (item: GuideItem, firstLine: Int)? {
        guard block < blocks.endIndex else { return nil }
        let next = (items[item], blocks[block].firstLine)
        item += 1
        if item == items.count {
            block += 1
            item = 0
            items = block < blocks.endIndex ? memo.items(blocks[block].entry) : []
        }
        return next
    }
}
