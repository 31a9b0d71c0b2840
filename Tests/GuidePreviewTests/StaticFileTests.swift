import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GuidePreview

@Suite struct StaticFileTests {
    @Test func servesIndexAtRoot() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1>Home</h1>"))
            #expect(response.headers[.cacheControl] == "no-cache")
        }
    }

    @Test(arguments: [
        ("/index.html", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/data.json", "application/json; charset=utf-8"),
        ("/feed.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/img.png", "image/png"),
        ("/photo.jpg", "image/jpeg"),
        ("/photo.jpeg", "image/jpeg"),
        ("/anim.gif", "image/gif"),
        ("/pic.webp", "image/webp"),
        ("/pic.avif", "image/avif"),
        ("/favicon.ico", "image/x-icon"),
        ("/font.woff2", "font/woff2"),
        ("/blob.bin", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
        }
    }

    @Test func binaryFilesAreServedByteForByte() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/img.png", method: .get)
            #expect(Array(buffer: response.body) == [0, 1, 2, 3, 255])
            #expect(response.headers[.contentLength] == "5")
        }
    }

    @Test func prettyURLServesFolderIndex() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/papers/x/", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("Paper X"))
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func folderWithoutSlashRedirects() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/papers/x", method: .get)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/papers/x/")
            let withQuery = try await client.execute(uri: "/papers/x?a=1", method: .get)
            #expect(withQuery.status == .movedPermanently)
            #expect(withQuery.headers[.location] == "/papers/x/?a=1")
        }
    }

    @Test func folderWithoutIndexIsNotFound() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/empty/", method: .get)
            #expect(response.status == .notFound)
            let file = try await client.execute(uri: "/style.css/", method: .get)
            #expect(file.status == .notFound)
        }
    }

    @Test func headHasHeadersButNoBody() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            for path in ["/style.css", "/index.html", "/papers/x/"] {
                let get = try await client.execute(uri: path, method: .get)
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == .ok)
                #expect(head.body.readableBytes == 0)
                #expect(head.headers[.contentType] == get.headers[.contentType])
                #expect(head.headers[.eTag] == get.headers[.eTag])
                #expect(head.headers[.lastModified] == get.headers[.lastModified])
                #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            }
        }
    }

    @Test func entityTagRevalidation() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            for path in ["/style.css", "/index.html"] {
                let first = try await client.execute(uri: path, method: .get)
                let etag = try #require(first.headers[.eTag])
                let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified)
                #expect(again.body.readableBytes == 0)
                #expect(again.headers[.eTag] == etag)
                let weak = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"other\", W/\(etag)"])
                #expect(weak.status == .notModified)
                let stale = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"stale\""])
                #expect(stale.status == .ok)
            }
        }
    }

    @Test func entityTagChangesWhenFileChanges() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let app = site.server().makeApplication()
        try await app.test(.router) { client in
            let first = try await client.execute(uri: "/style.css", method: .get)
            try site.folder.write("site/style.css", "body { color: blue; background: white; }")
            let second = try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: first.headers[.eTag]!])
            #expect(second.status == .ok)
            #expect(second.text.contains("blue"))
            #expect(second.headers[.eTag] != first.headers[.eTag])
        }
    }

    @Test func lastModifiedRevalidation() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let first = try await client.execute(uri: "/style.css", method: .get)
            let lastModified = try #require(first.headers[.lastModified])
            #expect(HTTPDate.parse(lastModified) != nil)
            let again = try await client.execute(uri: "/style.css", method: .get, headers: [.ifModifiedSince: lastModified])
            #expect(again.status == .notModified)
            let old = try await client.execute(
                uri: "/style.css", method: .get, headers: [.ifModifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"])
            #expect(old.status == .ok)
            let garbage = try await client.execute(uri: "/style.css", method: .get, headers: [.ifModifiedSince: "yesterday"])
            #expect(garbage.status == .ok)
        }
    }

    @Test func missingFileServesSite404Page() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/no/such/page/", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("Custom not found page"))
            #expect(response.text.contains(LiveReloadScript.tag))
            let head = try await client.execute(uri: "/missing.css", method: .head)
            #expect(head.status == .notFound)
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func missingFileWithoutSite404PageIsPlainTextWithoutLiveReload() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.folder.url("site/404.html"))
        try await site.server(injectLiveReload: false).makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/missing.html", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.text == "Not Found\n")
        }
    }

    /// Before the first successful build there is no 404 page: the placeholder
    /// still carries the live-reload script, so the error overlay shows and clears.
    @Test func missingFileWithoutSite404PageCarriesLiveReload() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.folder.url("site/404.html"))
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/missing.html", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains(LiveReloadScript.scriptPath))
        }
    }

    @Test func missingRootGives404() async throws {
        let server = PreviewServer(configuration: .init(root: "/nonexistent/guide-preview-root"))
        try await server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .notFound)
        }
    }

    @Test func symlinkInsideRootIsServed() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/alias.html", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("<h1>Home</h1>"))
        }
    }

    @Test func percentEncodedNamesAreDecoded() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.folder.write("site/a file é.txt", "spaced")
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/a%20file%20%C3%A9.txt", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "spaced")
        }
    }

    @Test func onlyGetAndHeadAreAllowed() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            for method in [HTTPRequest.Method.post, .put, .delete] {
                let response = try await client.execute(uri: "/index.html", method: method)
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func liveServerServesFilesAndHead() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.live) { client in
            let get = try await client.execute(uri: "/papers/x/", method: .get)
            #expect(get.status == .ok)
            #expect(get.text.contains("Paper X"))
            let head = try await client.execute(uri: "/style.css", method: .head)
            #expect(head.status == .ok)
            #expect(head.headers[.contentLength] == "20")
            let css = try await client.execute(uri: "/style.css", method: .get)
            #expect(css.text == "body { color: red; }")
            let notModified = try await client.execute(uri: "/style.css", method: .get, headers: [.ifNoneMatch: css.headers[.eTag]!])
            #expect(notModified.status == .notModified)
            let after = try await client.execute(uri: "/robots.txt", method: .get)
            #expect(after.text == "User-agent: *")
        }
    }
}
