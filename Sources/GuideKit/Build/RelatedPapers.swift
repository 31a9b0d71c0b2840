/// "Other papers by the same authors" for a paper page: the papers sharing
/// the most authors with it, then in guide order, at most `limit`.
///
/// Capped because in a large guide a prolific author has hundreds of papers;
/// the author pages list them all.
struct RelatedPapers {
    static let limit = 10

    /// Shared-author counts by paper, reused between calls (reset through `touched`).
    private var shared: [Int]
    private var touched: [Int] = []

    init(paperCount: Int) {
        shared = Array(repeating: 0, count: paperCount)
    }

    mutating func of(_ index: Int, in guide: Guide) -> [Int] {
        for author in guide.papers[index].authors {
            for other in guide.authors[author].papers where other != index {
                if shared[other] == 0 { touched.append(other) }
                shared[other] += 1
            }
        }
        // Insertion into a short ranked list: linear in the candidates, not n log n.
        func ranksAbove(_ a: Int, _ b: Int) -> Bool { shared[a] != shared[b] ? shared[a] > shared[b] : a < b }
        var result: [Int] = []
        result.reserveCapacity(Self.limit + 1)
        for candidate in touched {
            if result.count == Self.limit, let last = result.last, !ranksAbove(candidate, last) { continue }
            let position = result.firstIndex { ranksAbove(candidate, $0) } ?? result.endIndex
            result.insert(candidate, at: position)
            if result.count > Self.limit { result.removeLast() }
        }
        for other in touched { shared[other] = 0 }
        touched.removeAll(keepingCapacity: true)
        return result
    }
}
