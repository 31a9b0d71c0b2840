/// What a fact is about: one table of the site model (`SiteModel`), one kind of
/// derived value (`Derivations`), a template, or the list of pages.
///
/// Every read an output or a derived value makes goes through `Reader`, which
/// records the fact it read; a rebuild redoes what read a fact that changed.
enum Aspect: UInt8, CaseIterable, Sendable {
    // Tables of the site model, compared between builds by `SiteModel.changes`.
    case site, siteGuides, siteAuthors, sitePostings, siteCounts
    case guide, guideTopics, guidePapers, guideLoose, guideCounts, guideModified
    case topic, topicPapers
    case paperTitle, paper
    case author, authorPapers
    case figure, posting
    // Inputs that are not entities.
    case template
    /// The paths of every page, in order (what the sitemap lists).
    case pageList
    // Derived values, in the order `Derivations.all` computes them.
    case paperLink, authorLink, authorChip, paperCard, topicCard
    case related, coauthors, paperOrder, paperListPage, authorIndex, chrome
    case feedEntry, searchPaper, searchTopic, searchAuthor
}

/// One readable thing: an aspect of one entity (or of one derived value).
struct Fact: Hashable, Sendable, Comparable {
    let raw: UInt64

    init(_ aspect: Aspect, _ id: Int32) {
        raw = UInt64(aspect.rawValue) << 32 | UInt64(UInt32(bitPattern: id))
    }

    var aspect: Aspect { Aspect(rawValue: UInt8(truncatingIfNeeded: raw >> 32))! }
    var id: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: raw)) }

    static func < (lhs: Fact, rhs: Fact) -> Bool { lhs.raw < rhs.raw }
}

/// Facts that changed in a rebuild: a bit per id, per aspect.
struct FactSet: Sendable {
    private var bits: [[UInt64]] = Array(repeating: [], count: Aspect.allCases.count)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func insert(_ fact: Fact) {
        let aspect = Int(fact.raw >> 32), id = Int(fact.id)
        let word = id >> 6
        if bits[aspect].count <= word { bits[aspect] += Array(repeating: 0, count: word + 1 - bits[aspect].count) }
        let mask: UInt64 = 1 << UInt64(id & 63)
        if bits[aspect][word] & mask == 0 {
            bits[aspect][word] |= mask
            count += 1
        }
    }

    mutating func insert(_ aspect: Aspect, _ id: Int32) {
        insert(Fact(aspect, id))
    }

    func contains(_ fact: Fact) -> Bool {
        let aspect = Int(fact.raw >> 32), id = Int(fact.id)
        let word = id >> 6
        let row = bits[aspect]
        return word < row.count && row[word] & (1 << UInt64(id & 63)) != 0
    }

    /// Whether any of `facts` is in the set.
    func intersects(_ facts: [Fact]) -> Bool {
        facts.contains { contains($0) }
    }

    /// Whether anything of `aspect` is in the set.
    func contains(aspect: Aspect) -> Bool {
        bits[Int(aspect.rawValue)].contains { $0 != 0 }
    }
}
