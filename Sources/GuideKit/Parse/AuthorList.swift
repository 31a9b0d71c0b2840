/// Recognises and splits a byline: "A, B, and C", "A and B", "A & B".
///
/// A byline is a list of personal names. A name is one to six words, each
/// capitalised, an initial ("R."), a name particle ("van", "de", "Ver" is
/// already capitalised), or a parenthesised alias ("(Murali)"); letters may
/// carry diacritics, hyphens and apostrophes.
///
/// The list is cut at its separators (commas, " and ", " & "), which are
/// ASCII, on the line's bytes. The rules for a word are written once, for
/// any kind of character (`NameCharacter`): a word with other letters is
/// read as `Character`s, an ASCII word as its bytes, which are its characters.
enum AuthorList {
    /// The names in `line`, or nil when it does not read as a byline.
    static func names(in line: String) -> [String]? {
        names(in: line) { name in wordCount(of: name).map { ($0, ()) } }?.map(\.name)
    }

    /// The names in `line`, each with the contribution mark written after it
    /// ("*", "†", "‡": "" for none), and what `check` tells of each name;
    /// nil when the line does not read as a byline. `check` gets the name
    /// without its mark and gives the number of words of a personal name
    /// (`wordCount(of:)`) and something more, or nil for a name that is not one.
    static func names<Info>(in line: String, check: (String) -> (words: Int, info: Info)?) -> [(name: String, mark: String, info: Info)]? {
        guard !line.isEmpty, line.utf8.count <= maximumBytes else { return nil }
        return line.withUTF8Bytes { Byline(line: line, bytes: $0).names(check: check) }
    }

    /// The longest line read as a byline: about a thousand names, more than
    /// the largest collaborations in computer science. Every author gets a
    /// page listing all co-authors, so a byline of n names writes n² entries
    /// (3,000 names made 1.2 GB); a longer line is a paragraph, and the
    /// parser says so (`NearByline`).
    static let maximumBytes = 20_000

    /// The number of words in a personal name (at most 6), or nil when `name` is not one.
    /// Markup pasted into a byline does not make it prose: the name keeps it, pages escape it.
    static func wordCount(of name: String) -> Int? {
        let text = withoutTags(name)
        return text.withUTF8Bytes { wordCount($0, 0..<$0.count, of: text) }
    }

    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "do",
        "du", "la", "le", "lo", "ter", "ten", "bin", "binti", "al", "el", "ibn", "y", "zu", "af", "av",
    ]
    static let suffixes: Set<String> = ["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"]
    /// The longest particle or suffix, in bytes, and the bytes they start
    /// with: other words need no lookup.
    private static let longestParticleOrSuffix = particles.union(suffixes).map(\.utf8.count).max()!
    static let particleOrSuffixFirstBytes: [Bool] = (0..<256).map { byte in
        particles.union(suffixes).contains { $0.utf8.first == UInt8(byte) }
    }

    /// A line being read as a byline: byte offsets into `bytes`, the line's UTF-8.
    private struct Byline {
        let line: String
        let bytes: UnsafeBufferPointer<UInt8>

        func names<Info>(check: (String) -> (words: Int, info: Info)?) -> [(name: String, mark: String, info: Info)]? {
            var names: [(name: String, mark: String, info: Info)] = []
            var singleWordNames = 0
            func append(_ written: Range<Int>) -> Bool {
                let (range, markStart) = withoutMark(written)
                guard !range.isEmpty else { return false }
                let name = text(range)
                guard let (words, info) = check(name) else { return false }
                if names.isEmpty { names.reserveCapacity(1 + bytes.reduce(0) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }) }
                if words == 1 { singleWordNames += 1 }
                let mark = markStart < written.upperBound
                    ? String(decoding: UnsafeBufferPointer(rebasing: bytes[markStart..<written.upperBound]), as: UTF8.self) : ""
                names.append((name, mark, info))
                return true
            }

            var partStart = 0
            while partStart <= bytes.count {
                let partEnd = bytes[partStart...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
                var piece = trimmed(partStart..<partEnd)
                if starts(piece, with: "and ") { piece = trimmed((piece.lowerBound + 4)..<piece.upperBound) }
                if starts(piece, with: "& ") { piece = trimmed((piece.lowerBound + 2)..<piece.upperBound) }
                // "A and B" → A, B; otherwise "A & B"; otherwise the piece is one name.
                if let conjunction = conjunction(in: piece) {
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

        /// The name without the equal-contribution marks after it ("Lin Qiu*",
        /// "Maren Holt †‡"), and where the marks start (the end when there are none).
        private func withoutMark(_ range: Range<Int>) -> (name: Range<Int>, markStart: Int) {
            var end = range.upperBound
            while end > range.lowerBound {
                if bytes[end - 1] == UInt8(ascii: "*") {
                    end -= 1
                } else if end - 3 >= range.lowerBound, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
                          bytes[end - 1] == 0xA0 || bytes[end - 1] == 0xA1 {  // † U+2020, ‡ U+2021
                    end -= 3
                } else {
                    break
                }
            }
            let markStart = end
            while end > range.lowerBound, bytes[end - 1] == 0x20 { end -= 1 }
            return (range.lowerBound..<end, markStart)
        }

        /// " and " when the piece has one, else " & " when it has one: one pass.
        private func conjunction(in piece: Range<Int>) -> StaticString? {
            var hasAmpersand = false
            var index = piece.lowerBound
            while index + 3 <= piece.upperBound {
                if bytes[index] == UInt8(ascii: " ") {
                    if index + 5 <= piece.upperBound, matches(" and ", at: index) { return " and " }
                    hasAmpersand = hasAmpersand || matches(" & ", at: index)
                }
                index += 1
            }
            return hasAmpersand ? " & " : nil
        }

        /// The name's text, with one space between words.
        private func text(_ name: Range<Int>) -> String {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)
            guard name.dropFirst().contains(where: { bytes[$0] == UInt8(ascii: " ") && bytes[$0 - 1] == UInt8(ascii: " ") }) else {
                return text
            }
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
            var index = range.lowerBound
            while index + pattern.utf8CodeUnitCount <= range.upperBound {
                if matches(pattern, at: index) { return index }
                index += 1
            }
            return nil
        }

        private func matches(_ pattern: StaticString, at index: Int) -> Bool {
            for offset in 0..<pattern.utf8CodeUnitCount where bytes[index + offset] != pattern.utf8Start[offset] {
                return false
            }
            return true
        }
    }

    /// The words of `range` in `bytes`, the UTF-8 of `text`, checked:
    /// their number (at most 6), or nil when they are not a personal name.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, of text: String) -> Int? {
        var words = 0
        var capitalised = 0
        var start = range.lowerBound
        while start < range.upperBound {
            if bytes[start] == UInt8(ascii: " ") {
                start += 1
                continue
            }
            var end = start
            var isASCII = true
            while end < range.upperBound, bytes[end] != UInt8(ascii: " ") {
                isASCII = isASCII && bytes[end] < 0x80
                end += 1
            }
            words += 1
            guard words <= 6 else { return nil }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            switch isASCII ? kind(of: word) : kind(of: substring(of: text, start..<end)) {
            case .invalid: return nil
            case .capitalised: capitalised += 1
            case .other: break
            }
            start = end
        }
        return words > 0 && capitalised > 0 ? words : nil
    }

    private static func substring(of text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    enum WordKind {
        /// A capitalised word or an initial.
        case capitalised
        /// A particle, a suffix or an alias in parentheses.
        case other
        case invalid
    }

    /// What one word of a name is.
    static func kind<Word: BidirectionalCollection>(of word: Word) -> WordKind where Word.Element: NameCharacter {
        // Every particle and suffix is ASCII, and no other text equals one.
        if let first = word.first, first.mayStartParticleOrSuffix, let text = Word.Element.asciiText(word),
           text.utf8.count <= longestParticleOrSuffix, suffixes.contains(text) || particles.contains(text) {
            return .other
        }
        let count = word.count
        if word.first == .ascii("("), word.last == .ascii(")"), count > 2 {
            return isNameWord(word.dropFirst().dropLast()) ? .other : .invalid
        }
        if isInitial(word, count: count) { return .capitalised }
        // d'Alembert, l'Hôpital
        if count > 2, word.dropFirst().first == .ascii("'"), word.first!.isLowercase {
            return isNameWord(word.dropFirst(2)) ? .capitalised : .invalid
        }
        return isNameWord(word) ? .capitalised : .invalid
    }

    /// The text with `<…>` tags removed.
    static func withoutTags(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { result.append(character) }
        }
        return result
    }

    /// "R.", "J.-P.", "A.B."
    private static func isInitial<Word: BidirectionalCollection>(_ word: Word, count: Int) -> Bool where Word.Element: NameCharacter {
        guard let first = word.first, first.isUppercase, count <= 6, word.last == .ascii(".") else { return false }
        return word.allSatisfy { $0.isLetter || $0 == .ascii(".") || $0 == .ascii("-") }
    }

    /// A capitalised word: "Cédric", "Che-Ping", "O'Brien", "McDonald"; or one in a script without case.
    private static func isNameWord<Word: BidirectionalCollection>(_ word: Word) -> Bool where Word.Element: NameCharacter {
        guard let first = word.first, first.isUppercase || (first.isLetter && !first.isCased),
              word.last != .ascii(".") else { return false }
        return word.allSatisfy { $0.isLetter || $0 == .ascii("-") || $0.isApostrophe }
    }
}

/// What the byline rules read of a character: a `Character`, or a byte of
/// an ASCII word, which is a character of its own.
protocol NameCharacter: Equatable {
    var isLetter: Bool { get }
    var isUppercase: Bool { get }
    var isLowercase: Bool { get }
    var isCased: Bool { get }
    /// A straight or a curly apostrophe.
    var isApostrophe: Bool { get }
    /// False when no particle or suffix starts with this character.
    var mayStartParticleOrSuffix: Bool { get }
    static func ascii(_ character: Unicode.Scalar) -> Self
    /// The word as a string, when it is ASCII.
    static func asciiText<Word: Collection>(_ word: Word) -> String? where Word.Element == Self
}

extension Character: NameCharacter {
    var isApostrophe: Bool { self == "'" || self == "’" }
    var mayStartParticleOrSuffix: Bool { isASCII }
    static func ascii(_ character: Unicode.Scalar) -> Character { Character(character) }
    static func asciiText<Word: Collection>(_ word: Word) -> String? where Word.Element == Character {
        word.allSatisfy(\.isASCII) ? String(word) : nil
    }
}

extension UInt8: NameCharacter {
    var isLetter: Bool { isUppercase || isLowercase }
    var isUppercase: Bool { self >= 65 && self <= 90 }
    var isLowercase: Bool { self >= 97 && self <= 122 }
    var isCased: Bool { isLetter }
    var isApostrophe: Bool { self == 39 }
    /// Particles are lowercase; suffixes start with "J", "S" or "I" (`AuthorList.suffixes`).
    var mayStartParticleOrSuffix: Bool { AuthorList.particleOrSuffixFirstBytes[Int(self)] }
    static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
    static func asciiText<Word: Collection>(_ word: Word) -> String? where Word.Element == UInt8 {
        String(decoding: word, as: UTF8.self)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        SourceLines.trimmed(Substring(self))
    }
}
