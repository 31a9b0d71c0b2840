/// `AuthorList.names(in:)` on UTF-8 bytes: the same rules, with ASCII words
/// checked byte by byte and only words with other letters (`Cédric`) decoded
/// for the Unicode rules, so most bylines need no Unicode property lookups.
enum BylineBytes {
    private static let comma = UInt8(ascii: ",")
    private static let space = UInt8(ascii: " ")
    private static let period = UInt8(ascii: ".")
    private static let particles: Set<[UInt8]> = Set(AuthorList.particles.map { Array($0.utf8) })
    private static let suffixes: Set<[UInt8]> = Set(AuthorList.suffixes.map { Array($0.utf8) })

    static func names(in line: String) -> [String]? {
        let bytes = Array(line.utf8)
        var names: [ArraySlice<UInt8>] = []
        for part in bytes.split(separator: comma, omittingEmptySubsequences: false) {
            var piece = trimmed(part)
            if piece.starts(with: "and ".utf8) { piece = trimmed(piece.dropFirst(4)) }
            if piece.starts(with: "& ".utf8) { piece = trimmed(piece.dropFirst(2)) }
            for name in splitConjunction(piece) {
                guard !name.isEmpty else { return nil }
                names.append(name)
            }
        }
        guard !names.isEmpty else { return nil }
        let singleWordAllowed = names.count > 1
        for name in names where !isPersonalName(name, singleWordAllowed: singleWordAllowed) {
            return nil
        }
        return names.map { name in
            // One space between words, as the Unicode path produces.
            String(decoding: Array(name.split(separator: space).joined(separator: [space])), as: UTF8.self)
        }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while slice.first == space || slice.first == 0x09 { slice = slice.dropFirst() }
        while slice.last == space || slice.last == 0x09 { slice = slice.dropLast() }
        return slice
    }

    /// "A and B" → ["A", "B"]; also "A & B".
    private static func splitConjunction(_ piece: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        for conjunction in [Array(" and ".utf8), Array(" & ".utf8)] {
            var parts: [ArraySlice<UInt8>] = []
            var start = piece.startIndex
            var index = piece.startIndex
            while index + conjunction.count <= piece.endIndex {
                if piece[index..<(index + conjunction.count)].elementsEqual(conjunction) {
                    parts.append(trimmed(piece[start..<index]))
                    index += conjunction.count
                    start = index
                } else {
                    index += 1
                }
            }
            if !parts.isEmpty {
                parts.append(trimmed(piece[start...]))
                return parts
            }
        }
        return [piece]
    }

    private static func isPersonalName(_ name: ArraySlice<UInt8>, singleWordAllowed: Bool) -> Bool {
        let words = name.split(separator: space)
        guard (singleWordAllowed ? 1 : 2)...6 ~= words.count else { return false }
        var capitalised = 0
        for word in words {
            if word.contains(where: { $0 >= 0x80 }) {
                switch AuthorList.kind(of: Substring(String(decoding: word, as: UTF8.self))) {
                case .invalid: return false
                case .capitalised: capitalised += 1
                case .other: break
                }
                continue
            }
            let key = Array(word)
            if suffixes.contains(key) || particles.contains(key) { continue }
            if word.first == UInt8(ascii: "("), word.last == UInt8(ascii: ")"), word.count > 2 {
                guard isNameWord(word.dropFirst().dropLast()) else { return false }
                continue
            }
            if isInitial(word) { capitalised += 1; continue }
            // d'Alembert
            var body = word
            if word.count > 2, isLower(word[word.startIndex]), word[word.startIndex + 1] == UInt8(ascii: "'") {
                body = word.dropFirst(2)
            }
            guard isNameWord(body) else { return false }
            capitalised += 1
        }
        return capitalised > 0
    }

    /// "R.", "J.-P.", "A.B."
    private static func isInitial(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.last == period, word.count <= 6, let first = word.first, isUpper(first) else { return false }
        return word.allSatisfy { isLetter($0) || $0 == period || $0 == UInt8(ascii: "-") }
    }

    /// "Che-Ping", "O'Brien", "McDonald".
    private static func isNameWord(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, isUpper(first), word.last != period else { return false }
        return word.allSatisfy { isLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'") }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
    private static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
}
