import Logging

/// Settings of a ``PreviewServer``.
public struct PreviewServerConfiguration: Sendable {
    /// The folder served as the site root (need not exist yet; missing files give 404).
    public var root: String
    /// Address to listen on. Anything other than loopback exposes the preview to the network:
    /// the caller should warn (see ``isLoopback``).
    public var host: String
    /// Port to listen on; 0 picks a free port (read it back from ``PreviewServer/boundPort()``).
    public var port: Int
    /// Whether HTML responses get the live-reload `<script>` tag.
    public var injectLiveReload: Bool
    /// Interval of the comment heartbeat on the event stream.
    public var heartbeatInterval: Duration
    /// Logger given to Hummingbird (defaults to warnings and errors only).
    public var logger: Logger

    /// Creates a configuration; only `root` is required.
    public init(
        root: String,
        host: String = "127.0.0.1",
        port: Int = 8080,
        injectLiveReload: Bool = true,
        heartbeatInterval: Duration = .seconds(15),
        logger: Logger? = nil
    ) {
        self.root = root
        self.host = host
        self.port = port
        self.injectLiveReload = injectLiveReload
        self.heartbeatInterval = heartbeatInterval
        if let logger {
            self.logger = logger
        } else {
            var logger = Logger(label: "guide.preview")
            logger.logLevel = .warning
            self.logger = logger
        }
    }

    /// Whether ``host`` only accepts connections from this machine.
    public var isLoopback: Bool {
        let host = self.host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
