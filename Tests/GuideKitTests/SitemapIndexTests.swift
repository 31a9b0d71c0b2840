import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GuideKit

/// A site of more pages than one sitemap may list gets `sitemap.xml` as a
/// sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, …. The protocol's limit
/// is 50,000 URLs; these sites of a few pages are split with a limit of a few
/// (`BuildOptions.sitemapURLLimit`), through the same code.
@Suite struct SitemapIndexTests {
    /// The 26 URLs of the three-guide site's sitemap, in order, written by hand (`MultiGuideSiteTests.sitemapListsEveryPage` checks them too).
    static let threeGuideURLs = [
        "/",
        "/acl-2024/", "/icml-2023/", "/slt/",
        "/acl-2024/topics/retrieval/", "/acl-2024/topics/evaluation/",
        "/icml-2023/topics/bandit-problems/", "/icml-2023/topics/forecasting/",
        "/slt/topics/streaming-speech-recognition/",
        "/acl-2024/papers/", "/icml-2023/papers/", "/slt/papers/",
        "/acl-2024/papers/retrieval-augmented-forecasting-of-demand/",
        "/acl-2024/papers/calibrated-evaluation-of-summaries/",
        "/icml-2023/papers/thompson-sampling-with-delayed-feedback/",
        "/icml-2023/papers/regret-bounds-for-contextual-bandits/",
        "/icml-2023/papers/coherent-hierarchical-forecasts/",
        "/slt/papers/streaming-transducers-with-lookahead/",
        "/authors/",
        "/authors/danielle-maddix-robinson/", "/authors/omar-haddad/", "/authors/lena-albrecht/",
        "/authors/tomas-ruiz/", "/authors/priya-raman/",
        "/careers/", "/search/",
    ]

    static func threeGuides(limit: Int, base: String = "https://example.org/guides/") throws -> TemporarySite {
        var site = try TemporarySite(fixture: "three-guides")
        site.sitemapURLLimit = limit
        try site.write(try site.read("Content/site.yml") + "base_url: \(base)\n", to: "Content/site.yml")
        return site
    }

    /// The sitemap files of the output, by name.
    static func sitemapFiles(_ site: TemporarySite, _ folder: String = "Output") -> [String] {
        site.snapshot(folder).keys.filter { $0.hasPrefix("sitemap") }.sorted()
    }

    /// The `<loc>`s of a sitemap file, without `base`.
    static func locations(_ xml: String, base: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }.dropFirst(base.count - 1)) }
    }

    @Test func aSmallSiteKeepsOneSitemapByteForByte() throws {
        var site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/site.yml": "base_url: https://example.org/kdd/\n",
        ])
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/kdd/</loc></url>
              <url><loc>https://example.org/kdd/topics/graph-mining/</loc></url>
              <url><loc>https://example.org/kdd/papers/</loc></url>
              <url><loc>https://example.org/kdd/papers/scalable-motif-counting-on-streaming-graphs/</loc></url>
              <url><loc>https://example.org/kdd/papers/hierarchical-forecasts-that-stay-coherent/</loc></url>
              <url><loc>https://example.org/kdd/authors/</loc></url>
              <url><loc>https://example.org/kdd/authors/lena-albrecht/</loc></url>
              <url><loc>https://example.org/kdd/authors/tomas-ruiz/</loc></url>
              <url><loc>https://example.org/kdd/authors/priya-raman/</loc></url>
              <url><loc>https://example.org/kdd/search/</loc></url>
            </urlset>

            """
        try site.build()
        #expect(try site.read("Output/sitemap.xml") == expected)
        #expect(Self.sitemapFiles(site) == ["sitemap.xml"])
        #expect(try site.read("Output/robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/kdd/sitemap.xml\n")
        // As many URLs as one file may hold: still one file.
        site.sitemapURLLimit = 10
        try site.build()
        #expect(try site.read("Output/sitemap.xml") == expected)
        #expect(Self.sitemapFiles(site) == ["sitemap.xml"])
    }

    @Test func moreURLsThanTheLimitMakeAnIndexAndParts() throws {
        let site = try Self.threeGuides(limit: 10)
        try site.build()
        #expect(Self.sitemapFiles(site) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        #expect(try site.read("Output/sitemap.xml") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.org/guides/sitemap-1.xml</loc></sitemap>
              <sitemap><loc>https://example.org/guides/sitemap-2.xml</loc></sitemap>
              <sitemap><loc>https://example.org/guides/sitemap-3.xml</loc></sitemap>
            </sitemapindex>

            """)
        #expect(try site.read("Output/robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/guides/sitemap.xml\n")
        let base = "https://example.org/guides/"
        let parts = try (1...3).map { Self.locations(try site.read("Output/sitemap-\($0).xml"), base: base) }
        #expect(parts.map(\.count) == [10, 10, 6])
        #expect(parts[0] == [
            "/", "/acl-2024/", "/icml-2023/", "/slt/",
            "/acl-2024/topics/retrieval/", "/acl-2024/topics/evaluation/",
            "/icml-2023/topics/bandit-problems/", "/icml-2023/topics/forecasting/",
            "/slt/topics/streaming-speech-recognition/", "/acl-2024/papers/",
        ])
        #expect(parts[2] == [
            "/authors/omar-haddad/", "/authors/lena-albrecht/", "/authors/tomas-ruiz/", "/authors/priya-raman/",
            "/careers/", "/search/",
        ])
        #expect(parts.flatMap { $0 } == Self.threeGuideURLs, "every page once, in order")
        #expect(try site.read("Output/sitemap-3.xml") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/guides/authors/omar-haddad/</loc></url>
              <url><loc>https://example.org/guides/authors/lena-albrecht/</loc></url>
              <url><loc>https://example.org/guides/authors/tomas-ruiz/</loc></url>
              <url><loc>https://example.org/guides/authors/priya-raman/</loc></url>
              <url><loc>https://example.org/guides/careers/</loc></url>
              <url><loc>https://example.org/guides/search/</loc></url>
            </urlset>

            """)
    }

    /// One URL more than the limit: a second part with that one URL.
    @Test func oneURLOverTheLimitMakesASecondPart() throws {
        let site = try Self.threeGuides(limit: 25)
        try site.build()
        #expect(Self.sitemapFiles(site) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"])
        #expect(Self.locations(try site.read("Output/sitemap-2.xml"), base: "https://example.org/guides/") == ["/search/"])
        let exact = try Self.threeGuides(limit: 26)
        try exact.build()
        #expect(Self.sitemapFiles(exact) == ["sitemap.xml"])
        #expect(Self.locations(try exact.read("Output/sitemap.xml"), base: "https://example.org/guides/") == Self.threeGuideURLs)
    }

    /// Read with an XML parser: the index is a `<sitemapindex>` of `<sitemap>`s
    /// with one absolute `<loc>` each, naming the parts; each part a `<urlset>`
    /// of `<url>`s with one absolute `<loc>` each, in the protocol's namespace.
    @Test func theIndexAndItsPartsHaveTheProtocolsShape() throws {
        let site = try Self.threeGuides(limit: 10, base: "https://example.org/")
        try site.build()
        let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
        let index = try SitemapDocument(Data(contentsOf: site.root.appendingPathComponent("Output/sitemap.xml")))
        #expect(index.root == "sitemapindex" && index.namespaces == [namespace])
        #expect(index.entries.map(\.name) == ["sitemap", "sitemap", "sitemap"])
        #expect(index.entries.map { $0.fields.map { $0.name } } == [["loc"], ["loc"], ["loc"]])
        #expect(index.entries.map { $0.fields[0].text } == [
            "https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml",
        ])
        var urls: [String] = []
        for number in 1...3 {
            let part = try SitemapDocument(Data(contentsOf: site.root.appendingPathComponent("Output/sitemap-\(number).xml")))
            #expect(part.root == "urlset" && part.namespaces == [namespace])
            #expect(part.entries.allSatisfy { $0.name == "url" && $0.fields.map { $0.name } == ["loc"] })
            urls += part.entries.map { $0.fields[0].text }
        }
        #expect(urls == Self.threeGuideURLs.map { "https://example.org" + $0 })
    }

    /// The production limit, at its edges.
    @Test func theProtocolsLimitIs50000URLsAFile() {
        #expect(Sitemap.urlLimit == 50_000)
        #expect(BuildOptions(root: URL(fileURLWithPath: "/tmp/site")).sitemapURLLimit == 50_000)
        #expect(Sitemap.partCount(urls: 0, limit: Sitemap.urlLimit) == 1)
        #expect(Sitemap.partCount(urls: 50_000, limit: Sitemap.urlLimit) == 1)
        #expect(Sitemap.partCount(urls: 50_001, limit: Sitemap.urlLimit) == 2)
        #expect(Sitemap.partCount(urls: 100_000, limit: Sitemap.urlLimit) == 2)
        #expect(Sitemap.partCount(urls: 100_001, limit: Sitemap.urlLimit) == 3)
    }

    /// A guide removed takes the site from three parts to two (sitemap-3.xml
    /// goes), and back: each rebuild writes what a full build does.
    @Test func rebuildsSplitAsFullBuildsDo() throws {
        let site = try Self.threeGuides(limit: 12)
        let session = BuildSession(options: site.options)
        try session.build()
        #expect(Self.sitemapFiles(site) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        let (guide, settings) = (try site.read("Content/slt.txt"), try site.read("Content/slt.yml"))
        try site.remove("Content/slt.txt")
        try site.remove("Content/slt.yml")
        _ = try session.rebuild(changedPaths: ["Content/slt.txt", "Content/slt.yml"].map { site.root.appendingPathComponent($0).path })
        try site.build(output: "Full")
        #expect(Self.sitemapFiles(site) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"])
        #expect(Self.locations(try site.read("Output/sitemap-2.xml"), base: "https://example.org/guides/").count == 10)
        for file in Self.sitemapFiles(site) { #expect(try site.read("Output/" + file) == (try site.read("Full/" + file)), "\(file)") }
        #expect(Self.sitemapFiles(site, "Full") == Self.sitemapFiles(site))

        try site.write(guide, to: "Content/slt.txt")
        try site.write(settings, to: "Content/slt.yml")
        _ = try session.rebuild(changedPaths: ["Content/slt.txt", "Content/slt.yml"].map { site.root.appendingPathComponent($0).path })
        try site.build(output: "Full")
        #expect(Self.sitemapFiles(site) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        #expect(site.snapshot("Output") == site.snapshot("Full"))
    }
}

/// A sitemap or sitemap index read with an XML parser: its root element, the
/// namespaces of every element, and each entry under the root (`url`,
/// `sitemap`) with its child elements and their text.
final class SitemapDocument: NSObject, XMLParserDelegate {
    struct Entry {
        var name: String
        var fields: [(name: String, text: String)] = []
    }

    private(set) var root: String?
    private(set) var namespaces: Set<String> = []
    private(set) var entries: [Entry] = []
    private var depth = 0
    private var text = ""

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = true
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        namespaces.insert(namespaceURI ?? "")
        switch depth {
        case 1: root = name
        case 2: entries.append(Entry(name: name))
        default: text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if depth == 3 { entries[entries.count - 1].fields.append((name, text)) }
        depth -= 1
    }
}
