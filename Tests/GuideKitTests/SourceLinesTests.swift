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
        let line = 1 + bytes[..<offset].filter { $0 == 0x0A }.count
        #expect(throws: Diagnostic.error("large.txt", line: line, "not valid UTF-8 at byte offset \(offset) (save the file as UTF-8)")) {
            try SourceLines(bytes: bytes, file: "large.txt")
        }
    }
}
