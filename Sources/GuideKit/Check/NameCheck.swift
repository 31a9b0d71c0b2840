import Foundation

/// Author names that are probably one person spelled two ways (a typo, or
/// initials for a given name: "A. N. Ferraz" and "Ana N. Ferraz").
struct NameCheck {
    let guides: [(slug: String, guide: Guide)]
    let aliases: AuthorAliases

    /// A name as first written, in the first byline that has it.
    struct Spelling {
        var name: String
        var person: String
        var file: String
        var line: Int
    }

    /// Every distinct spelling of a name across the guides, in order.
    var spellings: [Spelling] {
        var seen: Set<String> = []
        var result: [Spelling] = []
        for (slug, guide) in guides {
            for paper in guide.papers {
                for author in paper.authors where seen.insert(guide.authors[author].name).inserted {
                    let name = guide.authors[author].name
                    result.append(Spelling(name: name, person: aliases.person(named: name, in: slug), file: guide.file, line: paper.authorLine.line))
                }
            }
        }
        return result
    }

    /// Pairs of names of different people (after `authors.yml`) that are
    /// probably misspelt (`probablyMisspelt`; names of 10 or more characters:
    /// "Bo Li" and "Bo Lu" are often two people) or differ by initials, each
    /// reported at the later one.
    func similarAuthors() -> [Diagnostic] {
        let names = spellings
        var pairs: [(Int, Int)] = []
        // One edit apart: names that share a key of the name with one character
        // left out (or the whole name) are at most two edits apart; a check confirms.
        var byKey: [String: [Int]] = [:]
        for (index, spelling) in names.enumerated() where spelling.name.count >= 10 {
            let characters = Array(spelling.name.lowercased())
            var keys: Set<String> = [String(characters)]
            for left in characters.indices {
                var key = characters
                key.remove(at: left)
                keys.insert(String(key))
            }
            for key in keys { byKey[key, default: []].append(index) }
        }
        var seen: Set<[Int]> = []
        for group in byKey.values where group.count > 1 {
            for (a, b) in Self.pairs(of: group) where seen.insert([a, b]).inserted {
                if Self.probablyMisspelt(names[a].name, names[b].name) { pairs.append((a, b)) }
            }
        }
        // Initials: names with the same family name, compared within it.
        var byFamily: [String: [Int]] = [:]
        for (index, spelling) in names.enumerated() {
            guard let family = Self.words(of: spelling.name).last else { continue }
            byFamily[Self.folded(family), default: []].append(index)
        }
        for group in byFamily.values where group.count > 1 {
            for (a, b) in Self.pairs(of: group) where seen.insert([a, b]).inserted {
                if Self.differByInitials(names[a].name, names[b].name) { pairs.append((a, b)) }
            }
        }
        return pairs.filter { names[$0.0].person != names[$0.1].person }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { first, later in
            let (a, b) = (names[first], names[later])
            let place = a.file == b.file ? "line \(a.line)" : "\(a.file):\(a.line)"
            return .warning(b.file, line: b.line,
                "\"\(b.name)\" and \"\(a.name)\" (\(place)) are probably one person spelled two ways; if so, add \"\(b.name)\": \"\(a.name)\" to authors.yml, else keep them apart there")
        }
    }

    /// One edit apart, and not just a letter of a short word added, dropped or
    /// changed ("Chen Zhang" and "Chen Chang", "Zhu" and "Zhou" are two people;
    /// "Robinsen" is a typo of "Robinson"): a case or accent difference, a
    /// doubled letter written once, two letters swapped, a space for a hyphen,
    /// or any one edit in a word of 7 letters or more.
    static func probablyMisspelt(_ a: String, _ b: String) -> Bool {
        guard EditDistance.between(a, b) == 1 else { return false }
        let (wordsA, wordsB) = (a.split(separator: " "), b.split(separator: " "))
        guard wordsA.count == wordsB.count, let (x, y) = zip(wordsA, wordsB).first(where: { $0 != $1 }) else { return true }
        let (longer, shorter) = x.count >= y.count ? (Array(x), Array(y)) : (Array(y), Array(x))
        if longer.count >= 7 { return true }
        if longer.count == shorter.count { return folded(String(x)) == folded(String(y)) || x.sorted() == y.sorted() }
        // A letter left out: one of a doubled pair ("Maddix", "Madix").
        return longer.indices.contains { index in
            var without = longer
            without.remove(at: index)
            return without == shorter && ((index > 0 && longer[index - 1] == longer[index])
                || (index + 1 < longer.count && longer[index + 1] == longer[index]))
        }
    }

    static func pairs(of group: [Int]) -> [(Int, Int)] {
        let sorted = group.sorted()
        return sorted.indices.flatMap { i in sorted[(i + 1)...].map { (sorted[i], $0) } }
    }

    static func words(of name: String) -> [Substring] {
        name.split(separator: " ").filter { !$0.hasPrefix("(") }
    }

    /// Lowercased, without diacritics.
    static func folded(_ word: some StringProtocol) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// "A." or "J.-P.": a given name written as its initials.
    static func isInitials(_ word: some StringProtocol) -> Bool {
        word.hasSuffix(".") && word.split(whereSeparator: { $0 == "." || $0 == "-" }).allSatisfy { $0.count == 1 }
    }

    /// Whether `initials` ("J.-P.") are the initials of `word` ("Jean-Pierre").
    static func initials(_ initials: some StringProtocol, standFor word: some StringProtocol) -> Bool {
        let letters = initials.split(whereSeparator: { $0 == "." || $0 == "-" }).map { folded($0) }
        let parts = word.split(separator: "-").map { folded($0.prefix(1)) }
        return letters == parts || (letters.count == 1 && letters.first == parts.first)
    }

    /// Same family name; given names that match word by word, where at least
    /// one pair is initials and a full name, and middle initials may be left out.
    static func differByInitials(_ a: String, _ b: String) -> Bool {
        let (wordsA, wordsB) = (words(of: a), words(of: b))
        guard wordsA.count >= 2, wordsB.count >= 2, folded(wordsA.last!) == folded(wordsB.last!) else { return false }
        var (given, other) = (Array(wordsA.dropLast()), Array(wordsB.dropLast()))
        if given.count < other.count { swap(&given, &other) }
        var usedInitials = false
        var j = 0
        for word in given {
            if j < other.count {
                let theirs = other[j]
                if folded(word) == folded(theirs) { j += 1; continue }
                if isInitials(word), !isInitials(theirs), initials(word, standFor: theirs) { usedInitials = true; j += 1; continue }
                if isInitials(theirs), !isInitials(word), initials(theirs, standFor: word) { usedInitials = true; j += 1; continue }
            }
            // A middle initial on one side only.
            if isInitials(word), word != given.first { usedInitials = true; continue }
            return false
        }
        return j == other.count && usedInitials
    }
}
