import Testing
@testable import GuideKit

/// Template problems name `Templates/<file>:<line>:<column>` and say what is wrong.
@Suite struct TemplateErrorTests {
    static func pages(overriding name: String, with text: String) -> [String: String] {
        var sources = Dictionary(uniqueKeysWithValues: TemplateSet.pageTemplates.map { ($0, "<p>{{page.title}}</p>") })
        sources[name] = text
        return sources
    }

    @Test func unclosedSectionNamesFileLineAndColumn() {
        let sources = Self.pages(overriding: "paper", with: "<h1>{{page.title}}</h1>\n<ul>\n{{#paper.authors}}<li>{{name}}</li>\n</ul>\n")
        #expect(throws: Diagnostic.error("Templates/paper.mustache", line: 5, column: 1,
                                         "a section is never closed: expected {{/name}} before the end of the file")) {
            try TemplateSet(sources: sources)
        }
    }

    @Test func mismatchedClosingTag() throws {
        let sources = Self.pages(overriding: "topic", with: "{{#topic}}\n  {{title}}\n  {{/topics}}\n")
        let error = #expect(throws: Diagnostic.self) { try TemplateSet(sources: sources) }
        #expect(error?.description.hasPrefix("Templates/topic.mustache:3:") == true)
        #expect(error?.message == "this closing tag {{/…}} does not match the section that is open")
    }

    @Test func unfinishedTagOnTheFirstLineHasTheAuthorsColumn() throws {
        let sources = Self.pages(overriding: "home", with: "<h1>{{site.title</h1>")
        let error = #expect(throws: Diagnostic.self) { try TemplateSet(sources: sources) }
        #expect(error?.line == 1)
        #expect(error?.column == 17, "where the name stops: the prepended content-type tag is not counted")
        #expect(error?.message == "this tag is not finished: expected a name and then }}")
    }

    @Test func missingPartialIsAnError() {
        let sources = Self.pages(overriding: "papers", with: "<ul>\n  {{> paper-kard}}\n</ul>")
        #expect(throws: Diagnostic.error("Templates/papers.mustache", line: 2, column: 3,
                                         "partial \"paper-kard\" not found: no paper-kard.mustache in the templates folder")) {
            try TemplateSet(sources: sources)
        }
    }

    @Test func missingPageTemplate() {
        var sources = Self.pages(overriding: "home", with: "x")
        sources["careers"] = nil
        #expect(throws: Diagnostic.error("Templates", "missing page template: careers.mustache")) {
            try TemplateSet(sources: sources)
        }
    }

    @Test func aPartialThatIncludesItselfIsAnError() {
        var sources = Self.pages(overriding: "paper", with: "{{#paper}}{{>figure}}{{/paper}}")
        sources["figure"] = "<figure>\n  {{> figure}}\n</figure>\n"
        #expect(throws: Diagnostic.error("Templates/figure.mustache", line: 2, column: 3,
                                         "\"figure\" uses itself (figure → figure): rendering it would never end")) {
            try TemplateSet(sources: sources)
        }
    }

    @Test func aLayoutThatExtendsItselfIsAnError() {
        var sources = Self.pages(overriding: "home", with: "{{<layout}}{{$main}}x{{/main}}{{/layout}}")
        sources["layout"] = "<main>{{$main}}{{/main}}</main>\n{{<layout}}{{/layout}}"
        #expect(throws: Diagnostic.error("Templates/layout.mustache", line: 2, column: 1,
                                         "\"layout\" uses itself (layout → layout): rendering it would never end")) {
            try TemplateSet(sources: sources)
        }
    }

    @Test func templatesThatUseEachOtherAreAnError() {
        var sources = Self.pages(overriding: "home", with: "{{>card}}")
        sources["card"] = "<div>{{>byline}}</div>"
        sources["byline"] = "<p>\n{{#authors}}{{>card}}{{/authors}}</p>"
        #expect(throws: Diagnostic.error("Templates/byline.mustache", line: 2, column: 13,
                                         "\"byline\" uses itself (byline → card → byline): rendering it would never end")) {
            try TemplateSet(sources: sources)
        }
    }

    /// swift-mustache parses sections by recursion: 10,000 levels overflowed its stack (and are over the size limit too).
    @Test func deepNestingIsAnError() {
        let sources = Self.pages(overriding: "topic", with: String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000))
        #expect(throws: Diagnostic.error("Templates/topic.mustache", line: 1, column: 601, "sections nest more than 100 deep here")) {
            try TemplateSet(sources: sources)
        }
        let fine = Self.pages(overriding: "topic", with: String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100))
        #expect(throws: Never.self) { try TemplateSet(sources: fine) }
    }

    /// swift-mustache's parser takes time that grows with the square of the size.
    @Test func aHugeTemplateIsAnError() {
        let sources = Self.pages(overriding: "search", with: String(repeating: "{{x}}", count: 512 * 1024 / 5))
        #expect(throws: Diagnostic.error("Templates/search.mustache", line: 1, column: 1,
                                         "the template is 524 KB, over the limit of 100 KB: split it into partials, or move large styles and scripts into Templates/assets/")) {
            try TemplateSet(sources: sources)
        }
    }
}
