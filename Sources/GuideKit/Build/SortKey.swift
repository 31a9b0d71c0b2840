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
        // An ASCII letter followed by an ASCII byte (or nothing) is a
        // character alone, with no mark on it: its capital, without finding
        // the first character and upper-casing it (the A–Z index files every
        // author on every edit that touches one).
        var bytes = key.utf8.makeIterator()
        if let first = bytes.next(), first < 0x80, bytes.next().map({ $0 < 0x80 }) ?? true {
            let capital = first & ~0x20
            return capital >= UInt8(ascii: "A") && capital <= UInt8(ascii: "Z") ? String(UnicodeScalar(capital)) : "#"
        }
        guard let first = key.first?.uppercased(), first.count == 1,
              let scalar = first.unicodeScalars.first, ("A"..."Z").contains(scalar) else { return "#" }
        return first
    }
}
