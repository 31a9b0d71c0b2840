import Mustache

/// HTML escaping for `{{variable}}` in templates, working on UTF-8 bytes.
///
/// swift-mustache's built-in escaper walks `Character`s, which costs about half
/// of a page's render time; this one gives identical output and returns the
/// original string untouched when there is nothing to escape (most values).
struct HTMLEscaper: MustacheContentType {
    static let contentTypeName = "GUIDE_HTML"

    /// Registers the escaper with swift-mustache (once per process).
    static let registered: Void = {
        MustacheContentTypes.register(HTMLEscaper(), named: contentTypeName)
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains(where: needsEscape) }
            ?? !text.utf8.contains(where: needsEscape)
        guard !clean else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
