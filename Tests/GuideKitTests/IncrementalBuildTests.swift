import Foundation
import Testing
@testable import GuideKit

/// Rebuilds rewrite exactly what a change affects, and end up byte-identical to a full build.
@Suite struct IncrementalBuildTests {
    static let seedText = try! String(contentsOf: Fixtures.seed, encoding: .utf8)

    /// The seed site, built once by a session.
    static func seedSession() throws -> (TemporarySite, BuildSession) {
        let site = try TemporarySite(["Content/icml-2023.txt": seedText])
        let session = BuildSession(options: site.options)
        try session.build()
        return (site, session)
    }

    /// A full build of the site's current content, into another folder.
    static func expectSameAsFullBuild(_ site: TemporarySite) throws {
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"))
    }

    @Test func editingOnePapersTitleRewritesItsPagesOnly() throws {
        let (site, session) = try Self.seedSession()
        let old = "Incentivizing exploration with linear contexts and combinatorial actions"
        let new = "Incentivizing exploration with linear contexts"
        try site.write(Self.seedText.replacingOccurrences(of: old, with: new), to: "Content/icml-2023.txt")

        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        #expect(report.pagesRewritten == 5, "home, its topic, the papers list, its new page, its author")
        #expect(report.filesWritten == 10, "feed, the search index's meta file, bucket of terms and chunk of results (no sitemap without an absolute base URL), the paper's three citation files at its new address, the guide's three")
        #expect(report.filesDeleted == 5, "the page and its three citation files at the old address, the chunk of search results under its old name")
        #expect(!site.exists("Output/papers/incentivizing-exploration-with-linear-contexts-and-combinatorial-actions"))
        #expect(try site.read("Output/papers/incentivizing-exploration-with-linear-contexts/index.html").contains(new))
        #expect(try site.read("Output/authors/mark-sellke/index.html").contains(new))
        try Self.expectSameAsFullBuild(site)
    }

    @Test func editingABylineTouchesTheAuthorsAndTheirOtherPapers() throws {
        let (site, session) = try Self.seedSession()
        let edited = Self.seedText.replacingOccurrences(of: "Yu-Guan Hsieh, Shiva Kasiviswanathan", with: "Yu-Guan Hsieh, Shiva K. Kasiviswanathan")
        try site.write(edited, to: "Content/icml-2023.txt")
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        #expect(report.pagesRewritten > 3)
        #expect(report.pagesRewritten < 20, "not the whole site: \(report.pagesRewritten)")
        #expect(site.exists("Output/authors/shiva-k-kasiviswanathan/index.html"))
        try Self.expectSameAsFullBuild(site)
    }

    /// A new paper changes `site.counts` in every page's context; only the home
    /// page reads the counts, so the other pages render again only when they show the paper.
    @Test func addingAPaperRendersThePagesThatShowItAndThoseThatReadTheCounts() throws {
        let (site, session) = try Self.seedSession()
        let guide = try GuideParser().parse(text: Self.seedText, file: "g").guide
        var lines = Self.seedText.components(separatedBy: "\n")
        lines.insert(contentsOf: ["A brand new paper about patching", "Ada Lovelace, Mark Sellke", ""],
                     at: guide.papers[2].title.line - 1)
        try site.write(lines.joined(separator: "\n"), to: "Content/icml-2023.txt")
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        #expect(report.pagesRendered < 20, "rendered \(report.pagesRendered) of 111 pages")
        #expect(try site.read("Output/index.html").contains(#"<span class="stat-value">19</span>"#))
        try Self.expectSameAsFullBuild(site)

        // A template that shows the counts on every page renders every page again.
        try site.write(try site.read("Templates/layout.mustache").replacingOccurrences(
            of: "<body", with: "<!-- {{site.counts.papers}} papers -->\n<body"), to: "Templates/layout.mustache")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Templates/layout.mustache").path])
        lines.insert(contentsOf: ["Another new paper", "Ada Lovelace", ""], at: guide.papers[2].title.line - 1)
        try site.write(lines.joined(separator: "\n"), to: "Content/icml-2023.txt")
        let second = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        #expect(second.pagesRendered > 100)
        #expect(try site.read("Output/papers/index.html").contains("<!-- 20 papers -->"))
        try Self.expectSameAsFullBuild(site)
    }

    @Test func aTemplateChangeRerendersThePagesThatUseIt() throws {
        let (site, session) = try Self.seedSession()
        let template = try site.read("Templates/author.mustache")
        try site.write(template.replacingOccurrences(of: "</article>", with: "<p>Edited template</p></article>"), to: "Templates/author.mustache")
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Templates/author.mustache").path])
        #expect(report.pagesRendered == 72)
        #expect(report.pagesRewritten == 72)
        #expect(report.filesWritten == 0)
        #expect(try site.read("Output/authors/mark-sellke/index.html").contains("Edited template"))
        try Self.expectSameAsFullBuild(site)
    }

    @Test(arguments: [("layout", "Skip to main content", "Skip to the content"), ("footer", "Built with guide", "Made with guide")])
    func aLayoutOrChromeChangeRerendersEveryPage(template: String, old: String, new: String) throws {
        let (site, session) = try Self.seedSession()
        let file = "Templates/\(template).mustache"
        let text = try site.read(file)
        #expect(text.contains(old))
        try site.write(text.replacingOccurrences(of: old, with: new), to: file)
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent(file).path])
        #expect(report.pagesRewritten == 111)
        #expect(try site.read("Output/papers/index.html").contains(new))
        try Self.expectSameAsFullBuild(site)
    }

    @Test func aStylesheetChangeWritesOnlyTheStylesheet() throws {
        let (site, session) = try Self.seedSession()
        let css = try site.read("Templates/assets/style.css")
        try site.write(css + "\nbody { outline: 0; }\n", to: "Templates/assets/style.css")
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Templates/assets/style.css").path])
        #expect(report.pagesRendered == 0)
        #expect(report.stylesheetsChanged == ["assets/style.css"])
        #expect(report.onlyStylesheetsChanged)
        try Self.expectSameAsFullBuild(site)
    }

    /// A copy of search.js from another version of guide, saved while the
    /// site is previewed, is reported by the rebuild, and no longer once it is put right.
    @Test func aRebuildReportsASearchScriptKeptFromAnotherVersionOfTheIndex() throws {
        let (site, session) = try Self.seedSession()
        let script = site.root.appendingPathComponent("Templates/assets/search.js").path
        let current = try site.read("Templates/assets/search.js")
        try site.write(current.replacingOccurrences(of: "\n  var FORMAT = 3;\n", with: "\n  var FORMAT = 4;\n"), to: "Templates/assets/search.js")
        let stale = try session.rebuild(changedPaths: [script])
        let line = try #require(current.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  var FORMAT = 3;" }) + 1
        let said = stale.warnings.filter { $0.file.hasSuffix("/assets/search.js") }
        #expect(said.map(\.line) == [line])
        #expect(said.map(\.message) == ["this copy of search.js reads version 4 of the search index, and this guide writes version 3, "
            + "so the site's search page says that search is unavailable; export the built-in theme into a new folder "
            + "(`guide templates export NEW`; it does not overwrite), carry your changes over to NEW/assets/search.js, and put that in place of this one"])
        try site.write(current, to: "Templates/assets/search.js")
        let fixed = try session.rebuild(changedPaths: [script])
        #expect(!fixed.warnings.contains { $0.file.hasSuffix("/assets/search.js") })
    }

    /// The figure's width and height come from the image's header: an image
    /// replaced by one of another size rewrites the pages that show it.
    @Test func replacingAnImageWithOneOfAnotherSizeRewritesThePagesThatShowIt() throws {
        let site = try TemporarySite(["Content/icml-2023.txt": Self.seedText])
        try site.copyImage("png-321x47.png", to: "Content/images/DP bookkeeper.png")
        let session = BuildSession(options: site.options)
        try session.build()
        let pages = ["Output/topics/differential-privacy/index.html",
                     "Output/papers/differentially-private-optimization-on-large-model-at-small-cost/index.html"]
        for page in pages { #expect(try site.read(page).contains("width=\"321\" height=\"47\""), "\(page)") }

        let image = site.root.appendingPathComponent("Content/images/DP bookkeeper.png")
        try FileManager.default.removeItem(at: image)
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("Tests/Fixtures/sites/basic/Content/images/Session graph.png"),
                                         to: image)
        let report = try session.rebuild(changedPaths: [image.path])
        #expect(report.pagesRewritten == 2, "the figure's topic and paper")
        #expect(report.filesWritten == 1, "the image")
        for page in pages { #expect(try site.read(page).contains("width=\"16\" height=\"9\""), "\(page)") }
        try Self.expectSameAsFullBuild(site)

        // Other bytes of the same size (a byte after the PNG's end): only the image is written.
        try (Data(contentsOf: image) + Data([0])).write(to: image)
        let same = try session.rebuild(changedPaths: [image.path])
        #expect(same.pagesRewritten == 0)
        #expect(same.filesWritten == 1)
        try Self.expectSameAsFullBuild(site)
    }

    @Test func savingWithoutChangesWritesNothing() throws {
        let (site, session) = try Self.seedSession()
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        #expect(report.pagesRendered == 0)
        #expect(!report.changedOutput)
    }

    @Test func aFailedRebuildKeepsTheOutputAndTheNextOneRecovers() throws {
        let (site, session) = try Self.seedSession()
        let before = site.snapshot()
        try site.write("{{#topic}}", to: "Templates/topic.mustache")
        let path = site.root.appendingPathComponent("Templates/topic.mustache").path
        #expect(throws: BuildFailure.self) { try session.rebuild(changedPaths: [path]) }
        #expect(site.snapshot() == before)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/topic.mustache"))
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("Templates/topic.mustache"),
                                         to: site.root.appendingPathComponent("Templates/topic.mustache"))
        let report = try session.rebuild(changedPaths: [path])
        #expect(!report.changedOutput)
        #expect(site.snapshot() == before)
    }

    /// A rebuild changes the kept state in place once it has compared the
    /// models: one that fails after that (here, writing the home page) drops
    /// the state, and the next one builds everything.
    @Test func aRebuildThatFailsWhileWritingIsFollowedByAFullBuild() throws {
        let (site, session) = try Self.seedSession()
        let home = site.root.appendingPathComponent("Output/index.html")
        try FileManager.default.removeItem(at: home)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: false)
        let intro = "Amazon research blends the theoretical and the practical"
        #expect(Self.seedText.contains(intro))
        try site.write(Self.seedText.replacingOccurrences(of: intro, with: "Amazon research blends theory and practice"),
                       to: "Content/icml-2023.txt")
        let path = site.root.appendingPathComponent("Content/icml-2023.txt").path
        #expect(throws: BuildFailure.self) { try session.rebuild(changedPaths: [path]) }

        try FileManager.default.removeItem(at: home)
        let report = try session.rebuild(changedPaths: [path])
        #expect(report.pagesRewritten == 111)
        try Self.expectSameAsFullBuild(site)
    }

    @Test func aRemovedOutputFolderIsBuiltAgainInFull() throws {
        let (site, session) = try Self.seedSession()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Output"))
        let report = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/icml-2023.txt").path])
        #expect(report.pagesRewritten == 111)
        try Self.expectSameAsFullBuild(site)
    }

    @Test func aRebuildWithoutAPreviousBuildBuildsEverything() throws {
        let site = try TemporarySite(["Content/icml-2023.txt": Self.seedText])
        let report = try BuildSession(options: site.options).rebuild(changedPaths: [])
        #expect(report.pagesRewritten == 111)
        try Self.expectSameAsFullBuild(site)
    }
}
