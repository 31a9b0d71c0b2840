import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GuideKit

/// What a base URL that is not absolute leaves out, and the one warning that says so.
@Suite struct NonAbsoluteBaseURLTests {
    /// The warnings about the base URL, files named from the site's folder.
    static func warnings(_ report: BuildReport, _ site: TemporarySite) -> [String] {
        report.warnings.map { $0.description.replacingOccurrences(of: site.root.standardizedFileURL.path + "/", with: "") }
            .filter { $0.contains("base_url") || $0.contains("--base-url") }
    }

    @Test func theDefaultBaseURLGivesOneWarningAndNoInvalidSitemapOrFeed() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        let report = try site.build().report
        #expect(Self.warnings(report, site) == [
            "Content/site.yml: warning: base_url \"/\" (the default) is not an absolute URL (https://…), which the sitemap, "
                + "the feeds, canonical links and social tags need: sitemap.xml is not written, robots.txt names no sitemap, "
                + "pages have no canonical link and no og:url or og:image, and the feeds identify entries by urn:uuid: names "
                + "instead of URLs and link to pages relative to the feed. Set base_url: https://example.org/ in this file "
                + "(the site's address) to have them.",
        ])
        #expect(!site.exists("Output/sitemap.xml"))
        #expect(try site.read("Output/robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(!(try site.read("Output/index.html")).contains("canonical"))

        let feed = try AtomFeed(Data(site.read("Output/feed.xml").utf8))
        #expect(feed.ids.count == 3, "the feed's and two papers'")
        #expect(Set(feed.ids).count == feed.ids.count)
        for id in feed.ids {
            #expect(id.range(of: #"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#, options: .regularExpression) != nil, "\(id)")
        }
        #expect(feed.links.contains("/papers/scalable-motif-counting-on-streaming-graphs/"), "\(feed.links)")
        #expect(feed.links.contains("/feed.xml"))

        // The same ids build after build.
        try site.build(output: "Again")
        #expect(try AtomFeed(Data(site.read("Again/feed.xml").utf8)).ids == feed.ids)
    }

    @Test func aPathNamesItselfAndTheAddressToSet() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide, "Content/site.yml": "base_url: /guides/kdd/\n"])
        let warnings = Self.warnings(try site.build().report, site)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("Content/site.yml: warning: base_url \"/guides/kdd/\" is not an absolute URL") == true)
        #expect(warnings.first?.hasSuffix("Set base_url: https://example.org/guides/kdd/ in this file (the site's address) to have them.") == true)
        #expect(try site.read("Output/feed.xml").contains(#"<link href="/guides/kdd/papers/scalable-motif-counting-on-streaming-graphs/"/>"#))
    }

    @Test func theCommandLineIsNamedWhenItGaveTheBaseURL() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide, "Content/site.yml": "base_url: https://example.org/kdd/\n"])
        var options = site.options
        options.baseURL = "relative"
        let report = try SiteBuilder().build(options).report
        #expect(Self.warnings(report, site).count == 1)
        #expect(Self.warnings(report, site).first?.hasPrefix("Content/site.yml: warning: --base-url \"relative\" is not an absolute URL") == true)
        #expect(Self.warnings(report, site).first?.hasSuffix("Pass --base-url https://example.org/ (the site's address) to have them.") == true)
    }

    @Test func anAbsoluteBaseURLNeedsNoWarningAndWritesEverything() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide, "Content/site.yml": "base_url: https://example.org/kdd\n"])
        let report = try site.build().report
        #expect(Self.warnings(report, site).isEmpty)
        #expect(try site.read("Output/sitemap.xml").contains("<loc>https://example.org/kdd/papers/"))
        #expect(try site.read("Output/robots.txt").contains("Sitemap: https://example.org/kdd/sitemap.xml"))
        #expect(try site.read("Output/index.html").contains(#"<link rel="canonical" href="https://example.org/kdd/">"#))
        let feed = try AtomFeed(Data(site.read("Output/feed.xml").utf8))
        #expect(feed.ids.allSatisfy { $0.hasPrefix("https://example.org/kdd/") }, "\(feed.ids)")
    }

    @Test func aPreviewIsNotWarnedAbout() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        var options = site.options
        options.warnsAboutBaseURL = false
        #expect(Self.warnings(try SiteBuilder().build(options).report, site).isEmpty)
    }

    @Test func aBadBaseURLOnTheCommandLineIsAnError() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        var options = site.options
        options.baseURL = "./guides/"
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder().build(options) }
        #expect(failure?.errors.map(\.description) == [
            "--base-url: error: --base-url \"./guides/\" is a relative path; write relative (or ./) for links relative to each page, or a path from the site's root like /guides/icml/",
        ])
    }

    /// RFC 9562's name-based UUIDs, checked against Python's uuid.uuid5.
    @Test func nameUUIDsAreVersion5() {
        let dns: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
        #expect(NameUUID.urn("python.org", namespace: dns) == "urn:uuid:886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.digest([]).map { String(format: "%02x", $0) }.joined() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1000)
        #expect(SHA1.digest(long).map { String(format: "%02x", $0) }.joined() == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }
}

/// The `<id>`s and `<link href>`s of an Atom feed, read with an XML parser.
final class AtomFeed: NSObject, XMLParserDelegate {
    private(set) var ids: [String] = []
    private(set) var links: [String] = []
    private var text: String?

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = true
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard namespaceURI == "http://www.w3.org/2005/Atom" else { return }
        if name == "id" { text = "" }
        if name == "link", let href = attributes["href"] { links.append(href) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "id", let value = text { ids.append(value) }
        text = nil
    }
}
