import Testing
@testable import GuideKit

/// Real guides of this genre vary; each variant has a fixture in Tests/Fixtures/guides.
@Suite struct FormatVariantTests {
    @Test func topicWithoutDescription() throws {
        let guide = try Fixtures.parse(fixture: "topic-without-description.txt").guide
        #expect(guide.topics.map(\.title.text) == ["Graph mining", "Forecasting"])
        #expect(guide.topics[0].description.isEmpty)
        #expect(guide.paperTitles(inTopic: 0) == ["Scalable motif counting on streaming graphs"])
        #expect(guide.topics[1].description.count == 1)
        #expect(guide.papers.count == 2)
    }

    @Test func paperFollowedByItsDescription() throws {
        let guide = try Fixtures.parse(fixture: "paper-description.txt").guide
        #expect(guide.topics.count == 1)
        #expect(guide.topics[0].description.map(\.text) == [
            "Detecting anomalies in sensor networks means separating rare failures from ordinary noise.",
        ])
        #expect(guide.papers[0].description.first?.text.hasPrefix("The authors propose a contrastive objective") == true)
        #expect(guide.papers[1].description.first?.text == "Conformal prediction gives alarms with a guaranteed false-alarm rate.")
        // "•" bullets and Markdown emphasis stay in the paper's description, rendered as written.
        #expect(guide.papers[1].description.count == 2)
        #expect(MarkdownRenderer().html(guide.papers[1].description[1].text)
            == "<p>It offers <em>two</em> guarantees: • a bounded false-alarm rate • alarms that hold under <strong>drift</strong>.</p>\n")
    }

    @Test func figuresBetweenPapersAndAtTheEndOfATopic() throws {
        let result = try Fixtures.parse(fixture: "figures.txt")
        let guide = result.guide
        #expect(guide.figures.map(\.fileName.text) == ["Session graph.png", "Listwise losses.PNG", "Overview.jpg"])
        #expect(guide.figures.map(\.topic) == [0, 1, 1])
        #expect(guide.figures[0].paper == 0)
        #expect(guide.figures[1].paper == 2, "a caption that starts with the title links to it")
        #expect(guide.figures[2].paper == nil)
        #expect(guide.paperTitles(inTopic: 0).count == 2)
        #expect(guide.topics[1].figures == [1, 2])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func noSubtitle() throws {
        let guide = try Fixtures.parse(fixture: "no-subtitle.txt").guide
        #expect(guide.subtitle == nil)
        #expect(guide.intro.count == 1)
        #expect(guide.intro[0].text.hasPrefix("At this year's Conference"))
        #expect(guide.topics.map(\.title.text) == ["Causal inference"])
    }

    @Test func threePreambleLines() throws {
        let guide = try Fixtures.parse(fixture: "preamble-three-lines.txt").guide
        #expect(guide.preamble.map(\.kind) == [.label, .caption, .credit])
        #expect(guide.preamble.map(\.text.text) == [
            "Machine learning", "Researchers at the poster session in the main hall.", "Credit: Northwind Photo Team",
        ])
        #expect(guide.title.text == "A quick guide to Northwind's papers at KDD 2024")
        #expect(guide.title.line == 4)
        #expect(guide.subtitle?.text == "Across many topics, Northwind research blends theory and practice.")
    }

    /// A credit in another form, set apart from a title that names no guide:
    /// the credit is not the title, and the title is not a topic.
    @Test func aPhotoCourtesyCreditAboveATitleWithoutGuideOrYear() throws {
        let result = try Fixtures.parse(fixture: "preamble-photo-courtesy.txt")
        let guide = result.guide
        #expect(guide.preamble.map(\.kind) == [.label, .caption, .credit])
        #expect(guide.preamble.last?.text.text == "Photo courtesy of the conference organizers")
        #expect(guide.title.text == "Amazon at ICLR: graphs, time series, and more")
        #expect(guide.title.line == 5)
        #expect(guide.topics.map(\.title.text) == ["Graphs"])
        #expect(guide.papers.map(\.title.text) == ["Message passing on sparse graphs"])
        #expect(result.diagnostics.isEmpty)
    }

    /// A date line above the label, caption and credit is a fourth preamble
    /// line of its own kind, not a warning; an initials-only name is a byline.
    @Test func aDateLineAboveThePreamble() throws {
        let result = try Fixtures.parse(fixture: "preamble-date-line.txt")
        let guide = result.guide
        #expect(guide.preamble.map(\.kind) == [.date, .label, .caption, .credit])
        #expect(guide.preamble.first?.text.text == "July 21, 2023")
        #expect(guide.title.text == "Northwind’s 23 papers at EMNLP 2021")
        #expect(guide.papers.map(\.title.text) == ["Turn-taking in spoken dialogue", "Grounded response ranking"])
        #expect(guide.authorNames(ofPaper: 0) == ["A. N. Ferraz"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: ["July 21, 2023", "21 July 2023", "Tue, Jul. 21, 2023", "Sept 3, 2024", "2023-07-21", "December 2023"])
    func dateLines(_ line: String) {
        #expect(LinePatterns.isDateLine(line))
    }

    @Test(arguments: ["Machine learning", "March of the penguins 2023", "July 21", "2023", "2023-7-21", "May 12, 2023, Honolulu"])
    func notDateLines(_ line: String) {
        #expect(!LinePatterns.isDateLine(line))
    }

    @Test(arguments: ["Credit: Northwind Photo Team", "Photo by Ana Ruiz", "Photo courtesy of Northwind", "Image courtesy of the authors",
                      "Photograph by Ana Ruiz", "Image: Northwind", "© 2024 Northwind", "Source: Getty Images", "Courtesy of the organizers"])
    func creditForms(_ line: String) {
        #expect(LinePatterns.isCredit(line))
    }

    @Test(arguments: ["Machine learning", "Researchers at the poster session.", "Amazon at ICLR: graphs, time series, and more"])
    func notCredits(_ line: String) {
        #expect(!LinePatterns.isCredit(line))
    }

    /// A line right under a byline, with no blank line, belongs to that paper:
    /// it used to become a topic of its own when it was short. When it looks
    /// like a heading, the parser says how it read it.
    @Test func aLineUnderABylineIsThatPapersDescription() throws {
        let result = try Fixtures.parse(fixture: "line-under-byline.txt")
        let guide = result.guide
        #expect(guide.topics.map(\.title.text) == ["Graph mining", "Forecasting"])
        #expect(guide.paperTitles(inTopic: 0) == ["Scalable motif counting on streaming graphs", "Temporal graph networks at scale"])
        #expect(guide.papers[0].description.map(\.text) == ["Northwind Research Labs"])
        #expect(guide.papers[1].description.map(\.text) == ["This paper scales temporal graph networks to billions of edges."])
        #expect(result.diagnostics.map(\.description) == [
            "Content/line-under-byline.txt:11: warning: \"Northwind Research Labs\" is read as the description of the paper above, as it is under its byline with no blank line; if it is a heading, put a blank line above it",
        ])
    }

    /// Bylines that mark equal contribution: the paper is a paper (it used to
    /// vanish into a paragraph), a marked name is the same author as the name
    /// without the mark, and the byline keeps the mark.
    @Test func equalContributionMarks() throws {
        let result = try Fixtures.parse(fixture: "equal-contribution.txt")
        let guide = result.guide
        #expect(guide.papers.map(\.title.text) == ["Scalable motif counting on streaming graphs", "Temporal graph networks at scale"])
        #expect(guide.authors.map(\.name) == ["Lin Qiu", "Maren Holt", "Tomas Ruiz", "Priya Raman"])
        #expect(guide.authorNames(ofPaper: 1) == ["Maren Holt", "Priya Raman", "Lin Qiu"])
        #expect(guide.papers.map(\.authorMarks) == [["*", "*", ""], ["†", "‡", ""]])
        #expect(result.diagnostics.isEmpty)
    }

    /// A title and a byline with one name the rules do not read: the two lines
    /// are a paragraph, and the parser says so instead of hiding the paper.
    @Test func aBylineWithAnUnreadNameIsReported() throws {
        let result = try Fixtures.parse(fixture: "byline-with-unread-name.txt")
        #expect(result.guide.papers.map(\.title.text) == ["Scalable motif counting on streaming graphs"])
        #expect(result.diagnostics.map(\.description) == [
            "Content/byline-with-unread-name.txt:14: warning: read as a paragraph, though it looks like a byline of 3 names under a title: \"xiaoming wang\" does not read as a personal name (capitalised words, initials, particles); if this is a paper, write that name so",
        ])
    }

    /// A collaboration of hundreds is a byline; a list of names too long to
    /// read as one is a paragraph, and the parser says so (a 5 KB byline used
    /// to fold its paper into the description of the paper above, in silence).
    @Test func longBylinesAreReadOrReported() throws {
        func guide(authors count: Int) -> String {
            let names = (0..<count).map { "Ana\(String(repeating: "a", count: $0 % 7)) Ruiz\(String(repeating: "z", count: $0 / 7))" }
            return "A quick guide to our papers at ICML 2023\n\nThe intro.\n\nGraphs\n\nSmall paper\nBo Li, Mia Chen\n\nLarge paper\n"
                + names.joined(separator: ", ") + "\n"
        }
        let read = try GuideParser().parse(text: guide(authors: 400), file: "Content/guide.txt")
        #expect(read.guide.papers.map(\.title.text) == ["Small paper", "Large paper"])
        #expect(read.guide.authorNames(ofPaper: 1).count == 400)
        #expect(read.diagnostics.isEmpty)
        // 1,000 names of 12 to 166 bytes: about 90 KB.
        let reported = try GuideParser().parse(text: guide(authors: 1_000), file: "Content/guide.txt")
        #expect(reported.guide.papers.map(\.title.text) == ["Small paper"])
        #expect(reported.diagnostics.count == 1)
        #expect(reported.diagnostics.first?.description.hasPrefix(
            "Content/guide.txt:11: warning: read as a paragraph, though it looks like a byline of 1000 names under a title: the line is ") == true)
    }

    @Test(arguments: ["It is read on two lines, with commas, and with words that are not names.",
                      "Lena Albrecht, Tomas Ruiz", "Across a range of topics, Amazon research blends theory and practice"])
    func linesThatAreNotNearBylines(_ line: String) {
        #expect(NearByline(line) == nil)
    }

    /// A topic that starts with a teaser (it used to be an empty heading,
    /// its teaser given to the topic before), and a teaser between a byline
    /// and the paper's description.
    @Test func teasersFirstInATopicAndUnderAByline() throws {
        let result = try Fixtures.parse(fixture: "teaser-first-in-topic.txt")
        let guide = result.guide
        #expect(guide.topics.map(\.title.text) == ["Graph mining"])
        #expect(guide.topics[0].teasers.map { guide.teasers[$0].text.text } == [
            "How Northwind maps its supply network with graph learning", "A teaser between a byline and the description",
        ])
        #expect(guide.papers[0].description.map(\.text) == ["The paper counts motifs in streams of edges."])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func onePreambleLine() throws {
        let guide = try Fixtures.parse(fixture: "preamble-one-line.txt").guide
        #expect(guide.preamble.map(\.kind) == [.label])
        #expect(guide.title.line == 2)
        #expect(guide.topics.first?.description.isEmpty == true)
        #expect(guide.papers.count == 1)
    }

    @Test func noTopicHeadings() throws {
        let guide = try Fixtures.parse(fixture: "no-topics.txt").guide
        #expect(guide.topics.isEmpty)
        #expect(guide.papers.count == 3)
        #expect(guide.papers.allSatisfy { $0.topic == nil })
        #expect(guide.intro.count == 1)
        #expect(guide.authors.count == 6)
    }

    @Test func relatedContentTeaserIsNotThePostingsSection() throws {
        let guide = try Fixtures.parse(fixture: "related-teaser.txt").guide
        #expect(guide.teasers.map(\.text.text) == ["How Northwind maps its supply network with graph learning"])
        #expect(guide.teasers[0].topic == 0)
        #expect(guide.topics.map(\.title.text) == ["Graph mining", "Forecasting"])
        #expect(guide.emptyHeadings.map(\.text) == ["Research areas"])
        #expect(guide.postings.count == 1)
        #expect(guide.postings[0].locations == ["US, NY, New York", "DE, BE, Berlin"])
        #expect(PostingText.markdown(guide.postings[0].text).hasSuffix("\n\n- Design forecasting models\n- Run experiments at scale\n- Write production code"))
    }

    @Test func titleCaseHeadingsAndTitlesWithStarsColonsAndCommas() throws {
        let guide = try Fixtures.parse(fixture: "title-case.txt").guide
        #expect(guide.subtitle?.text == "Across Many Topics, Northwind Research Blends Theory and Practice.")
        #expect(guide.topics.map(\.title.text) == ["Graph Neural Networks", "Large Language Models"])
        #expect(guide.paperTitles(inTopic: 0) == [
            "Scalable Motif Counting on Streaming Graphs*",
            "GraphNorm: Normalization, Revisited, for Deep Graph Networks",
        ])
        #expect(guide.paperTitles(inTopic: 1) == ["Prompting at Scale: Lessons From a Year of Production, Evaluation, and Failure"])
        #expect(guide.authorNames(ofPaper: 2) == ["Jonas Feld"])
        #expect(guide.papers[0].slug == "scalable-motif-counting-on-streaming-graphs")
    }

    @Test func authorListVariants() throws {
        let guide = try Fixtures.parse(fixture: "author-variants.txt").guide
        #expect(guide.papers.count == 5)
        #expect(guide.authorNames(ofPaper: 0) == ["Ana Lima", "Bo Chen", "Cem Demir"])
        #expect(guide.authorNames(ofPaper: 1) == ["Ana Lima", "Dara Walsh"])
        #expect(guide.authorNames(ofPaper: 2) == ["Balakrishnan (Murali) Narayanaswamy", "R. Manmatha", "J.-P. Vert"])
        #expect(guide.authorNames(ofPaper: 3) == ["Greg Ver Steeg", "Cédric Archambeau", "Ludwig van der Berg", "Zoë Ångström", "Søren Ødegaard"])
        #expect(guide.authorNames(ofPaper: 4) == ["Siobhán O'Neill", "Che-Ping Tsai", "Jean-Luc d'Arcy"])
        #expect(guide.authors.firstIndex { $0.name == "Ana Lima" }.map(guide.papers(by:)) == [0, 1])
        let slugs = guide.authors.map(\.slug)
        #expect(slugs.contains("balakrishnan-murali-narayanaswamy"))
        #expect(slugs.contains("cedric-archambeau"))
        #expect(slugs.contains("soren-odegaard"))
        #expect(slugs.contains("zoe-angstrom"))
    }

    @Test func captionsQuoteTitlesWithStraightOrCurlyQuotesOrStartWithThem() throws {
        let result = try Fixtures.parse(fixture: "caption-quotes.txt")
        #expect(result.guide.figures.map(\.paper) == [0, 1, 2])
        #expect(result.diagnostics.isEmpty)
    }

    /// Every prefix of the caption was looked up once: 2 s for 100 KB, over an hour for 5 MB.
    @Test func aHugeCaptionIsMatchedOnlyAsFarAsTheLongestTitle() throws {
        let title = "Sparse attention for video: A study"
        let caption = "Sparse attention for video: a study, " + String(repeating: "of a very long caption ", count: 50_000)
        var guide = try Fixtures.parse("Title\n\nIntro.\n\nVision\n\n\(title)\nSofia Marin\n\nVideo.png\n\(caption)\n").guide
        guide.figures[0].paper = nil
        guide.papers[0].figures = []
        var lookups = 0
        var diagnostics: [Diagnostic] = []
        let longest = FigureLinker.normalizedTitle(title).utf8.count
        FigureLinker.link(&guide, diagnostics: &diagnostics, longestTitle: longest) { candidate in
            lookups += 1
            return candidate == FigureLinker.normalizedTitle(title) ? 0 : nil
        }
        #expect(guide.figures[0].paper == 0)
        // The prefixes within a few bytes past the title's length, longest first:
        // "… a study, of a", "… a study, of", then "… a study," which is the title.
        #expect(lookups == 3)
        #expect(diagnostics.isEmpty)

        // No title matches: only the prefixes within a few bytes past the title's length
        // are tried, those ending before the spaces, the colon and the comma of
        // "sparse attention for video: a study, of a ".
        lookups = 0
        guide.figures[0].paper = nil
        FigureLinker.link(&guide, diagnostics: &diagnostics, longestTitle: longest) { _ in
            lookups += 1
            return nil
        }
        #expect(guide.figures[0].paper == nil)
        #expect(lookups == 10)
    }

    /// `In "…", researchers …` before the paper it names, `Figure from "…".`,
    /// `From "…"` with no period, a closing quote with no opening one, a title
    /// with quotes inside the caption's quotes; image names with digits and
    /// any case of extension.
    @Test func captionFormsOfPublishedGuides() throws {
        let result = try Fixtures.parse(fixture: "caption-forms.txt")
        let guide = result.guide
        #expect(guide.figures.map(\.fileName.text) == ["Forecast view 2.svg", "Graph figure 2.webp", "Stream plot.JPEG", "Demand curve.gif",
                                                       "Prompt plot.png"])
        #expect(guide.papers.map(\.title.text) == ["Scalable motif counting on streaming graphs", "Temporal graph networks at scale",
                                                    "Hierarchical forecasts that stay coherent", "GRAPH-X: sparse retrieval via \"robust\" prompts"])
        // The last quotes a title with quotes of its own, in the same quotes.
        #expect(guide.figures.map(\.paper) == [2, 0, 1, 2, 3])
        #expect(guide.authorNames(ofPaper: 2) == ["Priya Raman", "A. N. Ferraz"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func crlfByteOrderMarkTrailingSpacesAndNoFinalNewline() throws {
        let guide = try Fixtures.parse(fixture: "crlf-bom.txt").guide
        #expect(guide.title.text == "A quick guide to Northwind's papers at KDD 2024")
        #expect(guide.subtitle?.text == "A subtitle with trailing spaces.")
        #expect(guide.intro.map(\.text) == ["The intro paragraph, saved on Windows."])
        #expect(guide.topics.map(\.title.text) == ["Causal inference"])
        #expect(guide.authorNames(ofPaper: 0) == ["Hana Novak", "Pedro Alves"])
    }

    @Test func invalidUTF8IsAnErrorWithItsByteOffset() {
        let bytes = Array("Title line\nSecond ".utf8) + [0xC3, 0x28] + Array(" line\n".utf8)
        #expect(throws: Diagnostic.error("Content/bad.txt", line: 2, column: 8, "not valid UTF-8 at byte offset 18 (save the file as UTF-8)")) {
            try GuideParser().parse(bytes: bytes, file: "Content/bad.txt")
        }
    }
}
