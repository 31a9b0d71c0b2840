/// "Other papers by the same authors" for a paper page: the papers sharing
/// the most authors with it, at most `limit`. Ties go to papers of the same
/// guide, then by the order of keys (`PaperKeyOrder`: guides newest first, then titles).
///
/// Capped because in a large guide a prolific author has hundreds of papers;
/// the author pages list them all.
enum RelatedPapers {
    static let limit = 10

    static func of(_ id: PaperID, _ reader: Reader, scratch: DerivationScratch) -> [PaperID] {
        let keys = reader.snapshot.model.paperKeys
        let ranks = keys.ranks
        // The order of guides is part of the ranks: read it, so a new order computes this again.
        if reader.site.multipleGuides { _ = reader.siteGuides }
        let guide = keys.guides[Int(id.raw)]
        if scratch.counts.count < ranks.count { scratch.counts = Array(repeating: 0, count: ranks.count) }
        var shared = scratch.counts
        scratch.counts = []
        defer { scratch.counts = shared }
        var touched = scratch.touched
        touched.removeAll(keepingCapacity: true)
        defer { scratch.touched = touched }

        for author in reader.paper(id).authors {
            for other in reader.papers(of: author) where other != id {
                if shared[Int(other.raw)] == 0 { touched.append(other.raw) }
                shared[Int(other.raw)] += 1
            }
        }
        let sameGuide = touched.map { keys.guides[Int($0)] == guide }
        func ranksAbove(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (touched[a], touched[b])
            if shared[Int(x)] != shared[Int(y)] { return shared[Int(x)] > shared[Int(y)] }
            if sameGuide[a] != sameGuide[b] { return sameGuide[a] }
            return ranks[Int(x)] < ranks[Int(y)]
        }
        // Insertion into a short ranked list: linear in the candidates, not n log n.
        var result: [Int] = []
        result.reserveCapacity(limit + 1)
        for candidate in touched.indices {
            if result.count == limit, let last = result.last, !ranksAbove(candidate, last) { continue }
            let position = result.firstIndex { ranksAbove(candidate, $0) } ?? result.endIndex
            result.insert(candidate, at: position)
            if result.count > limit { result.removeLast() }
        }
        for other in touched { shared[Int(other)] = 0 }
        return result.map { PaperID(touched[$0]) }
    }
}
