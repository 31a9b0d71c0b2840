import Foundation
import Testing
@testable import GuideKit

/// Random edits to a site of several guides, of every kind a team makes
/// (papers and topics added, removed and renamed, bylines, intros, postings,
/// guide files added and removed, settings, name variants, the site's title,
/// extra pages added, edited, moved in the navigation or to a guide, removed):
/// after each one, the rebuild's output must be byte-identical to a full
/// build of the same content. Seeded, so a failure can be replayed.
@Suite struct MultiGuideRandomEditTests {
    typealias SeededRandom = RandomEditTests.SeededRandom

    enum Edit: CaseIterable {
        case retitlePaper, addPaper, removePaper, addTopic, renameTopic, editIntro, editPosting
        case newAuthorInByline, swapBylineAuthors, addGuide, removeGuide, redateGuide, toggleAlias, retitleSite
        /// A save that fails (an invalid date beside an edit to another guide), then the date fixed.
        case failedSaveThenFix
        /// Extra pages (`Content/pages/`): added, their body edited, their title,
        /// navigation place or guide changed, removed.
        case addPage, editPageBody, editPageFrontMatter, removePage
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


    /// An extra page's file: front matter, then the body.
    static func pageText(title: String, nav: Int?, guide: String?, body: String) -> String {
        "---\ntitle: \(title)\n" + (nav.map { "nav: \($0)\n" } ?? "") + (guide.map { "guide: \($0)\n" } ?? "") + "---\n" + body
    }

    /// The site's extra pages, `Content/pages/<name>.md` paths, in order.
    static func pages(of site: TemporarySite) -> [String] {
        let folder = site.root.appendingPathComponent("Content/pages").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
            .map { "Content/pages/" + $0 }
    }

    static func apply(_ edit: Edit, to site: TemporarySite, session: BuildSession, step: Int,
                      random: inout SeededRandom) throws -> [String] {
        let content = site.root.appendingPathComponent("Content")
        let guides = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".txt") }.sorted()
        let pages = Self.pages(of: site)
        // A page's guide, its place in the navigation and its title, drawn.
        func pageGuide() -> String? { Bool.random(using: &random) ? nil : String(guides.randomElement(using: &random)!.dropLast(4)) }
        func pageNav() -> Int? { Bool.random(using: &random) ? nil : Int.random(in: 1...3, using: &random) }
        func addPage() throws -> [String] {
            let path = "Content/pages/page-\(step).md"
            let title = (words.randomElement(using: &random)! + " page").capitalized
            try site.write(pageText(title: title, nav: pageNav(), guide: pageGuide(),
                                    body: "## \(title)\n\nA [link](https://example.org/\(step)/) and <em>markup</em>.\n"), to: path)
            return [path]
        }
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
            // The guide's extra pages go with it (a page naming a guide that is gone is an error).
            var removed = [path]
            for page in pages where try site.read(page).contains("\nguide: \(file.dropLast(4))\n") {
                try site.remove(page)
                removed.append(page)
            }
            let settings = "Content/" + file.dropLast(4) + ".yml"
            if site.exists(settings) { try site.remove(settings); removed.append(settings) }
            return removed
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
            // The other settings stay: a seed's feed limit, base URL and limits of lists hold for every edit.
            let others = try site.read("Content/site.yml").components(separatedBy: "\n").filter { !$0.isEmpty && !$0.hasPrefix("title:") }
            try site.write((["title: Northwind \(word)"] + others).joined(separator: "\n") + "\n", to: "Content/site.yml")
            return ["Content/site.yml"]
        case .addPage:
            return try addPage()
        case .editPageBody:
            guard let page = pages.randomElement(using: &random) else { return try addPage() }
            try site.write(try site.read(page) + "More on \(word).\n", to: page)
            return [page]
        case .editPageFrontMatter:
            guard let page = pages.randomElement(using: &random) else { return try addPage() }
            let name = String(page.dropFirst("Content/pages/".count).dropLast(3))
            let (old, _) = try ExtraPageFile.read(Array(try site.read(page).utf8), name: name, file: page,
                                                  guides: guides.map { String($0.dropLast(4)) })
            switch Int.random(in: 0..<3, using: &random) {
            case 0: try site.write(pageText(title: old.title + " " + word, nav: old.nav, guide: old.guide, body: old.body), to: page)
            case 1: try site.write(pageText(title: old.title, nav: pageNav(), guide: old.guide, body: old.body), to: page)
            default: try site.write(pageText(title: old.title, nav: old.nav, guide: pageGuide(), body: old.body), to: page)
            }
            return [page]
        case .removePage:
            guard let page = pages.randomElement(using: &random) else { return try addPage() }
            try site.remove(page)
            return [page]
        }
    }

    /// 5 seeds × 55 edits: 275 rebuilds, each compared with a full build (6 to 13 of each seed's edits are to extra pages).
    /// Seeds 12 and 13 have feeds of 2 entries and a sitemap split every 7 URLs, so that
    /// edits move papers and guides in and out of the feeds and pages between sitemap files.
    /// Seed 15 cuts every list into pages of one to three, so that edits move
    /// topics, papers and authors between pages of the home page, topics,
    /// authors and the letters of the author index; and it splits "All papers"
    /// by letter above 3 papers, so that papers added and removed take a
    /// guide across the limit, both ways.
    @Test(arguments: [11, 12, 13, 14, 15])
    func rebuildsMatchFullBuilds(seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        var site = try TemporarySite(fixture: "three-guides")
        if seed == 14 { try site.write("papers_per_page: 2\ntitle: Northwind\n", to: "Content/site.yml") }
        if seed == 12 || seed == 13 {
            site.sitemapURLLimit = 7
            try site.write(try site.read("Content/site.yml") + "base_url: https://example.org/\nfeed_limit: 2\n", to: "Content/site.yml")
        }
        if seed == 15 {
            try site.write("papers_per_page: 1\npapers_by_letter_above: 3\ntopics_per_page: 1\ntopic_card_papers: 1\nauthors_per_page: 2\ncoauthors_shown: 1\ntitle: Northwind\n",
                           to: "Content/site.yml")
        }
        let session = BuildSession(options: site.options)
        try session.build()
        var rebuiltCount = 0
        var pageEdits = 0
        for step in 0..<55 {
            let edit = Edit.allCases.randomElement(using: &random)!
            let changed = try Self.apply(edit, to: site, session: session, step: step, random: &random)
            if changed.isEmpty { continue }
            if changed.contains(where: { $0.hasPrefix("Content/pages/") }) { pageEdits += 1 }
            _ = try session.rebuild(changedPaths: changed.map { site.root.appendingPathComponent($0).path })
            try site.build(output: "Full")
            let (rebuilt, full) = (site.snapshot("Output"), site.snapshot("Full"))
            let differing = Set(rebuilt.keys).union(full.keys).filter { rebuilt[$0] != full[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed), step \(step), \(edit): \(differing.prefix(5)) \(TemporarySite.firstDifference(rebuilt, full))")
            if !differing.isEmpty { return }
            rebuiltCount += 1
        }
        #expect(rebuiltCount > 45)
        #expect(pageEdits >= 5, "extra pages added, edited and removed: \(pageEdits)")
    }
}
