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
        var number = 0
        // Splitting on Character keeps "\r\n" as one separator (it is one grapheme).
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            lines.append(Line(number: number, text: Self.trimmed(raw)))
        }
        // A final newline ends the last line; it does not start an empty one.
        if let last = lines.last, last.isBlank { lines.removeLast() }
        self.lines = lines
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
