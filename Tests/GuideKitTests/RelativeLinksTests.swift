import Foundation
import Testing
@testable import GuideKit

/// `base_url: relative`: every link relative to its page, ending in `index.html`,
/// so that the site opens from disk (Tests/Browser/test_from_disk.py opens it in Chromium).
@Suite struct RelativeLinksTests {
    static let papers = BuildCommandPapers.slugs

    /// The basic fixture (a topic with a figure image, three papers, careers) with
    /// relative links and two papers to a page, so that pages sit 0 to 3 folders down.
    static func relativeSite(_ settings: String = "base_url: relative\npapers_per_page: 2\n") throws -> TemporarySite {
        let site = try TemporarySite(fixture: "basic")
        try site.write(settings, to: "Content/site.yml")
        try site.build()
        return site
    }

    @Test func theWayUpDependsOnlyOnTheFolder() {
        #expect(SiteLinks.up(from: "index.html") == "./")
        #expect(SiteLinks.up(from: "404.html") == "./")
        #expect(SiteLinks.up(from: "papers/index.html") == "../")
        #expect(SiteLinks.up(from: "papers/x/index.html") == "../../")
        #expect(SiteLinks.up(from: "icml/papers/page/2/index.html") == "../../../../")
    }

    @Test func urlsOfPagesEndInIndexHTMLOnlyWhenRelative() {
        let relative = SiteLinks(base: "/", relative: true), path = SiteLinks(base: "/guides/", relative: false)
        #expect(SiteLinks.resolve(relative.url("papers/x/"), from: "topics/y/index.html") == "../../papers/x/index.html")
        #expect(SiteLinks.resolve(relative.url(""), from: "index.html") == "./index.html")
        #expect(SiteLinks.resolve(relative.url(""), from: "authors/index.html") == "../index.html")
        #expect(SiteLinks.resolve(relative.url("assets/style.css"), from: "papers/index.html") == "../assets/style.css")
        #expect(SiteLinks.resolve(relative.base, from: "papers/x/index.html") == "../../")
        #expect(path.url("papers/x/") == "/guides/papers/x/")
        #expect(path.url("") == "/guides/")
        #expect(SiteLinks.resolve(path.url("papers/x/"), from: "topics/y/index.html") == "/guides/papers/x/", "nothing to resolve")
    }

    @Test func theHomePageLinksFromTheRoot() throws {
        let home = try Self.relativeSite().read("Output/index.html")
        for expected in [
            #"<link rel="stylesheet" href="./assets/style.css">"#,
            #"<link rel="icon" href="./assets/favicon.svg" type="image/svg+xml">"#,
            #"<script src="./assets/search.js" defer></script>"#,
            #"type="application/atom+xml" title="A quick guide to Northwind’s papers at KDD 2024" href="./feed.xml">"#,
            #"<a class="brand" href="./index.html">"#,
            #"action="./search/index.html" method="get""#,
            #"<li><a href="./index.html" aria-current="page">Topics</a></li>"#,
            #"<li><a href="./papers/index.html">Papers</a></li>"#,
            #"<li><a href="./authors/index.html">Authors</a></li>"#,
            #"<li><a href="./careers/index.html">Careers</a></li>"#,
            #"<li><a href="./search/index.html">Search</a></li>"#,
            #"<a href="./topics/recommender-systems/index.html">Recommender systems</a>"#,
            #"<a href="./papers/\#(Self.papers[0])/index.html">"#,
            #"<a href="./papers/index.html"><span class="stat-value">3</span>"#,
            #"<p class="footer-title"><a href="./index.html">"#,
        ] {
            #expect(home.contains(expected), "\(expected)")
        }
    }

    @Test func aPageOneFolderDownLinksUpOnce() throws {
        let site = try Self.relativeSite()
        let papers = try site.read("Output/papers/index.html")
        #expect(papers.contains(#"<link rel="stylesheet" href="../assets/style.css">"#))
        #expect(papers.contains(#"<a class="brand" href="../index.html">"#))
        #expect(papers.contains(#"<li><a href="../papers/index.html" aria-current="page">Papers</a></li>"#))
        #expect(papers.contains(#"<li><a href="../papers/page/2/index.html" rel="next">Next</a></li>"#))
        #expect(papers.contains(#"<a href="../authors/ravi-menon/index.html">Ravi Menon</a>"#), "cards are shared by pages at every depth")
        let search = try site.read("Output/search/index.html")
        #expect(search.contains(#"action="../search/index.html" method="get" data-search-index="../search/meta.js">"#))
    }

    @Test func pagesTwoAndThreeFoldersDownLinkUpTwiceAndThrice() throws {
        let site = try Self.relativeSite()
        let topic = try site.read("Output/topics/recommender-systems/index.html")
        #expect(topic.contains(#"src="../../images/session-graph.png""#))
        #expect(topic.contains(#"<a href="../../index.html#topics">Topics</a>"#))
        #expect(topic.contains(#"<link rel="next" href="../../topics/search-ranking/index.html">"#))
        #expect(topic.contains(#"<a href="../../papers/\#(Self.papers[0])/index.html">"#))

        let paper = try site.read("Output/papers/\(Self.papers[2])/index.html")
        #expect(paper.contains(#"<a href="../../authors/cedric-jensen/index.html">Cédric Jensen</a>"#))
        #expect(paper.contains(#"<a href="../../topics/search-ranking/index.html">Search ranking</a>"#))
        #expect(paper.contains(#"<script src="../../assets/copy.js" defer></script>"#))
        #expect(paper.contains(#"<li><a href="../../papers/index.html" aria-current="true">Papers</a></li>"#))

        let author = try site.read("Output/authors/ravi-menon/index.html")
        #expect(author.contains(#"<p class="eyebrow"><a href="../../authors/index.html">Authors</a></p>"#))
        #expect(author.contains(#"<a class="chip" href="../../authors/aiko-tanaka/index.html">"#))

        let second = try site.read("Output/papers/page/2/index.html")
        #expect(second.contains(#"<link rel="stylesheet" href="../../../assets/style.css">"#))
        #expect(second.contains(#"<li><a href="../../../papers/index.html" rel="prev">Previous</a></li>"#))
    }

    /// Hosts serve 404.html at any depth; it links as the files at the root do (the best it can).
    @Test func theNotFoundPageLinksAsTheRootDoes() throws {
        let page = try Self.relativeSite().read("Output/404.html")
        #expect(page.contains(#"<link rel="stylesheet" href="./assets/style.css">"#))
        #expect(page.contains(#"<a class="button" href="./index.html">"#))
        #expect(page.contains(#"href="./papers/index.html">Browse all papers</a>"#))
        #expect(page.contains(#"href="./search/index.html">Search</a>"#))
    }

    @Test func noFileHoldsTheMarkerOrALinkFromTheRootOfTheDisk() throws {
        let site = try Self.relativeSite()
        let files = site.snapshot()
        #expect(files.count > 20)
        for (path, data) in files {
            #expect(!data.contains(SiteLinks.rootByte), "\(path) holds the root marker")
            guard path.hasSuffix(".html") else { continue }
            let html = String(decoding: data, as: UTF8.self)
            for absolute in [#"href="/"#, #"src="/"#, #"action="/"#, #"rel="canonical""#] {
                #expect(!html.contains(absolute), "\(path) has \(absolute)")
            }
        }
        #expect(!site.exists("Output/sitemap.xml"))
        #expect(try site.read("Output/robots.txt") == "User-agent: *\nAllow: /\n")
    }

    /// Results link as the search page's folder reaches them.
    @Test func theSearchIndexLinksFromTheSearchPagesFolder() throws {
        let site = try Self.relativeSite()
        let links = try SearchIndexTests.records(site).map { $0[2] }
        #expect(links.contains("../papers/\(Self.papers[0])/index.html"))
        #expect(links.contains("../authors/ravi-menon/index.html"))
        #expect(links.contains("../topics/search-ranking/index.html"))
        #expect(links.contains("../careers/index.html#posting-1"))
    }

    /// Each guide of a site of several lives one folder further down.
    @Test func guidesOfASiteOfSeveralLinkUpOneMore() throws {
        let site = try TemporarySite(fixture: "three-guides")
        try site.write("title: Northwind at conferences\nbase_url: ./\n", to: "Content/site.yml")
        try site.build()
        let guides = try site.read("Output/index.html")
        #expect(guides.contains(#"<a href="./icml-2023/index.html">"#))
        #expect(guides.contains(#"<li><a href="./index.html" aria-current="page">Guides</a></li>"#))
        let home = try site.read("Output/icml-2023/index.html")
        #expect(home.contains(#"<link rel="stylesheet" href="../assets/style.css">"#))
        #expect(home.contains(#"<a class="guide-nav-name" href="../icml-2023/index.html">"#))
        #expect(home.contains(#"<li><a href="../icml-2023/papers/index.html">Papers</a></li>"#))
        #expect(home.contains(#"href="../icml-2023/feed.xml">"#))
        let paper = try #require(site.snapshot().keys.first {
            $0.hasPrefix("icml-2023/papers/") && $0.hasSuffix("/index.html") && $0 != "icml-2023/papers/index.html"
        })
        let html = try site.read("Output/\(paper)")
        #expect(html.contains(#"<link rel="stylesheet" href="../../../assets/style.css">"#))
        #expect(html.contains(#"href="../../../authors/"#))
        let feed = try site.read("Output/icml-2023/feed.xml")
        #expect(feed.contains(#"<link href="../icml-2023/papers/"#), "links in a feed are relative to the feed")
        #expect(feed.contains(#"<link rel="self" href="../icml-2023/feed.xml"/>"#))
    }

    /// A session's rebuild of a site of relative links ends up as a full build does.
    @Test func aRebuildIsTheSameAsAFullBuild() throws {
        let site = try TemporarySite(fixture: "basic")
        try site.write("base_url: relative\npapers_per_page: 2\n", to: "Content/site.yml")
        let session = BuildSession(options: site.options)
        try session.build()
        let guide = try site.read("Content/guide.txt")
        try site.write(guide.replacingOccurrences(of: "Listwise losses for long result pages", with: "Listwise losses"),
                       to: "Content/guide.txt")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/guide.txt").path])
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"), "\(TemporarySite.firstDifference(site.snapshot("Output"), site.snapshot("Full")))")
        #expect(try site.read("Output/papers/index.html").contains(#"<a href="../papers/listwise-losses/index.html">Listwise losses</a>"#))
    }

    /// Switching from a path to relative links and back rewrites every page.
    @Test func changingTheBaseURLInASessionRewritesTheLinks() throws {
        let site = try TemporarySite(fixture: "basic")
        try site.write("base_url: /kdd/\n", to: "Content/site.yml")
        let session = BuildSession(options: site.options)
        try session.build()
        try site.write("base_url: relative\n", to: "Content/site.yml")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/site.yml").path])
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"), "\(TemporarySite.firstDifference(site.snapshot("Output"), site.snapshot("Full")))")
        try site.write("base_url: /kdd/\n", to: "Content/site.yml")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/site.yml").path])
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"), "\(TemporarySite.firstDifference(site.snapshot("Output"), site.snapshot("Full")))")
        #expect(try site.read("Output/index.html").contains(#"<a class="brand" href="/kdd/">"#))
    }
}

/// The paper slugs of the basic fixture (as `BuildCommandTests` names them).
enum BuildCommandPapers {
    static let slugs = [
        "session-graphs-for-next-item-recommendation",
        "debiasing-implicit-feedback-with-inverse-propensity",
        "listwise-losses-for-long-result-pages",
    ]
}
