import Synchronization
import Testing
@testable import GuideKit

/// `parallelMap` gives `(0..<count).map(transform)`: every result once, in
/// order, each object it made kept once and freed once.
@Suite(.serialized) struct ParallelMapTests {
    final class Counted: Sendable {
        static let alive = Atomic<Int>(0)
        let number: Int
        init(_ number: Int) {
            self.number = number
            Self.alive.add(1, ordering: .relaxed)
        }
        deinit { Self.alive.subtract(1, ordering: .relaxed) }
    }

    @Test(arguments: [0, 1, 2, 7, 1_000])
    func resultsComeInOrderEachOnce(count: Int) {
        let before = Counted.alive.load(ordering: .relaxed)
        do {
            let results = parallelMap(count) { (index: Int) -> (Int, Counted, String) in (index, Counted(index * 3), "item \(index)") }
            #expect(results.map(\.0) == Array(0..<count))
            #expect(results.map(\.1.number) == (0..<count).map { $0 * 3 })
            #expect(results.map(\.2) == (0..<count).map { "item \($0)" })
            #expect(Counted.alive.load(ordering: .relaxed) - before == count)
        }
        #expect(Counted.alive.load(ordering: .relaxed) == before, "every object freed with the results")
    }

    @Test func eachChunkHasItsOwnScratch() {
        let results = parallelMap(500, makeScratch: { [Int]() }) { scratch, index in
            scratch.append(index)
            // Within a chunk, indices come in order, from the chunk's first.
            return scratch.count == 1 || scratch[scratch.count - 2] == index - 1
        }
        #expect(results.allSatisfy { $0 })
    }
}
