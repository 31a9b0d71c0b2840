/// What a citation of a paper says, whatever the format: the fields that its
/// BibTeX, RIS and CSL-JSON exports write (`CitationFiles.Format.text`).
///
/// The build keeps a paper's citation (`Derivations.citation`), not its three
/// texts: the paper page and its `cite.*` files make each text from it when
/// they are rendered, with the same function, so the two never differ. The
/// texts took 120 MB at 100,000 papers; their fields are mostly the model's
/// own strings.
///
/// The bibliographic fields only: a paper's code, video, slides, poster,
/// award and session are links and news, which reference managers keep
/// elsewhere or not at all.
struct Citation: Equatable, Sendable {
    /// Unique within the guide (`CitationKeys`); BibTeX's key, RIS's `ID`, CSL's `id`.
    var key: String
    var title: String
    /// In byline order. Empty in a kept citation (`Derivations.citation`),
    /// which has `authorIDs` instead: `Reader.citation` fills them in.
    var authors: [PersonName]
    /// The paper's authors, the model's own list: a list of names for each
    /// paper took 25 MB at 100,000 papers.
    var authorIDs: [AuthorID] = []
    /// Where and when, the same for every paper of a guide: one object for
    /// them all (`Derivations.citationVenue`), not four strings in each.
    var venue: CitationVenue
    /// "ICML 2023": the conference and the year, as the guide names them; may be empty.
    var event: String { venue.event }
    var year: String { venue.year }
    /// The guide's date, `YYYY-MM-DD`, or empty.
    var date: String { venue.date }
    /// Where the conference was held, or empty.
    var location: String { venue.location }
    var doi: String?
    /// The paper's own page; its PDF when that is all there is.
    var url: String?
    var pdf: String?
    var arxiv: String?
    /// Plain text, or empty.
    var abstract: String

    init(paper id: PaperID, key: String, _ reader: Reader) {
        let title = reader.title(id)
        let guide = reader.guide(title.guide)
        let paper = reader.paper(id)
        let details = paper.details
        self.key = key
        self.title = title.title
        authors = []
        authorIDs = paper.authors
        venue = reader.derived(Derivations.citationVenue, title.guide.raw) ?? CitationVenue(guide.value)
        doi = details?.doi
        url = details?.url ?? details?.pdf
        pdf = details?.pdf
        arxiv = details?.arxiv
        abstract = paper.abstractText
    }

    init(key: String, title: String, authors: [String], event: String = "", year: String = "", date: String = "",
         location: String = "", doi: String? = nil, url: String? = nil, pdf: String? = nil, arxiv: String? = nil,
         abstract: String = "") {
        (self.key, self.title, self.authors) = (key, title, authors.map(PersonName.init))
        venue = CitationVenue(event: event, year: year, date: date, location: location)
        (self.doi, self.url, self.pdf, self.arxiv, self.abstract) = (doi, url, pdf, arxiv, abstract)
    }
}

/// Where and when a guide's papers were presented, as their citations say it.
final class CitationVenue: Equatable, Sendable {
    /// "ICML 2023": the conference and the year, as the guide names them; may be empty.
    let event: String
    let year: String
    /// `YYYY-MM-DD`, or empty.
    let date: String
    let location: String

    init(event: String, year: String, date: String, location: String) {
        (self.event, self.year, self.date, self.location) = (event, year, date, location)
    }

    convenience init(_ guide: GuideInfo) {
        self.init(event: [guide.conference, guide.year].filter { !$0.isEmpty }.joined(separator: " "),
                  year: guide.year, date: guide.date, location: guide.location)
    }

    static func == (a: CitationVenue, b: CitationVenue) -> Bool {
        a === b || (a.event == b.event && a.year == b.year && a.date == b.date && a.location == b.location)
    }
}

extension Citation {
    /// This citation with the names of `authorIDs` as `authors`.
    func named(_ name: (AuthorID) -> PersonName?) -> Citation {
        guard !authorIDs.isEmpty else { return self }
        var named = self
        named.authors = authorIDs.map { name($0) ?? PersonName("") }
        return named
    }
}

extension Reader {
    /// A paper's citation (`Derivations.citation`) with its authors' names,
    /// each read as the citation's texts show it (`Derivations.citationName`).
    func citation(of paper: PaperID) -> Citation? {
        derived(Derivations.citation, paper.raw)?.named { derived(Derivations.citationName, $0.raw) }
    }
}

/// A name as bibliographies split it: given names, family name (with the
/// lowercase particles before it: "van der Berg"), and a suffix ("Jr.").
/// The family name is the last word, as in the A–Z index (`SortKey.forName`).
struct PersonName: Equatable, Sendable {
    var given: String
    var family: String
    var suffix: String

    private static let suffixes: Set<String> = ["jr.", "sr.", "jr", "sr", "ii", "iii", "iv"]

    init(_ name: String) {
        var words = name.split(separator: " ").map(String.init)
        var suffix: [String] = []
        while words.count > 1, let last = words.last, Self.suffixes.contains(last.lowercased()) {
            suffix.insert(words.removeLast(), at: 0)
        }
        var family = words.popLast().map { [$0] } ?? []
        // "Jan van der Berg": the particles go with the family name, as BibTeX's "von" part does.
        while words.count > 1, let word = words.last, word.first?.isLowercase == true {
            family.insert(words.removeLast(), at: 0)
        }
        self.given = words.joined(separator: " ")
        self.family = family.joined(separator: " ")
        self.suffix = suffix.joined(separator: " ")
    }
}

/// The papers of a guide whose base key another paper shares, with the key
/// each gets instead (`CitationKey.unique`), by paper id. (A sorted list, not
/// a dictionary: compared with the previous one and searched without hashing
/// a key, where thousands of a 10,000-paper guide's papers may share theirs.)
struct RenamedKeys: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var paper: PaperID
        var key: String
    }

    /// By paper id.
    let entries: [Entry]
    /// The guide's papers, in order, and their base keys: what the entries
    /// were made of, kept by a build that is rebuilt from (`stillHold`). Not compared.
    private var madeOf: (papers: [PaperID], bases: [String])?

    init(_ keys: [(id: PaperID, key: String)]) {
        entries = keys.map { Entry(paper: $0.id, key: $0.key) }.sorted { $0.paper < $1.paper }
    }

    /// The renamed keys of a guide's `papers`, whose base keys are `bases`:
    /// those of `previous` when they still hold (`stillHold`), else made
    /// anew, which hashes every key (4 ms of a retitle at 10,000 papers).
    /// - Parameter keeping: keep what they are made of, for the next rebuild.
    init(papers: [PaperID], bases: [String], previous: RenamedKeys?, keeping: Bool) {
        if let previous, previous.stillHold(for: papers, bases: bases) {
            self = previous
        } else {
            self.init(CitationKey.unique(Array(zip(papers, bases))))
        }
        madeOf = keeping ? (papers, bases) : nil
    }

    static func == (a: RenamedKeys, b: RenamedKeys) -> Bool {
        a.entries == b.entries
    }

    /// Whether these are the renamed keys of `papers` with `bases`, told from
    /// what they were made of: at most `limit` papers came, went or changed
    /// their base key, and none of them can move a letter. None was renamed
    /// (its key was shared), none shares its new key with another paper or
    /// came to a key given here, none left a key that a group's letters
    /// skipped (its base followed by letters), and the renamed papers are in
    /// the same order. Keys are only compared, never hashed.
    func stillHold(for papers: [PaperID], bases: [String], limit: Int = 8) -> Bool {
        guard let madeOf, papers.count == bases.count else { return false }
        // By raw id: the place before, or -1; and whether the paper is renamed.
        let bound = Int(max(madeOf.papers.max()?.raw ?? -1, papers.max()?.raw ?? -1)) + 1
        var placeBefore = [Int32](repeating: -1, count: bound)
        for (place, paper) in madeOf.papers.enumerated() { placeBefore[Int(paper.raw)] = Int32(place) }
        var renamed = [Bool](repeating: false, count: bound)
        for entry in entries { renamed[Int(entry.paper.raw)] = true }
        var came: [String] = [], went: [String] = []
        var stays = [Bool](repeating: false, count: madeOf.papers.count)
        for (paper, base) in zip(papers, bases) {
            let place = Int(placeBefore[Int(paper.raw)])
            if place >= 0 { stays[place] = true }
            guard place < 0 || madeOf.bases[place] != base else { continue }
            if renamed[Int(paper.raw)] || came.count == limit { return false }
            came.append(base)
            if place >= 0 { went.append(madeOf.bases[place]) }
        }
        for place in madeOf.papers.indices where !stays[place] {
            if renamed[Int(madeOf.papers[place].raw)] || went.count == limit { return false }
            went.append(madeOf.bases[place])
        }
        // The renamed papers, in the same order.
        guard madeOf.papers.filter({ renamed[Int($0.raw)] }) == papers.filter({ renamed[Int($0.raw)] }) else { return false }
        for key in came {
            if entries.contains(where: { $0.key == key }) { return false }
            // Its own paper, and no other (lengths compared first: most keys differ in length).
            var count = 0
            for base in bases where base.utf8.count == key.utf8.count && base == key { count += 1 }
            if count > 1 { return false }
        }
        // The bases of the renamed papers: a key that a group's letters skipped begins with one.
        let groupBases = entries.map { madeOf.bases[Int(placeBefore[Int($0.paper.raw)])] }
        for key in went {
            for base in groupBases where key.utf8.count > base.utf8.count && key.hasPrefix(base)
                && key.utf8.dropFirst(base.utf8.count).allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) {
                return false
            }
        }
        return true
    }

    /// The key `paper` gets instead of its base key, if any.
    subscript(paper: PaperID) -> String? {
        let place = entries.partitionPoint { $0.paper < paper }
        return place < entries.count && entries[place].paper == paper ? entries[place].key : nil
    }

    /// The papers whose key differs between `old` and `new`.
    static func changes(from old: RenamedKeys, to new: RenamedKeys) -> [PaperID] {
        var changed: [PaperID] = []
        var (i, j) = (0, 0)
        let (a, b) = (old.entries, new.entries)
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].paper < b[j].paper) {
                changed.append(a[i].paper)
                i += 1
            } else if i == a.count || b[j].paper < a[i].paper {
                changed.append(b[j].paper)
                j += 1
            } else {
                if a[i].key != b[j].key { changed.append(a[i].paper) }
                (i, j) = (i + 1, j + 1)
            }
        }
        return changed
    }
}

/// How a paper's citation key is made, and kept unique within its guide.
enum CitationKey {
    private static let skipped: Set<Substring> = ["with", "from", "when", "that", "towards", "toward"]

    /// The first author's surname, the year, and the title's first word of
    /// more than three letters: `hsieh2023thompson`. ASCII letters and digits only.
    static func base(paper id: PaperID, _ reader: Reader) -> String {
        let title = reader.title(id)
        let year = reader.guide(title.guide).year
        let first = reader.paper(id).authors.first.map { reader.author($0).name }
        let surname = first.map { SortKey.forName($0).split(separator: " ").first.map(String.init) ?? "" } ?? ""
        let word = title.slug.split(separator: "-").first { $0.count > 3 && !skipped.contains($0) }
        let key = [Slug.make(surname).filter { $0 != "-" }, year, word.map(String.init) ?? ""].joined()
        return key.isEmpty ? "paper" : key
    }

    /// The keys that must change to be unique: every paper whose base key
    /// another paper of the guide shares gets a letter, `a`, `b`, … in the
    /// guide's order (after `z`, `aa`, `ab`, …), skipping keys already taken.
    /// `bases` are the papers' base keys in the guide's order.
    static func unique<ID>(_ bases: [(id: ID, key: String)]) -> [(id: ID, key: String)] {
        // Each base's group, and each paper's, and how many papers each group has.
        var groups: [String: Int32] = [:]
        groups.reserveCapacity(bases.count)
        var sizes: [Int32] = []
        let groupOf = bases.map { base in
            let group = groups[base.key, default: Int32(sizes.count)]
            if group == sizes.count { sizes.append(0); groups[base.key] = group }
            sizes[Int(group)] += 1
            return group
        }
        guard sizes.count < bases.count else { return [] }
        let colliding = sizes.reduce(0) { $0 + ($1 > 1 ? Int($1) : 0) }
        var next = [Int](repeating: 0, count: sizes.count)
        var given: Set<String> = []
        var keys: [(id: ID, key: String)] = []
        given.reserveCapacity(colliding)
        keys.reserveCapacity(colliding)
        for (index, (id, base)) in bases.enumerated() where sizes[Int(groupOf[index])] > 1 {
            let group = Int(groupOf[index])
            var key: String
            repeat {
                key = base + letters(next[group])
                next[group] += 1
            } while groups[key] != nil || !given.insert(key).inserted
            keys.append((id, key))
        }
        return keys
    }

    /// 0 → "a", 25 → "z", 26 → "aa": bijective base 26.
    static func letters(_ number: Int) -> String {
        var number = number + 1, letters: [UInt8] = []
        while number > 0 {
            number -= 1
            letters.append(UInt8(97 + number % 26))
            number /= 26
        }
        // Reversed in place: a string decoded from a reversed view asks at
        // run time how to read it (a tenth of a guide's renamed keys).
        letters.reverse()
        return String(decoding: letters, as: UTF8.self)
    }
}
