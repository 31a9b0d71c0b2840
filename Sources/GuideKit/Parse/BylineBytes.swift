/// `AuthorList.names(in:)` on UTF-8 bytes: the same rules, with ASCII words
/// checked byte by byte and only words with other letters (`Cédric`) decoded
/// for the Unicode rules, so most bylines need no Unicode property lookups.
///
/// A name stays a range of the line's bytes until it passes, so most lines
/// that are not bylines allocate nothing.
enum BylineBytes {
    private static let comma = UInt8(ascii: ",")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let period = UInt8(ascii: ".")
    private static let hyphen = UInt8(ascii: "-")
    private static let apostrophe = UInt8(ascii: "'")
    /// Particles and suffixes, each packed into an integer (all are at most 5 ASCII bytes).
    private static let particleKeys: [UInt64] = AuthorList.particles.map { packed(Array($0.utf8)[...]) }
    private static let suffixKeys: [UInt64] = AuthorList.suffixes.map { packed(Array($0.utf8)[...]) }

    static func names(in bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var names: [String] = []
        var singleWordNames = 0
        func append(_ name: Range<Int>) -> Bool {
            guard let words = wordCount(bytes, name) else { return false }
            if names.isEmpty { names.reserveCapacity(1 + bytes.reduce(0) { $0 + ($1 == comma ? 1 : 0) }) }
            if words == 1 { singleWordNames += 1 }
            names.append(text(bytes, name, words: words))
            return true
        }

        var partStart = 0
        while partStart <= bytes.count {
            let partEnd = bytes[partStart...].firstIndex(of: comma) ?? bytes.count
            var piece = trimmed(bytes, partStart..<partEnd)
            if starts(bytes, piece, with: "and ") { piece = trimmed(bytes, (piece.lowerBound + 4)..<piece.upperBound) }
            if starts(bytes, piece, with: "& ") { piece = trimmed(bytes, (piece.lowerBound + 2)..<piece.upperBound) }
            // "A and B" → A, B; otherwise "A & B"; otherwise the piece is one name.
            if let conjunction = conjunction(in: piece, of: bytes) {
                var start = piece.lowerBound
                while let match = firstMatch(of: conjunction, in: start..<piece.upperBound, of: bytes) {
                    guard append(trimmed(bytes, start..<match)) else { return nil }
                    start = match + conjunction.count
                }
                guard append(trimmed(bytes, start..<piece.upperBound)) else { return nil }
            } else {
                guard append(piece) else { return nil }
            }
            partStart = partEnd + 1
        }
        // A single word is a name only next to other names.
        guard !names.isEmpty, names.count > 1 || singleWordNames == 0 else { return nil }
        return names
    }

    private static let and = Array(" and ".utf8)
    private static let ampersand = Array(" & ".utf8)

    /// " and " when the piece has one, else " & " when it has one: a single pass.
    private static func conjunction(in piece: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var hasAmpersand = false
        var index = piece.lowerBound
        while index + 3 <= piece.upperBound {
            if bytes[index] == space {
                if bytes[index + 1] == UInt8(ascii: "a"), index + 5 <= piece.upperBound, matches(bytes, at: index, and) {
                    return and
                }
                if bytes[index + 1] == UInt8(ascii: "&"), bytes[index + 2] == space { hasAmpersand = true }
            }
            index += 1
        }
        return hasAmpersand ? ampersand : nil
    }

    /// Where `pattern` first occurs within `range`.
    private static func firstMatch(of pattern: [UInt8], in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = range.lowerBound
        while index + pattern.count <= range.upperBound {
            if bytes[index] == pattern[0], matches(bytes, at: index, pattern) { return index }
            index += 1
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, with prefix: StaticString) -> Bool {
        range.count >= prefix.utf8CodeUnitCount
            && (0..<prefix.utf8CodeUnitCount).allSatisfy { bytes[range.lowerBound + $0] == prefix.utf8Start[$0] }
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        return start..<end
    }

    /// The name's text, with one space between words as the Unicode path produces.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, words: Int) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[name])
        let spaces = raw.reduce(0) { $0 + ($1 == space ? 1 : 0) }
        if spaces == words - 1 { return String(decoding: raw, as: UTF8.self) }
        var joined: [UInt8] = []
        joined.reserveCapacity(raw.count)
        for byte in raw where byte != space || (joined.last != space && !joined.isEmpty) {
            joined.append(byte)
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The number of words in a personal name (at most 6), or nil when `name` is not one.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Int? {
        var words = 0
        var capitalised = 0
        var start = name.lowerBound
        while start < name.upperBound {
            if bytes[start] == space { start += 1; continue }
            var end = start
            while end < name.upperBound, bytes[end] != space { end += 1 }
            words += 1
            guard words <= 6 else { return nil }
            switch kind(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
            case .invalid: return nil
            case .capitalised: capitalised += 1
            case .other: break
            }
            start = end
        }
        return words > 0 && capitalised > 0 ? words : nil
    }

    private static func kind(of word: UnsafeBufferPointer<UInt8>) -> AuthorList.WordKind {
        if !word.isASCII {
            return latinKind(of: word) ?? AuthorList.kind(of: Substring(String(decoding: word, as: UTF8.self)))
        }
        // Particles are lowercase and at most 5 bytes, suffixes start with J, S or I and have at most 3.
        if word.count <= 5, isLower(word[0]) || (word.count <= 3 && (word[0] == 74 || word[0] == 83 || word[0] == 73)) {
            let key = packed(word[...])
            if suffixKeys.contains(key) || particleKeys.contains(key) { return .other }
        }
        if word.first == UInt8(ascii: "("), word.last == UInt8(ascii: ")"), word.count > 2 {
            return isNameWord(UnsafeBufferPointer(rebasing: word[1..<(word.count - 1)])) ? .other : .invalid
        }
        if isInitial(word) { return .capitalised }
        // d'Alembert
        var body = word
        if word.count > 2, isLower(word[0]), word[1] == apostrophe {
            body = UnsafeBufferPointer(rebasing: word[2...])
        }
        return isNameWord(body) ? .capitalised : .invalid
    }

    /// `AuthorList.kind(of:)` for a word in which every scalar is a character
    /// of its own: below U+0300 (Latin letters with precomposed accents, no
    /// combining marks) or a curly quote. Nil for other words.
    ///
    /// Such a word needs no grapheme breaking, and a one-scalar character has
    /// the properties of its scalar, so the rules apply scalar by scalar.
    /// Non-ASCII words are never particles or suffixes: those are ASCII, and no
    /// other text is canonically equivalent to them.
    private static func latinKind(of word: UnsafeBufferPointer<UInt8>) -> AuthorList.WordKind? {
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: word.count) { buffer in
            var count = 0
            var index = 0
            while index < word.count {
                let byte = word[index]
                if byte < 0x80 {
                    buffer[count] = Unicode.Scalar(byte)
                    index += 1
                } else if byte >= 0xC2, byte <= 0xCB {
                    // Two bytes: U+0080 ... U+02FF (the word is valid UTF-8).
                    buffer[count] = Unicode.Scalar(UInt32(byte & 0x1F) << 6 | UInt32(word[index + 1] & 0x3F))!
                    index += 2
                } else if byte == 0xE2, index + 2 < word.count, word[index + 1] == 0x80,
                          word[index + 2] == 0x98 || word[index + 2] == 0x99 {
                    buffer[count] = word[index + 2] == 0x98 ? "\u{2018}" : "\u{2019}"
                    index += 3
                } else {
                    return nil
                }
                count += 1
            }
            return kind(ofCharacters: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The rules of `AuthorList.kind(of:)` on a word whose scalars are its characters.
    private static func kind(ofCharacters word: UnsafeBufferPointer<Unicode.Scalar>) -> AuthorList.WordKind {
        let count = word.count
        if count > 2, word[0] == "(", word[count - 1] == ")" {
            return isNameWord(UnsafeBufferPointer(rebasing: word[1..<(count - 1)])) ? .other : .invalid
        }
        // "R.", "J.-P."
        if word[count - 1] == ".", count <= 6,
           word.allSatisfy({ CharacterFlags($0).contains(.letter) || $0 == "." || $0 == "-" }),
           CharacterFlags(word[0]).contains(.uppercase) {
            return .capitalised
        }
        // d'Alembert, l'Hôpital
        let body = count > 2 && word[1] == "'" && CharacterFlags(word[0]).contains(.lowercase)
            ? UnsafeBufferPointer(rebasing: word[2...]) : word
        return isNameWord(body) ? .capitalised : .invalid
    }

    /// `AuthorList.isNameWord(_:)` on a word whose scalars are its characters.
    private static func isNameWord(_ word: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let first = word.first, let last = word.last else { return false }
        if word.allSatisfy(\.isASCII) {
            guard isUpper(UInt8(first.value)), last != "." else { return false }
            return word.allSatisfy { isLetter(UInt8($0.value)) || $0 == "-" || $0 == "'" }
        }
        let flags = CharacterFlags(first)
        guard flags.contains(.uppercase) || (flags.contains(.letter) && !flags.contains(.cased)), last != "." else {
            return false
        }
        return word.allSatisfy { CharacterFlags($0).contains(.letter) || $0 == "-" || $0 == "'" || $0 == "\u{2019}" }
    }

    /// `Character`'s `isLetter`, `isUppercase`, `isLowercase` and `isCased` for
    /// a one-scalar character, read once from the standard library for every
    /// scalar below U+0300.
    private struct CharacterFlags: OptionSet {
        let rawValue: UInt8
        static let letter = CharacterFlags(rawValue: 1)
        static let uppercase = CharacterFlags(rawValue: 2)
        static let lowercase = CharacterFlags(rawValue: 4)
        static let cased = CharacterFlags(rawValue: 8)

        init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        init(_ scalar: Unicode.Scalar) {
            self = scalar.value < 0x300 ? Self.belowCombiningMarks[Int(scalar.value)] : Self.reading(Character(scalar))
        }

        private static let belowCombiningMarks: [CharacterFlags] = (0..<0x300).map { value in
            reading(Character(Unicode.Scalar(UInt32(value))!))
        }

        private static func reading(_ character: Character) -> CharacterFlags {
            var flags: CharacterFlags = []
            if character.isLetter { flags.insert(.letter) }
            if character.isUppercase { flags.insert(.uppercase) }
            if character.isLowercase { flags.insert(.lowercase) }
            if character.isCased { flags.insert(.cased) }
            return flags
        }
    }

    /// Up to 7 bytes and their count in one integer: for such short words, equal keys are equal words.
    private static func packed<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64 {
        var key = UInt64(word.count)
        for byte in word { key = key << 8 | UInt64(byte) }
        return key
    }

    /// "R.", "J.-P.", "A.B."
    private static func isInitial(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.last == period, word.count <= 6, let first = word.first, isUpper(first) else { return false }
        return word.allSatisfy { isLetter($0) || $0 == period || $0 == hyphen }
    }

    /// "Che-Ping", "O'Brien", "McDonald".
    private static func isNameWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, isUpper(first), word.last != period else { return false }
        return word.allSatisfy { isLetter($0) || $0 == hyphen || $0 == apostrophe }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
    private static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
}
