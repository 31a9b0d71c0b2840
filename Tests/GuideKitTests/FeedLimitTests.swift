import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GuideKit

/// `feed_limit`: a guide's feed holds its first papers in the guide's order,
/// the site's feed its newest guides; 50 unless `site.yml` says otherwise, 0
/// for every one.
@Suite struct FeedLimitTests {
    /// Five papers, in an order that is not A–Z.
    static let guide = """
        A quick guide to Northwind's papers at KDD 2024

        Across many topics, Northwind research blends theory and practice.

        The intro paragraph.

        Graph mining

        Graph mining finds structure in networks.

        Scalable motif counting on streaming graphs
        Lena Albrecht, Tomas Ruiz

        Anomalies in evolving networks
        Priya Raman

        Forecasting

        Forecasts that add up.

        Hierarchical forecasts that stay coherent
        Priya Raman, Lena Albrecht

        Bandits with delayed feedback
        Omar Haddad

        Zero-shot demand forecasting
        Aiko Tanaka
        """

    /// The titles of a feed's entries, in order.
    static func titles(_ feed: String) -> [String] {
        feed.components(separatedBy: "<entry>\n    <title>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    static func site(_ settings: String?) throws -> TemporarySite {
        var files = ["Content/kdd-2024.txt": guide]
        if let settings { files["Content/site.yml"] = settings }
        return try TemporarySite(files)
    }

    @Test func theDefaultKeepsTheFirstFiftyPapers() throws {
        var text = "A quick guide to Northwind's papers at KDD 2024\n\nThe intro paragraph.\n\nGraph mining\n\nGraph mining finds structure.\n"
        for number in 1...60 { text += "\nMotif counting, part \(number)\nLena Albrecht\n" }
        let site = try TemporarySite(["Content/kdd-2024.txt": text])
        try site.build()
        let feed = try site.read("Output/feed.xml")
        #expect(Self.titles(feed) == (1...50).map { "Motif counting, part \($0)" })
        #expect(feed.hasSuffix("</entry>\n</feed>\n"))
        #expect(site.exists("Output/papers/motif-counting-part-60/index.html"), "the limit is the feed's, not the site's")
    }

    @Test func aSmallGuideKeepsEveryPaperByDefault() throws {
        let site = try Self.site(nil)
        try site.build()
        #expect(Self.titles(try site.read("Output/feed.xml")) == [
            "Scalable motif counting on streaming graphs", "Anomalies in evolving networks",
            "Hierarchical forecasts that stay coherent", "Bandits with delayed feedback", "Zero-shot demand forecasting",
        ])
    }

    @Test func aSetLimitKeepsTheFirstPapersInTheGuidesOrder() throws {
        let site = try Self.site("feed_limit: 3\n")
        try site.build()
        let feed = try site.read("Output/feed.xml")
        #expect(Self.titles(feed) == [
            "Scalable motif counting on streaming graphs", "Anomalies in evolving networks", "Hierarchical forecasts that stay coherent",
        ])
        #expect(feed.components(separatedBy: "<entry>").count == 4)
        #expect(!feed.contains("Omar Haddad") && !feed.contains("Aiko Tanaka"))
        // Still a valid Atom document: one id for the feed and one per entry, parsed.
        let parsed = try AtomFeed(Data(feed.utf8))
        #expect(parsed.ids.count == 4)
    }

    @Test func zeroPutsEveryPaperIn() throws {
        let site = try Self.site("feed_limit: 0\n")
        try site.build()
        #expect(Self.titles(try site.read("Output/feed.xml")).count == 5)
    }

    /// The entries of papers past the limit are neither made nor read: a change
    /// to one of them reaches no feed.
    @Test func onlyTheShownEntriesAreMadeAndRead() throws {
        let site = try Self.site("feed_limit: 2\n")
        let state = try SiteBuilder().build(site.options, keepingState: true).state
        #expect(state.derived.feedEntries.domain.count == 2)
        let feed = try #require(state.outputs.records.compactMap { $0 }.first { $0.output.path == "feed.xml" })
        #expect(feed.reads.filter { $0.aspect == .feedEntry }.count == 2)
        #expect(!feed.reads.contains { [.paper, .paperTitle, .author].contains($0.aspect) }, "papers are read through their entries")
    }

    /// After each edit the rebuilt feed is the full build's, and holds the papers written here.
    @Test func rebuildsFollowTheLimit() throws {
        let site = try Self.site("feed_limit: 3\n")
        let session = BuildSession(options: site.options)
        try session.build()
        let guidePath = site.root.appendingPathComponent("Content/kdd-2024.txt").path
        let settingsPath = site.root.appendingPathComponent("Content/site.yml").path
        var text = Self.guide
        func step(_ edit: String, changed path: String, expected: [String]) throws {
            _ = try session.rebuild(changedPaths: [path])
            try site.build(output: "Full")
            #expect(Self.titles(try site.read("Output/feed.xml")) == expected, "\(edit)")
            #expect(try site.read("Output/feed.xml") == (try site.read("Full/feed.xml")), "\(edit)")
        }
        text = text.replacingOccurrences(of: "Zero-shot demand forecasting", with: "Zero-shot demand forecasting at scale")
        try site.write(text, to: "Content/kdd-2024.txt")
        try step("a paper past the limit retitled", changed: guidePath, expected: [
            "Scalable motif counting on streaming graphs", "Anomalies in evolving networks", "Hierarchical forecasts that stay coherent",
        ])
        text = text.replacingOccurrences(of: "Scalable motif counting on streaming graphs\nLena Albrecht, Tomas Ruiz\n\n", with: "")
        try site.write(text, to: "Content/kdd-2024.txt")
        try step("the first paper removed", changed: guidePath, expected: [
            "Anomalies in evolving networks", "Hierarchical forecasts that stay coherent", "Bandits with delayed feedback",
        ])
        text = text.replacingOccurrences(of: "Anomalies in evolving networks", with: "Anomalies in evolving networks, revisited")
        try site.write(text, to: "Content/kdd-2024.txt")
        try step("a shown paper retitled", changed: guidePath, expected: [
            "Anomalies in evolving networks, revisited", "Hierarchical forecasts that stay coherent", "Bandits with delayed feedback",
        ])
        try site.write("feed_limit: 1\n", to: "Content/site.yml")
        try step("a lower limit", changed: settingsPath, expected: ["Anomalies in evolving networks, revisited"])
        try site.write("feed_limit: 0\n", to: "Content/site.yml")
        try step("no limit", changed: settingsPath, expected: [
            "Anomalies in evolving networks, revisited", "Hierarchical forecasts that stay coherent", "Bandits with delayed feedback",
            "Zero-shot demand forecasting at scale",
        ])
    }

    /// The site's feed of three guides (`Tests/Fixtures/sites/three-guides`) with a limit of 2:
    /// the two newest guides, ACL 2024 and ICML 2023, and each guide's first two papers.
    @Test func theSiteFeedKeepsTheNewestGuides() throws {
        let site = try TemporarySite(fixture: "three-guides")
        try site.write(try site.read("Content/site.yml") + "feed_limit: 2\n", to: "Content/site.yml")
        try site.build()
        let feed = try site.read("Output/feed.xml")
        #expect(Self.titles(feed) == ["A quick guide to Northwind’s papers at ACL 2024", "A quick guide to Northwind’s papers at ICML 2023"])
        #expect(!feed.contains("/slt/"))
        // The feed's <updated> is the newest of its entries'.
        let updated = feed.components(separatedBy: "<updated>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(updated.count == 3 && updated[0] == updated.dropFirst().max())
        #expect(Self.titles(try site.read("Output/icml-2023/feed.xml")) == ["Thompson sampling with delayed feedback",
                                                                         "Regret bounds for contextual bandits"])
        #expect(Self.titles(try site.read("Output/slt/feed.xml")) == ["Streaming transducers with lookahead"])
    }
}
