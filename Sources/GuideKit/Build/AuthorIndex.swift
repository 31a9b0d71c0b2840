/// Every author of the site, A–Z by surname (`SortKey.forName`), equal keys
/// by name, then by who they are (two people `authors.yml` keeps apart may
/// share a name), grouped by the letter they file under: "A" to "Z", then "#".
enum AuthorIndex {
    /// The index of the site's authors.
    static func of(_ reader: Reader) -> [AuthorLetter] {
        let authors = reader.siteAuthors
        let keys = authors.map { reader.author($0) }
        let people = reader.snapshot.identities.authors
        let order = authors.indices.sorted { precedes((authors[$0], keys[$0].value), (authors[$1], keys[$1].value), people) }
        var letters: [String: [AuthorID]] = [:]
        for index in order { letters[SortKey.letter(of: keys[index].sortKey), default: []].append(authors[index]) }
        return letters.keys.sorted(by: letterPrecedes).map { AuthorLetter(letter: $0, authors: letters[$0]!) }
    }

    /// `index` after `changes`, told from them: the authors whose entry
    /// changed (a new name, a new author, one gone) leave their place, and
    /// those still on the site go to theirs. The site's authors are recorded
    /// as read, as `of` reads them, but not read: sorting the names of
    /// 20,000 authors again took 1–2 ms of every edit that adds one. Nil when
    /// many changed: sorting them all is as quick.
    static func updated(_ index: [AuthorLetter], _ reader: Reader, _ changes: DerivationChanges) -> [AuthorLetter]? {
        let authors = reader.siteAuthors
        let table = reader.snapshot.tables.authors
        reader.recordReads(table, authors)
        let people = reader.snapshot.identities.authors
        let moved = changes.facts.facts.filter { $0.aspect == .author }.map { AuthorID($0.id) }
        guard moved.count * 8 < authors.count else { return nil }
        // By raw id: whether it moves (an array, not a set: no id hashed).
        let bound = max(index.lazy.flatMap(\.authors).map(\.raw).max() ?? 0, moved.map(\.raw).max() ?? 0)
        var moves = [Bool](repeating: false, count: Int(bound) + 1)
        for author in moved { moves[Int(author.raw)] = true }
        var letters = index.compactMap { letter -> AuthorLetter? in
            var kept = letter
            kept.authors.removeAll { moves[Int($0.raw)] }
            return kept.authors.isEmpty ? nil : kept
        }
        for author in moved {
            guard let info = table[author.raw]?.value else { continue }
            let letter = SortKey.letter(of: info.sortKey)
            let place = letters.firstIndex { !letterPrecedes($0.letter, letter) } ?? letters.count
            if place == letters.count || letters[place].letter != letter {
                letters.insert(AuthorLetter(letter: letter, authors: []), at: place)
            }
            let at = letters[place].authors.partitionPoint { precedes(($0, reader.author($0).value), (author, info), people) }
            letters[place].authors.insert(author, at: at)
        }
        return letters
    }

    /// By sort key, then by name, then by the person's key.
    private static func precedes(_ a: (id: AuthorID, info: AuthorInfo), _ b: (id: AuthorID, info: AuthorInfo),
                                 _ people: IdentityTable<String>) -> Bool {
        if a.info.sortKey != b.info.sortKey { return a.info.sortKey < b.info.sortKey }
        if a.info.name != b.info.name { return a.info.name < b.info.name }
        return people.key(of: a.id.raw) < people.key(of: b.id.raw)
    }

    /// "#" after "Z", in one place, whether its names sort before "A" (digits) or after "Z" (other scripts).
    private static func letterPrecedes(_ a: String, _ b: String) -> Bool {
        a == "#" || b == "#" ? b == "#" && a != "#" : a < b
    }
}
