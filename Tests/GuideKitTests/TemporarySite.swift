import Foundation
@testable import GuideKit
import GuideTestSupport

/// A site in a temporary folder, declared inline as file name → content
/// (the way Hugo's tests declare theirs), built with the repository's
/// default templates unless the test gives its own.
struct TemporarySite {
    let root: URL

    init(_ files: [String: String], defaultTemplates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("guide-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if defaultTemplates {
            try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("Templates"),
                                             to: root.appendingPathComponent("Templates"))
        }
        for (path, text) in files {
            try write(text, to: path)
        }
    }

    /// A copy of a fixture site under Tests/Fixtures/sites.
    init(fixture name: String) throws {
        try self.init([:])
        try FileManager.default.copyItem(
            at: Fixtures.repository.appendingPathComponent("Tests/Fixtures/sites/\(name)/Content"),
            to: root.appendingPathComponent("Content"))
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Copies an image of Tests/Fixtures/images into the site, over any file at `path`.
    func copyImage(_ fixture: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("Tests/Fixtures/images/\(fixture)"), to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// URLs in one sitemap file in this site's builds: a few, to split a small
    /// site as the protocol's limit (`Sitemap.urlLimit`) splits a large one.
    var sitemapURLLimit = Sitemap.urlLimit

    var options: BuildOptions {
        var options = BuildOptions(root: root)
        options.sitemapURLLimit = sitemapURLLimit
        return options
    }

    @discardableResult
    func build(workers: Int = 2, output: String = "Output") throws -> SiteBuilder.Result {
        var options = options
        options.workers = workers
        options.outputDirectory = root.appendingPathComponent(output)
        return try SiteBuilder().build(options)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Every file under `folder`, path → bytes.
    func snapshot(_ folder: String = "Output") -> [String: Data] {
        let base = root.appendingPathComponent(folder).standardizedFileURL.path + "/"
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: base + path) }
        }
        return files
    }

    /// Where the first file that differs between two snapshots differs, for a failure message.
    static func firstDifference(_ a: [String: Data], _ b: [String: Data]) -> String {
        guard let path = Set(a.keys).union(b.keys).sorted().first(where: { a[$0] != b[$0] }) else { return "none" }
        guard let x = a[path], let y = b[path] else { return "\(path): only in \(a[path] == nil ? "the second" : "the first")" }
        let (x8, y8) = (Array(x), Array(y))
        let offset = x8.indices.first { $0 >= y8.count || x8[$0] != y8[$0] } ?? x8.count
        func around(_ data: Data) -> String {
            let bytes = Array(data)
            return String(decoding: bytes[min(bytes.count, max(0, offset - 80))..<min(bytes.count, offset + 80)], as: UTF8.self)
        }
        return "\(path) at byte \(offset):\n--- rebuilt\n\(around(x))\n--- full\n\(around(y))"
    }

    static let minimalGuide = SampleGuides.minimal
}
