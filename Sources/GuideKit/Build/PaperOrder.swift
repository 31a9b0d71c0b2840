/// A guide's papers in the order of its "All papers" list: by `SortKey` of
/// the title, equal keys by the paper's key (normalised title, occurrence).
struct PaperOrder: Equatable, Sendable {
    private(set) var papers: [PaperID] = []
    /// The sort key of each of `papers`.
    private var keys: [String] = []

    /// The order of `papers`; given the previous one, papers keep their places
    /// and only those added, removed or with another sort key move.
    init(_ papers: [PaperID], _ reader: Reader, previous: PaperOrder?) {
        let keys = papers.map { reader.title($0).sortKey }
        let ids = reader.snapshot.identities.papers
        func precedes(_ a: (id: PaperID, key: String), _ b: (id: PaperID, key: String)) -> Bool {
            if a.key != b.key { return a.key < b.key }
            let (x, y) = (ids.key(of: a.id.raw), ids.key(of: b.id.raw))
            return x.name != y.name ? x.name < y.name : x.occurrence < y.occurrence
        }
        if let previous, let moved = previous.moves(to: papers, keys: keys), moved.count * 8 < papers.count {
            var order = previous
            let current = Set(papers)
            order.remove(Set(moved.map(\.id)).union(previous.papers.filter { !current.contains($0) }))
            for paper in moved { order.insert(paper, by: precedes) }
            self = order
            return
        }
        let sorted = papers.indices.sorted { precedes((papers[$0], keys[$0]), (papers[$1], keys[$1])) }
        self.papers = sorted.map { papers[$0] }
        self.keys = sorted.map { keys[$0] }
    }

    /// The papers of `papers` that are new or whose key differs from before.
    private func moves(to papers: [PaperID], keys: [String]) -> [(id: PaperID, key: String)]? {
        var before: [Int32: Int] = [:]
        before.reserveCapacity(self.papers.count)
        for (index, paper) in self.papers.enumerated() { before[paper.raw] = index }
        var moved: [(id: PaperID, key: String)] = []
        for (paper, key) in zip(papers, keys) where before[paper.raw].map({ self.keys[$0] != key }) ?? true {
            moved.append((paper, key))
        }
        return moved
    }

    private mutating func remove(_ gone: Set<PaperID>) {
        guard !gone.isEmpty else { return }
        let kept = papers.indices.filter { !gone.contains(papers[$0]) }
        (papers, keys) = (kept.map { papers[$0] }, kept.map { keys[$0] })
    }

    /// Inserts at the first place whose paper does not precede it: a binary search.
    private mutating func insert(_ paper: (id: PaperID, key: String),
                                 by precedes: ((id: PaperID, key: String), (id: PaperID, key: String)) -> Bool) {
        var (low, high) = (0, papers.count)
        while low < high {
            let middle = (low + high) / 2
            if precedes((papers[middle], keys[middle]), paper) { low = middle + 1 } else { high = middle }
        }
        papers.insert(paper.id, at: low)
        keys.insert(paper.key, at: low)
    }
}
