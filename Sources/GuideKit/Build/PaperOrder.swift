/// A guide's papers in the order of its "All papers" list: by `SortKey` of
/// the title, equal keys by the paper's key (normalised title, occurrence).
struct PaperOrder: Equatable, Sendable {
    private(set) var papers: [PaperID] = []
    /// The letter each paper files under (`PaperTitle.letter`), in the same order.
    private var letters: [UInt8] = []
    /// Where each letter's papers are: runs of one letter, in order. The
    /// order keeps a letter's papers together, but for "#" (titles that sort
    /// before "A" and after "Z"). Every page of a guide split by letter reads
    /// its papers from here on every edit that changes the order.
    private var runs: [(letter: UInt8, range: Range<Int>)] = []

    /// The order of `papers`.
    init(_ papers: [PaperID], _ reader: Reader) {
        // `.value.title`, not `.title`: a key path applied for each of 10,000
        // papers retains and releases it.
        let keys = papers.map { SortKey.of(reader.title($0).value.title) }
        let ids = reader.snapshot.identities.papers
        let sorted = papers.indices.sorted { Self.precedes((papers[$0], keys[$0]), (papers[$1], keys[$1]), ids) }
        self.papers = sorted.map { papers[$0] }
        // From the keys: the same letter as the title's (`SortKey.letterByte(ofTitle:)`), without reading 10,000 titles again.
        letters = sorted.map { SortKey.letterByte(of: keys[$0]) }
        findRuns()
    }

    static func == (a: PaperOrder, b: PaperOrder) -> Bool {
        a.papers == b.papers && a.letters == b.letters
    }

    /// The papers that file under `letter` ("A"…"Z", "#"), in order.
    func papers(under letter: String) -> [PaperID] {
        let byte = letter.utf8.first!
        return runs.filter { $0.letter == byte }.flatMap { papers[$0.range] }
    }

    private mutating func findRuns() {
        runs = []
        var start = 0
        for index in letters.indices.dropFirst() where letters[index] != letters[start] {
            runs.append((letters[start], start..<index))
            start = index
        }
        if start < letters.count { runs.append((letters[start], start..<letters.count)) }
    }

    /// This order after `changes`, told from them: the papers whose title
    /// changed leave their place, and those of `guide` among them go to
    /// theirs. A paper added, removed or retitled has a title that changed:
    /// a new one, under a new id, or none. The guide's papers and their
    /// titles are recorded as read, as `init` reads them, but not read: the
    /// titles of 10,000 papers, each its own object in memory, took 2–4 ms
    /// of every edit that adds, removes or retitles one. Nil when many
    /// titles changed: sorting them all is as quick.
    func updated(guide: GuideID, _ reader: Reader, _ changes: DerivationChanges) -> PaperOrder? {
        let papers = reader.papers(of: guide)
        let titles = reader.snapshot.tables.paperTitles
        reader.recordReads(titles, papers)
        let moved = changes.facts.facts.filter { $0.aspect == .paperTitle }.map { PaperID($0.id) }
        guard moved.count * 8 < papers.count else { return nil }
        // By raw id: whether it moves (an array, not a set: no id hashed).
        var moves = [Bool](repeating: false, count: Int(max(self.papers.max()?.raw ?? 0, moved.max()?.raw ?? 0)) + 1)
        for paper in moved { moves[Int(paper.raw)] = true }
        var order = self
        let kept = self.papers.indices.filter { !moves[Int(self.papers[$0].raw)] }
        order.papers = kept.map { self.papers[$0] }
        order.letters = kept.map { letters[$0] }
        let ids = reader.snapshot.identities.papers
        for paper in moved {
            guard let title = titles[paper.raw], title.value.guide == guide else { continue }
            order.insert((paper, SortKey.of(title.value.title)), title.value.letter, reader, ids)
        }
        order.findRuns()
        return order
    }

    /// Inserts at the first place whose paper does not precede it.
    private mutating func insert(_ paper: (id: PaperID, key: String), _ letter: UInt8, _ reader: Reader, _ ids: IdentityTable<GuideItemKey>) {
        let at = papers.partitionPoint { Self.precedes(($0, SortKey.of(reader.title($0).value.title)), paper, ids) }
        papers.insert(paper.id, at: at)
        letters.insert(letter, at: at)
    }

    /// By sort key, then by the papers' keys.
    private static func precedes(_ a: (id: PaperID, key: String), _ b: (id: PaperID, key: String), _ ids: IdentityTable<GuideItemKey>) -> Bool {
        if a.key != b.key { return a.key < b.key }
        let (x, y) = (ids.key(of: a.id.raw), ids.key(of: b.id.raw))
        return x.name != y.name ? x.name < y.name : x.occurrence < y.occurrence
    }
}
