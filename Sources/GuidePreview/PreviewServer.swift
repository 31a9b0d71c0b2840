#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// The `guide serve` preview server: serves a site folder over HTTP with
/// pretty URLs, caching validators and live reload through Server-Sent Events.
///
/// ```swift
/// let server = PreviewServer(configuration: .init(root: "_site", port: 0))
/// let task = Task { try await server.run() }
/// let port = try await server.boundPort()      // actual port, even for port 0
/// server.reloader.send(.reload)                // after a rebuild finished writing
/// task.cancel()                                // stops the server gracefully
/// ```
public final class PreviewServer: Service, Sendable {
    /// The configuration the server was created with.
    public let configuration: PreviewServerConfiguration
    /// Broadcaster for reload/CSS/error events to open pages.
    public let reloader: ReloadBroadcaster

    private let startup = StartupSignal()
    private let started = NIOLockedValueBox(false)

    /// Creates a server (it does not listen until ``run(onServerRunning:)``).
    public init(configuration: PreviewServerConfiguration, reloader: ReloadBroadcaster = ReloadBroadcaster()) {
        self.configuration = configuration
        self.reloader = reloader
    }

    /// The responder serving the site and the `/__guide/` endpoints.
    public func makeResponder() -> PreviewResponder<BasicRequestContext> {
        PreviewResponder(
            root: configuration.root,
            reloader: reloader,
            injectLiveReload: configuration.injectLiveReload,
            heartbeatInterval: configuration.heartbeatInterval,
            host: configuration.host
        )
    }

    /// A Hummingbird application for this server, e.g. for `app.test(.router)`
    /// or to run inside your own `ServiceGroup`. (Call `reloader.close()` before a
    /// graceful shutdown: open event streams otherwise keep their connections busy.)
    public func makeApplication(
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> Application<PreviewResponder<BasicRequestContext>> {
        let fallbackPort = configuration.port
        return Application(
            responder: makeResponder(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                await onServerRunning(channel.localAddress?.port ?? fallbackPort)
            },
            logger: configuration.logger
        )
    }

    /// Listens and serves until the calling task is cancelled or, inside a
    /// `ServiceGroup`, until graceful shutdown; both stop the server cleanly
    /// (open event streams are closed first).
    ///
    /// - Parameter onServerRunning: called once listening, with the bound port.
    /// - Throws: ``PreviewServerError/portInUse(_:)`` or ``PreviewServerError/cannotBind(host:port:reason:)``
    ///   when the address cannot be bound, ``PreviewServerError/alreadyStarted`` on a second call.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let first = started.withLockedValue { started in
            defer { started = true }
            return !started
        }
        guard first else { throw PreviewServerError.alreadyStarted }
        let startup = self.startup
        let app = makeApplication { port in
            startup.complete(.success(port))
            await onServerRunning(port)
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: configuration.logger))
        let reloader = self.reloader
        let stop: @Sendable () -> Void = {
            reloader.close()
            Task { await group.triggerGracefulShutdown() }
        }
        // Unstructured so that cancelling the caller becomes a graceful shutdown
        // rather than a cancellation of the server's tasks.
        let serving = Task { try await group.run() }
        do {
            try await withTaskCancellationHandler {
                try await withGracefulShutdownHandler {
                    try await serving.value
                } onGracefulShutdown: {
                    stop()
                }
            } onCancel: {
                stop()
            }
            startup.complete(.failure(CancellationError()))
        } catch {
            let mapped = Self.mapStartupError(error, host: configuration.host, port: configuration.port)
            startup.complete(.failure(mapped))
            throw mapped
        }
    }

    /// Same as ``run(onServerRunning:)`` without a callback (`Service` conformance).
    public func run() async throws {
        try await run(onServerRunning: { _ in })
    }

    /// Waits until ``run(onServerRunning:)`` is listening and returns the bound port
    /// (the real one when the configured port is 0). Throws the startup error if binding failed.
    public func boundPort() async throws -> Int {
        try await startup.wait()
    }

    /// Turns NIO bind failures into ``PreviewServerError``; other errors pass through.
    static func mapStartupError(_ error: any Error, host: String, port: Int) -> any Error {
        if let ioError = error as? IOError {
            if ioError.errnoCode == EADDRINUSE { return PreviewServerError.portInUse(port) }
            let reason = String(cString: strerror(ioError.errnoCode))
            return PreviewServerError.cannotBind(host: host, port: port, reason: reason)
        }
        if error is SocketAddressError {
            return PreviewServerError.cannotBind(host: host, port: port, reason: "unknown host")
        }
        return error
    }
}
