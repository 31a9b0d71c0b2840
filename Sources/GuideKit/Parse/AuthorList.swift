/// Recognises and splits a byline: "A, B, and C", "A and B", "A & B".
///
/// A byline is a list of personal names. A name is one to six words, each
/// capitalised, an initial ("R."), a name particle ("van", "de", "Ver" is
/// already capitalised), or a parenthesised alias ("(Murali)"); letters may
/// carry diacritics, hyphens and apostrophes.
///
/// The list is cut at its separators (commas, " and ", " & "), which are
/// ASCII, on the line's bytes; only the words of names are read as
/// characters, and an ASCII word's bytes are its characters.
enum AuthorList {
    /// The names in `line`, or nil when it does not read as a byline.
    static func names(in line: String) -> [String]? {
        guard !line.isEmpty, line.utf8.count <= 4000 else { return nil }
        return line.withUTF8Bytes { Byline(line: line, bytes: $0).names() }
    }

    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "do",
        "du", "la", "le", "lo", "ter", "ten", "bin", "binti", "al", "el", "ibn", "y", "zu", "af", "av",
    ]
    static let suffixes: Set<String> = ["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"]
    /// The longest particle or suffix, in bytes: longer words need no lookup.
    private static let longestParticleOrSuffix = particles.union(suffixes).map(\.utf8.count).max()!

    /// A line being read as a byline: byte offsets into `bytes`, the line's UTF-8.
    private struct Byline {
        let line: String
        let bytes: UnsafeBufferPointer<UInt8>

        func names() -> [String]? {
            var names: [String] = []
            var singleWordNames = 0
            func append(_ name: Range<Int>) -> Bool {
                guard !name.isEmpty, let words = wordCount(name) else { return false }
                if words == 1 { singleWordNames += 1 }
                names.append(text(name))
                return true
            }

            var partStart = 0
            while partStart <= bytes.count {
                let partEnd = bytes[partStart...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
                var piece = trimmed(partStart..<partEnd)
                if starts(piece, with: "and ") { piece = trimmed((piece.lowerBound + 4)..<piece.upperBound) }
                if starts(piece, with: "& ") { piece = trimmed((piece.lowerBound + 2)..<piece.upperBound) }
                // "A and B" → A, B; otherwise "A & B"; otherwise the piece is one name.
                let conjunction: StaticString? = firstMatch(of: " and ", in: piece) != nil ? " and "
                    : firstMatch(of: " & ", in: piece) != nil ? " & " : nil
                if let conjunction {
                    var start = piece.lowerBound
                    while let match = firstMatch(of: conjunction, in: start..<piece.upperBound) {
                        guard append(trimmed(start..<match)) else { return nil }
                        start = match + conjunction.utf8CodeUnitCount
                    }
                    guard append(trimmed(start..<piece.upperBound)) else { return nil }
                } else {
                    guard append(piece) else { return nil }
                }
                partStart = partEnd + 1
            }
            // A single word is a name only next to other names.
            guard !names.isEmpty, names.count > 1 || singleWordNames == 0 else { return nil }
            return names
        }

        /// The number of words in a personal name (at most 6), or nil when `name` is not one.
        /// Markup pasted into a byline does not make it prose: the name keeps it, pages escape it.
        private func wordCount(_ name: Range<Int>) -> Int? {
            let hasTags = bytes[name].contains(UInt8(ascii: "<"))
            let text = hasTags ? Substring(withoutTags(String(substring(name)))) : substring(name)
            let utf8 = text.utf8
            var words = 0
            var capitalised = 0
            var start = utf8.startIndex
            while start < utf8.endIndex {
                if utf8[start] == UInt8(ascii: " ") {
                    start = utf8.index(after: start)
                    continue
                }
                var end = start
                while end < utf8.endIndex, utf8[end] != UInt8(ascii: " ") { end = utf8.index(after: end) }
                words += 1
                guard words <= 6 else { return nil }
                switch kind(of: text[start..<end]) {
                case .invalid: return nil
                case .capitalised: capitalised += 1
                case .other: break
                }
                start = end
            }
            return words > 0 && capitalised > 0 ? words : nil
        }

        /// The name's text, with one space between words.
        private func text(_ name: Range<Int>) -> String {
            let text = String(substring(name))
            guard firstMatch(of: "  ", in: name) != nil else { return text }
            return text.split(separator: " ").joined(separator: " ")
        }

        /// Without the white space around it: blanks and tabs, and other white
        /// space (a no-break space) read as characters.
        private func trimmed(_ range: Range<Int>) -> Range<Int> {
            var start = range.lowerBound
            var end = range.upperBound
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return start..<end }
            let piece = substring(start..<end)
            let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
            guard let first = piece.firstIndex(where: { !isSpace($0) }) else { return start..<start }
            let last = piece.lastIndex(where: { !isSpace($0) })!
            return offset(of: first)..<offset(of: piece.index(after: last))
        }

        private func substring(_ range: Range<Int>) -> Substring {
            let utf8 = line.utf8
            return line[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }

        private func offset(of index: String.Index) -> Int {
            line.utf8.distance(from: line.utf8.startIndex, to: index)
        }

        private func starts(_ range: Range<Int>, with prefix: StaticString) -> Bool {
            range.count >= prefix.utf8CodeUnitCount
                && (0..<prefix.utf8CodeUnitCount).allSatisfy { bytes[range.lowerBound + $0] == prefix.utf8Start[$0] }
        }

        /// Where `pattern` first occurs within `range`.
        private func firstMatch(of pattern: StaticString, in range: Range<Int>) -> Int? {
            let count = pattern.utf8CodeUnitCount
            var index = range.lowerBound
            while index + count <= range.upperBound {
                if (0..<count).allSatisfy({ bytes[index + $0] == pattern.utf8Start[$0] }) { return index }
                index += 1
            }
            return nil
        }
    }

    enum WordKind {
        /// A capitalised word or an initial.
        case capitalised
        /// A particle, a suffix or an alias in parentheses.
        case other
        case invalid
    }

    /// What one word of a name is.
    static func kind(of word: Substring) -> WordKind {
        let isASCII = word.utf8.allSatisfy { $0 < 0x80 }
        // Every particle and suffix is ASCII, and no other text equals one.
        if isASCII, word.utf8.count <= longestParticleOrSuffix,
           suffixes.contains(String(word)) || particles.contains(String(word)) {
            return .other
        }
        let count = isASCII ? word.utf8.count : word.count
        if word.first == "(", word.last == ")", count > 2 {
            return isNameWord(word.dropFirst().dropLast()) ? .other : .invalid
        }
        if isInitial(word, count: count) { return .capitalised }
        // d'Alembert, l'Hôpital
        let body = count > 2 && word.dropFirst().first == "'" && word.first!.isLowercase ? word.dropFirst(2) : word
        return isNameWord(body) ? .capitalised : .invalid
    }

    /// The text with `<…>` tags removed.
    static func withoutTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { result.append(character) }
        }
        return result
    }

    /// "R.", "J.-P.", "A.B."
    private static func isInitial(_ word: Substring, count: Int) -> Bool {
        guard word.last == ".", count <= 6, word.first!.isUppercase else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" }
    }

    /// A capitalised word: "Cédric", "Che-Ping", "O'Brien", "McDonald"; or one in a script without case.
    private static func isNameWord(_ word: Substring) -> Bool {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: bytes are characters, no Unicode property lookups.
            let bytes = word.utf8
            guard let first = bytes.first, first >= 65 && first <= 90, bytes.last != 46 else { return false }
            return bytes.allSatisfy { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || $0 == 45 || $0 == 39 }
        }
        guard let first = word.first, first.isUppercase || (first.isLetter && !first.isCased),
              !word.hasSuffix(".") else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        SourceLines.trimmed(Substring(self))
    }
}
