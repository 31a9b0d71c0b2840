import Foundation
import Testing
@testable import GuideKit

/// Titles and names are text, never markup; prose is Markdown in safe mode;
/// content is never evaluated as a template.
@Suite struct EscapingTests {
    static let hostileGuide = """
    A quick guide to <script>alert('title')</script> papers at KDD 2024

    Across many topics, {{site.base}} research blends theory and practice.

    The intro has raw <b onclick="x()">HTML</b> and <script>alert('intro')</script> in it, and a [link](javascript:alert(1)).

    Graph <i>mining</i>

    Graph mining finds structure in networks.

    Counting {{#papers}}motifs{{/papers}} on <img src=x onerror=alert(1)> graphs
    Lena <script>Albrecht</script>, Tomas Ruiz
    """

    @Test func titlesNamesAndProseAreEscaped() throws {
        let site = try TemporarySite(["Content/guide.txt": Self.hostileGuide])
        let result = try site.build()
        _ = result
        let paperSlug = try Fixtures.parse(Self.hostileGuide).guide.papers[0].slug
        let pages = [try site.read("Output/index.html"),
                     try site.read("Output/papers/\(paperSlug)/index.html"),
                     try site.read("Output/topics/graph-i-mining-i/index.html")]
        for html in pages {
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<img src=x"))
            #expect(!html.contains("<i>mining</i>"))
            #expect(!html.contains("onclick=\"x()\""))
            #expect(!html.contains("javascript:alert"))
        }
        #expect(pages[0].contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(pages[0].contains("The intro has raw &lt;b onclick=&quot;x()&quot;&gt;HTML&lt;/b&gt; and &lt;script&gt;"),
                "raw HTML shows as text, nothing it holds is lost")
        #expect(pages[1].contains("Counting {{#papers}}motifs{{/papers}} on &lt;img src=x onerror=alert(1)&gt; graphs"))
        #expect(pages[0].contains("{{site.base}} research"), "content is not evaluated as a template")
    }

    @Test func rawHTMLPassesWhenTheConfigAllowsIt() throws {
        let site = try TemporarySite([
            "Content/guide.txt": Self.hostileGuide,
            "Content/site.yml": "allow_raw_html: true\n",
        ])
        try site.build()
        let home = try site.read("Output/index.html")
        #expect(home.contains("<b onclick=\"x()\">HTML</b>"))
        #expect(home.contains("&lt;script&gt;alert(&#39;title&#39;)"), "titles stay escaped")
    }

    @Test func byteLevelEscaperMatchesMustacheRules() {
        #expect(HTMLEscaper.escape("a < b & \"c\" > 'd' é") == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39; é")
        let plain = "Nothing to escape, café"
        #expect(HTMLEscaper.escape(plain) == plain)
    }

    /// JSON in a `<script>` (a paper's JSON-LD): quotes, backslashes and
    /// control characters escaped as JSON needs, and "<", ">" and "&" too,
    /// so that no "</script>" ends the element; a JSON parser reads back
    /// every string as it was.
    @Test func jsonInAScriptIsJSONWithNoMarkup() throws {
        #expect(JSONText.string("Zoë & \"Bob\" </script> a\\b\n\t\u{1}", forScript: true) == #""Zoë \u0026 \"Bob\" \u003c/script\u003e a\\b\n\t\u0001""#)
        #expect(JSONText.string("plain", forScript: true) == #""plain""#)
        #expect(JSONText.string("a < b & c") == #""a < b & c""#, "only in a script")
        #expect(JSONText.object([("name", JSONText.string("x")), ("@type", JSONText.string("Person"))]) == #"{"@type":"Person","name":"x"}"#)
        var random = RandomEditTests.SeededRandom(state: 9)
        let pieces = ["a", "é", "\"", "\\", "<", ">", "&", "\n", "\r", "\t", "\u{0}", "\u{1f}", "\u{7f}", "王", "😀", "/", " "]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let json = JSONText.array([JSONText.string(text, forScript: true)])
            #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            #expect(parsed == [text], "\(json)")
        }
    }
}
