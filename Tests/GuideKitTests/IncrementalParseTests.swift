import Foundation
import Testing
@testable import GuideKit

/// A parse that reuses an earlier one (`parse(bytes:file:reusing:)`) must give
/// exactly what a parse from scratch gives, guide and diagnostics, line
/// numbers included, whatever the edit: seeded random edits of every kind,
/// each re-parse reusing the one before, on every fixture and the seed.
@Suite struct IncrementalParseTests {
    typealias SeededRandom = RandomEditTests.SeededRandom

    enum Edit: CaseIterable {
        case insertLine, removeLine, replaceLine, duplicateLine, insertBlankLine, removeBlankLine, splitBlock
        case addPaper, removePaper, retitlePaper, bylineWithANewName, moveAPaper
        case addTopic, removeTopicHeading, renameTopic, addHeading, addFigure, addTeaser
        case addPosting, editPosting, editTitle, editSubtitle, editIntro, editFirstLine, appendAtTheEnd
    }

    /// Lines that change what the lines around them are.
    static let pool = [
        "Research areas", "Related content", "US, WA, Seattle", "GB, London", "Overview diagram.png",
        "Ana Lima, Bo Chen", "Ana Lima and Zoë Ångström", "A short heading", "Ends with a full stop. And goes on.",
        "été à Paris", "  padded line  ", "\u{00A0}", "R&D <b>bold</b> {{site.title}}", "Credit: Photo Team",
        "A quick guide to our papers at NeurIPS 2024", "Figure of \"A paper title\"", "", "José Núñez, Jose Nunez",
    ]

    /// A guide as lines and the line break it was written with.
    struct Text {
        var lines: [String]
        var lineBreak: String
        var bytes: [UInt8] { Array(lines.joined(separator: lineBreak).utf8) }

        init(_ bytes: [UInt8]) {
            let text = String(decoding: bytes, as: UTF8.self)
            lineBreak = text.contains("\r\n") ? "\r\n" : text.contains("\r") ? "\r" : "\n"
            lines = text.components(separatedBy: lineBreak)
        }
    }

    static func apply(_ edit: Edit, to text: inout Text, guide: Guide, step: Int, random: inout SeededRandom) {
        var lines = text.lines
        func anyIndex() -> Int { Int.random(in: 0...lines.count, using: &random) }
        func anyLine() -> Int { Int.random(in: 0..<max(1, lines.count), using: &random) }
        func poolLine() -> String { pool.randomElement(using: &random)! }
        func name() -> String { "Newname Person" + String(repeating: "x", count: step % 5) + "\(["a", "b", "c"][step % 3])" }
        // Line numbers count the lines as split here, unless the file mixes line breaks.
        let count = lines.count
        let paper = guide.papers.randomElement(using: &random).flatMap { $0.authorLine.line <= count ? $0 : nil }
        let topic = guide.topics.randomElement(using: &random).flatMap { $0.title.line <= count ? $0 : nil }
        func change(_ line: Int?, _ change: (inout String) -> Void) {
            if let line, line >= 1, line <= lines.count { change(&lines[line - 1]) }
        }
        switch edit {
        case .insertLine:
            lines.insert(poolLine(), at: anyIndex())
        case .removeLine:
            if !lines.isEmpty { lines.remove(at: anyLine()) }
        case .replaceLine:
            if !lines.isEmpty { lines[anyLine()] = Bool.random(using: &random) ? poolLine() : lines[anyLine()] }
        case .duplicateLine:
            if !lines.isEmpty { lines.insert(lines[anyLine()], at: anyIndex()) }
        case .insertBlankLine:
            lines.insert(["", "   ", "\t"].randomElement(using: &random)!, at: anyIndex())
        case .removeBlankLine:
            if let blank = lines.indices.filter({ lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }).randomElement(using: &random) {
                lines.remove(at: blank)
            }
        case .splitBlock:
            if let paper { lines.insert("", at: paper.authorLine.line - 1) }
        case .addPaper:
            let at = paper.map { $0.authorLine.line } ?? anyIndex()
            lines.insert(contentsOf: ["", "A new paper, number \(step)", "Ana Lima, \(name())"], at: min(at, lines.count))
        case .removePaper:
            if let paper { lines.removeSubrange((paper.title.line - 1)..<paper.authorLine.line) }
        case .retitlePaper:
            let title = Bool.random(using: &random) ? guide.papers.first?.title.text ?? "" : "Retitled \(step)"
            change(paper?.title.line) { $0 = title }
        case .bylineWithANewName:
            let name = name()
            change(paper?.authorLine.line) { $0 += ", " + name }
        case .moveAPaper:
            if let paper {
                let moved = Array(lines[(paper.title.line - 1)..<paper.authorLine.line])
                lines.removeSubrange((paper.title.line - 1)..<paper.authorLine.line)
                lines.insert(contentsOf: [""] + moved + [""], at: min(anyIndex(), lines.count))
            }
        case .addTopic:
            let at = topic.map { $0.title.line - 1 } ?? anyIndex()
            lines.insert(contentsOf: ["Brand new topic \(step)", "", "What the topic is about.", "",
                                      "A paper in the new topic", "Ana Lima, \(name())", ""], at: min(at, lines.count))
        case .removeTopicHeading:
            if let topic { lines.remove(at: topic.title.line - 1) }
        case .renameTopic:
            change(topic?.title.line) { $0 += " and more" }
        case .addHeading:
            lines.insert(contentsOf: ["", "Research areas", ""], at: anyIndex())
        case .addFigure:
            let quoted = paper.map { "Figure of \"\($0.title.text)\"" } ?? "A caption"
            lines.insert(contentsOf: ["", "Diagram \(step).png", quoted, ""], at: anyIndex())
        case .addTeaser:
            lines.insert(contentsOf: ["", "Related content", "A teaser about something", ""], at: anyIndex())
        case .addPosting:
            let at = guide.postings.last?.textLines.last.map { $0.line } ?? lines.count
            lines.insert(contentsOf: ["FR, Paris", "A new job text \(step)."], at: min(at, lines.count))
        case .editPosting:
            change(guide.postings.randomElement(using: &random)?.textLines.first?.line) { $0 += " More." }
        case .editTitle:
            change(guide.title.line) { $0 += " 2025" }
        case .editSubtitle:
            let dek = Bool.random(using: &random) ? "A new dek." : ""
            change(guide.subtitle?.line ?? guide.title.line + 2) { $0 = dek }
        case .editIntro:
            change(guide.intro.randomElement(using: &random)?.line) { $0 += " Also this." }
        case .editFirstLine:
            let replace = Bool.random(using: &random)
            change(1) { $0 = replace ? "Photo by Someone" : $0 + " again" }
        case .appendAtTheEnd:
            lines += Bool.random(using: &random) ? ["", "Trailing paragraph."] : ["Ana Lima, Bo Chen", ""]
        }
        text.lines = lines
    }

    static func parse(_ bytes: [UInt8], reusing previous: GuideParser.Result? = nil) -> Result<GuideParser.Result, Diagnostic> {
        Result { () throws(Diagnostic) in try GuideParser().parse(bytes: bytes, file: "Content/guide.txt", reusing: previous) }
    }

    /// Chains `edits` random edits on `bytes`; returns how many were checked.
    @discardableResult
    static func checkRandomEdits(_ bytes: [UInt8], seed: UInt64, edits: Int,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        var random = SeededRandom(state: seed)
        var text = Text(bytes)
        var previous = try parse(text.bytes).get()
        let first = previous
        for step in 0..<edits {
            let edit = Edit.allCases.randomElement(using: &random)!
            apply(edit, to: &text, guide: previous.guide, step: step, random: &random)
            let bytes = text.bytes
            // Mostly the parse just before; sometimes an older one.
            let reused = step % 7 == 6 ? first : previous
            switch (parse(bytes, reusing: reused), parse(bytes)) {
            case (.success(let incremental), .success(let full)):
                #expect(incremental.guide == full.guide, "seed \(seed), step \(step), \(edit)", sourceLocation: sourceLocation)
                #expect(incremental.diagnostics == full.diagnostics, "seed \(seed), step \(step), \(edit)", sourceLocation: sourceLocation)
                if incremental.guide != full.guide || incremental.diagnostics != full.diagnostics { return step }
                previous = incremental
            case (.failure(let incremental), .failure(let full)):
                #expect(incremental == full, sourceLocation: sourceLocation)
                // Back to a guide that parses.
                text = Text(Array(String(decoding: bytes, as: UTF8.self).utf8))
                text.lines.insert(contentsOf: ["A quick guide to our papers at KDD 2024", ""], at: 0)
                previous = try parse(text.bytes, reusing: previous).get()
            case (let incremental, let full):
                Issue.record("seed \(seed), step \(step), \(edit): \(incremental) but \(full)", sourceLocation: sourceLocation)
                return step
            }
        }
        return edits
    }

    /// 13 guides × 25 edits: 325 re-parses per run.
    @Test(arguments: Fixtures.guideFiles)
    func randomEditsMatchAFullParse(guide url: URL) throws {
        let checked = try Self.checkRandomEdits(Fixtures.bytes(url), seed: UInt64(url.lastPathComponent.utf8.count), edits: 25)
        #expect(checked == 25)
    }

    /// The seed with other line breaks, and a byte order mark.
    @Test(arguments: ["\r\n", "\r"])
    func otherLineBreaks(_ lineBreak: String) throws {
        let text = try String(decoding: Fixtures.bytes(Fixtures.seed), as: UTF8.self)
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: lineBreak).utf8)
        #expect(try Self.checkRandomEdits(bytes, seed: 11, edits: 15) == 15)
    }

    @Test func aLineThatIsNotUTF8IsReportedAsByAFullParse() throws {
        let bytes = try Fixtures.bytes(Fixtures.seed)
        let previous = try Self.parse(bytes).get()
        var broken = bytes
        broken.insert(0xFF, at: broken.count / 2)
        guard case .failure(let error) = Self.parse(broken, reusing: previous) else {
            Issue.record("parsed a file that is not UTF-8")
            return
        }
        #expect(error.message.hasPrefix("not valid UTF-8 at byte offset \(bytes.count / 2)"))
        guard case .failure(let full) = Self.parse(broken) else { return }
        #expect(error == full)
    }

    @Test func anInsertedPaperMovesTheLinesBelowIt() throws {
        let bytes = try Fixtures.bytes(Fixtures.seed)
        let previous = try Self.parse(bytes).get()
        var text = Text(bytes)
        let paper = previous.guide.papers[2]
        text.lines.insert(contentsOf: ["", "A new paper", "Ana Lima, Bo Chen"], at: paper.authorLine.line)
        let parsed = try Self.parse(text.bytes, reusing: previous).get()
        #expect(parsed.guide.papers[3].title.text == "A new paper")
        #expect(parsed.guide.papers[3].title.line == paper.authorLine.line + 2)
        #expect(parsed.guide.papers[4].title.line == previous.guide.papers[3].title.line + 3)
        #expect(parsed.guide.papers[4].title.text == previous.guide.papers[3].title.text)
    }
}
