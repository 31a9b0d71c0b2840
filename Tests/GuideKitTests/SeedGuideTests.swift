import Testing
@testable import GuideKit

/// The real guide this project was made for: the counts its authors expect.
@Suite struct SeedGuideTests {
    let result: GuideParser.Result
    var guide: Guide { result.guide }

    init() throws {
        result = try Fixtures.parseSeed()
    }

    @Test func titleSubtitleAndIntro() {
        #expect(guide.title.text == "A quick guide to Amazon’s papers at ICML 2023")
        #expect(guide.subtitle?.text == "Across a range of topics, Amazon research blends the theoretical and the practical.")
        #expect(guide.intro.count == 1)
        #expect(guide.intro[0].text.hasPrefix("At this year's International Conference on Machine Learning (ICML)"))
        #expect(guide.preamble.isEmpty)
        #expect(guide.event == Event(organization: "Amazon", conference: "ICML", year: "2023"))
    }

    @Test func topicsWithDescriptions() {
        #expect(guide.topics.count == 14)
        #expect(guide.topics.allSatisfy { $0.description.count == 1 })
        #expect(guide.topics.first?.title.text == "Adaptive neural computation")
        #expect(guide.topics.last?.title.text == "Tabular data")
        #expect(guide.topics.map(\.papers.count).reduce(0, +) == 18)
        #expect(guide.topics[1].title.text == "Bandit problems")
        #expect(guide.topics[1].papers.count == 4)
    }

    @Test func papersAndAuthors() {
        #expect(guide.papers.count == 18)
        #expect(guide.authors.count == 72)
        #expect(guide.authors.indices.filter { guide.papers(by: $0).count == 2 }.count == 13)
        #expect(guide.authors.indices.allSatisfy { 1...2 ~= guide.papers(by: $0).count })
        let hpo = guide.papers.first { $0.title.text == "Optimizing hyperparameters with conformal quantile regression" }
        #expect(hpo.map { $0.authors.map { guide.authors[$0].name } } ==
            ["David Salinas", "Jacek Golebiowski", "Aaron Klein", "Matthias Seeger", "Cédric Archambeau"])
    }

    @Test func figuresLinkToTheQuotedPaper() {
        #expect(guide.figures.count == 3)
        let linked = guide.figures.map { figure in figure.paper.map { guide.papers[$0].title.text } }
        #expect(linked == [
            "Differentially private optimization on large model at small cost",
            "RLSbench: Domain adaptation under relaxed label shift",
            "Optimizing hyperparameters with conformal quantile regression",
        ])
        #expect(guide.figures.map(\.fileName.text) == ["DP bookkeeper.png", "RLS bench.png", "Function approximation.png"])
        #expect(guide.figures.allSatisfy { $0.caption != nil && $0.topic != nil })
    }

    @Test func emptyResearchAreasHeading() {
        #expect(guide.emptyHeadings.map(\.text) == ["Research areas"])
        #expect(guide.teasers.isEmpty)
    }

    @Test func postingsAreDeduplicatedWithAllLocations() {
        #expect(guide.postingsHeading?.text == "Related content")
        #expect(guide.postings.map(\.locationLines.count).reduce(0, +) == 10)
        #expect(guide.postings.count == 3)
        #expect(guide.postings[0].locations == ["US, MA, Boston", "US, WA, Bellevue"])
        #expect(guide.postings[0].locationLines.count == 8)
        #expect(guide.postings[1].locations == ["GB, London"])
        #expect(guide.postings[2].locations == ["US, WA, Seattle"])
        #expect(guide.postings[2].text.contains(" * "))
    }

    /// No warnings: the two lines no page shows, "Research areas" (a label of
    /// the web page the guide was copied from) and the "Related content" that
    /// opens the postings, are noted.
    @Test func theLinesNoPageShowsAreNoted() {
        #expect(result.diagnostics.map(\.description) == [
            "Content/icml-2023.txt:126: note: heading \"Research areas\" has nothing under it (the next line is a heading, or the end), so no page shows it",
            "Content/icml-2023.txt:128: note: \"Related content\" opens the job postings, which the careers page lists under its own title; no page shows this line",
        ])
    }
}
