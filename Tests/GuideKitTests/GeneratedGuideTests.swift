import Foundation
import PropertyBased
import Testing
@testable import GuideKit

/// Random guides in the shapes published guides take, each written out from
/// a structure the generator keeps as the expected answer: the parser must
/// read back exactly that structure. A failing guide is shrunk (topics,
/// papers, figures and postings dropped while it still fails) and printed
/// with its seed, to become a fixture.
/// `GUIDE_GENERATED_COUNT` sets how many (5,000 by default).
@Suite struct GeneratedGuideTests {
    static let count = Int(ProcessInfo.processInfo.environment["GUIDE_GENERATED_COUNT"] ?? "") ?? 5_000

    // MARK: - The structure

    /// A failing guide is reported as its text.
    struct Guide: Equatable, CustomStringConvertible {
        var preamble: [String] = []
        var title = ""
        var subtitle: String?
        var intro: [String] = []
        var topics: [Topic] = []
        var postings: [Posting] = []

        var description: String { "\n" + GeneratedGuideTests.text(of: self) }
    }

    struct Topic: Equatable {
        var title: String
        var description: [String]
        /// "Related content" and one line, between the description and the first paper.
        var teaser: String? = nil
        var items: [Item]

        /// The teasers in the topic, in order: its own, then those of its papers.
        var teasers: [String] {
            [teaser].compactMap { $0 } + items.compactMap { if case .paper(let paper) = $0 { paper.teaser } else { nil } }
        }
    }

    enum Item: Equatable {
        case paper(Paper)
        /// A figure, and the index among the guide's papers of the one its caption names.
        case figure(fileName: String, caption: String, paper: Int)
    }

    struct Paper: Equatable {
        var title: String
        var names: [String]
        var marks: [String]
        var byline: String
        /// "Related content" and one line, between the byline and the description.
        var teaser: String? = nil
        var description: [String]
    }

    struct Posting: Equatable {
        var location: String
        var text: String
    }

    // MARK: - The test

    /// swift-property-based runs the generator with a fresh seed each run
    /// (a failure prints the `.fixedSeed` that repeats it) and shrinks a
    /// failing guide with `smaller(_:)` before it reports it.
    static let guides = Generator<Guide, [Guide]>(run: { random in generate(&random) }, shrink: { smaller($0) })

    @Test func generatedGuidesParseToWhatWasGenerated() async {
        await propertyCheck(count: Self.count, input: Self.guides) { guide in
            let problem = Self.mismatch(guide)
            #expect(problem == nil)
        }
    }

    // MARK: - Generating

    static let firstNames = ["Lena", "Tomas", "Priya", "Omar", "Aiko", "Ravi", "Zoë", "Søren", "Cédric", "Che-Ping", "Łukasz",
                             "Ngozi", "Mateo", "Yuki", "Fatima", "Jonas", "María José", "Hsiang-Fu", "Ana", "Wei", "Анна", "美咲", "Δημήτρης"]
    static let lastNames = ["Albrecht", "Ruiz", "Raman", "Haddad", "Tanaka", "Menon", "Ångström", "Ødegaard", "O'Brien",
                            "van der Berg", "de la Cruz", "Ver Steeg", "McDonald", "Okafor", "Nguyen", "Kowalczyk", "Sørensen", "Иванова", "佐藤",
                            "Παπαδόπουλος"]
    static let words = ["sparse", "robust", "graph", "forecasting", "attention", "causal", "retrieval", "streaming",
                        "bandit", "policy", "kernel", "speech", "ranking", "transformers", "uncertainty", "federated"]
    static let marks = ["*", "†", "‡"]

    static func pick<T>(_ items: [T], _ random: inout some RandomNumberGenerator) -> T {
        items.randomElement(using: &random)!
    }

    static func chance(_ percent: Int, _ random: inout some RandomNumberGenerator) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    static func capitalised(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// A sentence of prose: never a heading, a byline or a file name.
    static func sentence(_ random: inout some RandomNumberGenerator, words count: ClosedRange<Int> = 8...16) -> String {
        let body = (0..<Int.random(in: count, using: &random)).map { _ in pick(words, &random) }
        var text = capitalised(body.joined(separator: " ")) + "."
        if chance(15, &random) { text = text.dropLast() + ", with *emphasis* and • bullets." }
        return text
    }

    static func paragraph(_ random: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 2...3, using: &random)).map { _ in sentence(&random) }.joined(separator: " ")
    }

    static func topicTitle(_ random: inout some RandomNumberGenerator, _ used: inout Set<String>) -> String {
        while true {
            let title: String
            switch Int.random(in: 0..<4, using: &random) {
            case 0: title = "Oral presentations"
            case 1: title = "Best paper award candidates"
            default: title = capitalised((0..<Int.random(in: 1...3, using: &random)).map { _ in pick(words, &random) }.joined(separator: " "))
            }
            if used.insert(title.lowercased()).inserted { return title }
        }
    }

    static func paperTitle(_ random: inout some RandomNumberGenerator, _ used: inout Set<String>) -> String {
        while true {
            let core = (0..<Int.random(in: 3...7, using: &random)).map { _ in pick(words, &random) }.joined(separator: " ")
            let title: String
            switch Int.random(in: 0..<6, using: &random) {
            case 0: title = "LLM@Scale: " + core
            case 1: title = capitalised(core) + "?"
            case 2: title = capitalised(core.split(separator: " ").map { capitalised(String($0)) }.joined(separator: " "))
            case 3: title = capitalised(core) + "*"
            case 4: title = "GRAPH-X: " + core + " via \"" + pick(words, &random) + "\" prompts"
            default: title = capitalised(core)
            }
            if used.insert(FigureLinker.normalizedTitle(title)).inserted { return title }
        }
    }

    static func name(_ random: inout some RandomNumberGenerator) -> String {
        // Initials only: "A. N. Ferraz".
        if chance(5, &random) { return pick(["A. N.", "J.", "M. K.", "Y.-L."], &random) + " " + pick(lastNames, &random) }
        var parts = [pick(firstNames, &random)]
        if chance(15, &random) { parts.append("(\(pick(["Murali", "Sam", "Kate"], &random)))") }
        if chance(20, &random) { parts.append(pick(["A.", "J.-P.", "R.", "N."], &random)) }
        parts.append(pick(lastNames, &random))
        // A name is at most six words (the byline rules); drop the nickname and initial past that.
        var name = parts.joined(separator: " ")
        while name.split(separator: " ").count > 6, parts.count > 2 {
            parts.remove(at: 1)
            name = parts.joined(separator: " ")
        }
        return name
    }

    static func paper(_ random: inout some RandomNumberGenerator, _ usedTitles: inout Set<String>) -> Paper {
        let count = chance(10, &random) ? Int.random(in: 12...24, using: &random) : Int.random(in: 1...5, using: &random)
        var names: [String] = []
        while names.count < count {
            let next = name(&random)
            if !names.contains(next) { names.append(next) }
        }
        let marked = chance(20, &random)
        let paperMarks = names.map { _ in marked && chance(50, &random) ? pick(marks, &random) : "" }
        let written = zip(names, paperMarks).map { $0 + $1 }
        var byline: String
        if written.count > 1, chance(40, &random) {
            let last = " " + pick(["and", "&"], &random) + " " + written.last!
            byline = written.dropLast().joined(separator: ", ") + (written.count > 2 && chance(50, &random) ? "," : "") + last
        } else {
            byline = written.joined(separator: ", ")
        }
        let description = chance(50, &random) ? (0..<Int.random(in: 1...2, using: &random)).map { _ in paragraph(&random) } : []
        return Paper(title: paperTitle(&random, &usedTitles), names: names,
                     marks: paperMarks.contains { !$0.isEmpty } ? paperMarks : [], byline: byline,
                     teaser: chance(8, &random) ? teaser(&random) : nil, description: description)
    }

    /// The one line after "Related content": a headline of another article.
    static func teaser(_ random: inout some RandomNumberGenerator) -> String {
        "How Northwind uses \(pick(words, &random)) \(pick(words, &random)) to \(pick(["plan", "ship", "rank", "learn"], &random)) faster"
    }

    static func caption(naming title: String, _ random: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: "Figure from \"\(title)\"."
        case 1: "From \"\(title)\""
        case 2: "In “\(title)”, researchers propose a \(pick(words, &random)) method."
        case 3: "\(title)\" compares two \(pick(words, &random)) methods."
        case 4: "\(title): results on two datasets."
        default: "Results from \"\(title)\" on a \(pick(words, &random)) benchmark."
        }
    }

    static func generate(_ random: inout some RandomNumberGenerator) -> Guide {
        var guide = Guide()
        if chance(30, &random) {
            guide.preamble = Array(["Machine learning", "Researchers at the poster session.",
                                    pick(["Credit: Northwind Photo Team", "Photo courtesy of Northwind", "Photo by Ana Ruiz"], &random)]
                .suffix(Int.random(in: 1...3, using: &random)))
            // A date line, above the rest or alone.
            if chance(30, &random) { guide.preamble.insert(pick(["July 21, 2023", "December 1, 2024", "2021-11-04"], &random), at: 0) }
        }
        guide.title = pick(["A quick guide to Northwind’s papers at KDD 2024", "Northwind’s 23 papers at EMNLP 2021",
                            "Northwind at ICLR: graphs, time series, and more", "A quick guide to our papers at SLT"], &random)
        if chance(60, &random) { guide.subtitle = sentence(&random, words: 6...12) }
        guide.intro = (0..<Int.random(in: 1...2, using: &random)).map { _ in paragraph(&random) }
        var usedTopics: Set<String> = []
        var usedTitles: Set<String> = []
        var paperCount = 0
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            var topic = Topic(title: topicTitle(&random, &usedTopics),
                              description: chance(70, &random) ? [paragraph(&random)] : [], items: [])
            if chance(10, &random) { topic.teaser = teaser(&random) }
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let next = paper(&random, &usedTitles)
                topic.items.append(.paper(next))
                paperCount += 1
                if chance(20, &random) {
                    // A figure after its paper, or before it.
                    let figure = Item.figure(fileName: "\(capitalised(pick(words, &random))) plot \(Int.random(in: 1...9, using: &random)).\(pick(["png", "jpg", "JPEG", "gif", "webp", "svg"], &random))",
                                             caption: caption(naming: next.title, &random), paper: paperCount - 1)
                    if chance(70, &random) { topic.items.append(figure) } else { topic.items.insert(figure, at: topic.items.count - 1) }
                }
            }
            guide.topics.append(topic)
        }
        if chance(30, &random) {
            guide.postings = (0..<Int.random(in: 1...3, using: &random)).map { index in
                Posting(location: ["US, WA, Seattle", "GB, London", "DE, BE, Berlin"][index],
                        text: "Team \(index + 1) is hiring an Applied Scientist for \(pick(words, &random)). Key job responsibilities * Build models * Run experiments")
            }
        }
        return guide
    }

    // MARK: - Writing and reading back

    static func text(of guide: Guide) -> String {
        var blocks: [String] = []
        blocks.append((guide.preamble + [guide.title]).joined(separator: "\n"))
        if let subtitle = guide.subtitle { blocks.append(subtitle) }
        blocks += guide.intro
        for topic in guide.topics {
            blocks.append(topic.title)
            blocks += topic.description
            if let teaser = topic.teaser { blocks += ["Related content", teaser] }
            for item in topic.items {
                switch item {
                case .paper(let paper):
                    blocks.append(paper.title + "\n" + paper.byline)
                    if let teaser = paper.teaser { blocks += ["Related content", teaser] }
                    blocks += paper.description
                case .figure(let fileName, let caption, _):
                    blocks.append(fileName + "\n" + caption)
                }
            }
        }
        if !guide.postings.isEmpty {
            blocks.append("Related content")
            blocks.append(guide.postings.map { $0.location + "\n" + $0.text }.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// What differs between the guide and the parser's reading of its text, or nil.
    static func mismatch(_ expected: Guide) -> String? {
        let parsed: GuideKit.Guide
        let diagnostics: [Diagnostic]
        do {
            let result = try GuideParser().parse(text: text(of: expected), file: "generated.txt")
            (parsed, diagnostics) = (result.guide, result.diagnostics)
        } catch {
            return "the parse failed: \(error)"
        }
        let papers = expected.topics.flatMap { $0.items.compactMap { if case .paper(let paper) = $0 { paper } else { nil } } }
        let figures = expected.topics.flatMap { $0.items.compactMap { if case .figure(let name, _, let paper) = $0 { (name, paper) } else { nil } } }
        var problems: [String] = []
        func check<T: Equatable>(_ what: String, _ got: T, _ wanted: T) {
            if got != wanted { problems.append("\(what): \(got) instead of \(wanted)") }
        }
        check("preamble", parsed.preamble.map(\.text.text), expected.preamble)
        check("title", parsed.title.text, expected.title)
        check("subtitle", parsed.subtitle?.text, expected.subtitle)
        check("intro", parsed.intro.map(\.text), expected.intro)
        check("topics", parsed.topics.map(\.title.text), expected.topics.map(\.title))
        check("topic descriptions", parsed.topics.map { $0.description.map(\.text) }, expected.topics.map(\.description))
        check("teasers", parsed.topics.map { $0.teasers.map { parsed.teasers[$0].text.text } }, expected.topics.map(\.teasers))
        check("paper titles", parsed.papers.map(\.title.text), papers.map(\.title))
        check("authors", parsed.papers.indices.map { parsed.authorNames(ofPaper: $0) }, papers.map(\.names))
        check("marks", parsed.papers.map(\.authorMarks), papers.map(\.marks))
        check("paper descriptions", parsed.papers.map { $0.description.map(\.text) }, papers.map(\.description))
        check("figures", parsed.figures.map(\.fileName.text), figures.map(\.0))
        check("figure papers", parsed.figures.map(\.paper), figures.map { Optional($0.1) })
        check("postings", parsed.postings.map(\.text), expected.postings.map(\.text))
        check("errors and warnings", diagnostics.filter { $0.severity != .note }.map(\.description), [])
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// Smaller guides to try when `guide` mismatches: postings, the preamble,
    /// an intro paragraph, a topic, an item or a description dropped.
    static func smaller(_ guide: Guide) -> [Guide] {
        var candidates: [Guide] = []
        if !guide.postings.isEmpty { var g = guide; g.postings = []; candidates.append(g) }
        if !guide.preamble.isEmpty { var g = guide; g.preamble = []; candidates.append(g) }
        if guide.intro.count > 1 { var g = guide; g.intro.removeLast(); candidates.append(g) }
        for topic in guide.topics.indices where guide.topics.count > 1 {
            var g = guide
            g.topics.remove(at: topic)
            candidates.append(renumbered(g))
        }
        for topic in guide.topics.indices {
            for item in guide.topics[topic].items.indices where guide.topics[topic].items.count > 1 {
                var g = guide
                g.topics[topic].items.remove(at: item)
                candidates.append(renumbered(g))
            }
            if !guide.topics[topic].description.isEmpty { var g = guide; g.topics[topic].description = []; candidates.append(g) }
        }
        // Every topic keeps a paper: a topic with none is another shape (an empty heading).
        return candidates.filter { $0.topics.allSatisfy { $0.items.contains { if case .paper = $0 { true } else { false } } } }
    }

    /// Figures point at papers by index: after a removal, at the paper they named, or they go.
    static func renumbered(_ guide: Guide) -> Guide {
        var g = guide
        var titles: [String] = []
        for topic in g.topics { for case .paper(let paper) in topic.items { titles.append(paper.title) } }
        for topic in g.topics.indices {
            g.topics[topic].items = g.topics[topic].items.compactMap { item in
                guard case .figure(let name, let caption, _) = item else { return item }
                guard let index = titles.firstIndex(where: { caption.contains($0) }) else { return nil }
                return .figure(fileName: name, caption: caption, paper: index)
            }
        }
        return g
    }
}
