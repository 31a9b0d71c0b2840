import Foundation
import Testing

/// `guide build` run as a process on the fixture site in Tests/Fixtures/sites/basic.
@Suite struct BuildCommandTests {
    static let papers = [
        "session-graphs-for-next-item-recommendation",
        "debiasing-implicit-feedback-with-inverse-propensity",
        "listwise-losses-for-long-result-pages",
    ]
    static let authors = ["aiko-tanaka", "ravi-menon", "cedric-jensen", "omar-haddad"]

    @Test func buildsTheWholeSite() throws {
        let project = try ProjectFolder(fixture: "basic")
        let run = try project.guide("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Built 16 pages"))
        #expect(run.stdout.contains("1 home, 2 topic, 1 papers, 3 paper, 1 authors, 4 author, 1 careers, 1 search, 1 my-list, 1 404"))
        #expect(run.stderr == """
            Content/guide.txt:31: note: heading "Research areas" has nothing under it (the next line is a heading, or the end), so no page shows it
            Content/guide.txt:33: note: "Related content" opens the job postings, which the careers page lists under its own title; no page shows this line
            Content/guide.txt:28: warning: figure image "Missing figure.png" not found in Content/images/; the page shows a captioned placeholder

            """)

        // The search index's one chunk of results is named in meta.js: "chunks":[[11,"<name>"]].
        let meta = try project.read("Output/search/meta.js")
        let chunkName = try #require(meta.firstMatch(of: /"chunks":\[\[11,"([0-9a-z]+)"\]\]/)?.1)
        var expected = ["404.html", "index.html", "feed.xml", "robots.txt", "sitemap.xml", ".guide-output",
                        "search/meta.js", "search/t/0.js", "search/d/\(chunkName).js", "search/index.html", "my-list/index.html", "papers/index.html", "authors/index.html",
                        "careers/index.html", "topics/recommender-systems/index.html", "topics/search-ranking/index.html",
                        "images/session-graph.png", "papers.bib", "papers.ris", "papers.json"]
        expected += Self.papers.map { "papers/\($0)/index.html" } + Self.authors.map { "authors/\($0)/index.html" }
        expected += Self.papers.flatMap { paper in ["bib", "ris", "json"].map { "papers/\(paper)/cite.\($0)" } }
        let assets = project.files(under: "Templates/assets").map { "assets/\($0)" }
        #expect(project.files(under: "Output") == (expected + assets).sorted())
        #expect(project.data("Output/images/session-graph.png") == project.data("Content/images/Session graph.png"))
        for page in expected where page.hasSuffix(".html") {
            let html = try project.read("Output/\(page)")
            for tag in ["{{!", "{{#", "{{/", "{{^", "{{>", "{{<", "{{$", "{{{", " }}"] {
                #expect(!html.contains(tag), "Mustache syntax \(tag) leaked into \(page)")
            }
        }
    }

    @Test func pagesShowTheGuide() throws {
        let project = try ProjectFolder(fixture: "basic")
        #expect(try project.guide("build").status == 0)
        let base = "/kdd/"

        let home = try project.read("Output/index.html")
        #expect(home.contains("A quick guide to Northwind’s papers at KDD 2024"))
        #expect(home.contains("Across many topics, Northwind research blends theory and practice."))
        #expect(home.contains("<em>four</em>"), "the intro goes through cmark")
        #expect(home.contains("href=\"\(base)topics/recommender-systems/\""))
        #expect(home.contains("Machine learning"), "the preamble label is shown")

        let topic = try project.read("Output/topics/recommender-systems/index.html")
        #expect(topic.contains("Recommender systems rank items for users from sparse feedback."))
        #expect(topic.contains("src=\"\(base)images/session-graph.png\""))
        #expect(topic.contains("width=\"16\" height=\"9\""), "the size in the PNG's header")
        #expect(topic.contains("href=\"\(base)topics/search-ranking/\""), "next topic")
        #expect(topic.contains("href=\"\(base)papers/\(Self.papers[0])/\""))

        let paper = try project.read("Output/papers/\(Self.papers[2])/index.html")
        #expect(paper.contains("href=\"\(base)authors/cedric-jensen/\""))
        #expect(paper.contains("Cédric Jensen"))
        #expect(paper.contains("href=\"\(base)topics/search-ranking/\""))
        #expect(paper.contains("@inproceedings{jensen2024listwise"))
        #expect(paper.contains("href=\"\(base)papers/\(Self.papers[1])/\""), "other papers by the same authors")
        #expect(paper.contains("Missing figure.png"), "the placeholder names the missing image")

        let author = try project.read("Output/authors/ravi-menon/index.html")
        #expect(author.contains(Self.papers[0]) && author.contains(Self.papers[1]))
        #expect(author.contains("href=\"\(base)authors/aiko-tanaka/\""), "co-authors are linked")

        let careers = try project.read("Output/careers/index.html")
        #expect(careers.components(separatedBy: "<li class=\"posting\"").count == 2, "identical texts are one posting")
        #expect(careers.contains("US, NY, New York") && careers.contains("DE, BE, Berlin"))
        #expect(careers.contains("<li>Design ranking models</li>"))

        let authors = try project.read("Output/authors/index.html")
        #expect(authors.contains("Omar Haddad") && authors.contains("Aiko Tanaka"))
    }

    @Test func sitemapRobotsFeedAndSearchIndex() throws {
        let project = try ProjectFolder(fixture: "basic")
        #expect(try project.guide("build").status == 0)
        let base = "https://guides.example.org/kdd/"
        let paths = [""] + ["topics/recommender-systems/", "topics/search-ranking/", "papers/"]
            + Self.papers.map { "papers/\($0)/" } + ["authors/"] + Self.authors.map { "authors/\($0)/" }
            + ["careers/", "search/"]
        let sitemap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(paths.map { "  <url><loc>\(base)\($0)</loc></url>" }.joined(separator: "\n"))
        </urlset>

        """
        #expect(try project.read("Output/sitemap.xml") == sitemap)
        #expect(try project.read("Output/robots.txt") == "User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n")

        let feed = try project.read("Output/feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count == 4)
        #expect(feed.contains("<id>\(base)papers/\(Self.papers[0])/</id>"))

        // The search index's results: guideSearchLoaded("d/<name>",[[kind, title, url, detail, guide], …]);
        let meta = try project.read("Output/search/meta.js")
        let chunkName = try #require(meta.firstMatch(of: /"chunks":\[\[11,"([0-9a-z]+)"\]\]/)?.1)
        let chunk = try project.read("Output/search/d/\(chunkName).js")
        let start = #"guideSearchLoaded("d/\#(chunkName)","#
        #expect(chunk.hasPrefix(start) && chunk.hasSuffix(");\n"))
        let records = try JSONDecoder().decode([[String]].self, from: Data(chunk.dropFirst(start.count).dropLast(3).utf8))
        #expect(records.map(\.[0]) == ["guide", "topic", "topic", "author", "author", "author", "author", "posting", "paper", "paper", "paper"])
        #expect(records.first { $0[0] == "paper" }?[3] == "Aiko Tanaka and Ravi Menon · Recommender systems")
        #expect(records.allSatisfy { $0[2].hasPrefix("/kdd/") })
        #expect(try project.read("Output/search/meta.js").contains(#""documents":11,"#))
    }

    @Test func baseURLOptionOverridesTheConfig() throws {
        let project = try ProjectFolder(fixture: "basic")
        #expect(try project.guide("build", "--base-url", "/sub/folder", "--output", "Public").status == 0)
        let home = try project.read("Public/index.html")
        #expect(home.contains("href=\"/sub/folder/papers/\""))
        #expect(home.contains("/sub/folder/assets/"))
        #expect(!home.contains("/kdd/"))
        #expect(try project.read("Public/robots.txt") == "User-agent: *\nAllow: /\n")
    }

    @Test func helpExplainsTheCommand() throws {
        let project = try ProjectFolder(templates: false)
        let run = try project.guide("build", "--help")
        #expect(run.status == 0)
        for option in ["--content", "--templates", "--output", "--base-url"] {
            #expect(run.stdout.contains(option))
        }
    }
}
