/// A guide file decoded into numbered lines: UTF-8 validated, byte order mark
/// removed, CRLF/CR line endings and trailing spaces normalised, and the text
/// in Unicode Normalization Form C (`String.normalizedText`).
public struct SourceLines: Sendable {
    public struct Line: Hashable, Sendable {
        /// 1-based.
        public var number: Int
        public var text: String
        public var isBlank: Bool { text.isEmpty }
    }

    public var lines: [Line]

    /// Decodes `bytes`, reporting invalid UTF-8 or a character a page cannot
    /// hold with its line, column and byte offset.
    public init(bytes: [UInt8], file: String) throws(Diagnostic) {
        let start = bytes.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
        if let lines = bytes.withUnsafeBufferPointer({ Self.lines(in: UnsafeBufferPointer(rebasing: $0[start...]), validating: true) }) {
            self.init(lines: lines)
            return
        }
        throw Self.firstUnreadable(in: bytes, file: file)
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(text: String) {
        self.init(lines: text.withUTF8Bytes { Self.lines(in: $0, validating: false) } ?? [])
    }

    private init(lines: [Line]) {
        self.lines = lines
    }

    /// The lines of `bytes`, or nil when `validating` and they are not valid UTF-8.
    /// Validating line by line is validating the whole: UTF-8 sequences never
    /// contain ASCII bytes, and lines are cut at ASCII bytes only.
    private static func lines(in bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> [Line]? {
        guard var lines = linesWithoutTheEnd(bytes, validating: validating) else { return nil }
        // A final newline ends the last line; it does not start an empty one.
        if let last = lines.last, last.isBlank { lines.removeLast() }
        return lines
    }

    /// Every line, numbered from 1, including the empty one after a final line break.
    private static func linesWithoutTheEnd(_ bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> [Line]? {
        texts(in: bytes, validating: validating)?.enumerated().map { Line(number: $0.offset + 1, text: $0.element) }
    }

    /// The text of every line, including the empty one after a final line break;
    /// nil when `validating` and a line is not valid UTF-8.
    static func texts(in bytes: UnsafeBufferPointer<UInt8>, validating: Bool = true) -> [String]? {
        var texts: [String] = []
        // Most blocks are a title and a byline.
        texts.reserveCapacity(2)
        var start = 0
        var index = 0
        while true {
            index = nextLineBreak(in: bytes, from: index)
            guard let text = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]), validating: validating) else { return nil }
            texts.append(text)
            guard index < bytes.count else { break }
            // "\r\n" is one line break.
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            index += 1
            start = index
        }
        return texts
    }

    /// The index of the next "\n" or "\r" at or after `start`, or the end.
    static func nextLineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            // Eight bytes at a time while none of them is below 0x0E (a line break, a tab, a control).
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// Trims ASCII blanks on bytes; lines that start or end with other white
    /// space (a no-break space pasted from the web) take the Unicode path.
    /// Nil when `validating` and the line is not valid UTF-8 (the blanks are ASCII).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> String? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let body = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let line: String
        if !validating {
            line = String(decoding: body, as: UTF8.self).normalizedText
        } else if let ascii = body.isPrintableASCII {
            // Printable ASCII is valid UTF-8 with nothing forbidden: only other
            // lines need the (slower) validating initialiser and a look at each character.
            guard ascii else { return nil }
            line = String(decoding: body, as: UTF8.self)
        } else {
            guard let decoded = String(validating: body, as: UTF8.self),
                  !decoded.unicodeScalars.contains(where: isForbidden) else { return nil }
            line = decoded.normalizedText
        }
        let edgesAreASCII = start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80)
        return edgesAreASCII ? line : trimmed(Substring(line))
    }

    /// Removes surrounding white space, including no-break spaces pasted from the web.
    static func trimmed(_ raw: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = raw.firstIndex(where: { !isSpace($0) }),
              let last = raw.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(raw[first...last])
    }

    /// The first invalid UTF-8 sequence or forbidden character in `bytes`
    /// (after a byte order mark), as an error naming its line and column (in
    /// characters) and its byte offset in the file. Line breaks count as
    /// `texts(in:)` counts them: "\n", "\r\n" or a lone "\r".
    static func firstUnreadable(in bytes: [UInt8], file: String) -> Diagnostic {
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        var line = 1
        var column = 1
        var afterCarriageReturn = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                defer { offset += encoded.count }
                if scalar == "\n" || scalar == "\r" {
                    if !(scalar == "\n" && afterCarriageReturn) { line += 1 }
                    column = 1
                    afterCarriageReturn = scalar == "\r"
                    continue
                }
                afterCarriageReturn = false
                if isForbidden(scalar) {
                    return .error(file, line: line, column: column,
                                  "\(describe(scalar)) at byte offset \(offset) cannot appear on a web page or in a feed; delete it")
                }
                column += 1
            case .error:
                return .error(file, line: line, column: column, "not valid UTF-8 at byte offset \(offset) (save the file as UTF-8)")
            case .emptyInput:
                // `texts(in:)` and this loop disagree: say so rather than stop.
                return .error(file, "cannot be read as text, though no invalid byte was found")
            }
        }
    }

    /// Characters that are errors in HTML and XML text: controls other than
    /// tab and line breaks, and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [0x00: "null", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
                                       0x1B: "escape", 0x7F: "delete"]
        if let name = names[scalar.value] { return "the control character \(code) (\(name))" }
        return scalar.properties.generalCategory == .control ? "the control character \(code)" : "the noncharacter \(code)"
    }
}
