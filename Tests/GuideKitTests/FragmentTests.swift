import Foundation
import Testing
@testable import GuideKit

/// Fragments: partials rendered once for what they show, inserted by pages.
@Suite struct FragmentTests {
    static let guide = TemporarySite.minimalGuide

    @Test func anAuthorLinkTemplateShapesEveryByline() throws {
        let site = try TemporarySite(["Content/guide.txt": Self.guide,
                                      "Templates/author-link.mustache": "<a class=\"who\" href=\"{{url}}\">{{name}}</a>\n"])
        try site.build()
        let expected = #"<a class="who" href="/authors/lena-albrecht/">Lena Albrecht</a>, <a class="who" href="/authors/tomas-ruiz/">Tomas Ruiz</a>"#
        #expect(try site.read("Output/papers/scalable-motif-counting-on-streaming-graphs/index.html").contains(expected))
        #expect(try site.read("Output/topics/graph-mining/index.html").contains(expected), "cards use it too")
    }

    @Test func listsJoinTheirItemsFragments() throws {
        let site = try TemporarySite(["Content/guide.txt": Self.guide,
                                      "Templates/paper-card.mustache": "<li>card {{title}}</li>",
                                      "Templates/author-chip.mustache": "<li>chip {{name}}</li>"])
        try site.build()
        let author = try site.read("Output/authors/lena-albrecht/index.html")
        #expect(author.contains("<li>card Hierarchical forecasts that stay coherent</li>\n<li>card Scalable motif counting on streaming graphs</li>")
            || author.contains("<li>card Scalable motif counting on streaming graphs</li>\n<li>card Hierarchical forecasts that stay coherent</li>"))
        #expect(author.contains("<li>chip Tomas Ruiz</li>\n<li>chip Priya Raman</li>"))
        #expect(try site.read("Output/papers/index.html").contains(
            "<li>card Hierarchical forecasts that stay coherent</li>\n<li>card Scalable motif counting on streaming graphs</li>"))
    }

    @Test func theChromeKnowsItsPageKind() throws {
        let site = try TemporarySite(["Content/guide.txt": Self.guide])
        try site.build()
        #expect(try site.read("Output/index.html").contains(#"class="header-search""#))
        #expect(try !site.read("Output/search/index.html").contains(#"class="header-search""#), "is.search hides it")
        #expect(try site.read("Output/papers/index.html").contains(#"aria-current="page">Papers</a>"#))
        #expect(try site.read("Output/papers/scalable-motif-counting-on-streaming-graphs/index.html").contains(#"aria-current="true">Papers</a>"#))
    }

    /// A project cannot delete a built-in template; an empty one in its place hides the fragment.
    @Test func anEmptyFragmentTemplateRendersNothing() throws {
        let site = try TemporarySite(["Content/guide.txt": Self.guide, "Templates/author-chip.mustache": ""])
        try site.build()
        #expect(try !site.read("Output/authors/lena-albrecht/index.html").contains(#"class="chip""#))
    }

    @Test func fragmentsAreTrimmedAndEscaped() throws {
        let site = try TemporarySite(["Content/guide.txt": Self.guide.replacingOccurrences(of: "Tomas Ruiz", with: "Tomas <b>Ruiz</b>"),
                                      "Templates/author-link.mustache": "{{! a comment }}\n\n  <a>{{name}}</a>  \n\n"])
        try site.build()
        #expect(try site.read("Output/papers/scalable-motif-counting-on-streaming-graphs/index.html")
            .contains("<a>Lena Albrecht</a>, <a>Tomas &lt;b&gt;Ruiz&lt;/b&gt;</a>"))
    }
}
