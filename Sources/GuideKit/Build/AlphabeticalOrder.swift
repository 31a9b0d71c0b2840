/// Papers in the order of the "All papers" list: by title as a reader
/// expects (`SortKey`), equal titles in guide order. Kept between rebuilds
/// and updated for the papers whose titles changed, instead of sorted again.
struct AlphabeticalOrder: Sendable {
    private var keys: [String]
    /// Paper indices, in order.
    private(set) var papers: [Int]

    init(_ guide: Guide) {
        let keys = parallelMap(guide.papers.count) { SortKey.of(guide.papers[$0].title.text) }
        self.keys = keys
        papers = Array(guide.papers.indices).sorted { Self.precedes($0, $1, keys) }
    }

    /// Moves the `changed` papers whose sort key changed to their new place.
    mutating func update(_ changed: Set<Int>, in guide: Guide) {
        var moved: Set<Int> = []
        for index in changed {
            let key = SortKey.of(guide.papers[index].title.text)
            if key != keys[index] {
                keys[index] = key
                moved.insert(index)
            }
        }
        guard !moved.isEmpty else { return }
        papers.removeAll { moved.contains($0) }
        for index in moved.sorted() {
            // Binary search for the first paper that `index` precedes.
            var (low, high) = (0, papers.count)
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes(papers[middle], index, keys) { low = middle + 1 } else { high = middle }
            }
            papers.insert(index, at: low)
        }
    }

    private static func precedes(_ a: Int, _ b: Int, _ keys: [String]) -> Bool {
        keys[a] != keys[b] ? keys[a] < keys[b] : a < b
    }
}
