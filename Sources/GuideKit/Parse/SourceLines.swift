/// A guide file decoded into numbered lines: UTF-8 validated, byte order mark
/// removed, CRLF/CR line endings and trailing spaces normalised.
public struct SourceLines: Sendable {
    public struct Line: Hashable, Sendable {
        /// 1-based.
        public var number: Int
        public var text: String
        public var isBlank: Bool { text.isEmpty }
    }

    public var lines: [Line]

    /// Decodes `bytes`, reporting invalid UTF-8 with its byte offset and line.
    public init(bytes: [UInt8], file: String) throws(Diagnostic) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        }
        if let lines = body.withUnsafeBufferPointer({ Self.lines(in: $0, validating: true) }) {
            self.init(lines: lines)
            return
        }
        if let offset = Self.firstInvalidUTF8Offset(body) {
            let line = 1 + body[body.startIndex..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .error(file, line: line, "not valid UTF-8 at byte offset \(offset) (save the file as UTF-8)")
        }
        self.init(text: String(decoding: body, as: UTF8.self))
    }

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
        // ASCII is valid UTF-8: only other lines need the (slower) validating initialiser.
        guard let line = !validating || body.isASCII
                ? String(decoding: body, as: UTF8.self) : String(validating: body, as: UTF8.self) else {
            return nil
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

    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
