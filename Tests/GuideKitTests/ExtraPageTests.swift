import Foundation
import Testing
@testable import GuideKit

/// Extra pages, `Content/pages/<name>.md`: front matter and its errors, the
/// page at its address with its Markdown, the navigation, a guide's page on a
/// site of several, addresses the site already uses, and rebuilds. Every
/// expected value is written out by hand.
@Suite struct ExtraPageTests {
    static func read(_ text: String, name: String = "about", guides: [String] = ["icml-2023"]) throws(Diagnostic) -> (ExtraPageSource, [Diagnostic]) {
        try ExtraPageFile.read(Array(text.utf8), name: name, file: "Content/pages/\(name).md", guides: guides)
    }

    static func error(_ text: String, name: String = "about", guides: [String] = ["icml-2023"]) -> String? {
        do {
            _ = try read(text, name: name, guides: guides)
            return nil
        } catch {
            return error.description
        }
    }

    /// Diagnostics as a build in the site's folder names them (`Content/…`).
    static func described(_ diagnostics: [Diagnostic]?, _ site: TemporarySite) -> [String] {
        (diagnostics ?? []).map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") }
    }

    // MARK: - Front matter

    @Test func readsTheFrontMatterAndTheBody() throws {
        let (page, warnings) = try Self.read("""
            ---
            title: About this site
            nav: 2
            guide: icml-2023
            description: Who we are.
            ---
            ## Who we are

            A [team](https://example.org/team/).
            """)
        #expect(page == ExtraPageSource(name: "about", file: "Content/pages/about.md", title: "About this site", nav: 2,
                                        guide: "icml-2023", description: "Who we are.",
                                        body: "## Who we are\n\nA [team](https://example.org/team/)."))
        #expect(warnings.isEmpty)
    }

    @Test func onlyTheTitleIsRequired() throws {
        let (page, warnings) = try Self.read("---\ntitle: \"Visit: the booth\"\n---\n")
        #expect(page == ExtraPageSource(name: "about", file: "Content/pages/about.md", title: "Visit: the booth", nav: nil,
                                        guide: nil, description: "", body: ""))
        #expect(warnings.isEmpty)
    }

    /// A byte order mark, CRLF line endings, spaces after the fences, a negative `nav`.
    @Test func lineEndingsAndAByteOrderMark() throws {
        let bytes = SourceLines.byteOrderMark + Array("--- \r\ntitle: Team\r\nnav: -1\r\n---  \r\nLine one\r\nline two\r\n".utf8)
        let (page, _) = try ExtraPageFile.read(bytes, name: "team", file: "Content/pages/team.md", guides: [])
        #expect(page.title == "Team")
        #expect(page.nav == -1)
        #expect(page.body == "Line one\nline two\n")
    }

    @Test func anUnknownKeyIsAWarningWithItsLine() throws {
        let (page, warnings) = try Self.read("---\ntitle: About\nlayout: wide\n---\nText.\n")
        #expect(page.title == "About")
        #expect(warnings.map(\.description) == [
            "Content/pages/about.md:3: warning: unknown setting \"layout\" is ignored (known: description, guide, nav, title)",
        ])
    }

    @Test func frontMatterErrorsNameTheirLine() {
        #expect(Self.error("# About\n\nNo front matter.\n")
            == "Content/pages/about.md:1: error: a page starts with its front matter: a --- line, then title: and the other settings, then another --- line")
        #expect(Self.error("")
            == "Content/pages/about.md:1: error: a page starts with its front matter: a --- line, then title: and the other settings, then another --- line")
        #expect(Self.error("---\ntitle: About\n\nText.\n")
            == "Content/pages/about.md:1: error: the front matter that starts here is not closed: add a --- line after its last setting")
        #expect(Self.error("---\nnav: 1\n---\nText.\n")
            == "Content/pages/about.md:1: error: the front matter has no title: add one, like: title: About this site")
        #expect(Self.error("---\n---\n")
            == "Content/pages/about.md:1: error: the front matter has no title: add one, like: title: About this site")
        #expect(Self.error("---\nnav: 1\ntitle:\n---\n")
            == "Content/pages/about.md:3: error: title must be one line of text, like: title: About this site")
        #expect(Self.error("---\ntitle: About\nnav: first\n---\n")
            == "Content/pages/about.md:3: error: nav must be a whole number, the page's place in the navigation, like: nav: 1 (found \"first\"); leave it out to keep the page out of the navigation")
        #expect(Self.error("---\ntitle: About\nnav: 1.5\n---\n")
            == "Content/pages/about.md:3: error: nav must be a whole number, the page's place in the navigation, like: nav: 1 (found \"1.5\"); leave it out to keep the page out of the navigation")
        #expect(Self.error("---\ntitle: About\n\nguide: icml-2024\n---\n", guides: ["icml-2023", "acl-2024"])
            == "Content/pages/about.md:4: error: guide \"icml-2024\" is not a guide of this site; write the slug of one of acl-2024, icml-2023 (the guide's file name without .txt)")
        #expect(Self.error("---\ntitle: About\ndescription:\n  - one\n  - two\n---\n")
            == "Content/pages/about.md:3: error: description must be text, like: description: Who we are and what we publish.")
        #expect(Self.error("---\ntitle: [About\n---\n")?.hasPrefix("Content/pages/about.md:3:1: error: invalid YAML:") == true)
        #expect(Self.error("---\n- title\n---\n") == "Content/pages/about.md:2: error: expected settings as `key: value` lines")
    }

    @Test func aCharacterNoPageCanHoldIsAnErrorWithItsLineAndColumn() {
        #expect(Self.error("---\ntitle: About\n---\nA form\u{0C}feed.\n")
            == "Content/pages/about.md:4:7: error: the control character U+000C (form feed) at byte offset 27 cannot appear on a web page or in a feed; delete it")
        let invalid = Array("---\ntitle: About\n---\nCaf".utf8) + [0xE9, 0x0A]
        #expect(throws: Diagnostic.error("Content/pages/about.md", line: 4, column: 4, "not valid UTF-8 at byte offset 24 (save the file as UTF-8)")) {
            try ExtraPageFile.read(invalid, name: "about", file: "Content/pages/about.md", guides: [])
        }
    }

    @Test func fileNames() throws {
        for name in ["about", "visit-2024", "a", "0"] { #expect(ExtraPageFile.isValidName(name), "\(name)") }
        for name in ["About", "about us", "über", "a_b", "a.b", ""] { #expect(!ExtraPageFile.isValidName(name), "\(name)") }

        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/pages/About Us.md": "---\ntitle: About\n---\n",
            "Content/pages/notes.txt": "not a page",
        ])
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        #expect(failure?.step == "parse")
        #expect(Self.described(failure?.diagnostics, site) == [
            "Content/pages/notes.txt: warning: not a page, ignored: each extra page is a .md file in Content/pages/",
            "Content/pages/About Us.md: error: a page's file name is its address and may hold only lowercase letters, digits and hyphens: rename it, like about-us.md",
        ])
    }

    /// Every error of every page, together; the guides' warnings and the pages' stay.
    @Test func everyPageErrorStopsTheBuildTogether() throws {
        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/pages/a.md": "---\ntitle: A\nextra: 1\n---\n",
            "Content/pages/b.md": "no front matter\n",
            "Content/pages/c.md": "---\ntitle: C\nnav: x\n---\n",
        ])
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        #expect(Self.described(failure?.errors, site) == [
            "Content/pages/b.md:1: error: a page starts with its front matter: a --- line, then title: and the other settings, then another --- line",
            "Content/pages/c.md:3: error: nav must be a whole number, the page's place in the navigation, like: nav: 1 (found \"x\"); leave it out to keep the page out of the navigation",
        ])
        #expect(Self.described(failure?.diagnostics, site).first == "Content/pages/a.md:3: warning: unknown setting \"extra\" is ignored (known: description, guide, nav, title)")
    }

    // MARK: - Output

    static let about = """
        ---
        title: About this site
        nav: 2
        description: Who we are, and why we write these guides.
        ---
        We write a guide to our papers at every conference.

        ## Who we are

        A [team of researchers](https://example.org/team/) and <div class="note">raw HTML</div>.

        <script>alert(1)</script>
        """

    @Test func aPageAtItsAddressWithItsMarkdownRendered() throws {
        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/site.yml": "base_url: https://example.org/guides/\n",
            "Content/pages/about.md": Self.about,
        ])
        let report = try site.build().report
        #expect(report.pageCounts[.page] == 1)
        #expect(report.warnings.isEmpty)
        let html = try site.read("Output/about/index.html")
        #expect(html.contains("<title>About this site · A quick guide to Northwind&#39;s papers at KDD 2024</title>"))
        #expect(html.contains(#"<meta name="description" content="Who we are, and why we write these guides.">"#))
        #expect(html.contains(#"<link rel="canonical" href="https://example.org/guides/about/">"#))
        #expect(html.contains(#"<body class="page-page">"#))
        #expect(html.contains(#"<h1 class="page-title">About this site</h1>"#))
        #expect(html.contains("<p>We write a guide to our papers at every conference.</p>\n<h2>Who we are</h2>\n"))
        #expect(html.contains(#"<p>A <a href="https://example.org/team/">team of researchers</a> and &lt;div class=&quot;note&quot;&gt;raw HTML&lt;/div&gt;.</p>"#))
        #expect(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<div class=\"note\">"))

        let sitemap = try site.read("Output/sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://example.org/guides/about/</loc></url>"))
        #expect(try SearchIndexTests.records(site).contains(["page", "About this site", "/guides/about/", "Who we are, and why we write these guides.", ""]))
    }

    @Test func rawHTMLWhenTheSiteAllowsIt() throws {
        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/site.yml": "allow_raw_html: true\n",
            "Content/pages/about.md": "---\ntitle: About\n---\nA <span class=\"x\">note</span>.\n",
        ])
        try site.build()
        let html = try site.read("Output/about/index.html")
        #expect(html.contains(#"<p>A <span class="x">note</span>.</p>"#))
        // Without a description, the meta description is the title.
        #expect(html.contains(#"<meta name="description" content="About">"#))
    }

    /// The labels and addresses of a page's main navigation, and which is current.
    static func nav(_ html: String, label: String = "Main") -> [String] {
        guard let start = html.range(of: "aria-label=\"\(label)\"") else { return [] }
        let rest = html[start.upperBound...]
        let list = rest[..<(rest.range(of: "</nav>")?.lowerBound ?? rest.endIndex)]
        return list.components(separatedBy: "<li><a ").dropFirst().map { item in
            let href = item.components(separatedBy: "href=\"")[1].components(separatedBy: "\"")[0]
            let current = item.components(separatedBy: "aria-current=\"").dropFirst().first?.components(separatedBy: "\"").first
            let label = item.components(separatedBy: ">")[1].components(separatedBy: "</a")[0]
            return "\(label) \(href)" + (current.map { " [\($0)]" } ?? "")
        }
    }

    @Test func pagesWithANavPlaceFollowTheBuiltInItemsByPlaceThenTitle() throws {
        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/pages/about.md": Self.about,
            "Content/pages/team.md": "---\ntitle: Team\nnav: 1\n---\n",
            "Content/pages/accessibility.md": "---\ntitle: Accessibility\nnav: 2\n---\n",
            "Content/pages/zebra.md": "---\ntitle: Zebra\nnav: -5\n---\n",
            "Content/pages/imprint.md": "---\ntitle: Imprint\n---\nNot in the navigation.\n",
        ])
        try site.build()
        #expect(Self.nav(try site.read("Output/index.html")) == [
            "Topics / [page]", "Papers /papers/", "Authors /authors/", "Search /search/", "My list /my-list/",
            "Zebra /zebra/", "Team /team/", "About this site /about/", "Accessibility /accessibility/",
        ])
        #expect(Self.nav(try site.read("Output/team/index.html")) == [
            "Topics /", "Papers /papers/", "Authors /authors/", "Search /search/", "My list /my-list/",
            "Zebra /zebra/", "Team /team/ [page]", "About this site /about/", "Accessibility /accessibility/",
        ])
        #expect(Self.nav(try site.read("Output/imprint/index.html")) == [
            "Topics /", "Papers /papers/", "Authors /authors/", "Search /search/", "My list /my-list/",
            "Zebra /zebra/", "Team /team/", "About this site /about/", "Accessibility /accessibility/",
        ])
        #expect(try site.read("Output/imprint/index.html").contains("<p>Not in the navigation.</p>"))
    }

    @Test func relativeLinks() throws {
        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/site.yml": "base_url: relative\n",
            "Content/pages/about.md": Self.about,
        ])
        try site.build()
        #expect(Self.nav(try site.read("Output/about/index.html")) == [
            "Topics ../index.html", "Papers ../papers/index.html", "Authors ../authors/index.html", "Search ../search/index.html",
            "My list ../my-list/index.html", "About this site ../about/index.html [page]",
        ])
        #expect(Self.nav(try site.read("Output/papers/index.html")).last == "About this site ../about/index.html")
        let about = try site.read("Output/about/index.html")
        #expect(about.contains(#"<link rel="stylesheet" href="../assets/style.css">"#))
        #expect(!about.contains("\u{1}"))
        #expect(try SearchIndexTests.records(site).contains { $0.prefix(3) == ["page", "About this site", "../about/index.html"] })
    }

    // MARK: - Several guides

    static func threeGuides() throws -> TemporarySite {
        let site = try TemporarySite(fixture: "three-guides")
        try site.write("---\ntitle: Visiting the booth\nnav: 1\nguide: icml-2023\n---\nHall B, booth 12.\n", to: "Content/pages/booth.md")
        try site.write("---\ntitle: Reading list\nguide: acl-2024\n---\nOur picks.\n", to: "Content/pages/reading.md")
        try site.write("---\ntitle: About\nnav: 1\n---\nWho we are.\n", to: "Content/pages/about.md")
        return site
    }

    @Test func aGuidesPageOnASiteOfSeveralGuides() throws {
        let site = try Self.threeGuides()
        try site.write(try site.read("Content/site.yml") + "base_url: https://example.org\n", to: "Content/site.yml")
        try site.build()
        let files = site.snapshot().keys.filter { $0.hasSuffix("index.html") && !$0.contains("papers/") && !$0.contains("topics/") && !$0.contains("authors/") }.sorted()
        #expect(files == [
            "about/index.html", "acl-2024/index.html", "acl-2024/reading/index.html", "careers/index.html",
            "icml-2023/booth/index.html", "icml-2023/index.html", "index.html", "my-list/index.html", "search/index.html", "slt/index.html",
        ])

        let booth = try site.read("Output/icml-2023/booth/index.html")
        #expect(booth.contains("<p>Hall B, booth 12.</p>"))
        #expect(booth.contains("<title>Visiting the booth · Northwind at conferences</title>"))
        #expect(Self.nav(booth) == ["Guides / [true]", "Authors /authors/", "Careers /careers/", "Search /search/", "My list /my-list/", "About /about/"])
        #expect(Self.nav(booth, label: "ICML 2023") == [
            "Topics /icml-2023/", "Papers /icml-2023/papers/", "Visiting the booth /icml-2023/booth/ [page]",
        ])
        // The guide's feed, as on the guide's other pages.
        #expect(booth.contains(#"<link rel="alternate" type="application/atom+xml" title="A quick guide to Northwind’s papers at ICML 2023" href="/icml-2023/feed.xml">"#))

        // In that guide's navigation only.
        #expect(Self.nav(try site.read("Output/icml-2023/papers/index.html"), label: "ICML 2023") == [
            "Topics /icml-2023/", "Papers /icml-2023/papers/ [page]", "Visiting the booth /icml-2023/booth/",
        ])
        #expect(Self.nav(try site.read("Output/acl-2024/index.html"), label: "ACL 2024") == [
            "Topics /acl-2024/ [page]", "Papers /acl-2024/papers/",
        ])
        // A guide's page without a place in the navigation: its guide's navigation, none current.
        let reading = try site.read("Output/acl-2024/reading/index.html")
        #expect(Self.nav(reading, label: "ACL 2024") == ["Topics /acl-2024/", "Papers /acl-2024/papers/"])
        #expect(Self.nav(reading) == ["Guides / [true]", "Authors /authors/", "Careers /careers/", "Search /search/", "My list /my-list/", "About /about/"])
        // A page of the site: in the main navigation, no guide's.
        let about = try site.read("Output/about/index.html")
        #expect(Self.nav(about) == ["Guides /", "Authors /authors/", "Careers /careers/", "Search /search/", "My list /my-list/", "About /about/ [page]"])
        #expect(!about.contains("guide-nav"))
        #expect(Self.nav(try site.read("Output/index.html")) == ["Guides / [page]", "Authors /authors/", "Careers /careers/", "Search /search/", "My list /my-list/", "About /about/"])

        let sitemap = try site.read("Output/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/search/</loc></url>\n  <url><loc>https://example.org/about/</loc></url>\n  <url><loc>https://example.org/icml-2023/booth/</loc></url>\n  <url><loc>https://example.org/acl-2024/reading/</loc></url>\n</urlset>"))
        #expect(try SearchIndexTests.records(site).filter { $0[0] == "page" } == [
            ["page", "About", "/about/", "", ""], ["page", "Visiting the booth", "/icml-2023/booth/", "", "ICML 2023"],
            ["page", "Reading list", "/acl-2024/reading/", "", "ACL 2024"],
        ])
    }

    /// On a site of one guide, a guide's page is at the root, in the main navigation.
    @Test func aGuidesPageOnASiteOfOneGuide() throws {
        let site = try TemporarySite([
            "Content/icml-2023.txt": TemporarySite.minimalGuide,
            "Content/pages/booth.md": "---\ntitle: Visiting the booth\nnav: 1\nguide: icml-2023\n---\nHall B.\n",
        ])
        try site.build()
        #expect(Self.nav(try site.read("Output/booth/index.html")) == [
            "Topics /", "Papers /papers/", "Authors /authors/", "Search /search/", "My list /my-list/", "Visiting the booth /booth/ [page]",
        ])
    }

    // MARK: - Addresses the site already uses

    @Test func anAddressTheSiteUsesIsAnErrorNamingBoth() throws {
        func errors(_ files: [String: String], fixture: Bool = false) throws -> [String] {
            let site = fixture ? try TemporarySite(fixture: "three-guides") : try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
            for (path, text) in files { try site.write(text, to: path) }
            let failure = #expect(throws: BuildFailure.self) { try site.build() }
            return Self.described(failure?.errors, site)
        }
        #expect(try errors(["Content/pages/authors.md": "---\ntitle: Our authors\n---\n"]) == [
            "Content/pages/authors.md:1: error: this page's address /authors/ is the site's own (the authors' index): rename the file",
        ])
        #expect(try errors(["Content/pages/papers.md": "---\ntitle: Papers\n---\n", "Content/pages/images.md": "---\ntitle: Images\n---\n"]) == [
            "Content/pages/images.md:1: error: this page's address /images/ is the site's own (the figures' images): rename the file",
            "Content/pages/papers.md:1: error: this page's address /papers/ is the site's own (the All papers list): rename the file",
        ])
        #expect(try errors(["Content/pages/icml-2023.md": "---\ntitle: ICML\n---\n"], fixture: true) == [
            "Content/pages/icml-2023.md:1: error: this page's address /icml-2023/ is that of the guide Content/icml-2023.txt: rename one of the two files",
        ])
        #expect(try errors(["Content/pages/topics.md": "---\ntitle: Topics\nguide: slt\n---\n"], fixture: true) == [
            "Content/pages/topics.md:1: error: this page's address /slt/topics/ is the guide's own (the topic pages): rename the file",
        ])
        #expect(try errors(["Content/pages/schedule.md": "---\ntitle: Schedule\n---\n"]) == [
            "Content/pages/schedule.md:1: error: this page's address /schedule/ is the site's own (kept for the schedule): rename the file",
        ])
    }

    /// The names a guide cannot take on a site of several are the site's own
    /// addresses: a page cannot take them either (`site` is a settings file's name, no address).
    @Test func theSitesOwnAddressesIncludeTheNamesGuidesCannotTake() {
        #expect(Set(ExtraPageFile.siteRoutes.keys).isSuperset(of: ContentSource.reservedSlugs.subtracting(["site"])))
    }

    /// A page named like a guide is fine on a site of one guide (its pages are at the root).
    @Test func aPageNamedLikeTheOnlyGuide() throws {
        let site = try TemporarySite([
            "Content/icml-2023.txt": TemporarySite.minimalGuide,
            "Content/pages/icml-2023.md": "---\ntitle: ICML\n---\n",
        ])
        try site.build()
        #expect(site.exists("Output/icml-2023/index.html"))
    }

    // MARK: - Rebuilds

    static func rebuild(_ session: BuildSession, _ site: TemporarySite, _ paths: String...) throws -> RebuildReport {
        try session.rebuild(changedPaths: paths.map { site.root.appendingPathComponent($0).path })
    }

    @Test func editingAddingAndRemovingPagesRebuildsWhatTheyReach() throws {
        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Content/site.yml": "base_url: https://example.org/\n",
            "Content/pages/about.md": Self.about,
        ])
        let session = BuildSession(options: site.options)
        let pageCount = try session.build().pageCount
        #expect(pageCount == 13)

        // The body: that page only, and the search index's terms (a page's body is searched).
        try site.write(Self.about + "\nMore.\n", to: "Content/pages/about.md")
        var report = try Self.rebuild(session, site, "Content/pages/about.md")
        #expect(report.pagesRendered == 1)
        #expect(report.pagesRewritten == 1)
        #expect(report.filesWritten == 2, "the search index's bucket of terms and its meta file (for its stamp)")
        #expect(try site.read("Output/about/index.html").contains("<p>More.</p>"))
        try IncrementalBuildTests.expectSameAsFullBuild(site)

        // A page outside the navigation: itself, the sitemap and the search index.
        try site.write("---\ntitle: Imprint\n---\nWho publishes this.\n", to: "Content/pages/imprint.md")
        report = try Self.rebuild(session, site, "Content/pages/imprint.md")
        #expect(report.pagesRendered == 1)
        #expect(report.filesWritten == 4, "sitemap, the search index's meta file, its terms and its results")
        try IncrementalBuildTests.expectSameAsFullBuild(site)

        // Into the navigation: every page.
        try site.write("---\ntitle: Imprint\nnav: 5\n---\nWho publishes this.\n", to: "Content/pages/imprint.md")
        report = try Self.rebuild(session, site, "Content/pages/imprint.md")
        #expect(report.pagesRendered == pageCount + 1)
        #expect(report.pagesRewritten == pageCount + 1)
        #expect(Self.nav(try site.read("Output/authors/index.html")).suffix(2) == ["About this site /about/", "Imprint /imprint/"])
        try IncrementalBuildTests.expectSameAsFullBuild(site)

        // Retitled: every page, since the navigation shows its title.
        try site.write(Self.about.replacingOccurrences(of: "title: About this site", with: "title: About us"), to: "Content/pages/about.md")
        report = try Self.rebuild(session, site, "Content/pages/about.md")
        #expect(report.pagesRewritten == pageCount + 1)
        #expect(try site.read("Output/papers/index.html").contains(">About us</a>"))
        try IncrementalBuildTests.expectSameAsFullBuild(site)

        // Removed: its file goes, and its item from every page.
        try site.remove("Content/pages/about.md")
        report = try Self.rebuild(session, site, "Content/pages/about.md")
        #expect(report.filesDeleted == 2, "its page, and the chunk of search results that held it, under its old name")
        #expect(!site.exists("Output/about"))
        #expect(!(try site.read("Output/index.html").contains("About us")))
        try IncrementalBuildTests.expectSameAsFullBuild(site)

        // The whole folder removed, then a page that fails, then fixed.
        try site.remove("Content/pages")
        _ = try Self.rebuild(session, site, "Content/pages")
        #expect(!site.exists("Output/imprint"))
        try IncrementalBuildTests.expectSameAsFullBuild(site)
        try site.write("---\nnav: 1\n---\n", to: "Content/pages/contact.md")
        let failure = #expect(throws: BuildFailure.self) { try Self.rebuild(session, site, "Content/pages/contact.md") }
        #expect(Self.described(failure?.errors, site) == ["Content/pages/contact.md:1: error: the front matter has no title: add one, like: title: About this site"])
        try site.write("---\ntitle: Contact\nnav: 1\n---\nWrite to us.\n", to: "Content/pages/contact.md")
        _ = try Self.rebuild(session, site, "Content/pages/contact.md")
        #expect(try site.read("Output/contact/index.html").contains("<p>Write to us.</p>"))
        try IncrementalBuildTests.expectSameAsFullBuild(site)
    }

    /// A page moved to another guide: its address and both guides' navigations.
    @Test func aPageMovedBetweenGuides() throws {
        let site = try Self.threeGuides()
        let session = BuildSession(options: site.options)
        try session.build()
        try site.write("---\ntitle: Visiting the booth\nnav: 1\nguide: slt\n---\nHall B, booth 12.\n", to: "Content/pages/booth.md")
        let report = try Self.rebuild(session, site, "Content/pages/booth.md")
        #expect(report.filesDeleted == 2, "its page at the old address, and the chunk of search results that held it, under its old name")
        #expect(!site.exists("Output/icml-2023/booth"))
        #expect(Self.nav(try site.read("Output/slt/booth/index.html"), label: "SLT 2022").last == "Visiting the booth /slt/booth/ [page]")
        #expect(Self.nav(try site.read("Output/icml-2023/index.html"), label: "ICML 2023").count == 2)
        try IncrementalBuildTests.expectSameAsFullBuild(site)

        // Its guide removed: an error with the line, then the page follows another guide.
        try site.remove("Content/slt.txt")
        try site.remove("Content/slt.yml")
        let failure = #expect(throws: BuildFailure.self) { try Self.rebuild(session, site, "Content/slt.txt", "Content/slt.yml") }
        #expect(Self.described(failure?.errors, site) == [
            "Content/pages/booth.md:4: error: guide \"slt\" is not a guide of this site; write the slug of one of acl-2024, icml-2023 (the guide's file name without .txt)",
        ])
        try site.write("---\ntitle: Visiting the booth\nguide: acl-2024\n---\nHall B, booth 12.\n", to: "Content/pages/booth.md")
        _ = try Self.rebuild(session, site, "Content/pages/booth.md")
        #expect(site.exists("Output/acl-2024/booth/index.html"))
        try IncrementalBuildTests.expectSameAsFullBuild(site)
    }
}
