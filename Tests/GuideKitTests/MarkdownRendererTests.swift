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
