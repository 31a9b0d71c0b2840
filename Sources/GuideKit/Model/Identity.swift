/// A stable id of a site entity, handed out for its key (`Identities`): the
/// same guide, topic, paper or author keeps its id through every rebuild of a
/// session, whatever moves around it, so two builds compare entity by entity.
/// Typed by the entity it names (`ID<Entity.Paper>`).
public struct ID<Entity>: Hashable, Sendable, Comparable {
    public let raw: Int32

    init(_ raw: Int32) { self.raw = raw }

    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.raw < rhs.raw }
}

/// The kinds of entity ids (phantom types of `ID`).
public enum Entity {
    public enum Site {}
    public enum Guide {}
    public enum Topic {}
    public enum Paper {}
    public enum Author {}
    public enum Figure {}
    public enum Posting {}
    /// An extra page (`Content/pages/<name>.md`).
    public enum ExtraPage {}
    /// A page of another list cut into pages (`PagedList`): a guide's topics,
    /// a topic's or an author's papers, a letter of the author index.
    public enum ListPage {}
    /// The chrome fragments of one page kind in one guide.
    public enum Chrome {}
    public enum Template {}
}

public typealias GuideID = ID<Entity.Guide>
public typealias TopicID = ID<Entity.Topic>
public typealias PaperID = ID<Entity.Paper>
public typealias AuthorID = ID<Entity.Author>
public typealias FigureID = ID<Entity.Figure>
public typealias PostingID = ID<Entity.Posting>
public typealias ExtraPageID = ID<Entity.ExtraPage>

/// What names a topic, paper or figure within its guide: its normalised title
/// (or file name), and which occurrence of that title it is. A line inserted
/// above does not change it; editing the title does (it is another paper then).
struct GuideItemKey: Hashable, Sendable {
    var guide: String
    var name: String
    var occurrence: Int

    /// FNV-1a over the key's parts: the same on every run and machine.
    var stableHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in guide.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (hash ^ UInt64(occurrence)) &* 0x100_0000_01b3
    }
}

/// Hands out one id per key, in order, and the same id for the same key for as
/// long as the table lives (a build session).
struct IdentityTable<Key: Hashable & Sendable>: Sendable {
    private var ids: [Key: Int32] = [:]
    /// By id.
    private(set) var keys: [Key] = []

    /// Ids handed out so far; every id is below it.
    var count: Int { keys.count }

    mutating func id<Entity>(_ key: Key) -> ID<Entity> {
        ID(raw(key))
    }

    mutating func raw(_ key: Key) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(keys.count)
        ids[key] = id
        keys.append(key)
        return id
    }

    /// The id of `key` if one was handed out.
    func existingID<Entity>(_ key: Key) -> ID<Entity>? {
        ids[key].map(ID.init)
    }

    func key(of id: Int32) -> Key {
        keys[Int(id)]
    }

    mutating func reserve(_ count: Int) {
        ids.reserveCapacity(ids.count + count)
    }
}

/// The identity tables of a session: one per kind of entity.
struct Identities: Sendable {
    var guides = IdentityTable<String>()
    var topics = IdentityTable<GuideItemKey>()
    private(set) var papers = IdentityTable<GuideItemKey>()
    /// A stable 64-bit hash of each paper's key, by raw id, for tie-breaks that
    /// must depend on nothing that can change (`RelatedPapers`).
    private(set) var paperKeyHashes: [UInt64] = []

    mutating func paper(_ key: GuideItemKey) -> PaperID {
        let id: PaperID = papers.id(key)
        if Int(id.raw) == paperKeyHashes.count { paperKeyHashes.append(key.stableHash) }
        return id
    }
    var figures = IdentityTable<GuideItemKey>()
    /// By canonical name (after `authors.yml`).
    var authors = IdentityTable<String>()
    /// By text: identical postings in several guides are one.
    var postings = IdentityTable<String>()
    /// By name (the file name without `.md`).
    var extraPages = IdentityTable<String>()
    private(set) var listPages = IdentityTable<ListPageKey>()
    /// The id of the first page of each guide's, topic's and author's list,
    /// by the list's kind and its entity's raw id (`PagedList.dense`), or -1:
    /// every rebuild lists the pages of every author and topic, and an array
    /// spares hashing a key for each (the list pages' derive at 10,000
    /// papers: 1.3 -> 1.1 ms).
    private var firstListPages: [[Int32]] = Array(repeating: [], count: PagedList.denseKinds)

    /// The id of page `number` of `list`, handed out if it has none.
    mutating func listPage(_ list: PagedList, number: Int) -> Int32 {
        guard number == 1, let (kind, entity) = list.dense else { return listPages.raw(ListPageKey(list: list, number: number)) }
        if firstListPages[kind].count <= entity {
            firstListPages[kind] += repeatElement(-1, count: entity + 1 - firstListPages[kind].count)
        }
        if firstListPages[kind][entity] < 0 { firstListPages[kind][entity] = listPages.raw(ListPageKey(list: list, number: 1)) }
        return firstListPages[kind][entity]
    }

    /// The id of page `number` of `list`, if it has one.
    func existingListPage(_ list: PagedList, number: Int) -> Int32? {
        if number == 1, let (kind, entity) = list.dense {
            return entity < firstListPages[kind].count && firstListPages[kind][entity] >= 0 ? firstListPages[kind][entity] : nil
        }
        let id: ID<Entity.ListPage>? = listPages.existingID(ListPageKey(list: list, number: number))
        return id?.raw
    }
    var chrome = IdentityTable<ChromeKey>()
    var templates = IdentityTable<String>()
    /// Output ids, by output kind and subject id.
    private var outputIDs: [[Int32]] = []
    private(set) var outputCount = 0

    /// The id of the output of `kind` (index in `OutputKind.all`) that shows `subject`.
    mutating func output(kind: Int, subject: Int32) -> Int32 {
        if outputIDs.count <= kind { outputIDs.append(contentsOf: repeatElement([], count: kind + 1 - outputIDs.count)) }
        let index = Int(subject)
        if outputIDs[kind].count <= index { outputIDs[kind].append(contentsOf: repeatElement(-1, count: index + 1 - outputIDs[kind].count)) }
        if outputIDs[kind][index] < 0 {
            outputIDs[kind][index] = Int32(outputCount)
            outputCount += 1
        }
        return outputIDs[kind][index]
    }
}

/// A list that is cut into pages when it is long (`ListPages`), by what it lists.
enum PagedList: Hashable, Sendable {
    /// A guide's "All papers", A–Z: `papers/`, then `papers/page/2/`, ...;
    /// on a guide split by letter, `papers/` alone, which links to the letters.
    case papers(GuideID)
    /// A guide's papers of one letter ("A"…"Z", "#"), when its "All papers"
    /// is split by letter: `papers/letter/a/`, then `papers/letter/a/page/2/`, ...
    case paperLetter(GuideID, String)
    /// A guide's topics: its home page, then `topics/page/2/`, ...
    case topics(GuideID)
    /// A topic's papers: `topics/<slug>/`, then `topics/<slug>/page/2/`, ...
    case topic(TopicID)
    /// An author's papers: `authors/<slug>/`, then `authors/<slug>/page/2/`, ...
    case author(AuthorID)
    /// The authors of one letter of the A–Z index ("A"…"Z", "#"), on a site
    /// with more authors than one page of the index holds: `authors/letter/a/`, ...
    case authorLetter(String)

    /// How many kinds of list `dense` numbers.
    static let denseKinds = 4

    /// For a list of an entity, a number for its kind and the entity's raw id.
    var dense: (kind: Int, entity: Int)? {
        switch self {
        case .papers(let guide): (0, Int(guide.raw))
        case .topics(let guide): (1, Int(guide.raw))
        case .topic(let topic): (2, Int(topic.raw))
        case .author(let author): (3, Int(author.raw))
        case .authorLetter, .paperLetter: nil
        }
    }
}

/// A page of a `PagedList`: the list and its number, from 1.
struct ListPageKey: Hashable, Sendable {
    var list: PagedList
    var number: Int
}

/// Chrome is rendered once per page kind, per guide (nil: a page of the whole
/// site); for extra pages, once per page (its own navigation item is the current one).
struct ChromeKey: Hashable, Sendable {
    var kind: String
    var guide: String?
    /// The extra page's name.
    var page: String? = nil
}
