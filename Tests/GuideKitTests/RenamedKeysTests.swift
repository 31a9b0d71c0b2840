import Testing
@testable import GuideKit

/// A guide's renamed citation keys kept through an edit (`RenamedKeys.stillHold`)
/// only when making them anew (`CitationKey.unique`) gives the same.
@Suite struct RenamedKeysTests {
    static func ids(_ raws: [Int32]) -> [PaperID] { raws.map(PaperID.init) }

    static func keys(_ renamed: RenamedKeys) -> [String] {
        renamed.entries.map { "\($0.paper.raw) \($0.key)" }
    }

    /// Papers 1–4 with bases k, k, ka, x: 1 and 2 share k, whose letters skip ka.
    static let before = RenamedKeys(papers: ids([1, 2, 3, 4]), bases: ["k", "k", "ka", "x"], previous: nil, keeping: true)

    @Test func theKeysAtTheStartAreWrittenByHand() {
        #expect(Self.keys(Self.before) == ["1 kb", "2 kc"])
    }

    @Test(arguments: [
        // (papers, bases, still holds, the renamed keys by hand)
        ([1, 2, 3, 4], ["k", "k", "ka", "y"], true, ["1 kb", "2 kc"]),          // a paper of its own key retitled
        ([5, 1, 2, 3, 4], ["z", "k", "k", "ka", "x"], true, ["1 kb", "2 kc"]),  // a paper of a new key added in front
        ([1, 2, 3], ["k", "k", "ka"], true, ["1 kb", "2 kc"]),                   // a paper of its own key removed
        ([1, 2, 4], ["k", "k", "x"], false, ["1 ka", "2 kb"]),                   // the key the letters skipped is gone
        ([1, 2, 3, 4], ["k", "k", "ka", "kb"], false, ["1 kc", "2 kd"]),        // retitled to a key given to another
        ([1, 2, 3, 4], ["k", "k", "ka", "k"], false, ["1 kb", "2 kc", "4 kd"]), // retitled to a shared key
        ([1, 2, 3, 4], ["k", "q", "ka", "x"], false, []),                        // a renamed paper retitled
        ([2, 1, 3, 4], ["k", "k", "ka", "x"], false, ["1 kc", "2 kb"]),          // the renamed papers in another order
        ([1, 2, 3, 4, 6], ["k", "k", "ka", "x", "x"], false, ["4 xa", "6 xb", "1 kb", "2 kc"]), // a paper added to a key of its own
    ] as [([Int32], [String], Bool, [String])])
    func anEditKeepsTheKeysOnlyWhenNoLetterMoves(_ papers: [Int32], _ bases: [String], _ holds: Bool, _ expected: [String]) {
        #expect(Self.before.stillHold(for: Self.ids(papers), bases: bases) == holds)
        let after = RenamedKeys(papers: Self.ids(papers), bases: bases, previous: Self.before, keeping: true)
        #expect(Set(Self.keys(after)) == Set(expected))
        #expect(after == RenamedKeys(CitationKey.unique(Array(zip(Self.ids(papers), bases)))))
    }

    /// Random edits (retitle, add, remove, move) over keys that collide often
    /// and keys that are a group's base followed by letters; after each, the
    /// kept keys must be those made anew.
    @Test func randomEditsEndAsTheKeysMadeAnew() {
        var random = RandomEditTests.SeededRandom(state: 7)
        let alphabet = ["k", "ka", "kb", "kab", "m", "ma", "n", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"]
        var papers: [PaperID] = (0..<12).map { PaperID(Int32($0)) }
        var bases = papers.map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
        var nextID: Int32 = 12
        var current = RenamedKeys(papers: papers, bases: bases, previous: nil, keeping: true)
        var kept = 0
        for _ in 0..<2000 {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !papers.isEmpty:
                bases[Int.random(in: 0..<bases.count, using: &random)] = alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            case 1:
                let place = Int.random(in: 0...papers.count, using: &random)
                papers.insert(PaperID(nextID), at: place)
                bases.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: place)
                nextID += 1
            case 2 where papers.count > 1:
                let place = Int.random(in: 0..<papers.count, using: &random)
                papers.remove(at: place)
                bases.remove(at: place)
            default:
                guard papers.count > 1 else { continue }
                let (from, to) = (Int.random(in: 0..<papers.count, using: &random), Int.random(in: 0..<papers.count, using: &random))
                papers.swapAt(from, to)
                bases.swapAt(from, to)
            }
            if current.stillHold(for: papers, bases: bases) { kept += 1 }
            current = RenamedKeys(papers: papers, bases: bases, previous: current, keeping: true)
            #expect(current == RenamedKeys(CitationKey.unique(Array(zip(papers, bases)))), "after \(papers) \(bases)")
        }
        // Both ways were taken, many times.
        #expect(kept > 200 && kept < 1800, "kept \(kept) of 2000")
    }
}
