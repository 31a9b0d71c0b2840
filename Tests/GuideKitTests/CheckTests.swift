import Testing
@testable import GuideKit

/// The parts of `guide check`: reading a page's links, resolving them as a
/// browser does, and telling names that are probably one person.
@Suite struct CheckTests {
    @Test func pageLinksReadsHrefSrcAndIdAttributes() {
        let page = PageLinks(html: Array("""
            <a href="/papers/a/">A</a><img class="x" src="../images/b%20c.png" alt="data-href=&quot;no&quot;">
            <h2 id="top">T</h2><a
             href="/search/?q=a&amp;b=c">S</a><div data-id="not-an-id" id="x&amp;y"></div>
            """.utf8))
        #expect(page.links == ["/papers/a/", "../images/b%20c.png", "/search/?q=a&b=c"])
        #expect(page.ids == ["top", "x&y"])
    }

    static let check = LinkCheck(basePath: "/guides/", absoluteBase: "https://example.org/guides/",
                                 files: ["index.html", "papers/a/index.html", "images/b c.png", "feed.xml", "404.html"],
                                 ids: ["papers/a/index.html": ["fig-1"], "index.html": [], "404.html": ["main"]],
                                 sources: [], outputDisplayPath: "Output")

    @Test(arguments: [
        ("/guides/papers/a/", "index.html", LinkCheck.Target.inside(path: "papers/a/", fragment: nil)),
        ("papers/a/#fig-1", "index.html", .inside(path: "papers/a/", fragment: "fig-1")),
        ("../../images/b%20c.png", "papers/a/index.html", .inside(path: "images/b c.png", fragment: nil)),
        ("../../", "papers/a/index.html", .inside(path: "", fragment: nil)),
        ("#main", "404.html", .inside(path: "404.html", fragment: "main")),
        ("https://example.org/guides/feed.xml", "index.html", .inside(path: "feed.xml", fragment: nil)),
        ("https://arxiv.org/abs/2301.05182", "index.html", .outside("https://arxiv.org/abs/2301.05182")),
        ("//cdn.example.com/x.js", "index.html", .outside("https://cdn.example.com/x.js")),
        ("/elsewhere/", "index.html", .outside("https://example.org/elsewhere/")),
        ("mailto:jobs@example.org", "index.html", .ignored),
        ("", "index.html", .ignored),
    ])
    func linksResolveAsABrowserResolvesThem(link: String, page: String, expected: LinkCheck.Target) {
        #expect(Self.check.target(of: link, from: page) == expected)
    }

    @Test func brokenLinksAndAnchorsAreFoundOnce() {
        var a = PageLinks(html: [])
        a.links = ["/guides/papers/a/#fig-1", "/guides/papers/b/", "/guides/papers/a/#fig-2", "/guides/papers/a"]
        var b = PageLinks(html: [])
        b.links = ["/guides/papers/b/", "https://arxiv.org/abs/1", "https://arxiv.org/abs/1"]
        let found = Self.check.problems(in: [("index.html", a), ("404.html", b)])
        #expect(found.diagnostics.map(\.description) == [
            "Output/index.html: error: link to \"/guides/papers/b/\" leads to no page or file of the site (on 2 pages)",
            "Output/index.html: error: link to \"/guides/papers/a/#fig-2\" names no element of its page (no id \"fig-2\" on papers/a/index.html)",
        ])
        #expect(found.external == [ExternalLink(url: "https://arxiv.org/abs/1", file: "Output/404.html", line: nil, pages: 2)])
    }

    @Test func aBrokenLinkWrittenInAGuideIsReportedAtItsLine() {
        var check = Self.check
        check.sources = [.init(displayPath: "Content/icml.txt", bytes: Array("Title\n\nSee [the code](/guides/code/).\n".utf8))]
        var page = PageLinks(html: [])
        page.links = ["/guides/code/"]
        #expect(check.problems(in: [("index.html", page)]).diagnostics.map(\.description) == [
            "Content/icml.txt:3: error: link to \"/guides/code/\" leads to no page or file of the site",
        ])
    }

    @Test(arguments: [
        ("A. Ruiz", "Ana Ruiz", true), ("J.-P. Martin", "Jean-Pierre Martin", true), ("Ana M. Ruiz", "Ana Ruiz", true),
        ("A. N. Ferraz", "Ana Ferraz", true), ("Ana Ruiz", "Ana Ruiz", false), ("A. Ruiz", "Bo Ruiz", false),
        ("Ana Ruiz", "Maria Ruiz", false), ("A. Ruiz", "A. Ruiz", false), ("Ana Ruiz", "Ana Ortega", false),
        ("M. Ruiz", "Ana Ruiz", false), ("Søren A. Ødegaard", "S. Ødegaard", true), ("José Núñez", "J. Nunez", true),
    ])
    func initialsAndFullGivenNames(a: String, b: String, same: Bool) {
        #expect(NameCheck.differByInitials(a, b) == same)
        #expect(NameCheck.differByInitials(b, a) == same)
    }

    @Test func similarAuthorsAcrossGuidesUnlessAuthorsYmlSaysOtherwise() throws {
        let first = try GuideParser().parse(text: """
            A quick guide to our papers at ICML 2023

            The intro.

            Graphs

            Paper one
            Danielle Maddix Robinson, Bo Li

            Paper two
            A. Ruiz, Bo Lu

            """, file: "Content/icml.txt").guide
        let second = try GuideParser().parse(text: """
            A quick guide to our papers at KDD 2024

            The intro.

            Graphs

            Paper three
            Danielle Madix Robinson, Ana Ruiz

            Paper three
            Ana Ruiz

            """, file: "Content/kdd.txt").guide
        let names = NameCheck(guides: [("icml", first), ("kdd", second)], aliases: AuthorAliases())
        #expect(names.similarAuthors().map(\.description) == [
            "Content/kdd.txt:8: warning: \"Danielle Madix Robinson\" and \"Danielle Maddix Robinson\" (Content/icml.txt:8) are probably one person spelled two ways; if so, add \"Danielle Madix Robinson\": \"Danielle Maddix Robinson\" to authors.yml, else keep them apart there",
            "Content/kdd.txt:8: warning: \"Ana Ruiz\" and \"A. Ruiz\" (Content/icml.txt:11) are probably one person spelled two ways; if so, add \"Ana Ruiz\": \"A. Ruiz\" to authors.yml, else keep them apart there",
        ])
        let aliases = try AuthorAliases.load(yaml: "\"A. Ruiz\": \"Ana Ruiz\"\n\"Danielle Madix Robinson\": \"Danielle Maddix Robinson\"\n", file: "Content/authors.yml")
        #expect(NameCheck(guides: [("icml", first), ("kdd", second)], aliases: aliases).similarAuthors().isEmpty)
    }

    @Test(arguments: [
        ("Danielle Maddix", "Danielle Madix", true), ("Greg Robinson", "Greg Robinsen", true), ("José Núñez", "Jose Núñez", true), ("Nikhil Zhu", "Nikhil Zhou", false), ("Bo Madix", "Bo Maddix", true),
        ("Ana van der Berg", "Ana Van der Berg", true), ("Katarzyna Hansen", "Katarzyna Jansen", false), ("Chen Zhang", "Chen Chang", false),
        ("Hsiang Fu Yu", "Hsiang-Fu Yu", true), ("Lena Albrecht", "Lena Albercht", true), ("Lena Albrecht", "Tomas Ruiz", false),
    ])
    func misspeltNames(a: String, b: String, same: Bool) {
        #expect(NameCheck.probablyMisspelt(a, b) == same)
    }

    @Test(arguments: [("biuld", "build", 1), ("build", "build", 0), ("serve", "server", 1), ("check", "chekc", 1), ("", "new", 3), ("Søren", "Soren", 1)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(EditDistance.between(a, b) == distance)
    }

    @Test func closestCommand() {
        let names = ["new", "build", "serve", "check", "templates", "help"]
        #expect(EditDistance.closest(to: "biuld", among: names) == "build")
        #expect(EditDistance.closest(to: "chek", among: names) == "check")
        #expect(EditDistance.closest(to: "temp", among: names) == "templates")
        #expect(EditDistance.closest(to: "deploy", among: names) == nil)
    }
}

