import Foundation
import Testing
@testable import GuideKit

/// A site of three guides (`Tests/Fixtures/sites/three-guides`): ICML 2023, ACL
/// 2024 (dated, with a settings file) and SLT (whose title names no year: the
/// settings file gives it), sharing authors, one of them written
/// "Danielle C. Maddix" in one guide and mapped to her name by `authors.yml`.
/// Every expected value here is written out by hand.
@Suite struct MultiGuideSiteTests {
    static func built() throws -> TemporarySite {
        let site = try TemporarySite(fixture: "three-guides")
        try site.build()
        return site
    }

    @Test func pageMap() throws {
        let site = try Self.built()
        let all = site.snapshot().keys.filter { !$0.hasPrefix("assets/") && $0 != ".guide-output" }.sorted()
        // The search index's chunks of results are named by what they hold:
        // they are the files `meta.js` lists, and hold every document.
        let chunks = all.filter { $0.hasPrefix("search/d/") }
        let meta = try #require(try SearchIndexTests.data(of: site.read("Output/search/meta.js"), name: "meta") as? [String: Any])
        let listed = try #require(meta["chunks"] as? [[Any]])
        #expect(chunks == listed.map { "search/d/\($0.last as? String ?? "").js" }.sorted())
        #expect(listed.reduce(0) { $0 + ($1.first as? Int ?? 0) } == meta["documents"] as? Int)
        let files = all.filter { !$0.hasPrefix("search/d/") }
        #expect(files == [
            "404.html",
            "acl-2024/feed.xml",
            "acl-2024/index.html",
            "acl-2024/papers.bib",
            "acl-2024/papers.json",
            "acl-2024/papers.ris",
            "acl-2024/papers/calibrated-evaluation-of-summaries/cite.bib",
            "acl-2024/papers/calibrated-evaluation-of-summaries/cite.json",
            "acl-2024/papers/calibrated-evaluation-of-summaries/cite.ris",
            "acl-2024/papers/calibrated-evaluation-of-summaries/index.html",
            "acl-2024/papers/index.html",
            "acl-2024/papers/retrieval-augmented-forecasting-of-demand/cite.bib",
            "acl-2024/papers/retrieval-augmented-forecasting-of-demand/cite.json",
            "acl-2024/papers/retrieval-augmented-forecasting-of-demand/cite.ris",
            "acl-2024/papers/retrieval-augmented-forecasting-of-demand/index.html",
            "acl-2024/topics/evaluation/index.html",
            "acl-2024/topics/retrieval/index.html",
            "authors/danielle-maddix-robinson/index.html",
            "authors/index.html",
            "authors/lena-albrecht/index.html",
            "authors/omar-haddad/index.html",
            "authors/priya-raman/index.html",
            "authors/tomas-ruiz/index.html",
            "careers/index.html",
            "feed.xml",
            "icml-2023/feed.xml",
            "icml-2023/index.html",
            "icml-2023/papers.bib",
            "icml-2023/papers.json",
            "icml-2023/papers.ris",
            "icml-2023/papers/coherent-hierarchical-forecasts/cite.bib",
            "icml-2023/papers/coherent-hierarchical-forecasts/cite.json",
            "icml-2023/papers/coherent-hierarchical-forecasts/cite.ris",
            "icml-2023/papers/coherent-hierarchical-forecasts/index.html",
            "icml-2023/papers/index.html",
            "icml-2023/papers/regret-bounds-for-contextual-bandits/cite.bib",
            "icml-2023/papers/regret-bounds-for-contextual-bandits/cite.json",
            "icml-2023/papers/regret-bounds-for-contextual-bandits/cite.ris",
            "icml-2023/papers/regret-bounds-for-contextual-bandits/index.html",
            "icml-2023/papers/thompson-sampling-with-delayed-feedback/cite.bib",
            "icml-2023/papers/thompson-sampling-with-delayed-feedback/cite.json",
            "icml-2023/papers/thompson-sampling-with-delayed-feedback/cite.ris",
            "icml-2023/papers/thompson-sampling-with-delayed-feedback/index.html",
            "icml-2023/topics/bandit-problems/index.html",
            "icml-2023/topics/forecasting/index.html",
            "index.html",
            "my-list/index.html",
            "robots.txt",
            "search/index.html",
            "search/meta.js",
            "search/t/0.js",
            "slt/feed.xml",
            "slt/index.html",
            "slt/papers.bib",
            "slt/papers.json",
            "slt/papers.ris",
            "slt/papers/index.html",
            "slt/papers/streaming-transducers-with-lookahead/cite.bib",
            "slt/papers/streaming-transducers-with-lookahead/cite.json",
            "slt/papers/streaming-transducers-with-lookahead/cite.ris",
            "slt/papers/streaming-transducers-with-lookahead/index.html",
            "slt/topics/streaming-speech-recognition/index.html",
        ])
    }

    /// With an absolute base URL (with the default "/", there is no sitemap: `pageMap`).
    @Test func sitemapListsEveryPage() throws {
        let site = try TemporarySite(fixture: "three-guides")
        try site.write(try site.read("Content/site.yml") + "base_url: https://example.org\n", to: "Content/site.yml")
        try site.build()
        let locations = try site.read("Output/sitemap.xml").components(separatedBy: "\n")
            .filter { $0.contains("<loc>") }
            .map { $0.replacingOccurrences(of: "  <url><loc>https://example.org", with: "").replacingOccurrences(of: "</loc></url>", with: "") }
        #expect(locations == SitemapIndexTests.threeGuideURLs, "the 26 URLs, written out once there")
    }

    /// Newest first: ACL 2024 (dated 2024-08-11), ICML 2023 (its title's year), SLT (2022, from its settings).
    @Test func theFrontPageListsTheGuidesNewestFirstWithTheirCounts() throws {
        let html = try Self.built().read("Output/index.html")
        let titles = html.components(separatedBy: "<h3 class=\"guide-card-title\"><a href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(titles == ["/acl-2024/", "/icml-2023/", "/slt/"])
        #expect(html.contains("<h1 class=\"page-title\">Northwind at conferences</h1>"))
        #expect(html.contains("ACL 2024 · <time datetime=\"2024-08-11\">2024-08-11</time> · Bangkok, Thailand"))
        #expect(html.contains("SLT 2022 · <time datetime=\"2022-01-09\">2022-01-09</time> · Doha, Qatar"))
        #expect(html.contains("2 papers · 2 topics · 3 authors"))
        #expect(html.contains("3 papers · 2 topics · 4 authors"))
        #expect(html.contains("1 paper · 1 topic · 2 authors"))
        for (value, label) in [("3", "Guides"), ("6", "Papers"), ("5", "Authors"), ("2", "Open roles")] {
            #expect(html.contains("<span class=\"stat-value\">\(value)</span> <span class=\"stat-label\">\(label)</span>"))
        }
    }

    /// One person across two guides: her papers by guide, newest first, and her co-authors with the papers shared.
    @Test func anAuthorInTwoGuides() throws {
        let html = try Self.built().read("Output/authors/danielle-maddix-robinson/index.html")
        #expect(html.contains("<h1 class=\"page-title\">Danielle Maddix Robinson</h1>"))
        #expect(html.contains("<p class=\"lede\">3 papers in 2 guides.</p>"))
        let groups = html.components(separatedBy: "<h2 id=\"papers-heading-").dropFirst()
        #expect(groups.count == 2)
        func papers(_ group: String) -> [String] {
            group.components(separatedBy: "<h3 class=\"paper-card-title\"><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        #expect(groups.first!.contains(">ACL 2024</a> <span class=\"count\">1</span>"))
        #expect(papers(groups.first!) == ["/acl-2024/papers/retrieval-augmented-forecasting-of-demand/"])
        #expect(groups.last!.contains(">ICML 2023</a> <span class=\"count\">2</span>"))
        #expect(papers(groups.last!).prefix(2) == ["/icml-2023/papers/thompson-sampling-with-delayed-feedback/",
                                                   "/icml-2023/papers/coherent-hierarchical-forecasts/"])
        let chips = html.components(separatedBy: "<a class=\"chip\" href=\"").dropFirst()
            .map { String($0.prefix { $0 != "<" }) }
        #expect(chips == ["/authors/omar-haddad/\">Omar Haddad ", "/authors/lena-albrecht/\">Lena Albrecht ", "/authors/priya-raman/\">Priya Raman "])
        #expect(html.contains("Co-authors <span class=\"count\">3</span>"))
        #expect(!html.contains("Danielle C. Maddix"), "the variant is her name everywhere")
    }

    @Test func theAuthorIndexSpansEveryGuide() throws {
        let html = try Self.built().read("Output/authors/index.html")
        let names = html.components(separatedBy: "<li><a href=\"/authors/").dropFirst()
            .filter { !$0.hasPrefix("\"") }.map { String($0.prefix { $0 != "/" }) }
        #expect(names == ["lena-albrecht", "omar-haddad", "priya-raman", "danielle-maddix-robinson", "tomas-ruiz"])
        #expect(html.contains("Everyone who wrote a paper in these guides: 5 authors"))
    }

    @Test func careersMergesIdenticalPostingsAcrossGuides() throws {
        let html = try Self.built().read("Output/careers/index.html")
        #expect(html.components(separatedBy: "class=\"posting-title\"").count == 3)
        #expect(html.contains("<span class=\"location\">DE, BE, Berlin</span><span class=\"sep\" aria-hidden=\"true\"> · </span><span class=\"location\">US, WA, Seattle</span></p>"))
        #expect(html.contains("<span class=\"location\">GB, London</span></p>"))
    }

    @Test func searchNamesEachResultsGuide() throws {
        let site = try Self.built()
        let records = try SearchIndexTests.records(site)
        let papers = records.filter { $0[0] == "paper" }.map { [$0[1], $0[4]] }
        #expect(papers == [
            ["Retrieval-augmented forecasting of demand", "ACL 2024"],
            ["Calibrated evaluation of summaries", "ACL 2024"],
            ["Thompson sampling with delayed feedback", "ICML 2023"],
            ["Regret bounds for contextual bandits", "ICML 2023"],
            ["Coherent hierarchical forecasts", "ICML 2023"],
            ["Streaming transducers with lookahead", "SLT 2022"],
        ])
        #expect(records.filter { $0[0] == "topic" }.allSatisfy { !$0[4].isEmpty })
        #expect(records.filter { $0[0] == "guide" }.map { $0[4] } == ["ACL 2024", "ICML 2023", "SLT 2022"])
        #expect(records.filter { $0[0] == "author" }.allSatisfy { $0[4].isEmpty })
    }

    @Test func feedsOneEntryPerGuideAtTheTopAndPerPaperInEachGuide() throws {
        let site = try Self.built()
        func entries(_ path: String) throws -> [String] {
            try site.read("Output/" + path).components(separatedBy: "<entry>\n    <title>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(try entries("feed.xml") == ["A quick guide to Northwind’s papers at ACL 2024",
                                            "A quick guide to Northwind’s papers at ICML 2023", "Amazon’s papers at SLT"])
        #expect(try entries("icml-2023/feed.xml") == ["Thompson sampling with delayed feedback",
                                                      "Regret bounds for contextual bandits", "Coherent hierarchical forecasts"])
        #expect(try entries("slt/feed.xml") == ["Streaming transducers with lookahead"])
        #expect(try site.read("Output/slt/index.html").contains("href=\"/slt/feed.xml\""))
    }

    @Test func aGuidesPagesLiveUnderItsSlugWithItsOwnNavigation() throws {
        let site = try Self.built()
        let topic = try site.read("Output/icml-2023/topics/forecasting/index.html")
        #expect(topic.contains("<a class=\"guide-nav-name\" href=\"/icml-2023/\">ICML 2023</a>"))
        #expect(topic.contains("<li><a href=\"/icml-2023/\" aria-current=\"true\">Topics</a></li>"))
        #expect(topic.contains("<li><a href=\"/\" aria-current=\"true\">Guides</a></li>"))
        #expect(topic.contains("<p class=\"eyebrow\"><a href=\"/icml-2023/#topics\">Topics</a></p>"))
        let paper = try site.read("Output/slt/papers/streaming-transducers-with-lookahead/index.html")
        #expect(paper.contains("booktitle = {SLT 2022}"), "the year comes from slt.yml")
        #expect(paper.contains("<a href=\"/authors/priya-raman/\">Priya Raman</a>"))
    }

    /// "More by these authors": every paper sharing an author, those of the paper's own guide first.
    @Test func relatedPapersAcrossGuidesOwnGuideFirst() throws {
        let html = try Self.built().read("Output/icml-2023/papers/thompson-sampling-with-delayed-feedback/index.html")
        let related = html.components(separatedBy: "<ul class=\"related-list\">")[1].components(separatedBy: "</ul>")[0]
            .components(separatedBy: "<li><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(related.prefix(2)) == ["/icml-2023/papers/regret-bounds-for-contextual-bandits/",
                                           "/icml-2023/papers/coherent-hierarchical-forecasts/"])
        #expect(Set(related.dropFirst(2)) == ["/acl-2024/papers/retrieval-augmented-forecasting-of-demand/",
                                              "/acl-2024/papers/calibrated-evaluation-of-summaries/"])
    }

    @Test func anAliasThatMatchesNoBylineIsAWarningWithItsLine() throws {
        let site = try TemporarySite(fixture: "three-guides")
        let warnings = try site.build().report.warnings.map(\.description)
        #expect(warnings.contains { $0.hasSuffix("Content/authors.yml:3: warning: \"D. Maddix\" matches no byline in any guide") })
    }

    /// One guide keeps today's URLs: no list of guides, the guide at the root.
    @Test func oneGuideStaysAtTheRoot() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        try site.build()
        #expect(site.exists("Output/papers/index.html"))
        #expect(!site.exists("Output/guide"))
        #expect(!(try site.read("Output/index.html")).contains("guide-card"))
    }

    /// Two people with one name, told apart per guide by `authors.yml`.
    @Test func twoPeopleWithOneNameKeptApartPerGuide() throws {
        let site = try TemporarySite([
            "Content/a.txt": "A quick guide to X's papers at KDD 2024\n\nOne line.\n\nIntro.\n\nTopic\n\nDescribed.\n\nA first paper title here\nWei Wang, Lena Albrecht\n",
            "Content/b.txt": "A quick guide to X's papers at KDD 2023\n\nOne line.\n\nIntro.\n\nTopic\n\nDescribed.\n\nA second paper title here\nWei Wang, Omar Haddad\n",
            "Content/authors.yml": "Wei Wang:\n  a: Wei Wang (UCLA)\n  b: Wei Wang (Amazon)\n",
            "Content/site.yml": "title: X\nbase_url: https://example.org/\n",
        ])
        let report = try site.build().report
        #expect(report.warnings.isEmpty)
        #expect(site.exists("Output/authors/wei-wang-ucla/index.html"))
        #expect(site.exists("Output/authors/wei-wang-amazon/index.html"))
        #expect(try site.read("Output/authors/wei-wang-ucla/index.html").contains("A first paper title here"))
        #expect(!(try site.read("Output/authors/wei-wang-ucla/index.html")).contains("A second paper title here"))
    }

    /// A guide removed while the site is previewed: the parts of its citation
    /// files, kept so that a rebuild does not make them again, go with it.
    @Test func aRemovedGuideLeavesNoPartsOfItsCitationFilesBehind() throws {
        let site = try TemporarySite(fixture: "three-guides")
        var state: BuildState? = try SiteBuilder().build(site.options, keepingState: true).state
        let parts = state!.fileParts
        let slt: GuideID = try #require(state!.identities.guides.existingID("slt"))
        let sltFiles: Set = ["bib \(slt.raw)", "ris \(slt.raw)", "json \(slt.raw)"]
        func rebuild(_ name: String) throws {
            var report = RebuildReport()
            let path = site.root.appendingPathComponent("Content/\(name)").path
            _ = try Rebuild(options: site.options, changes: ChangeSet([path], options: site.options)).run(&state, report: &report)
        }

        try site.write(try site.read("Content/slt.txt").replacingOccurrences(of: "Streaming transducers with lookahead",
                                                                            with: "Streaming transducers with more lookahead"), to: "Content/slt.txt")
        try rebuild("slt.txt")
        #expect(parts.heldFiles.isSuperset(of: sltFiles))

        try site.remove("Content/slt.txt")
        try site.remove("Content/slt.yml")
        try rebuild("slt.txt")
        #expect(parts.heldFiles.isDisjoint(with: sltFiles))
        #expect(!site.exists("Output/slt"))
    }

    /// A guide file added and removed while a session runs: its pages come and go,
    /// and the output is each time what a full build gives.
    @Test func aGuideFileAddedAndRemovedWithoutARestart() throws {
        let site = try TemporarySite(fixture: "three-guides")
        let session = BuildSession(options: site.options)
        try session.build()
        let file = site.root.appendingPathComponent("Content/kdd-2025.txt").path
        var random = RandomEditTests.SeededRandom(state: 1)
        try site.write(MultiGuideRandomEditTests.newGuide(15, random: &random), to: "Content/kdd-2025.txt")
        _ = try session.rebuild(changedPaths: [file])
        #expect(site.exists("Output/kdd-2025/papers/counting-motifs-in-guide-15/index.html"))
        try site.build(output: "Full")
        #expect(TemporarySite.firstDifference(site.snapshot("Output"), site.snapshot("Full")) == "none")

        try site.remove("Content/kdd-2025.txt")
        _ = try session.rebuild(changedPaths: [file])
        #expect(!site.exists("Output/kdd-2025"))
        try site.build(output: "Full")
        #expect(TemporarySite.firstDifference(site.snapshot("Output"), site.snapshot("Full")) == "none")

        // Down to one guide: it moves to the root.
        for name in ["acl-2024", "slt"] {
            try site.remove("Content/\(name).txt")
            try site.remove("Content/\(name).yml")
        }
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/slt.txt").path])
        #expect(site.exists("Output/papers/coherent-hierarchical-forecasts/index.html"))
        #expect(!site.exists("Output/icml-2023"))
        try site.build(output: "Full")
        #expect(TemporarySite.firstDifference(site.snapshot("Output"), site.snapshot("Full")) == "none")
    }
}
