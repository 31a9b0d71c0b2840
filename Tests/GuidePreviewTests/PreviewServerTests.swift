import Foundation
import GuideTestSupport
import Hummingbird
import Testing

@testable import GuidePreview

/// Tests against a real listening server (port 0 = a free port).
@Suite struct PreviewServerTests {
    static func eventsRequest() -> String {
        "GET /__guide/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
    }

    @Test func reportsTheBoundPort() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = site.server()
        let reported = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await server.run { port in reported.continuation.yield(port) } }
        let port = try await server.boundPort()
        #expect(port > 0)
        var iterator = reported.stream.makeAsyncIterator()
        #expect(await iterator.next() == port)
        let reply = await RawHTTP.exchange(
            port: port, request: "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 200"))
        #expect(reply.contains("<h1>Home</h1>"))
        task.cancel()
        try await task.value
    }

    @Test func portInUseIsAClearError() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let first = site.server()
        let task = Task { try await first.run() }
        defer { task.cancel() }
        let port = try await first.boundPort()
        let second = site.server(port: port)
        await #expect(throws: PreviewServerError.portInUse(port)) {
            try await second.run()
        }
        await #expect(throws: PreviewServerError.portInUse(port)) {
            try await second.boundPort()
        }
        #expect(PreviewServerError.portInUse(port).description.contains("\(port)"))
    }

    @Test func runningTwiceIsRefused() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = site.server()
        let task = Task { try await server.run() }
        defer { task.cancel() }
        _ = try await server.boundPort()
        await #expect(throws: PreviewServerError.alreadyStarted) { try await server.run() }
    }

    @Test func eventStreamDeliversSentEvents() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = site.server()
        try await withRunningServer(server) { port in
            let received = Task {
                await RawHTTP.exchange(port: port, request: Self.eventsRequest()) { $0.contains("event: css") }
            }
            #expect(await eventually { server.reloader.subscriberCount == 1 })
            server.reloader.send(.reload)
            server.reloader.send(.cssChanged(["/style.css"]))
            let text = await received.value
            #expect(text.hasPrefix("HTTP/1.1 200"))
            #expect(text.lowercased().contains("content-type: text/event-stream"))
            #expect(text.lowercased().contains("cache-control: no-cache"))
            #expect(text.contains("event: hello"))
            #expect(text.contains("event: reload\ndata: {\"generation\":1}"))
            #expect(text.contains("event: css\ndata: {\"generation\":2,\"paths\":[\"/style.css\"]}"))
            // The stream is dropped once the client went away.
            #expect(await eventually { server.reloader.subscriberCount == 0 })
        }
    }

    @Test func currentBuildErrorIsSentOnConnect() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = site.server()
        try await withRunningServer(server) { port in
            server.reloader.send(.buildFailed("Content/papers/x.md:12:4: error: unclosed front matter"))
            let text = await RawHTTP.exchange(port: port, request: Self.eventsRequest()) { $0.contains("unclosed front matter") }
            #expect(text.contains("event: error"))
            #expect(text.contains("Content/papers/x.md:12:4"))

            server.reloader.send(.buildSucceeded)
            let after = await RawHTTP.exchange(port: port, request: Self.eventsRequest(), timeout: .seconds(1)) {
                $0.contains("event: hello")
            }
            #expect(after.contains("event: hello"))
            #expect(!after.contains("event: error"))
        }
    }

    @Test func eventStreamSendsHeartbeats() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = site.server(heartbeat: .milliseconds(100))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let port = try await server.boundPort()
        let text = await RawHTTP.exchange(port: port, request: Self.eventsRequest()) { $0.contains(": heartbeat\n\n") }
        #expect(text.contains(": heartbeat\n\n"))
    }

    @Test func stopsWhileAnEventStreamIsOpen() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = site.server()
        let task = Task { try await server.run() }
        let port = try await server.boundPort()
        let received = Task { await RawHTTP.exchange(port: port, request: Self.eventsRequest()) }
        #expect(await eventually { server.reloader.subscriberCount == 1 })
        task.cancel()
        try await task.value  // returns instead of waiting for the stream to end
        _ = await received.value  // the server closed the connection
        let refused = await RawHTTP.exchange(
            port: port, request: "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", timeout: .seconds(1))
        #expect(refused.isEmpty)
    }

    /// Listening on every address, the server answers requests that name it
    /// by an IP address (another machine's browser), not by another name.
    @Test func acceptsOtherHostsByAddress() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = PreviewServer(configuration: .init(root: site.root, host: "0.0.0.0", port: 0))
        #expect(!server.configuration.isLoopback)
        #expect(PreviewServerConfiguration(root: "x").isLoopback)
        try await withRunningServer(server) { port in
            for (host, status) in [("192.0.2.7:\(port)", "200"), ("[2001:db8::1]:\(port)", "200"), ("evil.example", "400")] {
                let reply = await RawHTTP.exchange(
                    port: port, request: "GET /robots.txt HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(reply.hasPrefix("HTTP/1.1 \(status)"), "\(host): \(reply.prefix(30))")
            }
        }
    }

    @Test func unknownHostIsAClearError() async throws {
        let server = PreviewServer(configuration: .init(root: "/tmp", host: "203.0.113.1", port: 0))
        await #expect {
            try await server.run()
        } throws: { error in
            guard case PreviewServerError.cannotBind = error else { return false }
            return true
        }
    }
}
