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
        guard let first = key.first?.uppercased(), first.count == 1,
              let scalar = first.unicodeScalars.first, ("A"..."Z").contains(scalar) else { return "#" }
        return first
    }
}
