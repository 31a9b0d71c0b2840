import Testing

@testable import GuidePreview

@Suite struct ReloadEventTests {
    @Test func encodesServerSentEvents() {
        #expect(ReloadEvent.reload.serverSentEvent(generation: 3) == "event: reload\ndata: {\"generation\":3}\n\n")
        #expect(ReloadEvent.buildSucceeded.serverSentEvent(generation: 1) == "event: ok\ndata: {\"generation\":1}\n\n")
        #expect(
            ReloadEvent.cssChanged(["/a.css", "/b \"c\".css"]).serverSentEvent(generation: 2)
                == "event: css\ndata: {\"generation\":2,\"paths\":[\"/a.css\",\"/b \\\"c\\\".css\"]}\n\n")
        let error = ReloadEvent.buildFailed("Content/a.md:3:7: error: <b>bad</b>\nsecond line").serverSentEvent(generation: 4)
        #expect(error == "event: error\ndata: {\"generation\":4,\"message\":\"Content/a.md:3:7: error: <b>bad</b>\\nsecond line\"}\n\n")
    }

    @Test func broadcasterRemembersTheLastError() async {
        let broadcaster = ReloadBroadcaster()
        broadcaster.send(.buildFailed("a.md:1:1: boom"))
        #expect(broadcaster.currentError == "a.md:1:1: boom")
        let subscription = broadcaster.subscribe()
        var iterator = subscription.stream.makeAsyncIterator()
        let greeting = await iterator.next() ?? ""
        #expect(greeting.contains("event: hello"))
        #expect(greeting.contains("event: error") && greeting.contains("a.md:1:1: boom"))
        broadcaster.send(.buildSucceeded)
        #expect(broadcaster.currentError == nil)
        #expect(await iterator.next()?.hasPrefix("event: ok") == true)
        #expect(broadcaster.subscriberCount == 1)
        broadcaster.close()
        #expect(await iterator.next() == nil)
        #expect(broadcaster.subscriberCount == 0)
    }
}
