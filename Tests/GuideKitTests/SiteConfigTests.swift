import Foundation
import Testing
@testable import GuideKit

@Suite struct SiteConfigTests {
    @Test func readsEverySetting() throws {
        let (config, warnings) = try SiteConfigLoader.load(yaml: """
            base_url: https://example.org/guides/icml
            allow_raw_html: true
            language: de
            papers_per_page: 25
            feed_limit: 20
            missing_images: error
            """, file: "Content/site.yml")
        var expected = SiteConfig(baseURL: "https://example.org/guides/icml", allowsRawHTML: true, language: "de", papersPerPage: 25)
        expected.missingImages = .error
        expected.feedLimit = 20
        #expect(config == expected)
        #expect(SiteConfig().missingImages == .placeholder)
        #expect(SiteConfig().feedLimit == 50)
        #expect(config.basePath == "/guides/icml/")
        #expect(config.absoluteBase == "https://example.org/guides/icml/")
        #expect(warnings.isEmpty)
    }

    @Test func pathOnlyBaseURLs() {
        #expect(SiteConfig(baseURL: "guides/icml").basePath == "/guides/icml/")
        #expect(SiteConfig(baseURL: "/").basePath == "/")
        #expect(SiteConfig(baseURL: "https://example.org").basePath == "/")
        #expect(!SiteConfig(baseURL: "/guides/").isAbsolute)
    }

    @Test func relativeLinks() throws {
        for value in ["relative", ".", "./"] {
            let (config, _) = try SiteConfigLoader.load(yaml: "base_url: \(value)\n", file: "Content/site.yml")
            #expect(config.isRelative && !config.isAbsolute, "\(value)")
            #expect(config.basePath == "/", "guide serve keeps it: \(value)")
            #expect(config.links == SiteLinks(base: "/", relative: true))
        }
        #expect(!SiteConfig(baseURL: "/relative/").isRelative)
    }

    @Test func malformedBaseURLsAreErrorsWithTheirLine() {
        let cases = [
            "./guides/": "base_url \"./guides/\" is a relative path; write relative (or ./) for links relative to each page, or a path from the site's root like /guides/icml/",
            "../": "base_url \"../\" is a relative path; write relative (or ./) for links relative to each page, or a path from the site's root like /guides/icml/",
            "/guides/../x/": "base_url \"/guides/../x/\" has a . or .. folder; it must be an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative",
            "ftp://example.org/": "base_url \"ftp://example.org/\" is not an http or https URL; it must be an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative",
            "https:///guides/": "base_url \"https:///guides/\" has no host; it must be an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative",
            "//example.org/": "base_url \"//example.org/\" has no scheme; write https://example.org/ for an absolute URL, or a path like /guides/icml/",
            "/my guides/": "base_url \"/my guides/\" has a space or a control character in it; it must be an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative",
            "/guides/?v=2": "base_url \"/guides/?v=2\" has a query or fragment (? or #); it must be an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative",
            "example.org:8080/x": "base_url \"example.org:8080/x\" is neither a URL nor a path; it must be an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative",
            "\"\"": "base_url must be an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative",
        ]
        for (value, message) in cases {
            #expect(throws: Diagnostic.error("Content/site.yml", line: 2, message), "\(value)") {
                try SiteConfigLoader.load(yaml: "language: en\nbase_url: \(value)\n", file: "Content/site.yml")
            }
        }
        #expect(throws: Diagnostic.error("--base-url", "--base-url \"./x\" is a relative path; write relative (or ./) for links relative to each page, or a path from the site's root like /guides/icml/")) {
            try SiteConfigLoader.commandLineBaseURL("./x")
        }
        for good in ["/", "/guides/icml/", "guides/icml", "https://example.org", "HTTP://example.org:8080/a/", "relative"] {
            #expect(SiteConfig.problem(withBaseURL: good) == nil, "\(good)")
        }
    }

    @Test func unknownSettingsAreWarnedAboutWithTheirLine() throws {
        let (_, warnings) = try SiteConfigLoader.load(yaml: "language: en\nbase_ulr: /x/\n", file: "Content/site.yml")
        #expect(warnings.map(\.description) == [
            "Content/site.yml:2: warning: unknown setting \"base_ulr\" is ignored (known: allow_raw_html, authors_per_page, base_url, coauthors_shown, feed_limit, language, missing_images, papers_by_letter_above, papers_per_page, subtitle, title, topic_card_papers, topics_per_page)",
        ])
    }

    @Test func wrongValuesAreErrors() {
        #expect(throws: Diagnostic.error("Content/site.yml", line: 1, "allow_raw_html must be true or false")) {
            try SiteConfigLoader.load(yaml: "allow_raw_html: sometimes\n", file: "Content/site.yml")
        }
        #expect(throws: Diagnostic.self) {
            try SiteConfigLoader.load(yaml: "papers_per_page: -3\n", file: "Content/site.yml")
        }
        #expect(throws: Diagnostic.self) {
            try SiteConfigLoader.load(yaml: "papers_per_page: many\n", file: "Content/site.yml")
        }
        let missing = #expect(throws: Diagnostic.self) {
            try SiteConfigLoader.load(yaml: "language: en\nmissing_images: skip\n", file: "Content/site.yml")
        }
        #expect(missing?.line == 2)
        #expect(missing?.message.hasPrefix("missing_images must be placeholder") == true)
    }

    /// 0 is no limit: every paper in a guide's feed, every guide in the site's.
    @Test func feedLimitIsAWholeNumberOrZero() throws {
        #expect(try SiteConfigLoader.load(yaml: "feed_limit: 0\n", file: "Content/site.yml").0.feedLimit == 0)
        #expect(try SiteConfigLoader.load(yaml: "feed_limit: 1\n", file: "Content/site.yml").0.feedLimit == 1)
        #expect(try SiteConfigLoader.load(yaml: "language: en\n", file: "Content/site.yml").0.feedLimit == 50)
        let message = "feed_limit must be a whole number: entries in each feed (a guide's first papers, the newest guides), or 0 for every one"
        for (yaml, line) in [("feed_limit: -1\n", 1), ("title: Guides\n\nfeed_limit: many\n", 3), ("language: en\nfeed_limit: 2.5\n", 2),
                             ("language: en\nfeed_limit:\n", 2), ("feed_limit: [10]\n", 1)] {
            #expect(throws: Diagnostic.error("Content/site.yml", line: line, message), "\(yaml)") {
                try SiteConfigLoader.load(yaml: yaml, file: "Content/site.yml")
            }
        }
    }

    @Test func limitsOfLists() throws {
        let defaults = SiteConfig()
        #expect([defaults.papersPerPage, defaults.papersByLetterAbove, defaults.topicsPerPage, defaults.topicCardPapers, defaults.authorsPerPage,
                  defaults.coauthorsShown] == [100, 1000, 30, 5, 1000, 50] as [Int])
        let (config, warnings) = try SiteConfigLoader.load(yaml: """
            papers_by_letter_above: 0
            topics_per_page: 12
            topic_card_papers: 0
            authors_per_page: 250
            coauthors_shown: 20
            """, file: "Content/site.yml")
        #expect([config.papersByLetterAbove, config.topicsPerPage, config.topicCardPapers, config.authorsPerPage, config.coauthorsShown]
                    == [0, 12, 0, 250, 20] as [Int])
        #expect(warnings.isEmpty)
        let negative = #expect(throws: Diagnostic.self) {
            try SiteConfigLoader.load(yaml: "language: en\nauthors_per_page: -1\n", file: "Content/site.yml")
        }
        #expect(negative?.line == 2)
        #expect(negative?.message.hasPrefix("authors_per_page must be a whole number") == true)
        for key in ["papers_by_letter_above", "topics_per_page", "topic_card_papers", "coauthors_shown"] {
            #expect(throws: Diagnostic.self) { try SiteConfigLoader.load(yaml: "\(key): some\n", file: "Content/site.yml") }
        }
    }

    @Test func invalidYAMLNamesLineAndColumn() {
        let error = #expect(throws: Diagnostic.self) {
            try SiteConfigLoader.load(yaml: "base_url: [/x/\nlanguage: en\n", file: "Content/site.yml")
        }
        #expect(error?.line != nil)
        #expect(error?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func controlCharactersWrittenAsEscapesAreErrors() {
        #expect(throws: Diagnostic.error("Content/site.yml", line: 2, column: 8,
                                         "this value holds the control character U+000C (form feed), which cannot appear on a web page or in a feed")) {
            try SiteConfigLoader.load(yaml: "language: en\ntitle: \"Our\\fsite\"\n", file: "Content/site.yml")
        }
    }

    @Test func loadsFromAContentFolder() throws {
        let site = try TemporarySite(["Content/site.yml": "base_url: /kdd/\n"], defaultTemplates: false)
        #expect(try SiteConfig.load(contentDirectory: site.root.appendingPathComponent("Content")).baseURL == "/kdd/")
        let empty = try TemporarySite([:], defaultTemplates: false)
        #expect(try SiteConfig.load(contentDirectory: empty.root.appendingPathComponent("Content")) == SiteConfig())
    }
}
