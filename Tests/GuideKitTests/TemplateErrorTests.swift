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
}
