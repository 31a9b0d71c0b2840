import Foundation
import Testing
@testable import GuideKit

/// Markdown constructs that cmark would drop or hide keep their text on the
/// page. Expected HTML written by hand.
@Suite struct MarkdownRendererTests {
    let safe = MarkdownRenderer()

    @Test func aLinkReferenceDefinitionStaysAsText() {
        #expect(safe.html("[1]: https://example.org/ref") == "<p>[1]: https://example.org/ref</p>\n")
        #expect(safe.html("Intro.\n\n[a]: /u\n[b]: /v \"T\"\n\nSee [a].")
                == "<p>Intro.</p>\n<p>[a]: /u\n[b]: /v &quot;T&quot;</p>\n<p>See [a].</p>\n")
        // Indented by up to three spaces, and with "\]" in the label.
        #expect(safe.html("   [x\\]y]: /z") == "<p>[x]y]: /z</p>\n")
    }

    @Test func fencedCodeAndOtherBracketsAreLeftAsTheyAre() {
        #expect(safe.html("```\n[1]: kept as code\n```") == "<pre><code>[1]: kept as code\n</code></pre>\n")
        #expect(safe.html("[a link](https://example.org): yes") == "<p><a href=\"https://example.org\">a link</a>: yes</p>\n")
        #expect(safe.html("[]: not a label") == "<p>[]: not a label</p>\n")
    }

    @Test func rawHTMLShowsAsTextInSafeMode() {
        #expect(safe.html("<div class=\"note\">\nHidden no more\n</div>")
                == "<p>&lt;div class=&quot;note&quot;&gt;\nHidden no more\n&lt;/div&gt;</p>\n")
        #expect(safe.html("Text <!-- a note --> and <b>bold</b>.")
                == "<p>Text &lt;!-- a note --&gt; and &lt;b&gt;bold&lt;/b&gt;.</p>\n")
        #expect(safe.html("<!--\nsecret\n-->") == "<p>&lt;!--\nsecret\n--&gt;</p>\n")
        // Autolinks are links, not HTML.
        #expect(safe.html("<https://example.org>") == "<p><a href=\"https://example.org\">https://example.org</a></p>\n")
    }

    @Test func rawHTMLPassesWhenAllowed() {
        let unsafe = MarkdownRenderer(allowsRawHTML: true)
        #expect(unsafe.html("Text <b>bold</b>.") == "<p>Text <b>bold</b>.</p>\n")
        #expect(unsafe.html("<div class=\"note\">\nx\n</div>") == "<div class=\"note\">\nx\n</div>\n")
    }

    @Test func dangerousLinksLoseTheirTargetButKeepTheirText() {
        #expect(safe.html("[click](javascript:alert(1))") == "<p><a href=\"\">click</a></p>\n")
    }
}

/// A text saved again in another Unicode normalisation (some editors do)
/// reaches the pages as saved, as a full build would write them.
@Suite struct NormalisationEditTests {
    /// "Café" with e and the combining acute accent (U+0301) in the guide is
    /// "Café" with the precomposed é (U+00E9) on its pages, as in a settings file.
    @Test func textIsWrittenInNormalFormC() throws {
        let site = try TemporarySite([
            "Content/guide.txt": "A quick guide to Northwind's papers at KDD 2024\n\nIntro.\n\nCafe\u{301} ranking\n\nCafe\u{301} recommendations.\n\nA paper\nRene\u{301}e Lima\n",
            "Content/site.yml": "title: Cafe\u{301} guides\n",
        ])
        try site.build()
        let pages = site.snapshot()
        func shows(_ page: String, _ text: String) -> Bool { pages[page]!.range(of: Data(text.utf8)) != nil }
        for page in ["topics/cafe-ranking/index.html", "papers/a-paper/index.html"] {
            #expect(shows(page, "Caf\u{E9} ranking") && shows(page, "Ren\u{E9}e Lima") && shows(page, "Caf\u{E9} guides"), "\(page)")
            #expect(!shows(page, "e\u{301}"), "\(page)")
        }
        #expect(shows("topics/cafe-ranking/index.html", "<p>Caf\u{E9} recommendations.</p>"))
    }

    @Test(arguments: [
        ("Caf\u{E9} ranking", "Cafe\u{301} ranking"),  // a topic's title
        ("Caf\u{E9} recommendations.", "Cafe\u{301} recommendations."),  // its description
        ("Ren\u{E9}e Lima", "Rene\u{301}e Lima"),  // an author
        ("Caf\u{E9} papers", "Cafe\u{301} papers"),  // a paper's title
    ])
    func aTextSavedInTheOtherNormalisation(_ composed: String, _ decomposed: String) throws {
        let guide = """
            A quick guide to Northwind's papers at KDD 2024

            Intro.

            Caf\u{E9} ranking

            Caf\u{E9} recommendations.

            Caf\u{E9} papers
            Ren\u{E9}e Lima, Bo Chen
            """
        let site = try TemporarySite(["Content/guide.txt": guide])
        let session = BuildSession(options: site.options)
        try session.build()
        try site.write(guide.replacingOccurrences(of: composed, with: decomposed), to: "Content/guide.txt")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/guide.txt").path])
        try IncrementalBuildTests.expectSameAsFullBuild(site)
    }
}
