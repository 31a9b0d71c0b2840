/// "Other papers by the same authors" for a paper page: the papers sharing
/// the most authors with it, at most `limit`, papers of its own guide first.
///
/// Ties are broken by a hash of the two papers' keys: stable from build to
/// build, independent of where papers stand in their guides (adding a paper
/// does not reorder other papers' lists), and different from one paper to the
/// next, so that a prolific author's papers do not all show the same ten.
///
/// Capped because in a large guide a prolific author has hundreds of papers;
/// the author pages list them all.
enum RelatedPapers {
    static let limit = 10

    static func of(_ id: PaperID, _ reader: Reader, scratch: DerivationScratch) -> [PaperID] {
        // Keys never change for an id: reading their hashes and guides needs no fact.
        let hashes = reader.snapshot.identities.paperKeyHashes
        let own = hashes[Int(id.raw)]
        let guide = reader.key(of: id).guide
        if scratch.counts.count < hashes.count { scratch.counts = Array(repeating: 0, count: hashes.count) }
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
        var guides: [Bool] = []
        if reader.site.multipleGuides { guides = touched.map { reader.key(of: PaperID($0)).guide == guide } }
        func tieBreak(_ other: Int32) -> UInt64 {
            var mixed = (own ^ hashes[Int(other)]) &* 0x9E37_79B9_7F4A_7C15
            mixed ^= mixed >> 29
            return mixed
        }
        func ranksAbove(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (touched[a], touched[b])
            if shared[Int(x)] != shared[Int(y)] { return shared[Int(x)] > shared[Int(y)] }
            if !guides.isEmpty, guides[a] != guides[b] { return guides[a] }
            let (p, q) = (tieBreak(x), tieBreak(y))
            if p != q { return p < q }
            let (k, l) = (reader.key(of: PaperID(x)), reader.key(of: PaperID(y)))
            return (k.guide, k.name, k.occurrence) < (l.guide, l.name, l.occurrence)
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
