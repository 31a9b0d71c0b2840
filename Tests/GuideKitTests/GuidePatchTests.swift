import Foundation
import Testing
@testable import GuideKit

/// `GuidePatch` must give exactly what a full parse gives, or decline.
@Suite struct GuidePatchTests {
    /// Guides without carriage returns (those are always parsed in full).
    static let guides = Fixtures.guideFiles.filter { !$0.lastPathComponent.contains("crlf") }

    /// Texts that change what a line is: headings, markers, locations, bylines,
    /// image names, quotes of other titles, blank-looking lines.
    static let replacements = [
        "Research areas", "Related content", "US, WA, Seattle", "Overview diagram.png", "Alice Smith, Bob Jones",
        "Alice Smith and Bob Jones", "A short heading", "Ends with a full stop. And goes on.", "été à Paris",
        "  padded line  ", "\u{00A0}", "R&D <b>bold</b> {{site.title}}", "Credit: Photo Team",
    ]

    /// Parses `old`, patches it to `new`, and checks the patch against a full parse of `new`.
    /// Returns whether the edit was patched.
    @discardableResult
    static func checkPatch(from old: [UInt8], to new: [UInt8], file: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let previous = try GuideParser().parse(bytes: old, file: file)
        let full = try? GuideParser().parse(bytes: new, file: file)
        guard let patched = GuidePatch.reparse(new, previous: previous, previousBytes: old) else { return false }
        guard let full else {
            Issue.record("patched an edit that a full parse rejects", sourceLocation: sourceLocation)
            return true
        }
        #expect(patched.guide == full.guide, sourceLocation: sourceLocation)
        #expect(patched.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
        return true
    }

    @Test(arguments: guides)
    func randomLineEditsMatchAFullParse(guide url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let textLines = lines.indices.filter { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        var random = RandomEditTests.SeededRandom(state: UInt64(url.lastPathComponent.utf8.count))
        var patched = 0
        let edits = 120
        for _ in 0..<edits {
            var edited = lines
            // One line, sometimes two far apart.
            for _ in 0..<(Int.random(in: 0..<4, using: &random) == 0 ? 2 : 1) {
                let index = textLines.randomElement(using: &random)!
                switch Int.random(in: 0..<4, using: &random) {
                case 0: edited[index] += " " + RandomEditTests.words.randomElement(using: &random)!
                case 1: edited[index] = lines[textLines.randomElement(using: &random)!]
                case 2: edited[index] = Self.replacements.randomElement(using: &random)!
                default: edited[index] = "Figure of \"\(lines[textLines.randomElement(using: &random)!])\""
                }
            }
            let old = Array(text.utf8)
            let new = Array(edited.joined(separator: "\n").utf8)
            if try Self.checkPatch(from: old, to: new, file: "Content/\(url.lastPathComponent)") { patched += 1 }
        }
        // Small fixtures are mostly header, headings and postings, parsed in full;
        // in the seed, most lines are texts a patch handles.
        let expected = url == Fixtures.seed ? edits / 6 : 1
        #expect(patched >= expected, "only \(patched) of \(edits) edits were patched")
    }

    @Test func aRetitledPaperIsPatchedWithItsNewSlug() throws {
        let old = try Fixtures.bytes(Fixtures.seed)
        let guide = try Fixtures.parseSeed().guide
        var lines = String(decoding: old, as: UTF8.self).components(separatedBy: "\n")
        let paper = guide.papers[3]
        lines[paper.title.line - 1] = "A wholly new title"
        let new = Array(lines.joined(separator: "\n").utf8)
        let previous = try Fixtures.parseSeed()
        let patched = try #require(GuidePatch.reparse(new, previous: previous, previousBytes: old))
        #expect(patched.guide.papers[3].title.text == "A wholly new title")
        #expect(patched.guide.papers[3].slug == "a-wholly-new-title")
        #expect(try Self.checkPatch(from: old, to: new, file: "Content/icml-2023.txt"))
    }

    @Test func aTitleThatRepeatsAnotherGetsTheWarningAndASuffix() throws {
        let old = try Fixtures.bytes(Fixtures.seed)
        let guide = try Fixtures.parseSeed().guide
        var lines = String(decoding: old, as: UTF8.self).components(separatedBy: "\n")
        lines[guide.papers[5].title.line - 1] = guide.papers[2].title.text
        let new = Array(lines.joined(separator: "\n").utf8)
        let patched = try #require(GuidePatch.reparse(new, previous: try Fixtures.parseSeed(), previousBytes: old))
        #expect(patched.guide.papers[5].slug == guide.papers[2].slug + "-2")
        #expect(patched.diagnostics.contains { $0.message.contains("paper title repeats") })
        #expect(try Self.checkPatch(from: old, to: new, file: "Content/icml-2023.txt"))
    }

    @Test func editsThatAddLinesOrChangeBlocksAreParsedInFull() throws {
        let old = try Fixtures.bytes(Fixtures.seed)
        let previous = try Fixtures.parseSeed()
        let text = String(decoding: old, as: UTF8.self)
        let paper = previous.guide.papers[4]
        var lines = text.components(separatedBy: "\n")
        lines.insert("A new paragraph.", at: paper.authorLine.line)
        #expect(GuidePatch.reparse(Array(lines.joined(separator: "\n").utf8), previous: previous, previousBytes: old) == nil)

        lines = text.components(separatedBy: "\n")
        lines[paper.authorLine.line - 1] = ""  // the byline becomes a blank line: blocks change
        #expect(GuidePatch.reparse(Array(lines.joined(separator: "\n").utf8), previous: previous, previousBytes: old) == nil)

        lines = text.components(separatedBy: "\n")
        lines[previous.guide.title.line - 1] = "A quick guide to our papers at NeurIPS 2024"
        #expect(GuidePatch.reparse(Array(lines.joined(separator: "\n").utf8), previous: previous, previousBytes: old) == nil)
    }

    @Test func carriageReturnsAreParsedInFull() throws {
        let url = Fixtures.guides.appendingPathComponent("crlf-bom.txt")
        let old = try Fixtures.bytes(url)
        let previous = try GuideParser().parse(bytes: old, file: "Content/crlf-bom.txt")
        let title = previous.guide.papers[0].title.text
        let new = Array(String(decoding: old, as: UTF8.self).replacingOccurrences(of: title, with: title + " edited").utf8)
        #expect(GuidePatch.reparse(new, previous: previous, previousBytes: old) == nil)
    }
}
