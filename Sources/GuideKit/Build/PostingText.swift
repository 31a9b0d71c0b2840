import Foundation

/// Job posting texts as pasted: one long paragraph whose " * " separators are
/// list items.
enum PostingText {
    /// Markdown: the lead as a paragraph, each " * " segment as a list item.
    static func markdown(_ text: String) -> String {
        text.split(separator: "\n\n", omittingEmptySubsequences: true).map { paragraph in
            let segments = paragraph.components(separatedBy: " * ").map(\.trimmingSpaces).filter { !$0.isEmpty }
            guard segments.count > 1 else { return String(paragraph) }
            return segments[0] + "\n\n" + segments.dropFirst().map { "- \($0)" }.joined(separator: "\n")
        }.joined(separator: "\n\n")
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
