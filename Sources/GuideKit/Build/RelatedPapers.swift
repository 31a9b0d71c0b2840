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
        let papers = reader.snapshot.identities.paperKeyHashes.count
        if scratch.counts.count < papers { scratch.counts = Array(repeating: 0, count: papers) }
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
        let ranking = Ranking(paper: id, reader: reader)
        let guides = ranking.multiple ? touched.map { ranking.guide == reader.key(of: PaperID($0)).guide } : []
        func ranksAbove(_ a: Int, _ b: Int) -> Bool {
            ranking.ranks(Candidate(paper: touched[a], shared: shared[Int(touched[a])], sameGuide: guides.isEmpty || guides[a]),
                          above: Candidate(paper: touched[b], shared: shared[Int(touched[b])], sameGuide: guides.isEmpty || guides[b]))
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

    /// Whether `previous`, the paper's list before `changes`, is still its
    /// list, told from the papers that came, went or changed (a `.paper`
    /// fact: their authors may have): a list moves only when one of them is
    /// in it, or now ranks above its last. Records what `of` reads.
    static func stillHold(_ previous: [PaperID], for id: PaperID, _ reader: Reader, _ changes: DerivationChanges) -> Bool {
        let authors = reader.paper(id).authors
        for author in authors { _ = reader.papers(of: author) }
        let ranking = Ranking(paper: id, reader: reader)
        // Many changes (a guide replaced whole): the list is made again.
        guard changes.facts.count <= 256, changes.added.count <= 256,
              !changes.facts.contains(Fact(.paper, id.raw)), !changes.facts.contains(Fact(.site, SiteModel.siteID)),
              !previous.contains(where: { changes.removed.contains($0.raw) }) else { return false }
        // Shared authors counted as `of` counts them, from the lists of this
        // paper's authors (recorded above).
        let quiet = Reader(reader.snapshot, records: false)
        let lists = authors.map { quiet.papers(of: $0) }
        func candidate(_ paper: Int32) -> Candidate {
            var shared: Int32 = 0
            for list in lists { for other in list where other.raw == paper { shared += 1 } }
            return Candidate(paper: paper, shared: shared, sameGuide: !ranking.multiple || quiet.key(of: PaperID(paper)).guide == ranking.guide)
        }
        let last = previous.last.map { candidate($0.raw) }
        var moved = Array(changes.added)
        for fact in changes.facts.facts where fact.aspect == .paper { moved.append(fact.id) }
        for paper in moved where paper != id.raw && !changes.removed.contains(paper) {
            if previous.contains(PaperID(paper)) { return false }
            let now = candidate(paper)
            guard now.shared > 0 else { continue }
            guard previous.count == limit, let last, !ranking.ranks(now, above: last) else { return false }
        }
        return true
    }

    /// A paper that shares authors with the one whose list is made.
    struct Candidate {
        var paper: Int32
        /// How many authors it shares.
        var shared: Int32
        /// Whether it is in the same guide (always, on a site of one guide).
        var sameGuide: Bool
    }

    /// How candidates rank in one paper's list: more authors shared first,
    /// then (on a site of several guides) papers of its own guide, then by
    /// the hash of the two papers' keys, then by key.
    struct Ranking {
        let own: UInt64
        let guide: String
        let multiple: Bool
        let hashes: [UInt64]
        let reader: Reader

        init(paper: PaperID, reader: Reader) {
            // Keys never change for an id: reading their hashes and guides needs no fact.
            hashes = reader.snapshot.identities.paperKeyHashes
            own = hashes[Int(paper.raw)]
            guide = reader.key(of: paper).guide
            multiple = reader.site.multipleGuides
            self.reader = reader
        }

        func ranks(_ a: Candidate, above b: Candidate) -> Bool {
            if a.shared != b.shared { return a.shared > b.shared }
            if multiple, a.sameGuide != b.sameGuide { return a.sameGuide }
            let (p, q) = (tieBreak(a.paper), tieBreak(b.paper))
            if p != q { return p < q }
            let (k, l) = (reader.key(of: PaperID(a.paper)), reader.key(of: PaperID(b.paper)))
            return (k.guide, k.name, k.occurrence) < (l.guide, l.name, l.occurrence)
        }

        private func tieBreak(_ other: Int32) -> UInt64 {
            var mixed = (own ^ hashes[Int(other)]) &* 0x9E37_79B9_7F4A_7C15
            mixed ^= mixed >> 29
            return mixed
        }
    }
}
