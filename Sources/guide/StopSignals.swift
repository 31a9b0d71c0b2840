import Dispatch
import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) and SIGTERM into a clean stop for the long-running
/// commands: the first signal calls `stop`; a second one, while stopping, exits at once.
final class StopSignals: @unchecked Sendable {
    // Set up in init and torn down in cancel(), both from the command's task.
    private var sources: [any DispatchSourceSignal] = []
    private let received = SignalCount()

    init(_ stop: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "guide.signals")
        let received = self.received
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)  // delivered to the dispatch source instead
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if received.increment() == 1 {
                    stop()
                } else {
                    Terminal.printError("Stopping now.")
                    exit(number == SIGINT ? 130 : 143)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening; the default actions apply again.
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

private final class SignalCount: Sendable {
    private let count = Atomic(0)

    /// Counts one more signal and returns the count.
    func increment() -> Int {
        count.add(1, ordering: .relaxed).newValue
    }
}
