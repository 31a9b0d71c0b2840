import Testing

@testable import GuidePreview

@Suite struct ChangeCoalescerTests {
    let start = ContinuousClock.now

    @Test func waitsForQuietTime() {
        var coalescer = ChangeCoalescer(debounce: .milliseconds(100), maximumDelay: .seconds(1))
        #expect(coalescer.deadline == nil)
        coalescer.add(WatchEvent(path: "/a", kind: .modified), at: start)
        coalescer.add(WatchEvent(path: "/a", kind: .modified), at: start + .milliseconds(50))
        #expect(coalescer.flushIfDue(at: start + .milliseconds(120)) == nil)
        #expect(coalescer.flushIfDue(at: start + .milliseconds(150)) == [WatchEvent(path: "/a", kind: .modified)])
        #expect(coalescer.isEmpty)
    }

    @Test func aCompletedSaveFlushesAfterTheShortQuietTime() {
        var coalescer = ChangeCoalescer(debounce: .milliseconds(30), settledDebounce: .milliseconds(2), maximumDelay: .seconds(1))
        coalescer.add(WatchEvent(path: "/a", kind: .modified), at: start)
        #expect(coalescer.deadline == start + .milliseconds(30), "still being written")
        coalescer.add(WatchEvent(path: "/a", kind: .modified), at: start + .milliseconds(1), settled: true)
        #expect(coalescer.deadline == start + .milliseconds(3), "closed after writing")
        coalescer.add(WatchEvent(path: "/b", kind: .created), at: start + .milliseconds(2))
        #expect(coalescer.deadline == start + .milliseconds(32), "another file started")
        coalescer.add(WatchEvent(path: "/b", kind: .renamed), at: start + .milliseconds(4), settled: true)
        #expect(coalescer.flushIfDue(at: start + .milliseconds(6))?.map(\.path) == ["/a", "/b"])
    }

    @Test func continuousChangesStillFlushAfterMaximumDelay() {
        var coalescer = ChangeCoalescer(debounce: .milliseconds(100), maximumDelay: .milliseconds(500))
        var now = start
        for _ in 0..<20 {
            coalescer.add(WatchEvent(path: "/a", kind: .modified), at: now)
            now += .milliseconds(50)
        }
        #expect(coalescer.deadline == start + .milliseconds(500))
        #expect(coalescer.flushIfDue(at: start + .milliseconds(500))?.count == 1)
    }

    @Test func mergesKindsPerPathKeepingOrder() {
        var coalescer = ChangeCoalescer(debounce: .zero, maximumDelay: .zero)
        coalescer.add(WatchEvent(path: "/new", kind: .created), at: start)
        coalescer.add(WatchEvent(path: "/old", kind: .modified), at: start)
        coalescer.add(WatchEvent(path: "/new", kind: .modified), at: start)
        coalescer.add(WatchEvent(path: "/old", kind: .deleted), at: start)
        #expect(coalescer.flushIfDue(at: start) == [
            WatchEvent(path: "/new", kind: .created), WatchEvent(path: "/old", kind: .deleted),
        ])
        #expect(ChangeCoalescer.merge(.deleted, .created) == .modified)
        #expect(ChangeCoalescer.merge(.renamed, .modified) == .renamed)
        #expect(ChangeCoalescer.merge(.modified, .renamed) == .renamed)
    }
}
