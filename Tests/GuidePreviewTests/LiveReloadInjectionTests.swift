import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GuidePreview

@Suite struct LiveReloadInjectionTests {
    @Test func injectsBeforeHeadEnd() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/index.html", method: .get)
            let expected = TestSite.indexHTML.replacingOccurrences(of: "</head>", with: LiveReloadScript.tag + "</head>")
            #expect(response.text == expected)
            #expect(response.headers[.contentLength] == String(expected.utf8.count))
            #expect(response.headers[.eTag]?.hasSuffix("-lr\"") == true)
        }
        // The file on disk is untouched.
        #expect(String(decoding: try site.folder.read("site/index.html"), as: UTF8.self) == TestSite.indexHTML)
    }

    @Test func injectsBeforeBodyEndOrAtTheEnd() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let bodyOnly = try await client.execute(uri: "/body-only.html", method: .get)
            #expect(bodyOnly.text == "<html><BODY>text" + LiveReloadScript.tag + "</BODY></html>")
            let fragment = try await client.execute(uri: "/fragment.html", method: .get)
            #expect(fragment.text == "<p>no head, no body</p>" + LiveReloadScript.tag)
        }
    }

    @Test func doesNotInjectIntoOtherTypes() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            for path in ["/style.css", "/app.js", "/data.json", "/feed.xml", "/logo.svg", "/robots.txt"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(!response.text.contains("live-reload.js"), "\(path)")
                #expect(response.text == String(decoding: try site.folder.read("site" + path), as: UTF8.self))
            }
        }
    }

    @Test func injectionCanBeTurnedOff() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server(injectLiveReload: false).makeApplication().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.text == TestSite.indexHTML)
        }
    }

    @Test func servesTheClientScript() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: LiveReloadScript.scriptPath, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
            for needle in ["EventSource", "/__guide/events", "alertdialog", "document.write", "location.reload", "stylesheet", "textContent",
                           "prefers-color-scheme"] {
                #expect(response.text.contains(needle), "\(needle)")
            }
            let head = try await client.execute(uri: LiveReloadScript.scriptPath, method: .head)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(response.body.readableBytes))
        }
    }

    @Test func injectUnit() {
        func inject(_ html: String) -> String {
            String(decoding: LiveReloadScript.inject(into: Array(html.utf8)), as: UTF8.self)
        }
        let tag = LiveReloadScript.tag
        #expect(inject("<HEAD></HEAD><body></body>") == "<HEAD>\(tag)</HEAD><body></body>")
        #expect(inject("<body>a</body><!-- </body> -->x") == "<body>a</body><!-- \(tag)</body> -->x")
        #expect(inject("") == tag)
    }
}
