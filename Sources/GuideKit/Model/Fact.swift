/// What a fact is about: one table of the site model (`SiteModel`), one kind of
/// derived value (`Derivations`), a template, or the list of pages.
///
/// Every read an output or a derived value makes goes through `Reader`, which
/// records the fact it read; a rebuild redoes what read a fact that changed.
enum Aspect: UInt8, CaseIterable, Sendable {
    // Tables of the site model, compared between builds by `SiteModel.changes`.
    case site, siteGuides, siteAuthors, sitePostings
    case sitePaperCount, siteTopicCount, siteAuthorCount, sitePostingCount, siteGuideCount
    case guide, guideText, guideTopics, guidePapers, guideLoose, guideModified
    case guidePaperCount, guideTopicCount, guideAuthorCount, guidePostingCount, guidePaperLetters
    case topic, topicPapers
    case paperTitle, paper
    case author, authorPapers
    case figure, posting
    case extraPage, extraPageText, sitePages, siteNavPages, guideNavPages
    // Inputs that are not entities.
    case template
    /// The routes of every page, in order (what the sitemap lists).
    case pageList
    // Derived values, in the order `Derivations.all` computes them. The
    // search index comes first: a build lets its documents go once it is
    // made, before the fragments and citations take their memory.
    case authorIndex, searchPaper, searchTopic, searchAuthor, searchGuide, searchPage, searchPosting, searchIndex
    /// Parts of the search index (`SearchIndexFiles.changes`): its meta file
    /// (which changes with any other), a bucket of terms, a chunk of results.
    case searchMeta, searchBucket, searchChunk
    case paperLink, authorLink, authorChip, authorEntry, paperCard, topicCard
    case related, coauthors, citationName, citationKeyBase, citationKeyCollisions
    /// A paper's part of its guide's `citationKeyCollisions` (its key there, or none): read and changed paper by paper.
    case citationKey
    case citationVenue, citation, citationBibTeX, citationRIS, citationCSL, calendarEvent, schedule, topicNeighbours
    /// A topic's part of its guide's `topicNeighbours` (the topics before and after it): read and changed topic by topic.
    case topicNeighbour
    case paperOrder, paperLetterList, listPage, chrome
    case feedEntry
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
    /// A bit per aspect with any fact in the set: most checks end here.
    /// Two words, so up to 128 aspects (`Aspect` checks its count fits).
    private var aspects: (UInt64, UInt64) = (0, 0)
    /// The facts, in the order they were inserted.
    private(set) var facts: [Fact] = []
    var count: Int { facts.count }

    var isEmpty: Bool { count == 0 }

    mutating func insert(_ fact: Fact) {
        let aspect = Int(fact.raw >> 32), id = Int(fact.id)
        let word = id >> 6
        if bits[aspect].count <= word { bits[aspect] += Array(repeating: 0, count: word + 1 - bits[aspect].count) }
        let mask: UInt64 = 1 << UInt64(id & 63)
        if bits[aspect][word] & mask == 0 {
            bits[aspect][word] |= mask
            if aspect < 64 { aspects.0 |= 1 << UInt64(aspect) } else { aspects.1 |= 1 << UInt64(aspect - 64) }
            facts.append(fact)
        }
    }

    mutating func insert(_ aspect: Aspect, _ id: Int32) {
        insert(Fact(aspect, id))
    }

    @inline(__always)
    func contains(_ fact: Fact) -> Bool {
        let aspect = Int(fact.raw >> 32)
        guard has(aspect) else { return false }
        let id = Int(fact.id)
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
        has(Int(aspect.rawValue))
    }

    @inline(__always)
    private func has(_ aspect: Int) -> Bool {
        aspect < 64 ? aspects.0 & (1 << UInt64(aspect)) != 0 : aspects.1 & (1 << UInt64(aspect - 64)) != 0
    }
}

/// Who read each fact: the reverse of the reads of a table's entries (derived
/// values, outputs), kept as entries are computed again, so that a rebuild
/// finds what a change reaches without looking at every entry.
///
/// An entry computed again is added under the facts it newly reads; it stays
/// listed under facts it no longer reads until a lookup finds it there and
/// drops it (`readers(of:reads:)` checks each entry's current reads).
struct Dependents: Sendable {
    private var lists: [[[Int32]]] = Array(repeating: [], count: Aspect.allCases.count)

    /// Records that `entry` now reads `new` (sorted), where it read `old` (sorted) before.
    mutating func update(_ entry: Int32, reads new: [Fact], previously old: [Fact]) {
        var index = 0
        for fact in new {
            while index < old.count, old[index] < fact { index += 1 }
            if index < old.count, old[index] == fact { continue }
            let aspect = Int(fact.aspect.rawValue), id = Int(fact.id)
            if lists[aspect].count <= id { lists[aspect] += Array(repeating: [], count: id + 1 - lists[aspect].count) }
            lists[aspect][id].append(entry)
        }
    }

    /// The entries that read a fact of `changed`, each once, in ascending
    /// order. `reads` gives an entry's current reads (sorted); entries that no
    /// longer read a fact are dropped from its list.
    mutating func readers(of changed: FactSet, reads: (Int32) -> [Fact]) -> [Int32] {
        var found: [Int32] = []
        for fact in changed.facts {
            let aspect = Int(fact.aspect.rawValue), id = Int(fact.id)
            guard id < lists[aspect].count, !lists[aspect][id].isEmpty else { continue }
            var list: [Int32] = []
            swap(&list, &lists[aspect][id])
            list.removeAll { entry in
                let current = reads(entry)
                let place = current.partitionPoint { $0 < fact }
                return place == current.count || current[place] != fact
            }
            found += list
            swap(&list, &lists[aspect][id])
        }
        return Array(Set(found)).sorted()
    }
}
