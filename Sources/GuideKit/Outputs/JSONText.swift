/// JSON text written directly, by hand rather than by `JSONSerialization`, so
/// that the bytes are the same on every build and platform (and in the order
/// written): the search index, CSL-JSON citations, a paper's JSON-LD.
enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, the rest as UTF-8; for a `<script>` element
    /// (`forScript`), "<", ">" and "&" too (`\u003c`, …), as JSON allows, so
    /// that no "</script>" or "<!--" in a string ends or changes the element
    /// and no markup shows in the page's source as written.
    static func appendString(_ text: String, to json: inout [UInt8], forScript: Bool = false) {
        json.append(UInt8(ascii: "\""))
        defer { json.append(UInt8(ascii: "\"")) }
        guard needsEscapes(text, forScript: forScript) else {
            json.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): json.append(contentsOf: #"\\"#.utf8)
            case 0x0A: json.append(contentsOf: #"\n"#.utf8)
            case 0x0D: json.append(contentsOf: #"\r"#.utf8)
            case 0x09: json.append(contentsOf: #"\t"#.utf8)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                guard forScript || byte < 0x20 else { json.append(byte); continue }
                json.append(contentsOf: #"\u00"#.utf8)
                json.append(hexDigits[Int(byte >> 4)])
                json.append(hexDigits[Int(byte & 15)])
            default: json.append(byte)
            }
        }
    }

    /// `appendString(_:to:forScript:)` as a string.
    static func string(_ text: String, forScript: Bool = false) -> String {
        guard needsEscapes(text, forScript: forScript) else { return "\"" + text + "\"" }
        var json: [UInt8] = []
        json.reserveCapacity(text.utf8.count + 8)
        appendString(text, to: &json, forScript: forScript)
        return String(decoding: json, as: UTF8.self)
    }

    /// An object of `members` (their values JSON texts already), keys sorted, no space.
    static func object(_ members: [(key: String, value: String)], forScript: Bool = false) -> String {
        "{" + members.sorted { $0.key < $1.key }.map { string($0.key, forScript: forScript) + ":" + $0.value }.joined(separator: ",") + "}"
    }

    /// An array of `values` (JSON texts already), no space.
    static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func needsEscapes(_ text: String, forScript: Bool) -> Bool {
        text.utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || (forScript && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")))
        }
    }
}
