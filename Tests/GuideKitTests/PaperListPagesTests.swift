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
        try site.write(try Self.seedWithPaper(titled: "Zebra crossings for robot navigation"), to: "Content/icml-2023.txt")
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

    /// The seed with one more paper, by Ann Zed, before its second.
    static func seedWithPaper(titled title: String) throws -> String {
        let guide = try GuideParser().parse(text: IncrementalBuildTests.seedText, file: "guide.txt").guide
        var lines = IncrementalBuildTests.seedText.components(separatedBy: "\n")
        lines.insert(contentsOf: [title, "Ann Zed", ""], at: guide.papers[1].title.line - 1)
        return lines.joined(separator: "\n")
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

    // MARK: By letter

    /// The seed's papers, one a page, split by letter above 10 papers.
    static func siteByLetter() throws -> TemporarySite {
        try TemporarySite([
            "Content/icml-2023.txt": IncrementalBuildTests.seedText,
            "Content/site.yml": "papers_per_page: 1\npapers_by_letter_above: 10\n",
        ])
    }

    /// How many of the seed's 18 papers begin with each letter, counted by hand from its titles.
    static let seedLetters: KeyValuePairs = ["D": 2, "F": 2, "I": 1, "L": 2, "M": 1, "O": 2, "P": 1, "R": 2, "S": 2, "T": 2, "X": 1]

    static func letterPage(_ letter: String, _ number: Int) -> String {
        "papers/letter/\(letter.lowercased())/" + (number == 1 ? "" : "page/\(number)/") + "index.html"
    }

    /// A guide of more papers than `papers_by_letter_above`: `papers/` lists
    /// the letters with their counts, and each letter has its pages, in
    /// A–Z order, every paper on one of them.
    @Test func aGuideOfMorePapersThanTheLimitListsThemByLetter() throws {
        let site = try Self.siteByLetter()
        try site.build()
        let lists = site.snapshot().keys.filter { $0.hasPrefix("papers/index.html") || $0.hasPrefix("papers/page/") || $0.hasPrefix("papers/letter/") }
        let expected = ["papers/index.html"] + Self.seedLetters.flatMap { letter, count in (1...count).map { Self.letterPage(letter, $0) } }
        #expect(lists.sorted() == expected.sorted())

        let index = try site.read("Output/papers/index.html")
        #expect(index.contains("Every paper in this guide, sorted by title: 18 in total, by the letter its title begins with."))
        #expect(index.contains(#"<meta name="description" content="18 papers at ICML 2023, sorted by title, by first letter.">"#))
        #expect(!index.contains("paper-card-title"))
        let shown = index.matches(of: #/<a href="/papers/letter/([a-z]+)/"><span class="letter-index-letter">([A-Z#])</span> <span class="count"><span class="visually-hidden">\(papers: </span>(\d+)/#)
            .map { "\($0.output.1) \($0.output.2) \($0.output.3)" }
        #expect(shown == Self.seedLetters.map { "\($0.key.lowercased()) \($0.key) \($0.value)" })

        // Every paper once, in A–Z order (sorted here, not by the build), under
        // the letter its title begins with (its first character, folded here).
        let titles = try Dictionary(uniqueKeysWithValues: GuideParser().parse(text: IncrementalBuildTests.seedText, file: "guide.txt").guide.papers
            .map { ($0.slug, $0.title.text) })
        var listed: [String] = []
        for (letter, count) in Self.seedLetters {
            for number in 1...count {
                let html = try site.read("Output/" + Self.letterPage(letter, number))
                let cards = html.components(separatedBy: "class=\"paper-card-title\"><a href=\"/papers/").dropFirst().map { String($0.prefix { $0 != "/" }) }
                #expect(cards.count == 1)
                for slug in cards {
                    #expect(titles[slug]!.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).prefix(1).uppercased() == letter)
                }
                listed += cards
            }
        }
        #expect(listed == (try Self.seedSlugsAZ))

        let second = try site.read("Output/papers/letter/d/page/2/index.html")
        #expect(second.contains("<title>All papers: D, page 2 of 2 · "))
        #expect(second.contains(#"<meta name="description" content="Papers at ICML 2023 whose titles begin with D, sorted by title: page 2 of 2.">"#))
        #expect(second.contains("The papers in this guide whose titles begin with D, sorted by title. Page 2 of 2."))
        #expect(second.contains(#"<a href="/papers/letter/d/" aria-current="true">D</a>"#))
        #expect(second.contains(#"<a href="/papers/letter/x/">X</a>"#))
        #expect(second.contains(#"<a href="/papers/letter/d/" rel="prev">Previous</a>"#))
        #expect(!site.exists("Output/papers/page/2/index.html"))
    }

    /// At the limit, and with a limit of 0, "All papers" is one list.
    @Test func aGuideAtTheLimitKeepsOneList() throws {
        for limit in [18, 0] {
            let site = try TemporarySite([
                "Content/icml-2023.txt": IncrementalBuildTests.seedText,
                "Content/site.yml": "papers_per_page: 4\npapers_by_letter_above: \(limit)\n",
            ])
            try site.build()
            #expect(!site.snapshot().keys.contains { $0.hasPrefix("papers/letter/") }, "\(limit)")
            #expect(site.exists("Output/papers/page/5/index.html"), "\(limit)")
        }
    }

    /// A paper added under D changes the pages of D (one more) and the count
    /// on `papers/`, and no other letter's pages (full builds compared, before
    /// and after); a rebuild makes the same.
    @Test func aPaperAddedChangesTheLettersIndexAndItsOwnLetterAlone() throws {
        let site = try Self.siteByLetter()
        let session = BuildSession(options: site.options)
        try session.build()
        let before = site.snapshot()
        try site.write(try Self.seedWithPaper(titled: "Deep zebra crossings for robot navigation"), to: "Content/icml-2023.txt")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"))
        let after = site.snapshot("Full")
        let changed = Set(before.keys).union(after.keys).filter { $0.hasPrefix("papers/index.html") || $0.hasPrefix("papers/letter/") }
            .filter { before[$0] != after[$0] }
        #expect(changed.sorted() == ["papers/index.html", "papers/letter/d/index.html", "papers/letter/d/page/2/index.html", "papers/letter/d/page/3/index.html"])
    }

    /// Retitles move papers between letters, make letters and take them away,
    /// and a rebuild makes what a full build makes.
    @Test func aRetitledPaperMovesBetweenLetters() throws {
        let site = try Self.siteByLetter()
        let session = BuildSession(options: site.options)
        try session.build()
        let guide = try GuideParser().parse(text: IncrementalBuildTests.seedText, file: "guide.txt").guide
        let onlyP = try #require(guide.papers.first { $0.title.text.hasPrefix("P") })
        var text = IncrementalBuildTests.seedText
        // Each title, and the letter page it is then on.
        let steps = [("Zeta " + onlyP.title.text, "z"), ("Éclair " + onlyP.title.text, "e"), ("42 " + onlyP.title.text, "other")]
        var title = onlyP.title.text
        for (new, letter) in steps {
            text = text.replacingOccurrences(of: title, with: new)
            title = new
            try site.write(text, to: "Content/icml-2023.txt")
            _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
            try site.build(output: "Full")
            #expect(site.snapshot("Output") == site.snapshot("Full"), "\(new)")
            #expect(try site.read("Output/papers/letter/\(letter)/index.html").contains(new.prefix(6)), "\(new)")
        }
        for gone in ["p", "z", "e"] { #expect(!site.exists("Output/papers/letter/\(gone)/index.html"), "\(gone)") }
        #expect(try site.read("Output/papers/letter/other/index.html").contains("<title>All papers: other titles · "))
    }
}
