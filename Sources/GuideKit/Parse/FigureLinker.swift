import Foundation

/// Links each figure to the paper its caption names: a quoted title (straight
/// or curly quotes) or a caption that starts with the title itself.
enum FigureLinker {
    static func link(_ guide: inout Guide, diagnostics: inout [Diagnostic]) {
        guard !guide.figures.isEmpty else { return }
        var titles: [(key: String, paper: Int)] = guide.papers.indices.map {
            (normalizedTitle(guide.papers[$0].title.text), $0)
        }
        // Longest first, so "Learning X" does not win over "Learning X at scale".
        titles.sort { $0.key.count > $1.key.count }

        for index in guide.figures.indices {
            guard let caption = guide.figures[index].caption else { continue }
            let quotes = quotedPhrases(caption.text)
            let candidates = quotes.compactMap { quote in
                titles.first { $0.key == normalizedTitle(quote) }?.paper
            }
            let captionKey = normalizedTitle(caption.text)
            let paper = candidates.first
                ?? titles.first { !$0.key.isEmpty && captionKey.hasPrefix($0.key) }?.paper
            if let paper {
                guide.figures[index].paper = paper
                guide.papers[paper].figures.append(index)
            } else if let quote = quotes.first {
                diagnostics.append(.warning(guide.file, line: caption.line,
                    "the caption quotes “\(quote)”, which is not the title of a paper in this guide"))
            }
        }
    }

    /// Lowercased, quotes unified, white space collapsed, trailing "*" and punctuation dropped.
    static func normalizedTitle(_ title: String) -> String {
        var words = title.lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        while let last = words.last, "*.,;:!?".contains(last) || last == " " {
            words.removeLast()
        }
        return words
    }

    /// Text between "…" or “…” quotes.
    static func quotedPhrases(_ text: String) -> [String] {
        var phrases: [String] = []
        var current: String?
        for character in text {
            if current == nil, character == "\"" || character == "“" {
                current = ""
            } else if current != nil, character == "\"" || character == "”" {
                if let phrase = current, !phrase.isEmpty { phrases.append(phrase) }
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        return phrases
    }
}
