import Foundation
import Testing
@testable import GuideKit

/// Every non-blank line of every fixture lands in exactly one model element,
/// or in an error diagnostic naming its line.
@Suite struct LosslessTests {
    @Test(arguments: Fixtures.guideFiles)
    func everyLineIsPlacedOnce(_ file: URL) throws {
        let bytes = try Fixtures.bytes(file)
        let result = try GuideParser().parse(bytes: bytes, file: file.lastPathComponent)
        let source = try SourceLines(bytes: bytes, file: file.lastPathComponent)
        let nonBlank = source.lines.filter { !$0.isBlank }.map(\.number)
        let placed = result.guide.placedLines
        let reported = result.diagnostics.filter(\.isError).compactMap(\.line)

        #expect(Set(placed).count == placed.count, "a line is placed twice")
        #expect(Set(placed).isDisjoint(with: reported))
        #expect((placed + reported).sorted() == nonBlank)
    }

    @Test func anUnplaceableLineIsAnErrorWithItsLineNumber() throws {
        let text = """
        A quick guide to Northwind's papers at KDD 2024

        Intro paragraph for the guide.

        Related content

        US, WA, Seattle
        A posting text.
        GB, London
        """
        let result = try Fixtures.parse(text)
        #expect(result.diagnostics.filter(\.isError).map(\.description) == [
            "Content/test.txt:9: error: location \"GB, London\" has no posting text after it",
        ])
    }

    @Test func anEmptyGuideIsAnError() {
        #expect(throws: Diagnostic.error("Content/test.txt", line: 1, "the guide is empty: expected a title on the first line")) {
            try Fixtures.parse("\n\n  \n")
        }
    }
}
