/// Recognises and splits a byline: "A, B, and C", "A and B", "A & B".
///
/// A byline is a list of personal names. A name is one to six words, each
/// capitalised, an initial ("R."), a name particle ("van", "de", "Ver" is
/// already capitalised), or a parenthesised alias ("(Murali)"); letters may
/// carry diacritics, hyphens and apostrophes.
enum AuthorList {
    /// The names in `line`, or nil when it does not read as a byline.
    static func names(in line: String) -> [String]? {
        guard !line.isEmpty, line.utf8.count <= 4000 else { return nil }
        let names = line.withUTF8Bytes { bytes -> [String]?? in
            guard !bytes.contains(UInt8(ascii: "<")), bytes.isASCII || !containsUnicodeSpace(line) else { return .none }
            return .some(BylineBytes.names(in: bytes))
        }
        return names ?? unicodeNames(in: line)
    }

    /// No-break and other non-ASCII spaces separate words only on the Unicode path.
    private static func containsUnicodeSpace(_ line: String) -> Bool {
        line.unicodeScalars.contains { !$0.isASCII && $0.properties.isWhitespace }
    }

    /// The general rules, for any text (`BylineBytes` must agree with it).
    static func unicodeNames(in line: String) -> [String]? {
        var names: [String] = []
        for part in line.split(separator: ",", omittingEmptySubsequences: false) {
            var piece = part.trimmingSpaces
            if piece.hasPrefix("and ") { piece = String(piece.dropFirst(4)).trimmingSpaces }
            if piece.hasPrefix("& ") { piece = String(piece.dropFirst(2)).trimmingSpaces }
            for name in splitConjunction(piece) {
                guard !name.isEmpty else { return nil }
                names.append(name.contains("  ") ? name.split(separator: " ").joined(separator: " ") : name)
            }
        }
        guard !names.isEmpty else { return nil }
        let singleWordAllowed = names.count > 1
        for name in names where !isPersonalName(name, singleWordAllowed: singleWordAllowed) {
            return nil
        }
        return names
    }

    private static func splitConjunction(_ piece: String) -> [String] {
        for conjunction in [" and ", " & "] where piece.contains(conjunction) {
            return piece.components(separatedBy: conjunction).map(\.trimmingSpaces)
        }
        return [piece]
    }

    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "dei", "di", "da", "das", "dos", "do",
        "du", "la", "le", "lo", "ter", "ten", "bin", "binti", "al", "el", "ibn", "y", "zu", "af", "av",
    ]
    static let suffixes: Set<String> = ["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"]

    static func isPersonalName(_ name: String, singleWordAllowed: Bool) -> Bool {
        // Markup pasted into a byline does not make it prose; the name keeps it and pages escape it.
        let words = withoutTags(name).split(separator: " ")
        guard (singleWordAllowed ? 1 : 2)...6 ~= words.count else { return false }
        var capitalised = 0
        for word in words {
            switch kind(of: word) {
            case .invalid: return false
            case .capitalised: capitalised += 1
            case .other: break
            }
        }
        return capitalised > 0
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
        // Every particle and suffix is ASCII, and no other text equals one.
        if word.utf8.count <= 5, suffixes.contains(String(word)) || particles.contains(String(word)) { return .other }
        if word.hasPrefix("("), word.hasSuffix(")"), word.count > 2 {
            return isNameWord(word.dropFirst().dropLast()) ? .other : .invalid
        }
        if isInitial(word) { return .capitalised }
        // d'Alembert, l'Hôpital
        let body = word.count > 2 && word.dropFirst().first == "'" && word.first!.isLowercase
            ? word.dropFirst(2) : word
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
    private static func isInitial(_ word: Substring) -> Bool {
        guard word.hasSuffix("."), word.count <= 6 else { return false }
        return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" } && word.first!.isUppercase
    }

    /// A capitalised word: "Cédric", "Che-Ping", "O'Brien", "McDonald"; or one in a script without case.
    private static func isNameWord(_ word: Substring) -> Bool {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: no Unicode property lookups.
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
