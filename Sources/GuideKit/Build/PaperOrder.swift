/// A guide's papers in the order of its "All papers" list: by `SortKey` of
/// the title, equal keys by the paper's key (normalised title, occurrence).
struct PaperOrder: Equatable, Sendable {
    private(set) var papers: [PaperID] = []
    /// The title of each of `papers`: the model's strings, not copies. Sort
    /// keys are made from them where they are compared: a rebuild makes those
    /// of the papers that move and of the few places each is compared with.
    /// (Making the key of every paper again took 4 ms of a retitle at 10,000
    /// papers.)
    private var titles: [String] = []

    /// The order of `papers`; given the previous one, papers keep their places
    /// and only those added, removed or retitled move.
    init(_ papers: [PaperID], _ reader: Reader, previous: PaperOrder?) {
        // `.value.title`, not `.title`: a key path applied for each of 10,000
        // papers retains and releases it (2 ms of a retitle).
        let titles = papers.map { reader.title($0).value.title }
        let ids = reader.snapshot.identities.papers
        func precedes(_ a: (id: PaperID, key: String), _ b: (id: PaperID, key: String)) -> Bool {
            if a.key != b.key { return a.key < b.key }
            let (x, y) = (ids.key(of: a.id.raw), ids.key(of: b.id.raw))
            return x.name != y.name ? x.name < y.name : x.occurrence < y.occurrence
        }
        if let previous, let moved = previous.moves(to: papers, titles: titles), moved.count * 8 < papers.count {
            var order = previous
            // By raw id (arrays, not sets: no id hashed): the papers listed now, and those that move.
            var current = [Bool](repeating: false, count: ids.count), gone = current
            for paper in papers { current[Int(paper.raw)] = true }
            for paper in moved { gone[Int(paper.id.raw)] = true }
            for paper in previous.papers where !current[Int(paper.raw)] { gone[Int(paper.raw)] = true }
            order.remove(gone)
            for paper in moved { order.insert(paper, by: precedes) }
            self = order
            return
        }
        let keys = titles.map(SortKey.of)
        let sorted = papers.indices.sorted { precedes((papers[$0], keys[$0]), (papers[$1], keys[$1])) }
        self.papers = sorted.map { papers[$0] }
        self.titles = sorted.map { titles[$0] }
    }

    /// The papers of `papers` that are new or whose title differs from before.
    private func moves(to papers: [PaperID], titles: [String]) -> [(id: PaperID, title: String)]? {
        // By raw id: its place in this order, or -1.
        var before = [Int32](repeating: -1, count: Int(max(self.papers.max()?.raw ?? 0, papers.max()?.raw ?? 0)) + 1)
        for (index, paper) in self.papers.enumerated() { before[Int(paper.raw)] = Int32(index) }
        var moved: [(id: PaperID, title: String)] = []
        for (paper, title) in zip(papers, titles) {
            let place = Int(before[Int(paper.raw)])
            if place < 0 || self.titles[place] != title { moved.append((paper, title)) }
        }
        return moved
    }

    /// Removes the papers marked in `gone`, by raw id.
    private mutating func remove(_ gone: [Bool]) {
        let kept = papers.indices.filter { !gone[Int(papers[$0].raw)] }
        guard kept.count < papers.count else { return }
        (papers, titles) = (kept.map { papers[$0] }, kept.map { titles[$0] })
    }

    /// Inserts at the first place whose paper does not precede it: a binary search.
    private mutating func insert(_ paper: (id: PaperID, title: String),
                                 by precedes: ((id: PaperID, key: String), (id: PaperID, key: String)) -> Bool) {
        let inserted = (id: paper.id, key: SortKey.of(paper.title))
        var (low, high) = (0, papers.count)
        while low < high {
            let middle = (low + high) / 2
            if precedes((papers[middle], SortKey.of(titles[middle])), inserted) { low = middle + 1 } else { high = middle }
        }
        papers.insert(paper.id, at: low)
        titles.insert(paper.title, at: low)
    }
}
