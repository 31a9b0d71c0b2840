import Foundation
import Testing
@testable import GuideKit

/// Random edits to a site of several guides, of every kind a team makes
/// (papers and topics added, removed and renamed, bylines, intros, postings,
/// guide files added and removed, settings, name variants, the site's title):
/// after each one, the rebuild's output must be byte-identical to a full
/// build of the same content. Seeded, so a failure can be replayed.
@Suite struct MultiGuideRandomEditTests {
    typealias SeededRandom = RandomEditTests.SeededRandom

    enum Edit: CaseIterable {
        case retitlePaper, addPaper, removePaper, addTopic, renameTopic, editIntro, editPosting
        case newAuthorInByline, swapBylineAuthors, addGuide, removeGuide, redateGuide, toggleAlias, retitleSite
        /// A save that fails (an invalid date beside an edit to another guide), then the date fixed.
        case failedSaveThenFix
    }

    static let names = ["Lena Albrecht", "Omar Haddad", "Priya Raman", "Tomas Ruiz", "Danielle C. Maddix", "Aiko Tanaka"]
    static let words = ["sparse", "robust", "Bayesian", "graphs", "attention", "causal", "R&D", "été"]

    /// A small guide, for a guide file added by an edit.
    static func newGuide(_ number: Int, random: inout SeededRandom) -> String {
        let authors = names.shuffled(using: &random).prefix(2).joined(separator: ", ")
        return """
        A quick guide to Northwind’s papers at KDD \(2010 + number)

        One line about guide \(number).

        Intro of guide \(number).

        Graph mining

        Graphs, counted.

        Counting motifs in guide \(number)
        \(authors)

        Hierarchies in guide \(number)
        Lena Albrecht
        """
    }


    static func apply(_ edit: Edit, to site: TemporarySite, session: BuildSession, step: Int,
                      random: inout SeededRandom) throws -> [String] {
        let content = site.root.appendingPathComponent("Content")
        let guides = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".txt") }.sorted()
        let file = guides.randomElement(using: &random)!
        let path = "Content/" + file
        var text = try site.read(path)
        let guide = try GuideParser().parse(text: text, file: file).guide
        var lines = text.components(separatedBy: "\n")
        let word = words.randomElement(using: &random)! + " \(step)"
        func replace(_ line: Int, _ transform: (String) -> String) { lines[line - 1] = transform(lines[line - 1]) }
        func save() throws -> [String] {
            text = lines.joined(separator: "\n")
            try site.write(text, to: path)
            return [path]
        }
        switch edit {
        case .retitlePaper:
            guard let paper = guide.papers.randomElement(using: &random) else { return [] }
            replace(paper.title.line) { $0 + " " + word }
            return try save()
        case .addPaper:
            guard let paper = guide.papers.randomElement(using: &random) else { return [] }
            let authors = names.shuffled(using: &random).prefix(2).joined(separator: ", ")
            lines.insert(contentsOf: ["A new paper on \(word)", authors, ""], at: paper.title.line - 1)
            return try save()
        case .removePaper:
            guard guide.papers.count > 1, let paper = guide.papers.randomElement(using: &random) else { return [] }
            lines.removeSubrange((paper.title.line - 1)..<min(paper.authorLine.line + 1, lines.count))
            return try save()
        case .addTopic:
            guard let topic = guide.topics.randomElement(using: &random) else { return [] }
            lines.insert(contentsOf: ["Topic of \(word)", "", "A topic about \(word).", "",
                                      "The first paper on \(word)", names.randomElement(using: &random)!, ""],
                         at: topic.title.line - 1)
            return try save()
        case .renameTopic:
            guard let topic = guide.topics.randomElement(using: &random) else { return [] }
            replace(topic.title.line) { $0 + " " + word }
            return try save()
        case .editIntro:
            guard let intro = guide.intro.first else { return [] }
            replace(intro.line) { $0 + " More on " + word + "." }
            return try save()
        case .editPosting:
            guard let posting = guide.postings.randomElement(using: &random) else { return [] }
            replace(posting.textLines[0].line) { "Now hiring for \(word). " + $0 }
            return try save()
        case .newAuthorInByline:
            guard let paper = guide.papers.randomElement(using: &random) else { return [] }
            replace(paper.authorLine.line) { $0 + ", Nadia Newcomer\(["", " Jr"].randomElement(using: &random)!)" }
            return try save()
        case .swapBylineAuthors:
            guard let paper = guide.papers.randomElement(using: &random) else { return [] }
            var names = paper.authors.map { guide.authors[$0].name }
            names[Int.random(in: 0..<names.count, using: &random)] = Self.names.randomElement(using: &random)!
            replace(paper.authorLine.line) { _ in names.joined(separator: ", ") }
            return try save()
        case .addGuide:
            let name = "kdd-\(2010 + step).txt"
            try site.write(newGuide(step, random: &random), to: "Content/" + name)
            return ["Content/" + name]
        case .removeGuide:
            guard guides.count > 1 else { return [] }
            try site.remove(path)
            let settings = "Content/" + file.dropLast(4) + ".yml"
            if site.exists(settings) { try site.remove(settings); return [path, settings] }
            return [path]
        case .redateGuide:
            let settings = "Content/" + file.dropLast(4) + ".yml"
            try site.write("date: \(2000 + Int.random(in: 0...30, using: &random))-0\(Int.random(in: 1...9, using: &random))-15\n", to: settings)
            return [settings]
        case .toggleAlias:
            let aliases = site.exists("Content/authors.yml") ? try site.read("Content/authors.yml") : ""
            let line = "\"Omar Haddad\": Omar H. Haddad\n"
            try site.write(aliases.contains(line) ? aliases.replacingOccurrences(of: line, with: "") : aliases + line,
                           to: "Content/authors.yml")
            return ["Content/authors.yml"]
        case .failedSaveThenFix:
            guard let paper = guide.papers.randomElement(using: &random) else { return [] }
            replace(paper.title.line) { $0 + " " + word }
            let edited = try save()
            let other = "Content/" + guides.randomElement(using: &random)!.dropLast(4) + ".yml"
            let settings = site.exists(other) ? try site.read(other) : nil
            try site.write("date: 2024-13-01\n", to: other)
            #expect(throws: BuildFailure.self) {
                try session.rebuild(changedPaths: (edited + [other]).map { site.root.appendingPathComponent($0).path })
            }
            if let settings { try site.write(settings, to: other) } else { try site.remove(other) }
            return edited + [other]
        case .retitleSite:
            try site.write("title: Northwind \(word)\n", to: "Content/site.yml")
            return ["Content/site.yml"]
        }
    }

    /// 4 seeds × 55 edits: 220 rebuilds, each compared with a full build.
    @Test(arguments: [11, 12, 13, 14])
    func rebuildsMatchFullBuilds(seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        let site = try TemporarySite(fixture: "three-guides")
        if seed == 14 { try site.write("papers_per_page: 2\ntitle: Northwind\n", to: "Content/site.yml") }
        let session = BuildSession(options: site.options)
        try session.build()
        var rebuiltCount = 0
        for step in 0..<55 {
            let edit = Edit.allCases.randomElement(using: &random)!
            let changed = try Self.apply(edit, to: site, session: session, step: step, random: &random)
            if changed.isEmpty { continue }
            _ = try session.rebuild(changedPaths: changed.map { site.root.appendingPathComponent($0).path })
            try site.build(output: "Full")
            let (rebuilt, full) = (site.snapshot("Output"), site.snapshot("Full"))
            let differing = Set(rebuilt.keys).union(full.keys).filter { rebuilt[$0] != full[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed), step \(step), \(edit): \(differing.prefix(5)) \(TemporarySite.firstDifference(rebuilt, full))")
            if !differing.isEmpty { return }
            rebuiltCount += 1
        }
        #expect(rebuiltCount > 45)
    }
}
