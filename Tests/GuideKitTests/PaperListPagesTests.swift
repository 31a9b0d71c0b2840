import Foundation
import Testing
@testable import GuideKit

/// "All papers" cut into pages of `papers_per_page`.
@Suite struct PaperListPagesTests {
    /// The seed's 18 papers, 4 a page: 5 pages.
    static func site(papersPerPage: Int) throws -> TemporarySite {
        try TemporarySite([
            "Content/icml-2023.txt": IncrementalBuildTests.seedText,
            "Content/site.yml": "papers_per_page: \(papersPerPage)\n",
        ])
    }

    @Test func cutting() {
        let pages = ListPages(18, perPage: 4)
        #expect(pages.count == 5)
        #expect(pages.range(of: 1) == 0..<4)
        #expect(pages.range(of: 5) == 16..<18)
        #expect(ListPages(0, perPage: 4).count == 1)
        #expect(ListPages(18, perPage: 0).count == 1)
        #expect(ListPages(18, perPage: 0).range(of: 1) == 0..<18)
        #expect(Routes.paperList(prefix: "", number: 1) == "papers/")
        #expect(Routes.paperList(prefix: "", number: 3) == "papers/page/3/")
    }

    /// The seed's paper slugs in title order, case and accents ignored: sorted
    /// here, independently of the build's own order.
    static var seedSlugsAZ: [String] {
        get throws {
            try GuideParser().parse(text: IncrementalBuildTests.seedText, file: "guide.txt").guide.papers
                .sorted { $0.title.text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                    < $1.title.text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
                .map(\.slug)
        }
    }

    @Test func everyPaperIsOnExactlyOnePageInOrder() throws {
        let site = try Self.site(papersPerPage: 4)
        try site.build()
        let lists = site.snapshot().keys.filter { $0.hasPrefix("papers/index.html") || $0.hasPrefix("papers/page/") }.sorted()
        #expect(lists == ["papers/index.html"] + (2...5).map { "papers/page/\($0)/index.html" })
        var listed: [String] = []
        for number in 1...5 {
            let html = try site.read("Output/" + Routes.paperList(prefix: "", number: number) + "index.html")
            let cards = html.components(separatedBy: "class=\"paper-card-title\"><a href=\"/papers/").dropFirst()
            #expect(cards.count == (number < 5 ? 4 : 2))
            listed += cards.map { String($0.prefix { $0 != "/" }) }
            // The first page says how many; the others which page they are,
            // so that a paper added changes the pages from its place on.
            if number == 1 {
                #expect(html.contains("Every paper in this guide, sorted by title: 18 in total. Page 1 of 5."))
                #expect(html.contains(#"<meta name="description" content="18 papers at ICML 2023, sorted by title.">"#))
            } else {
                #expect(html.contains("Every paper in this guide, sorted by title. Page \(number) of 5."))
                #expect(html.contains(#"<meta name="description" content="All papers at ICML 2023, sorted by title: page \#(number) of 5.">"#))
                #expect(!html.contains("in total"))
            }
        }
        #expect(listed == (try Self.seedSlugsAZ))
    }

    /// A paper added that sorts last changes the last page of "All papers"
    /// alone: no page says how many papers there are but the first, which
    /// a rebuild then need not make again (full builds compared, before and after).
    @Test func aPaperAddedLastLeavesTheEarlierPagesAsTheyWere() throws {
        let site = try Self.site(papersPerPage: 4)
        try site.build()
        let before = site.snapshot()
        let guide = try GuideParser().parse(text: IncrementalBuildTests.seedText, file: "guide.txt").guide
        var lines = IncrementalBuildTests.seedText.components(separatedBy: "\n")
        lines.insert(contentsOf: ["Zebra crossings for robot navigation", "Ann Zed", ""], at: guide.papers[1].title.line - 1)
        try site.write(lines.joined(separator: "\n"), to: "Content/icml-2023.txt")
        try site.build()
        let after = site.snapshot()
        #expect(after["papers/index.html"] != before["papers/index.html"], "it says 19 in total")
        for number in 2...4 {
            let page = "papers/page/\(number)/index.html"
            #expect(after[page] == before[page], "\(page)")
        }
        #expect(after["papers/page/5/index.html"] != before["papers/page/5/index.html"])
        #expect(try site.read("Output/papers/page/5/index.html").contains("zebra-crossings-for-robot-navigation"))
    }

    @Test func pagesLinkToEachOther() throws {
        let site = try Self.site(papersPerPage: 4)
        try site.write("papers_per_page: 4\nbase_url: https://example.org/\n", to: "Content/site.yml")
        try site.build()
        let first = try site.read("Output/papers/index.html")
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains(#"<a href="/papers/page/2/" rel="next">Next</a>"#))
        #expect(first.contains(#"<a href="/papers/" aria-current="page">1</a>"#))
        #expect(first.contains("<title>All papers, page 1 of 5 · "))
        let third = try site.read("Output/papers/page/3/index.html")
        #expect(third.contains(#"<a href="/papers/page/2/" rel="prev">Previous</a>"#))
        #expect(third.contains(#"<a href="/papers/page/4/" rel="next">Next</a>"#))
        #expect(third.contains(#"<a href="/papers/page/3/" aria-current="page">3</a>"#))
        let last = try site.read("Output/papers/page/5/index.html")
        #expect(!last.contains("rel=\"next\""))
        let sitemap = try site.read("Output/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/papers/page/5/</loc>"))
    }

    @Test func farPagesAreElided() {
        let urls = (1...20).map { "/papers/page/\($0)/" }
        let links = Pagination(number: 10, urls: urls).child(named: "pages") as? [Pagination.PageLink]
        #expect(links?.map(\.number) == [1, 8, 9, 10, 11, 12, 20])
        #expect(links?.map(\.gapBefore) == [false, true, false, false, false, false, true])
    }

    @Test func oneListedPageHasNoPagination() throws {
        let site = try Self.site(papersPerPage: 0)
        try site.build()
        let html = try site.read("Output/papers/index.html")
        #expect(!html.contains("class=\"pagination\""))
        #expect(!site.exists("Output/papers/page/2/index.html"))
        #expect(html.components(separatedBy: "class=\"paper-card-title\"").count == 19)
    }

    @Test func aRetitledPaperMovesBetweenPagesOnRebuild() throws {
        let site = try Self.site(papersPerPage: 4)
        let session = BuildSession(options: site.options)
        try session.build()
        let guide = try GuideParser().parse(text: IncrementalBuildTests.seedText, file: "guide.txt").guide
        let first = guide.papers.first { $0.slug == (try? Self.seedSlugsAZ.first) }!
        // The first paper in A–Z order moves to the end of the list: every list page changes.
        let text = IncrementalBuildTests.seedText.replacingOccurrences(of: first.title.text, with: "Zzz " + first.title.text)
        try site.write(text, to: "Content/icml-2023.txt")
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        #expect(report.pagesRendered < 114)
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"))
        #expect(try site.read("Output/papers/page/5/index.html").contains("Zzz "))
    }
}
