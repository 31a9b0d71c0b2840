import NIOConcurrencyHelpers

/// Fans reload events out to every connected preview page.
///
/// Call ``send(_:)`` after a rebuild has finished writing the output. The
/// broadcaster remembers the last build error, so a page opened while the build
/// is broken shows the error overlay at once; any later non-error event clears it.
public final class ReloadBroadcaster: Sendable {
    /// Identifies this server run; pages reload when they reconnect to a different one.
    public let serverID: String

    private struct State {
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var generation = 0
        var currentError: String?
        var isClosed = false
    }

    private let state = NIOLockedValueBox(State())

    /// Creates a broadcaster with no subscribers and no remembered error.
    public init() {
        serverID = String(UInt64.random(in: 1...UInt64.max), radix: 36)
    }

    /// Sends an event to all connected pages.
    public func send(_ event: ReloadEvent) {
        state.withLockedValue { state in
            guard !state.isClosed else { return }
            state.generation += 1
            if case .buildFailed(let message) = event {
                state.currentError = message
            } else {
                state.currentError = nil
            }
            let text = event.serverSentEvent(generation: state.generation)
            for continuation in state.subscribers.values {
                continuation.yield(text)
            }
        }
    }

    /// The message of the last failed build, or `nil` when the last build succeeded.
    public var currentError: String? {
        state.withLockedValue { $0.currentError }
    }

    /// How many pages are connected right now.
    public var subscriberCount: Int {
        state.withLockedValue { $0.subscribers.count }
    }

    /// Ends every event stream and refuses new ones (used when the server stops).
    public func close() {
        let continuations = state.withLockedValue { state in
            state.isClosed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in continuations {
            continuation.finish()
        }
    }

    /// An open event stream: SSE-encoded text chunks, and a way to add heartbeats to it.
    struct Subscription: Sendable {
        let stream: AsyncStream<String>
        let continuation: AsyncStream<String>.Continuation
    }

    /// Opens an event stream that starts with the reconnect delay, a `hello`
    /// naming this server, and the current build error if there is one.
    func subscribe(retryMilliseconds: Int = 1000) -> Subscription {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .unbounded)
        let registered = state.withLockedValue { state -> Bool in
            guard !state.isClosed else { return false }
            let id = state.nextID
            state.nextID += 1
            var greeting = "retry: \(retryMilliseconds)\n\n"
            greeting += "event: hello\ndata: {\"server\":\(ReloadEvent.jsonString(serverID)),\"generation\":\(state.generation)}\n\n"
            if let error = state.currentError {
                greeting += ReloadEvent.buildFailed(error).serverSentEvent(generation: state.generation)
            }
            continuation.yield(greeting)
            state.subscribers[id] = continuation
            continuation.onTermination = { [weak self] _ in
                self?.unsubscribe(id)
            }
            return true
        }
        if !registered {
            continuation.finish()
        }
        return Subscription(stream: stream, continuation: continuation)
    }

    private func unsubscribe(_ id: Int) {
        _ = state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
    }
}
