import Testing
@testable import GuideKit

/// Lines break at "\n", "\r\n" and "\r", and lose their trailing blanks, in
/// any mix, as a plain reading of the bytes finds them.
@Suite struct SourceLinesTests {
    /// 30,000 lines (over 256 KB) with every kind of line break, blank lines and trailing blanks.
    static func largeText(breakAt offset: Int) -> [UInt8] {
        let breaks = ["\n", "\r\n", "\r"]
        var text = ""
        for index in 0..<30_000 {
            text += index % 7 == 0 ? "" : "Line \(index) with some words in it, Zoë"
            text += (index % 5 == 0 ? " \t" : "") + breaks[(index + offset) % 3]
        }
        return Array(text.utf8)
    }

    /// The lines as one pass over the bytes finds them.
    static func expectedLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var index = 0
        func endLine() {
            while current.last == 0x20 || current.last == 0x09 { current.removeLast() }
            lines.append(String(decoding: current, as: UTF8.self))
            current = []
        }
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                endLine()
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                current.append(bytes[index])
            }
            index += 1
        }
        endLine()
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    @Test(arguments: 0..<3)
    func aLargeFileReadsAsInOnePass(_ offset: Int) throws {
        let bytes = Self.largeText(breakAt: offset)
        let expected = Self.expectedLines(bytes)
        let source = try SourceLines(bytes: bytes, file: "large.txt")
        #expect(source.lines.map(\.text) == expected)
        #expect(source.lines.map(\.number) == Array(1...expected.count))
    }

    @Test func invalidUTF8IsFoundWithItsLine() {
        var bytes = Self.largeText(breakAt: 0)
        // At the start of a line three quarters in.
        let offset = bytes[(bytes.count * 3 / 4)...].firstIndex(of: 0x0A)! + 1
        bytes.insert(0xFF, at: offset)
        // The lines before it, each ended by one of the three line breaks.
        let line = 1 + Self.expectedLines(Array(bytes[..<offset])).count
        #expect(throws: Diagnostic.error("large.txt", line: line, column: 1, "not valid UTF-8 at byte offset \(offset) (save the file as UTF-8)")) {
            try SourceLines(bytes: bytes, file: "large.txt")
        }
    }

    /// Written by hand: the line, column and byte offset of the first problem.
    @Test(arguments: [
        // A byte order mark, then an invalid byte: the offset counts the mark.
        ([0xEF, 0xBB, 0xBF, 0xFF] + Array("Title\n".utf8), 1, 1, "not valid UTF-8 at byte offset 3"),
        // Carriage returns alone end lines, as they do when the file is read.
        (Array("Title\r\rSecond\rCaf".utf8) + [0xE9], 4, 4, "not valid UTF-8 at byte offset 17"),
        // "\r\n" is one line break; columns count characters, not bytes.
        (Array("Title\r\n\r\nCafé ".utf8) + [0xC3, 0x28], 3, 6, "not valid UTF-8 at byte offset 15"),
        (Array("Title\u{0C}page two\n".utf8), 1, 6, "the control character U+000C (form feed) at byte offset 5"),
        (Array("Title\n\nA paper\u{0}\n".utf8), 3, 8, "the control character U+0000 (null) at byte offset 14"),
        (Array("Title\n\nÉcole \u{85}\n".utf8), 3, 7, "the control character U+0085 at byte offset 14"),
        (Array("Title\u{FFFE}\n".utf8), 1, 6, "the noncharacter U+FFFE at byte offset 5"),
    ] as [([UInt8], Int, Int, String)])
    func unreadableTextIsFoundWithItsLineAndColumn(_ bytes: [UInt8], line: Int, column: Int, message: String) {
        do {
            _ = try SourceLines(bytes: bytes, file: "g.txt")
            Issue.record("read text that a page cannot hold")
        } catch {
            #expect(error.file == "g.txt" && error.line == line && error.column == column)
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func tabsAndPrintableCharactersAreRead() throws {
        let source = try SourceLines(bytes: Array("Title\twith a tab\n\nÉcole — “quoted” 東京\n".utf8), file: "g.txt")
        #expect(source.lines.map(\.text) == ["Title\twith a tab", "", "École — “quoted” 東京"])
    }
}
