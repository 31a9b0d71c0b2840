import Foundation
import Testing
@testable import GuideKit

/// Random edits of the kinds people make while writing a guide: after each
/// one, the rebuild's output must be byte-identical to a full build's. Seeded,
/// so a failure can be replayed.
@Suite struct RandomEditTests {
    /// A small, seeded generator (SplitMix64), the same on every machine.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Edit: CaseIterable {
        case retitlePaper, reuseAnotherTitle, reverseByline, swapAnAuthor, renameAnAuthor
        case editDescription, retitleTopic, editTopicDescription, editCaption
    }

    static let words = ["sparse", "robust", "Bayesian", "graphs", "attention", "causal", "<b>bold</b>", "R&D", "été"]

    /// Applies `edit` to the guide text, using the parsed guide to find its lines.
    static func apply(_ edit: Edit, to text: String, random: inout SeededRandom) throws -> String {
        let guide = try GuideParser().parse(text: text, file: "guide.txt").guide
        var lines = text.components(separatedBy: "\n")
        func word() -> String { words.randomElement(using: &random)! }
        func replaceLine(_ line: Int, _ transform: (String) -> String) { lines[line - 1] = transform(lines[line - 1]) }
        let paper = guide.papers.randomElement(using: &random)!
        switch edit {
        case .retitlePaper:
            replaceLine(paper.title.lines[0]) { $0 + " " + word() }
        case .reuseAnotherTitle:
            let other = guide.papers.randomElement(using: &random)!
            replaceLine(paper.title.lines[0]) { _ in other.title.text }
        case .reverseByline:
            let names = paper.authors.map { guide.authors[$0].name }
            replaceLine(paper.authorLine.lines[0]) { _ in names.reversed().joined(separator: ", ") }
        case .swapAnAuthor:
            var names = paper.authors.map { guide.authors[$0].name }
            let other = guide.authors.randomElement(using: &random)!.name
            if !names.contains(other) { names[Int.random(in: 0..<names.count, using: &random)] = other }
            replaceLine(paper.authorLine.lines[0]) { _ in names.joined(separator: ", ") }
        case .renameAnAuthor:
            let index = paper.authors.randomElement(using: &random)!
            let author = guide.authors[index]
            for other in guide.papers(by: index) {
                replaceLine(guide.papers[other].authorLine.lines[0]) { $0.replacingOccurrences(of: author.name, with: author.name + " Jr") }
            }
        case .editDescription:
            if let line = paper.description.first?.lines.first { replaceLine(line) { $0 + " " + word() } }
            else { replaceLine(paper.title.lines[0]) { $0 + " " + word() } }
        case .retitleTopic:
            let topic = guide.topics.randomElement(using: &random)!
            replaceLine(topic.title.lines[0]) { $0 + " " + word() }
        case .editTopicDescription:
            let topic = guide.topics.randomElement(using: &random)!
            if let line = topic.description.first?.lines.first { replaceLine(line) { $0 + " " + word() } }
        case .editCaption:
            let figure = guide.figures.randomElement(using: &random)!
            if let line = figure.caption?.lines.first { replaceLine(line) { $0 + " " + word() } }
        }
        return lines.joined(separator: "\n")
    }

    /// Seeds 2 and 3 cut "All papers" into pages of 4, so that retitled papers
    /// move between pages; seed 3 also keeps 5 papers in the feed and splits
    /// the sitemap every 20 URLs, so that they move in and out of the feed and
    /// between sitemap files; seeds 4 and 5 cut every list short (topics on the
    /// home page, papers on topic cards, topic and author pages, the author
    /// index by letter, co-authors), so that edits move what they list; seed 5
    /// also splits "All papers" by letter, so that retitles move papers
    /// between letters, and make letters and take them away.
    @Test(arguments: [1, 2, 3, 4, 5])
    func rebuildsMatchFullBuilds(seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        var text = IncrementalBuildTests.seedText
        var files = ["Content/icml-2023.txt": text]
        if seed == 2 { files["Content/site.yml"] = "papers_per_page: 4\n" }
        if seed == 3 { files["Content/site.yml"] = "papers_per_page: 4\nfeed_limit: 5\nbase_url: https://example.org/\n" }
        if seed > 3 {
            files["Content/site.yml"] = "papers_per_page: 2\ntopics_per_page: 3\ntopic_card_papers: 1\nauthors_per_page: 7\ncoauthors_shown: 2\n"
                + (seed == 5 ? "papers_by_letter_above: 10\n" : "")
        }
        var site = try TemporarySite(files)
        if seed == 3 { site.sitemapURLLimit = 20 }
        let session = BuildSession(options: site.options)
        try session.build()
        let path = site.root.appendingPathComponent("Content/icml-2023.txt").path
        var partial = 0
        for step in 0..<12 {
            let edit = Edit.allCases.randomElement(using: &random)!
            text = try Self.apply(edit, to: text, random: &random)
            try site.write(text, to: "Content/icml-2023.txt")
            let report = try session.rebuild(changedPaths: [path])
            let pageCount = try site.build(output: "Full").report.pageCount
            if report.pagesRendered < pageCount { partial += 1 }
            let (rebuilt, full) = (site.snapshot("Output"), site.snapshot("Full"))
            let differing = Set(rebuilt.keys).union(full.keys).filter { rebuilt[$0] != full[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed), step \(step), \(edit): \(differing.prefix(5)) \(TemporarySite.firstDifference(rebuilt, full))")
            if !differing.isEmpty { return }
        }
        #expect(partial > 6, "most edits keep the guide's shape and plan only some pages")
    }
}
