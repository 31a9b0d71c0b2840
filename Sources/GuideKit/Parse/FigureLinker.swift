import Foundation

/// Links each figure to the paper its caption names: a quoted title (straight
/// or curly quotes) or a caption that starts with the title itself.
enum FigureLinker {
    /// - Parameters:
    ///   - longestTitle: the length in UTF-8 bytes of the longest normalised title.
    ///   - paperTitled: normalised title → first paper with that title.
    static func link(_ guide: inout Guide, diagnostics: inout [Diagnostic], longestTitle: Int, paperTitled: (String) -> Int?) {
        guard !guide.figures.isEmpty else { return }
        // Past this, a title is matched only when quoted on its own: a huge
        // "title" (a pasted paragraph) would make every span worth trying.
        let longestTitle = min(longestTitle, maximumMatchedTitle)

        for index in guide.figures.indices {
            guard let caption = guide.figures[index].caption else { continue }
            let quotes = quotedPhrases(caption.text)
            var paper: Int?
            for quote in quotes where paper == nil { paper = paperTitled(normalizedTitle(quote)) }
            paper = paper ?? titleBetweenFarQuotes(caption.text, longestTitle: longestTitle, paperTitled: paperTitled)
            paper = paper ?? longestTitlePrefix(of: normalizedTitle(caption.text), longestTitle: longestTitle, paperTitled: paperTitled)
            if let paper {
                guide.figures[index].paper = paper
                guide.papers[paper].figures.append(index)
            } else if let quote = quotes.first {
                diagnostics.append(.warning(guide.file, line: caption.line,
                    "the caption quotes “\(quote)”, which is not the title of a paper in this guide"))
            }
        }
    }

    /// The longest title (in UTF-8 bytes) a caption's prefix or a span between
    /// far quotes is matched against; real titles are under 300.
    static let maximumMatchedTitle = 1_000

    /// A title with quotes of its own, quoted in a caption with the same
    /// quotes (`From "GRAPH-X via "robust" prompts".`): the text between an
    /// opening quote and a later one that is not the next. Spans longer than
    /// any title are not tried, which keeps the work linear in the caption.
    private static func titleBetweenFarQuotes(_ caption: String, longestTitle: Int, paperTitled: (String) -> Int?) -> Int? {
        caption.withUTF8Bytes { bytes in
            // Where each quote starts and where the text after it starts: " is one byte, “ and ” three.
            var quotes: [(start: Int, after: Int)] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\"") {
                    quotes.append((index, index + 1))
                } else if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D {
                    quotes.append((index, index + 3))
                    index += 2
                }
                index += 1
            }
            // Raw text may hold more blanks than the normalised title: a generous bound.
            let longestSpan = 2 * longestTitle + 16
            for open in quotes.indices {
                var close = open + 2
                while close < quotes.count, quotes[close].start - quotes[open].after <= longestSpan { close += 1 }
                // The longest span first: the whole title, not a part between its inner quotes.
                for end in stride(from: close - 1, through: open + 2, by: -1) {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[quotes[open].after..<quotes[end].start]), as: UTF8.self)
                    if let paper = paperTitled(normalizedTitle(text)) { return paper }
                }
            }
            return nil
        }
    }

    /// The paper whose title the (normalised) caption starts with, trying the
    /// longest prefix first so "Learning X at scale" wins over "Learning X".
    /// Prefixes end before a space, ":", "," or "." or at the end; only those
    /// no longer than the longest title are tried, which keeps the work linear
    /// in the caption (trying every prefix of a 100 KB caption took 2 s).
    private static func longestTitlePrefix(of caption: String, longestTitle: Int, paperTitled: (String) -> Int?) -> Int? {
        caption.withUTF8Bytes { bytes in
            var ends: [Int] = []
            // A few bytes past the longest title: a closing quote and punctuation may follow it.
            let window = longestTitle + 8
            for index in 0..<min(bytes.count, window + 1) {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "."): ends.append(index)
                default: break
                }
            }
            if bytes.count <= window { ends.append(bytes.count) }
            for end in ends.reversed() {
                var length = end
                // A closing quote whose opening one is missing ("Title" compares …) ends no title.
                while length > 0, isTrailingPunctuation(bytes[length - 1]) || bytes[length - 1] == UInt8(ascii: "\"")
                    || (length >= 3 && bytes[length - 3] == 0xE2 && bytes[length - 2] == 0x80 && bytes[length - 1] == 0x9D) {
                    length -= bytes[length - 1] == 0x9D ? 3 : 1
                }
                guard length > 0 else { continue }
                if let paper = paperTitled(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)) {
                    return paper
                }
            }
            return nil
        }
    }

    /// Lowercased, quotes unified, white space collapsed, trailing "*" and punctuation dropped.
    static func normalizedTitle(_ title: String) -> String {
        if let ascii = title.withUTF8Bytes({ bytes in
            bytes.isASCII ? String(unsafeUninitializedCapacity: bytes.count) { normalizeASCII(bytes, into: $0) } : nil
        }) {
            return ascii
        }
        var result = ""
        result.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for character in title {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            if let ascii = character.asciiValue {
                result.unicodeScalars.append(Unicode.Scalar(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii))
            } else if character == "’" {
                result.append("'")
            } else {
                result += character.lowercased()
            }
        }
        while let last = result.last, "*.,;:!? ".contains(last) {
            result.removeLast()
        }
        return result
    }

    /// Writes the normalised ASCII title into `result` and returns its length, never
    /// more than the title's: a space stands for at least one dropped blank.
    private static func normalizeASCII(_ title: UnsafeBufferPointer<UInt8>, into result: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var pendingSpace = false
        for byte in title {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                result[count] = 0x20
                count += 1
            }
            pendingSpace = false
            result[count] = byte >= 65 && byte <= 90 ? byte + 32 : byte
            count += 1
        }
        while count > 0, isTrailingPunctuation(result[count - 1]) { count -= 1 }
        return count
    }

    /// `*.,;:!? `
    private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: " "): true
        default: false
        }
    }

    /// Text between "…" or “…” quotes.
    static func quotedPhrases(_ text: String) -> [String] {
        if let phrases = text.withUTF8Bytes({ $0.isASCII ? asciiQuotedPhrases($0) : nil }) { return phrases }
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

    /// `quotedPhrases` for ASCII text, byte by byte: the only quote in ASCII is `"`.
    private static func asciiQuotedPhrases(_ text: UnsafeBufferPointer<UInt8>) -> [String] {
        var phrases: [String] = []
        var start: Int?
        for (index, byte) in text.enumerated() where byte == UInt8(ascii: "\"") {
            if let open = start {
                if index > open { phrases.append(String(decoding: UnsafeBufferPointer(rebasing: text[open..<index]), as: UTF8.self)) }
                start = nil
            } else {
                start = index + 1
            }
        }
        return phrases
    }
}
