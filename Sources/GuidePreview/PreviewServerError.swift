/// Errors ``PreviewServer`` reports instead of crashing; `description` is printable as is.
public enum PreviewServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process already listens on this port.
    case portInUse(Int)
    /// The host/port could not be bound for another reason (unknown address, permission...).
    case cannotBind(host: String, port: Int, reason: String)
    /// `run()` was called twice on the same server.
    case alreadyStarted

    public var description: String {
        switch self {
        case .portInUse(let port):
            "Port \(port) is already in use. Stop the other server or choose another port with --port."
        case .cannotBind(let host, let port, let reason):
            "Cannot listen on \(host):\(port): \(reason)"
        case .alreadyStarted:
            "The preview server is already running."
        }
    }
}
