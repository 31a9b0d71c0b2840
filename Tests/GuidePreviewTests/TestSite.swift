import Foundation
import Hummingbird
import HummingbirdTesting

@testable import GuidePreview

/// A small generated site in `<tmp>/site`, with a secret file and symlinks
/// pointing outside it in `<tmp>`.
struct TestSite: Sendable {
    let folder: TemporaryFolder
    var root: String { folder.url("site") }
    static let secret = "TOP SECRET, never served"
    static let indexHTML = "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>"

    init() throws {
        folder = try TemporaryFolder()
        try folder.write("secret.txt", Self.secret)
        try folder.write("site/index.html", Self.indexHTML)
        try folder.write("site/papers/x/index.html", "<html><head></head><body>Paper X</body></html>")
        try folder.write("site/404.html", "<html><head><title>Lost</title></head><body>Custom not found page</body></html>")
        try folder.write("site/fragment.html", "<p>no head, no body</p>")
        try folder.write("site/body-only.html", "<html><BODY>text</BODY></html>")
        try folder.write("site/style.css", "body { color: red; }")
        try folder.write("site/app.js", "console.log(1)")
        try folder.write("site/data.json", "{}")
        try folder.write("site/feed.xml", "<rss/>")
        try folder.write("site/robots.txt", "User-agent: *")
        try folder.write("site/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
        for name in ["img.png", "photo.jpg", "photo.jpeg", "anim.gif", "pic.webp", "pic.avif", "favicon.ico", "font.woff2", "blob.bin"] {
            try folder.write("site/" + name, Data([0, 1, 2, 3, 255]))
        }
        try folder.write("site/.hidden/note.txt", "inside")
        try folder.symlink("site/alias.html", to: "index.html")
        try folder.symlink("site/leak.txt", to: folder.url("secret.txt"))
        try folder.symlink("site/leak-relative.txt", to: "../secret.txt")
        try folder.symlink("site/leakdir", to: folder.path)
        try folder.makeFolder("site/empty")
    }

    func server(injectLiveReload: Bool = true, port: Int = 0, heartbeat: Duration = .seconds(15)) -> PreviewServer {
        PreviewServer(configuration: .init(
            root: root, port: port, injectLiveReload: injectLiveReload, heartbeatInterval: heartbeat))
    }

    func remove() { folder.remove() }
}

/// Runs `server` on a real socket for the duration of `body`, which gets the bound port.
func withRunningServer(_ server: PreviewServer, _ body: (Int) async throws -> Void) async throws {
    let task = Task { try await server.run() }
    defer { task.cancel() }
    try await body(try await server.boundPort())
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
