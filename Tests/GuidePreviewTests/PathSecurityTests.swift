import Foundation
import GuideTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import GuidePreview

@Suite struct PathSecurityTests {
    /// Request targets that try to reach `<tmp>/secret.txt` from `<tmp>/site`.
    static let vectors = [
        "/../secret.txt",
        "/papers/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/papers%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/papers\\..\\..\\secret.txt",
        "//secret.txt",
        "/papers//../../secret.txt",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/secret.txt%00.html",
        "/index.html%00",
        "/%00",
        "/leak.txt",
        "/leak-relative.txt",
        "/leakdir/secret.txt",
        "/%252e%252e/secret.txt",
        "/%2",
        "/%zz",
        "/./index.html",
        "/%c0%ae%c0%ae/secret.txt",
        "secret.txt",
        "http://localhost/../secret.txt",
    ]

    @Test(arguments: vectors)
    func traversalIsRefused(target: String) async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: target, method: .get)
            #expect([.badRequest, .notFound].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.text.contains(TestSite.secret))
        }
    }

    @Test func absolutePathOfSecretIsNotFound() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await site.server().makeApplication().test(.router) { client in
            let response = try await client.execute(uri: site.folder.url("secret.txt"), method: .get)
            #expect(response.status == .notFound)
            #expect(!response.text.contains(TestSite.secret))
        }
    }

    @Test func traversalOverRealSockets() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = site.server()
        try await withRunningServer(server) { port in
            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/leak.txt", "//etc/passwd"] {
                let reply = await RawHTTP.exchange(
                    port: port,
                    request: "GET \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                )
                #expect(reply.hasPrefix("HTTP/1.1 400") || reply.hasPrefix("HTTP/1.1 404"), "\(target): \(reply.prefix(40))")
                #expect(!reply.contains(TestSite.secret))
            }
        }
    }
}

/// The preview answers only requests that name it in one Host header (DNS
/// rebinding), and never serves dot-files (the build's marker, files being replaced).
@Suite struct HostAndHiddenFileTests {
    @Test func requestsNamingAnotherHostOrNoneOrTwoAreRefused() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await withRunningServer(site.server()) { port in
            let refused = [
                "GET / HTTP/1.1\r\nHost: evil.example:\(port)\r\nConnection: close\r\n\r\n",
                "GET /__guide/events HTTP/1.1\r\nHost: evil.example:\(port)\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
            ]
            for request in refused {
                let reply = await RawHTTP.exchange(port: port, request: request)
                #expect(reply.hasPrefix("HTTP/1.1 400"), "\(request.debugDescription): \(reply.prefix(30))")
                #expect(!reply.contains("<h1>Home</h1>"))
            }
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "[::1]:\(port)"] {
                let reply = await RawHTTP.exchange(port: port, request: "GET / HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(reply.hasPrefix("HTTP/1.1 200"), "\(host): \(reply.prefix(30))")
            }
        }
    }

    @Test func dotFilesAreNotFound() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.folder.write("site/.guide-output", "This folder is written by guide and replaced on every build.\n")
        try site.folder.write("site/papers/x/.index.html.guide-new", "<p>half a pa")
        try site.folder.write("site/.hidden/page.html", "hidden")
        try await withRunningServer(site.server()) { port in
            for path in ["/.guide-output", "/papers/x/.index.html.guide-new", "/.hidden/page.html", "/%2Eguide-output"] {
                let reply = await RawHTTP.exchange(port: port, path: path)
                #expect(reply.hasPrefix("HTTP/1.1 404"), "\(path): \(reply.prefix(30))")
                #expect(!reply.contains("half a pa") && !reply.contains("replaced on every build"))
            }
        }
    }
}
