import Foundation

/// Job posting texts as pasted: one long paragraph whose " * " separators are
/// list items.
enum PostingText {
    /// Markdown: the lead as a paragraph, each " * " segment as a list item.
    static func markdown(_ text: String) -> String {
        pieces(of: Substring(text), between: "\n\n").filter { !$0.isEmpty }.map { paragraph in
            let segments = pieces(of: paragraph, between: " * ").map(\.trimmingSpaces).filter { !$0.isEmpty }
            guard segments.count > 1 else { return String(paragraph) }
            return segments[0] + "\n\n" + segments.dropFirst().map { "- \($0)" }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// `text` cut at every `separator` (ASCII), compared byte by byte: the
    /// Character-by-Character search of `components(separatedBy:)` took 45 ms
    /// for the 1,000 postings of a 50-guide site, on every rebuild.
    static func pieces(of text: Substring, between separator: StaticString) -> [Substring] {
        let pattern = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        let bytes = text.utf8
        var pieces: [Substring] = []
        var start = bytes.startIndex, index = bytes.startIndex
        while index < bytes.endIndex {
            var end = index, matched = 0
            while matched < pattern.count, end < bytes.endIndex, bytes[end] == pattern[matched] {
                matched += 1
                end = bytes.index(after: end)
            }
            if matched == pattern.count {
                pieces.append(text[start..<index])
                (start, index) = (end, end)
            } else {
                index = bytes.index(after: index)
            }
        }
        pieces.append(text[start..<bytes.endIndex])
        return pieces
    }

    /// The first sentence, shortened to fit a heading.
    static func title(_ text: String, limit: Int = 110) -> String {
        var sentence = Substring(text)
        if let end = text.range(of: ". ") { sentence = text[..<end.lowerBound] }
        if sentence.count <= limit { return String(sentence).trimmingCharacters(in: ".") }
        let cut = sentence.prefix(limit)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
}
