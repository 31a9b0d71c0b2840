import Hummingbird

/// The Hummingbird responder behind ``PreviewServer``: the reserved
/// `/__guide/` endpoints (event stream and live-reload script) and the
/// static files of the site root. Only GET and HEAD are allowed.
public struct PreviewResponder<Context: RequestContext>: HTTPResponder {
    let files: StaticFileResponder
    let events: EventStreamResponder
    let hosts: HostCheck

    /// Creates a responder for a site root folder.
    /// - Parameters:
    ///   - root: the folder to serve.
    ///   - reloader: the broadcaster feeding `/__guide/events`.
    ///   - injectLiveReload: whether HTML responses get the live-reload `<script>`.
    ///   - heartbeatInterval: how often the event stream sends a comment heartbeat.
    ///   - host: the address the server listens on: requests whose `Host`
    ///     names another get 400 (``HostCheck``).
    public init(
        root: String,
        reloader: ReloadBroadcaster,
        injectLiveReload: Bool = true,
        heartbeatInterval: Duration = .seconds(15),
        host: String = "127.0.0.1"
    ) {
        self.hosts = HostCheck(listeningOn: host)
        self.files = StaticFileResponder(root: root, injectLiveReload: injectLiveReload)
        self.events = EventStreamResponder(broadcaster: reloader, heartbeatInterval: heartbeatInterval)
    }

    /// Answers one request (405 for methods other than GET and HEAD).
    public func respond(to request: Request, context: Context) async throws -> Response {
        // One Host, naming this server: HTTP/1.1 requires exactly one (the first
        // becomes the authority, a second stays a header), and another name is
        // a page elsewhere reaching the preview through DNS rebinding.
        guard let host = request.head.authority, !request.headers.contains(where: { $0.name.canonicalName == "host" }), hosts.accepts(host) else {
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .badRequest, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: "Bad Request: the Host header must name this server, once\n")))
        }
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .methodNotAllowed, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "Method Not Allowed\n")))
        }
        switch request.uri.path {
        case LiveReloadScript.eventsPath:
            let response = events.response(to: request)
            return request.method == .head ? Response(status: .ok, headers: response.headers) : response
        case LiveReloadScript.scriptPath:
            var headers = HTTPFields()
            headers[.contentType] = ContentType.forPath("live-reload.js")
            headers[.cacheControl] = "no-cache"
            let script = ByteBuffer(string: LiveReloadScript.source)
            headers[.contentLength] = String(script.readableBytes)
            return Response(status: .ok, headers: headers, body: request.method == .head ? .init() : .init(byteBuffer: script))
        default:
            return try await files.respond(to: request, context: context)
        }
    }
}
