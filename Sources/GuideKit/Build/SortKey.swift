import Foundation

/// Alphabetical order as a reader expects it: case and accents ignored,
/// people by surname.
enum SortKey {
    static func of(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static let suffixes: Set<String> = ["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"]

    /// "Greg Ver Steeg" → "steeg greg ver"; the surname is the last word that is not a suffix.
    static func forName(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        while words.count > 1, let last = words.last, suffixes.contains(last.lowercased()) {
            words.removeLast()
        }
        guard let surname = words.popLast() else { return of(name) }
        return of(([surname] + words).joined(separator: " "))
    }

    /// The A–Z heading a key files under; "#" for anything else.
    static func letter(of key: String) -> String {
        String(UnicodeScalar(letterByte(of: key)))
    }

    /// `letter(of:)` as its ASCII byte: "A"…"Z", or "#".
    static func letterByte(of key: String) -> UInt8 {
        if let letter = asciiLetter(key) { return letter }
        guard let first = key.first?.uppercased(), first.count == 1,
              let scalar = first.unicodeScalars.first, ("A"..."Z").contains(scalar) else { return UInt8(ascii: "#") }
        return UInt8(scalar.value)
    }

    /// The letter a title files under in an A–Z list, `letterByte(of: of(title))`,
    /// without making the key of a title that begins in ASCII (a guide's
    /// letters are counted from all its titles on every edit).
    static func letterByte(ofTitle title: String) -> UInt8 {
        asciiLetter(title) ?? letterByte(of: of(title))
    }

    /// The letter of a text whose first two bytes (or only byte) are ASCII: its
    /// first character is then that byte alone, with no mark on it, and files
    /// under its capital, without finding the first character and upper-casing
    /// it (the A–Z index files every author on every edit that touches one).
    private static func asciiLetter(_ text: String) -> UInt8? {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80, bytes.next().map({ $0 < 0x80 }) ?? true else { return nil }
        let capital = first & ~0x20
        return capital >= UInt8(ascii: "A") && capital <= UInt8(ascii: "Z") ? capital : UInt8(ascii: "#")
    }

    /// A letter in routes (`authors/letter/a/`) and element ids (`letter-a`): "a"…"z", or "other" for "#".
    static func slug(ofLetter letter: String) -> String {
        letter == "#" ? "other" : letter.lowercased()
    }
}
