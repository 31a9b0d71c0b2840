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
        if let offset = Self.firstInvalidUTF8Offset(body) {
            let line = 1 + body[body.startIndex..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .error(file, line: line, "not valid UTF-8 at byte offset \(offset) (save the file as UTF-8)")
        }
        let text = String(decoding: body, as: UTF8.self)
        self.init(text: text)
    }

    public init(text: String) {
        var lines: [Line] = []
        var text = text
        text.withUTF8 { bytes in
            var number = 0
            var start = 0
            var index = 0
            func endLine(at end: Int) {
                number += 1
                lines.append(Line(number: number, text: Self.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<end]))))
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    endLine(at: index)
                    // "\r\n" is one line break.
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            endLine(at: bytes.count)
        }
        // A final newline ends the last line; it does not start an empty one.
        if let last = lines.last, last.isBlank { lines.removeLast() }
        self.lines = lines
    }

    /// Trims ASCII blanks on bytes; lines that start or end with other white
    /// space (a no-break space pasted from the web) take the Unicode path.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
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
