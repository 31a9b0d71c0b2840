import Synchronization

/// Paths changed since the last rebuild, in the order first seen, each once.
final class PendingChanges: Sendable {
    private struct State {
        var paths: [String] = []
        var seen: Set<String> = []
        var finished = false
    }

    private let state = Mutex(State())

    func add(_ paths: [String]) {
        state.withLock { state in
            for path in paths where state.seen.insert(path).inserted {
                state.paths.append(path)
            }
        }
    }

    /// Marks the end of watching: ``take()`` returns `nil` from now on.
    func finish() {
        state.withLock { $0.finished = true }
    }

    /// The pending paths (possibly none), or `nil` once watching has ended.
    func take() -> [String]? {
        state.withLock { state in
            guard !state.finished else { return nil }
            defer { state = State() }
            return state.paths
        }
    }
}
