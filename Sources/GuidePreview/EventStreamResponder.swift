import Hummingbird

/// Answers `GET /__guide/events` with a never-ending `text/event-stream`
/// fed by a ``ReloadBroadcaster``, plus a comment heartbeat. The stream ends
/// when the client disconnects or the broadcaster is closed.
struct EventStreamResponder: Sendable {
    let broadcaster: ReloadBroadcaster
    let heartbeatInterval: Duration

    func response(to request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let broadcaster = self.broadcaster
        let interval = self.heartbeatInterval
        let body = ResponseBody { writer in
            let subscription = broadcaster.subscribe()
            let continuation = subscription.continuation
            defer { continuation.finish() }
            try await request.body.consumeWithInboundCloseHandler { _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: interval)
                            continuation.yield(": heartbeat\n\n")
                        }
                    }
                    defer { group.cancelAll() }
                    for await chunk in subscription.stream {
                        try await writer.write(ByteBuffer(string: chunk))
                    }
                }
            } onInboundClosed: {
                continuation.finish()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
