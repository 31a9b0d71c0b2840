import Foundation

/// The site as outputs see it: every guide, topic, paper, author, figure and
/// posting of the site, each in tables indexed by its stable id (`Identities`),
/// with the texts already turned into HTML. Made from the parsed guides by
/// `SiteAssembler`; holds no line numbers, so that an edit that only moves
/// things changes nothing here.
///
/// Each table is one `Aspect`: the unit in which reads are recorded and changes
/// found. `changes(from:)` compares every table of two models id by id, found
/// by reflection, so a table added here is compared without being listed
/// anywhere else; the tables can only be read through `Reader`, which records
/// the aspect of the table it read.
struct SiteModel: Sendable {
    /// One value, id 0.
    var site = Stored<SiteInfo>(.site)
    /// Guides, newest first.
    var siteGuides = Stored<[GuideID]>(.siteGuides)
    /// Every author of the site, in order of first appearance (guides newest first).
    var siteAuthors = Stored<[AuthorID]>(.siteAuthors)
    /// Job postings of every guide, identical texts merged.
    var sitePostings = Stored<[PostingID]>(.sitePostings)
    /// Counts, a table each, so that a page reads only the numbers it shows
    /// (the papers of a list are counted on every page of it; the postings are not).
    var sitePaperCount = Stored<Int>(.sitePaperCount)
    var siteTopicCount = Stored<Int>(.siteTopicCount)
    var siteAuthorCount = Stored<Int>(.siteAuthorCount)
    var sitePostingCount = Stored<Int>(.sitePostingCount)
    var siteGuideCount = Stored<Int>(.siteGuideCount)

    var guides = Stored<GuideInfo>(.guide)
    /// A guide's subtitle and intro: read by its home page, not by every page the guide's name is on.
    var guideTexts = Stored<GuideText>(.guideText)
    var guideTopics = Stored<[TopicID]>(.guideTopics)
    /// A guide's papers in document order.
    var guidePapers = Stored<[PaperID]>(.guidePapers)
    var guideLoose = Stored<LooseItems>(.guideLoose)
    var guidePaperCount = Stored<Int>(.guidePaperCount)
    var guideTopicCount = Stored<Int>(.guideTopicCount)
    var guideAuthorCount = Stored<Int>(.guideAuthorCount)
    var guidePostingCount = Stored<Int>(.guidePostingCount)
    /// How many of a guide's papers file under each letter: the pages of its
    /// "All papers" when it is split by letter.
    var guidePaperLetters = Stored<LetterCounts>(.guidePaperLetters)
    /// When the guide file was last modified: the feed's `updated` date.
    var guideModified = Stored<Date>(.guideModified)

    var topics = Stored<TopicInfo>(.topic)
    var topicPapers = Stored<[PaperID]>(.topicPapers)

    /// What a link to a paper shows; the rest is in `papers`.
    var paperTitles = Stored<PaperTitle>(.paperTitle)
    var papers = Stored<PaperInfo>(.paper)

    var authors = Stored<AuthorInfo>(.author)
    /// An author's papers, guides newest first, each guide's in document order.
    var authorPapers = Stored<[PaperID]>(.authorPapers)

    var figures = Stored<FigureInfo>(.figure)
    var postings = Stored<PostingInfo>(.posting)

    /// Extra pages (`Content/pages/*.md`): what a link to one shows, and its body.
    var extraPages = Stored<ExtraPageInfo>(.extraPage)
    var extraPageTexts = Stored<ExtraPageText>(.extraPageText)
    /// Every extra page, by name.
    var sitePages = Stored<[ExtraPageID]>(.sitePages)
    /// The extra pages of the main navigation, by `nav`, then title.
    var siteNavPages = Stored<[ExtraPageID]>(.siteNavPages)
    /// By guide: the extra pages of its navigation on a site of several guides, by `nav`, then title.
    var guideNavPages = Stored<[ExtraPageID]>(.guideNavPages)

    static let siteID: Int32 = 0

    /// The facts whose values differ between `old` and this model, including
    /// entities added or removed.
    func changes(from old: SiteModel) -> FactSet {
        var changed = FactSet()
        let oldTables = Mirror(reflecting: old).children.map(\.value)
        for (index, child) in Mirror(reflecting: self).children.enumerated() {
            guard let table = child.value as? any AnyStored else { continue }
            table.addChanges(from: oldTables[index], to: &changed)
        }
        return changed
    }

    /// Every table's aspect, for tests to check that each table has its own.
    static var aspects: [Aspect] {
        Mirror(reflecting: SiteModel()).children.compactMap { ($0.value as? any AnyStored)?.aspect }
    }
}

/// One table of the site model: a value per id, nil for ids not in this build.
///
/// Values are kept in boxes: a reader takes a box with one retain and reads
/// the field it needs, where a copy of the struct would retain every string in
/// it; with two threads rendering, those retains were a good part of a build.
struct Stored<Value: Equatable & Sendable>: Sendable {
    let aspect: Aspect
    private(set) var boxes: [Box<Value>?] = []

    init(_ aspect: Aspect) {
        self.aspect = aspect
    }

    subscript(id: Int32) -> Value? {
        box(id)?.value
    }

    /// Sets the value of `id`, keeping `previous`'s box when it holds the same
    /// value: the next diff then finds it unchanged by identity alone.
    mutating func set(_ id: Int32, _ value: Value, previous: Stored<Value>?) {
        set(id, box: Self.box(value, for: id, keeping: previous))
    }

    /// A box holding `value` for `id`: `previous`'s box when it holds the same value.
    static func box(_ value: Value, for id: Int32, keeping previous: Stored<Value>?) -> Box<Value> {
        if let old = previous?.box(id), old.value == value { return old }
        return Box(value)
    }

    /// Sets the box of `id`.
    mutating func set(_ id: Int32, box: Box<Value>) {
        if Int(id) >= boxes.count {
            boxes.append(contentsOf: repeatElement(nil, count: Int(id) + 1 - boxes.count))
        }
        boxes[Int(id)] = box
    }

    @inline(__always)
    func box(_ id: Int32) -> Box<Value>? {
        Int(id) < boxes.count ? boxes[Int(id)] : nil
    }

    mutating func reserve(_ count: Int) {
        boxes.reserveCapacity(count)
    }
}

/// An immutable value shared by reference; its fields read as the value's.
@dynamicMemberLookup
final class Box<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    @inline(__always)
    subscript<Field>(dynamicMember field: KeyPath<Value, Field>) -> Field {
        value[keyPath: field]
    }
}

/// Boxes are equal when they hold equal values (the same box, first).
extension Box: Equatable where Value: Equatable {
    static func == (a: Box, b: Box) -> Bool {
        a === b || a.value == b.value
    }
}

protocol AnyStored {
    var aspect: Aspect { get }
    func addChanges(from old: Any, to changed: inout FactSet)
}

extension Stored: AnyStored {
    /// Boxes are told apart by their addresses first, read as numbers: taking
    /// each box as a reference retains it, which touches every box of the
    /// table (2 ms of an edit on a site of 50 guides, most of it waiting for
    /// memory). Only boxes whose addresses differ are opened.
    func addChanges(from old: Any, to changed: inout FactSet) {
        let old = (old as! Stored<Value>).boxes
        old.withUnsafeBufferPointer { old in
            boxes.withUnsafeBufferPointer { new in
                // A box, or nil (0), is one word (`CoreTests` checks it).
                func address(_ boxes: UnsafeBufferPointer<Box<Value>?>, _ index: Int) -> UInt {
                    index < boxes.count ? UnsafeRawPointer(boxes.baseAddress! + index).load(as: UInt.self) : 0
                }
                for index in 0..<max(old.count, new.count) {
                    if address(old, index) == address(new, index) { continue }
                    let (was, now) = (index < old.count ? old[index] : nil, index < new.count ? new[index] : nil)
                    if was?.value != now?.value { changed.insert(aspect, Int32(index)) }
                }
            }
        }
    }
}

// MARK: - Values

/// Settings and words that are the same on every page.
struct SiteInfo: Equatable, Sendable {
    var title: String
    var subtitle: String
    var organization: String
    var conference: String
    var year: String
    /// How pages link: the path prefix of every internal link, starting and
    /// ending with "/", or links relative to each page (`SiteLinks`).
    var links: SiteLinks
    /// The base URL as the sitemap, feed and canonical links write it.
    var absoluteBase: String
    var isAbsolute: Bool
    var language: String
    var papersPerPage: Int
    /// A guide of more papers has its "All papers" by letter (`SiteConfig.papersByLetterAbove`).
    var papersByLetterAbove: Int
    /// Entries in each feed; 0 for every one (`SiteConfig.feedLimit`).
    var feedLimit: Int
    /// URLs in one sitemap file (`Sitemap.urlLimit`).
    var sitemapURLLimit: Int
    /// The other limits of lists (`SiteConfig`): topics a page, papers on a
    /// topic's card, authors a page of the index, co-authors shown.
    var topicsPerPage: Int
    var topicCardPapers: Int
    var authorsPerPage: Int
    var coauthorsShown: Int
    /// More than one guide: `/` lists them and each lives under `/<guide>/`.
    var multipleGuides: Bool

    /// Whether a guide of `paperCount` papers has its "All papers" by letter.
    func splitsPapersByLetter(_ paperCount: Int) -> Bool {
        papersByLetterAbove > 0 && paperCount > papersByLetterAbove
    }
}

extension Box where Value == SiteInfo {
    /// `SiteInfo.splitsPapersByLetter`, read in the box (not a copy of its value).
    func splitsPapersByLetter(_ paperCount: Int) -> Bool {
        value.splitsPapersByLetter(paperCount)
    }
}

/// How many of a list's items file under each letter of an A–Z list
/// (`SortKey.letterByte`): "A"…"Z", then "#".
struct LetterCounts: Equatable, Sendable {
    /// By letter: A…Z, then #.
    private var counts = [Int](repeating: 0, count: 27)

    init(_ letters: some Sequence<UInt8>) {
        for letter in letters { counts[Self.index(of: letter)] += 1 }
    }

    /// The letters with items, in order ("A"…"Z", then "#"), with their counts.
    var letters: [(letter: String, count: Int)] {
        counts.indices.filter { counts[$0] > 0 }.map { (String(UnicodeScalar(Self.byte(at: $0))), counts[$0]) }
    }

    private static func index(of letter: UInt8) -> Int {
        letter == UInt8(ascii: "#") ? 26 : Int(letter - UInt8(ascii: "A"))
    }

    private static func byte(at index: Int) -> UInt8 {
        index == 26 ? UInt8(ascii: "#") : UInt8(ascii: "A") + UInt8(index)
    }
}

/// What the site or a guide counts.
enum CountKind: String, CaseIterable, Sendable {
    case papers, topics, authors, postings, guides

    /// The noun of `count_label`s.
    var noun: String { String(rawValue.dropLast()) }
}

extension SiteModel {
    /// Sets the site's counts (`guide` nil) or a guide's, a table each.
    mutating func setCounts(_ counts: [CountKind: Int], of guide: GuideID?, previous: SiteModel?) {
        for (kind, value) in counts {
            let table = guide == nil ? Self.siteCountTable(kind) : Self.guideCountTable(kind)
            guard let table else { continue }
            self[keyPath: table].set(guide?.raw ?? Self.siteID, value, previous: previous?[keyPath: table])
        }
    }

    static func siteCountTable(_ kind: CountKind) -> WritableKeyPath<SiteModel, Stored<Int>>? {
        switch kind {
        case .papers: \.sitePaperCount
        case .topics: \.siteTopicCount
        case .authors: \.siteAuthorCount
        case .postings: \.sitePostingCount
        case .guides: \.siteGuideCount
        }
    }

    /// Nil for what a guide does not count (guides).
    static func guideCountTable(_ kind: CountKind) -> WritableKeyPath<SiteModel, Stored<Int>>? {
        switch kind {
        case .papers: \.guidePaperCount
        case .topics: \.guideTopicCount
        case .authors: \.guideAuthorCount
        case .postings: \.guidePostingCount
        case .guides: nil
        }
    }
}

struct GuideInfo: Equatable, Sendable {
    /// The guide file's name without `.txt`.
    var slug: String
    /// Where its pages live, relative to the site root: "" for a site of one guide, else "<slug>/".
    var prefix: String
    var url: String
    var title: String
    var organization: String
    var conference: String
    var year: String
    /// ISO date, from the guide's settings.
    var date: String
    var location: String
    /// The guide file, as diagnostics name it.
    var file: String

    /// "ICML 2023"; the title when the guide names neither.
    var name: String {
        let event = [conference, year].filter { !$0.isEmpty }.joined(separator: " ")
        return event.isEmpty ? title : event
    }

    /// " at ICML 2023", or nothing when the guide names neither.
    var eventSuffix: String {
        let event = [conference, year].filter { !$0.isEmpty }.joined(separator: " ")
        return event.isEmpty ? "" : " at \(event)"
    }
}

/// The words of a guide's front page.
struct GuideText: Equatable, Sendable {
    var subtitle: String
    var introHTML: String
    /// "Related content" teasers before the first topic.
    var teasers: [String]
    var preamble: [PreambleItem]
    /// The meta description of its home page.
    var description: String

    struct PreambleItem: Equatable, Sendable {
        var text: String
        var kind: String
    }
}

/// What a guide lists outside its topics.
struct LooseItems: Equatable, Sendable {
    var papers: [PaperID] = []
    var figures: [FigureID] = []
}

struct TopicInfo: Equatable, Sendable {
    var guide: GuideID
    var title: String
    var slug: String
    /// Relative to the site root (`Routes`); `url` is its link (`SiteLinks.url`).
    var path: String
    var url: String
    var descriptionHTML: String
    var figures: [FigureID]
    /// "Related content" teasers under the topic.
    var teasers: [String]
}

struct PaperTitle: Equatable, Sendable {
    var guide: GuideID
    /// The letter the title files under in "All papers" (`SortKey.letterByte(ofTitle:)`).
    var letter: UInt8
    var title: String
    var slug: String
    /// Relative to the site root (`Routes`); `url` is its link (`SiteLinks.url`).
    var path: String
    var url: String

    /// The "All papers" order (`SortKey.of`): made when it is read (kept for
    /// every paper, it took 20 MB at 100,000 papers).
    var sortKey: String { SortKey.of(title) }
}

struct PaperInfo: Equatable, Sendable {
    /// In byline order.
    var authors: [AuthorID]
    /// The mark after each author's name in the byline ("*"; "" for none), or empty when none has one.
    var authorMarks: [String]
    var topic: TopicID?
    var descriptionHTML: String
    /// Figures whose caption names the paper.
    var figures: [FigureID]
    /// From the guide's settings file (`papers:`), when it names the paper.
    /// In a box of its own: fifteen optional fields, copied with every copy
    /// of the paper's entry (a third of making 10,000 papers' entries, for
    /// papers that most often have no details), where the box is one reference.
    var details: Box<PaperDetails>? = nil
    /// `details.abstract` rendered, and as plain text (for metadata).
    var abstractHTML: String = ""
    var abstractText: String = ""
}

struct AuthorInfo: Equatable, Sendable {
    var name: String
    var slug: String
    /// Relative to the site root (`Routes`); `url` is its link (`SiteLinks.url`).
    var path: String
    var url: String
    /// Surname first (`SortKey.forName`), for the A–Z index.
    var sortKey: String
}

struct FigureInfo: Equatable, Sendable {
    var guide: GuideID
    /// The HTML id, "figure-<slug>".
    var elementID: String
    var fileName: String
    /// The image's URL; empty when the file is missing.
    var src: String
    /// The image's width and height, when its header says them: a rebuild
    /// after the file is replaced by one of another size finds the figure changed.
    var size: ImageSize?
    var captionHTML: String
    /// The caption's first sentence as plain text (`AltText`); the file name when there is no caption.
    var alt: String
    var paper: PaperID?
}

/// An extra page, as links and the navigation show it.
struct ExtraPageInfo: Equatable, Sendable {
    /// The file name without `.md`.
    var name: String
    var title: String
    /// The guide it belongs to (`guide:`), if any.
    var guide: GuideID?
    /// Relative to the site root (`Routes`); `url` is its link (`SiteLinks.url`).
    var path: String
    var url: String
    /// Its place in the navigation; nil: not in it.
    var nav: Int?
    /// The front matter's; empty when it has none.
    var description: String
}

/// An extra page's body, read by its own page only.
struct ExtraPageText: Equatable, Sendable {
    var bodyHTML: String
}

struct PostingInfo: Equatable, Sendable {
    /// "posting-1", the HTML id.
    var slug: String
    var title: String
    var textHTML: String
    /// Each once, in order of first appearance.
    var locations: [String]
}
