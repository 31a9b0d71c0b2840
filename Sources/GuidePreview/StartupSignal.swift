import NIOConcurrencyHelpers

/// One-shot result of starting a server: the bound port or the failure,
/// awaited by any number of callers.
final class StartupSignal: Sendable {
    private enum State {
        case waiting([Int: CheckedContinuation<Int, any Error>], nextID: Int)
        case done(Result<Int, any Error>)
    }

    private let state = NIOLockedValueBox(State.waiting([:], nextID: 0))

    /// Records the outcome once; later calls are ignored.
    func complete(_ result: Result<Int, any Error>) {
        let waiters: [CheckedContinuation<Int, any Error>] = state.withLockedValue { state in
            guard case .waiting(let waiters, _) = state else { return [] }
            state = .done(result)
            return Array(waiters.values)
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    /// Waits for the outcome; throws `CancellationError` if the waiting task is cancelled.
    func wait() async throws -> Int {
        let id = state.withLockedValue { state -> Int in
            guard case .waiting(let waiters, let nextID) = state else { return -1 }
            state = .waiting(waiters, nextID: nextID + 1)
            return nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                let ready: Result<Int, any Error>? = state.withLockedValue { state in
                    switch state {
                    case .done(let result):
                        return result
                    case .waiting(var waiters, let nextID):
                        if Task.isCancelled { return .failure(CancellationError()) }
                        waiters[id] = continuation
                        state = .waiting(waiters, nextID: nextID)
                        return nil
                    }
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            let waiter: CheckedContinuation<Int, any Error>? = state.withLockedValue { state in
                guard case .waiting(var waiters, let nextID) = state else { return nil }
                let waiter = waiters.removeValue(forKey: id)
                state = .waiting(waiters, nextID: nextID)
                return waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
