#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird

/// Serves files from a site root: pretty URLs, content types, caching
/// validators, the site's own 404 page, and live-reload script injection
/// into HTML. Paths are checked with ``SitePath`` so nothing outside the
/// root is ever served.
struct StaticFileResponder: Sendable {
    let root: String
    let injectLiveReload: Bool

    func respond(to request: Request, context: some RequestContext) async throws -> Response {
        let isHead = request.method == .head
        let sitePath: SitePath
        do {
            sitePath = try SitePath(rawPath: request.uri.path)
        } catch .hiddenFile {
            return try await notFound(isHead: isHead)
        } catch {
            return plainText(.badRequest, "Bad request path\n", isHead: isHead)
        }
        switch sitePath.resolve(in: root) {
        case .directory:
            guard sitePath.hasTrailingSlash else {
                var location = sitePath.rawPath + "/"
                if let query = request.uri.query { location += "?" + query }
                var headers = HTTPFields()
                headers[.location] = location
                headers[.cacheControl] = "no-cache"
                return Response(status: .movedPermanently, headers: headers)
            }
            let indexPath = sitePath.segments.isEmpty ? "index.html" : sitePath.relativePath + "/index.html"
            guard case .file(let path, let info) = SitePath.resolve(indexPath, in: root) else {
                return try await notFound(isHead: isHead)
            }
            return try await serveFile(at: path, info: info, name: "index.html", request: request, context: context)
        case .file(let path, let info):
            guard !sitePath.hasTrailingSlash else { return try await notFound(isHead: isHead) }
            let name = sitePath.segments.last ?? path
            return try await serveFile(at: path, info: info, name: name, request: request, context: context)
        case .notFound:
            return try await notFound(isHead: isHead)
        }
    }

    /// Serves one file from a single open descriptor: the headers (validators,
    /// length) and the body describe the same file, whole, even when a rebuild
    /// renames a new version over its path meanwhile.
    private func serveFile(
        at path: String, info _: FileInfo, name: String, request: Request, context: some RequestContext
    ) async throws -> Response {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return try await notFound(isHead: request.method == .head) }
        defer { close(fd) }
        guard let info = FileInfo(descriptor: fd), info.kind == .regular else { return try await notFound(isHead: request.method == .head) }
        let isHead = request.method == .head
        let inject = injectLiveReload && ContentType.isHTML(name)
        var headers = HTTPFields()
        headers[.contentType] = ContentType.forPath(name)
        headers[.eTag] = info.entityTag(variant: inject ? "lr" : nil)
        headers[.lastModified] = HTTPDate.format(secondsSince1970: info.modificationSeconds)
        headers[.cacheControl] = "no-cache"

        if Self.isNotModified(request.headers, entityTag: headers[.eTag]!, modified: info.modificationSeconds) {
            headers[.contentType] = nil
            var response = Response(status: .notModified, headers: headers)
            response.headers[.contentLength] = nil  // a 304 has no body; do not claim an empty one
            return response
        }
        if isHead {
            headers[.contentLength] = String(info.size + (inject ? LiveReloadScript.tag.utf8.count : 0))
            return Response(status: .ok, headers: headers)
        }
        guard let bytes = Self.read(fd, sizeHint: info.size) else { return try await notFound(isHead: false) }
        let body = inject ? LiveReloadScript.inject(into: bytes) : bytes
        headers[.contentLength] = String(body.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A 404 page for a site that has none yet (its first build failed): HTML,
    /// so the live-reload script can show the build error and reload when it is fixed.
    static let placeholder404 = Array("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
        <body><h1>Not found</h1><p>The site has no page here (yet).</p></body></html>

        """.utf8)

    /// 404 with the site's own `/404.html` when there is one; otherwise a small
    /// HTML page when live reload is on, plain text when it is off.
    private func notFound(isHead: Bool) async throws -> Response {
        let bytes: [UInt8]
        if case .file(let path, _) = SitePath.resolve("404.html", in: root), let page = Self.readFile(path) {
            bytes = page
        } else if injectLiveReload {
            bytes = Self.placeholder404
        } else {
            return plainText(.notFound, "Not Found\n", isHead: isHead)
        }
        let body = injectLiveReload ? LiveReloadScript.inject(into: bytes) : bytes
        var headers = HTTPFields()
        headers[.contentType] = ContentType.forPath("404.html")
        headers[.cacheControl] = "no-cache"
        if isHead {
            headers[.contentLength] = String(body.count)
            return Response(status: .notFound, headers: headers)
        }
        return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private func plainText(_ status: HTTPResponse.Status, _ text: String, isHead: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(text.utf8.count)
        return Response(status: status, headers: headers, body: isHead ? .init() : .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// RFC 9110 §13.2.2: `If-None-Match` wins; `If-Modified-Since` only counts without it.
    static func isNotModified(_ headers: HTTPFields, entityTag: String, modified: Int) -> Bool {
        if let ifNoneMatch = headers[.ifNoneMatch] {
            let wanted = entityTag.hasPrefix("W/") ? String(entityTag.dropFirst(2)) : entityTag
            return ifNoneMatch.split(separator: ",").contains { candidate in
                var tag = candidate.trimmingSpaces
                if tag == "*" { return true }
                if tag.hasPrefix("W/") { tag = String(tag.dropFirst(2)) }
                return tag == wanted
            }
        }
        if let ifModifiedSince = headers[.ifModifiedSince], let date = HTTPDate.parse(ifModifiedSince) {
            return modified <= date
        }
        return false
    }

    /// Reads a whole (small) file, or `nil` if it cannot be read.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return read(fd, sizeHint: 0)
    }

    /// Reads an open file to its end.
    static func read(_ fd: Int32, sizeHint: Int) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(sizeHint)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
