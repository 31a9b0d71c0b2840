/// The links and ids of one HTML page, read from the attributes the site's
/// pages write: `href="…"`, `src="…"` and `id="…"`, values in double quotes
/// with `&amp;`, `&quot;`, `&lt;`, `&gt;` and `&#39;` escaped (`HTMLEscaper`).
/// Not an HTML parser: pages come from our templates and cmark, which write
/// attributes this way; a link a template writes otherwise is not checked.
struct PageLinks: Sendable {
    /// Values of `href` and `src`, in page order, unescaped.
    var links: [String] = []
    var ids: Set<String> = []

    init(html: some Collection<UInt8>) {
        let bytes = Array(html)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\""),
                  let name = Self.attributeName(before: index, in: bytes) else {
                index += 1
                continue
            }
            let start = index + 2
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let value = Self.unescaped(String(decoding: bytes[start..<end], as: UTF8.self))
            if name == .id { ids.insert(value) } else { links.append(value) }
            index = end + 1
        }
    }

    private enum Attribute { case link, id }

    /// `href`, `src` or `id` ending right before `equals`, after a space.
    private static func attributeName(before equals: Int, in bytes: [UInt8]) -> Attribute? {
        func matches(_ name: String) -> Bool {
            let count = name.utf8.count
            guard equals >= count + 1 else { return false }
            let before = bytes[equals - count - 1]
            return (before == UInt8(ascii: " ") || before == UInt8(ascii: "\n") || before == UInt8(ascii: "\t"))
                && bytes[(equals - count)..<equals].elementsEqual(name.utf8)
        }
        if matches("href") || matches("src") { return .link }
        if matches("id") { return .id }
        return nil
    }

    static func unescaped(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
