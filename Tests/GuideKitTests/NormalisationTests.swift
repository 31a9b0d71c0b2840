import Foundation
import Testing
@testable import GuideKit

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
