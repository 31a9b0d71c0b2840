import Foundation
import Mustache

/// A value computed from the site model and kept between builds: a fragment's
/// HTML, an order, a list of related papers, a feed entry. Each is computed
/// through a `Reader`, which records what it read; a rebuild computes again
/// only the values whose reads changed, and a value that comes out the same
/// changes nothing further (`DerivedValues.update`).
///
/// Derivations run in the order of their aspects (`Aspect`): one may read the
/// values of the aspects before its own, never its own or later ones.
struct Derivation<Value: Equatable & Sendable>: Sendable {
    let aspect: Aspect
    /// Where the values are kept, for the build to store them.
    let table: WritableKeyPath<DerivedValues, DerivedTable<Value>> & Sendable
    /// The same table, for readers: a property access, not a key path, which
    /// would copy every table on each read. (`CoreTests` checks both agree.)
    let values: @Sendable (DerivedValues) -> DerivedTable<Value>
    /// The ids to compute a value for. May hand out ids for new keys.
    let domain: @Sendable (SiteModel, inout Identities) -> [Int32]
    /// Who reads the values: outputs (and later derivations), or later derivations only.
    var readers: Readers = .outputs
    /// For values that only spare a rebuild work: a build that is not rebuilt
    /// from does not compute or keep them, and a reader computes one when it
    /// reads it (`Reader.derived`), with its reads recorded as the reader's own.
    var keptOnlyForRebuilds = false
    /// The value of an id, given its previous value in a rebuild (to update rather than start over).
    let compute: @Sendable (Int32, Reader, DerivationScratch, Value?) -> Value
    /// For a value that many read a part of each: the facts a change of the
    /// value of an id (from, to) makes, one per part that differs, which
    /// readers record for the part they read (`Reader.derived(_:_:part:)`).
    /// Without it, a change is the fact of the id's whole value.
    var changes: (@Sendable (Int32, Value?, Value?) -> [Fact])? = nil
    /// For a value that a few of the many changes it reads can move (a
    /// paper's related papers, made from the paper lists of its authors; the
    /// order of a guide's papers): the previous value updated for
    /// `DerivationChanges`, told from them without making it again (the
    /// previous value itself when it still holds), or nil to make it anew.
    /// It records what `compute` reads.
    var update: (@Sendable (Int32, Reader, Value, DerivationChanges) -> Value?)? = nil
}

/// What changed since a derivation's values were made (`Derivation.update`).
struct DerivationChanges: Sendable {
    /// Ids that joined the derivation's domain, and ids that left it.
    let added: Set<Int32>
    let removed: Set<Int32>
    /// Facts that changed.
    let facts: FactSet
}

/// Who reads a derivation's values.
enum Readers: Equatable, Sendable {
    case outputs
    /// Outputs alone, no derivation: a rebuild computes these values on
    /// another thread while the derivations after them run
    /// (`DerivedValues.update`), as it does the search index, which the
    /// files of the index alone read.
    case outputsOnly
    /// Later derivations only, up to the one of aspect `last`, as the search
    /// index reads its documents: a build that is not rebuilt from lets these
    /// values go once that one has run (`DerivedValues.compute`), and a later
    /// derivation or an output that reads one stops the build (`Reader.derived`).
    case derivations(through: Aspect)
}

/// Reusable buffers of one worker, for derivations that count.
final class DerivationScratch {
    var counts: [Int32] = []
    var touched: [Int32] = []
}

/// A derived value per id, with the facts computing it read (when recorded)
/// and who read what (`Dependents`).
struct DerivedTable<Value: Equatable & Sendable>: Sendable {
    let aspect: Aspect
    private(set) var values: [Value?] = []
    private(set) var reads: [[Fact]] = []
    /// The ids of the last computation, in order.
    private(set) var domain: [Int32] = []
    private var dependents = Dependents()

    init(_ aspect: Aspect) {
        self.aspect = aspect
    }

    subscript(id: Int32) -> Value? {
        id >= 0 && Int(id) < values.count ? values[Int(id)] : nil
    }

    func reads(of id: Int32) -> [Fact] {
        Int(id) < reads.count ? reads[Int(id)] : []
    }

    mutating func set(_ id: Int32, _ value: Value?, reads facts: [Fact]) {
        let index = Int(id)
        if index >= values.count {
            if value == nil { return }
            values.append(contentsOf: repeatElement(nil, count: index + 1 - values.count))
        }
        values[index] = value
        // Sized only as far as there are reads: a build that records none keeps no list of them.
        if index >= reads.count {
            if facts.isEmpty { return }
            reads.append(contentsOf: repeatElement([], count: index + 1 - reads.count))
        }
        dependents.update(id, reads: facts, previously: reads[index])
        reads[index] = facts
    }

    /// The ids whose values read a fact of `changed`.
    mutating func readers(of changed: FactSet) -> [Int32] {
        let reads = self.reads
        return dependents.readers(of: changed) { Int($0) < reads.count ? reads[Int($0)] : [] }
    }

    /// Sets the domain; returns the ids that joined it and those that left it.
    mutating func setDomain(_ ids: [Int32]) -> (added: [Int32], removed: [Int32]) {
        defer { domain = ids }
        guard domain != ids else { return ([], []) }
        let size = max(values.count, Int(ids.max() ?? 0) + 1)
        var before = [Bool](repeating: false, count: size), after = [Bool](repeating: false, count: size)
        for id in domain { before[Int(id)] = true }
        for id in ids { after[Int(id)] = true }
        return (ids.filter { !before[Int($0)] }, domain.filter { !after[Int($0)] })
    }
}

/// Every derived value of a build, by kind.
struct DerivedValues: Sendable {
    var paperLinks = DerivedTable<String>(.paperLink)
    var authorLinks = DerivedTable<String>(.authorLink)
    var authorChips = DerivedTable<String>(.authorChip)
    var authorEntries = DerivedTable<String>(.authorEntry)
    var paperCards = DerivedTable<String>(.paperCard)
    var topicCards = DerivedTable<String>(.topicCard)
    var related = DerivedTable<[PaperID]>(.related)
    var coauthors = DerivedTable<[Coauthor]>(.coauthors)
    var citationNames = DerivedTable<PersonName>(.citationName)
    var baseCitationKeys = DerivedTable<String>(.citationKeyBase)
    var citationKeyCollisions = DerivedTable<RenamedKeys>(.citationKeyCollisions)
    var citationVenues = DerivedTable<CitationVenue>(.citationVenue)
    var citations = DerivedTable<Citation>(.citation)
    var citationBibTeX = DerivedTable<String>(.citationBibTeX)
    var citationRIS = DerivedTable<String>(.citationRIS)
    var citationCSL = DerivedTable<String>(.citationCSL)
    var calendarEvents = DerivedTable<String>(.calendarEvent)
    var schedules = DerivedTable<[PaperID]>(.schedule)
    var topicNeighbours = DerivedTable<TopicNeighbours>(.topicNeighbours)
    var paperOrders = DerivedTable<PaperOrder>(.paperOrder)
    var paperLetterLists = DerivedTable<[String]>(.paperLetterList)
    var authorIndex = DerivedTable<[AuthorLetter]>(.authorIndex)
    var listPages = DerivedTable<ListSlice>(.listPage)
    var chrome = DerivedTable<[String]>(.chrome)
    var feedEntries = DerivedTable<[UInt8]>(.feedEntry)
    var searchPapers = DerivedTable<SearchDocument>(.searchPaper)
    var searchTopics = DerivedTable<SearchDocument>(.searchTopic)
    var searchAuthors = DerivedTable<SearchDocument>(.searchAuthor)
    var searchGuides = DerivedTable<SearchDocument>(.searchGuide)
    var searchPages = DerivedTable<SearchDocument>(.searchPage)
    var searchPostings = DerivedTable<SearchDocument>(.searchPosting)
    var searchIndex = DerivedTable<SearchIndexFiles>(.searchIndex)
    /// Whether a rebuild will start from these values; when not, the
    /// derivations kept only for rebuilds are not computed (`Derivation.keptOnlyForRebuilds`).
    var forRebuilds = true
}

/// Someone who wrote papers with an author, and how many.
struct Coauthor: Equatable, Sendable {
    var author: AuthorID
    /// 32 bits, as ids are: eight bytes a co-author, not sixteen (2.3 million
    /// of them at 100,000 papers).
    var shared: Int32
}

/// A page of a `PagedList`: its items (topic, paper or author ids, by the list).
struct ListSlice: Equatable, Sendable {
    var list: PagedList
    /// From 1.
    var number: Int
    var pageCount: Int
    /// This page's items, raw ids, in order.
    var items: [Int32]

    var papers: [PaperID] { items.map(PaperID.init) }
    var topics: [TopicID] { items.map(TopicID.init) }
    var authors: [AuthorID] { items.map(AuthorID.init) }
}

/// The authors who file under one letter of the A–Z index, in its order.
struct AuthorLetter: Equatable, Sendable {
    /// "A"…"Z", or "#" for names that start otherwise (`SortKey.letter`).
    var letter: String
    var authors: [AuthorID]

    /// In routes (`authors/letter/a/`) and element ids (`letter-a`): "a"…"z", or "other".
    var slug: String { SortKey.slug(ofLetter: letter) }
}

/// Type-erased `Derivation`, to run a list of them.
protocol AnyDerivation: Sendable {
    var aspect: Aspect { get }
    var readers: Readers { get }
    var keptOnlyForRebuilds: Bool { get }
    /// Where this derivation's values are in `derived` (`[Value?]`), and how
    /// many: `SiteSnapshot` reads them in place. `derived` must outlive their use.
    func values(in derived: DerivedValues) -> (base: UnsafeRawPointer?, count: Int)
    /// Computes the values of this derivation that are missing from `values` or
    /// whose reads are in `changed`, removes those whose id left the domain, and
    /// adds to `changed` the ids whose value differs from before.
    func run(_ values: inout DerivedValues, model: SiteModel, identities: inout Identities,
             templates: RenderTemplates, records: Bool, changed: inout FactSet, all: Bool)
    /// Empties this derivation's table.
    func release(_ values: inout DerivedValues)
    /// Sets this derivation's table in `values` to the one in `source`.
    func copyTable(from source: DerivedValues, to values: inout DerivedValues)
}

extension Readers {
    /// Whether a derivation of aspect `reader` may read values these readers read (nil: an output).
    func allow(_ reader: Aspect?) -> Bool {
        switch self {
        case .outputs: true
        case .outputsOnly: reader == nil
        case .derivations(let last): reader.map { $0.rawValue <= last.rawValue } ?? false
        }
    }
}

extension Derivation: AnyDerivation {
    func values(in derived: DerivedValues) -> (base: UnsafeRawPointer?, count: Int) {
        values(derived).values.withUnsafeBufferPointer { (UnsafeRawPointer($0.baseAddress), $0.count) }
    }

    func run(_ values: inout DerivedValues, model: SiteModel, identities: inout Identities,
             templates: RenderTemplates, records: Bool, changed: inout FactSet, all: Bool) {
        let ids = domain(model, &identities)
        // Taken out while it changes, so that its arrays are not copied.
        var table = DerivedTable<Value>(aspect)
        swap(&table, &values[keyPath: self.table])
        let (added, removed) = table.setDomain(ids)
        for id in removed {
            report(id, from: table[id], to: nil, &changed)
            table.set(id, nil, reads: [])
        }
        let dirty = all ? ids : Array(Set(added).union(table.readers(of: changed))).sorted()
        let snapshot = SiteSnapshot(model: model, derived: values, identities: identities, templates: templates)
        let previous = all ? [] : dirty.map { table[$0] }
        let changes = all || update == nil ? nil : DerivationChanges(added: Set(added), removed: Set(removed), facts: changed)
        let results = parallelMap(dirty.count, makeScratch: DerivationScratch.init) { [compute, update, aspect] scratch, index in
            if let update, let changes, let value = previous[index] {
                let reader = Reader(snapshot, computing: aspect, records: records)
                if let updated = update(dirty[index], reader, value, changes) { return Computed(value: updated, facts: reader.facts) }
            }
            let reader = Reader(snapshot, computing: aspect, records: records)
            return Computed(value: compute(dirty[index], reader, scratch, all ? nil : previous[index]), facts: reader.facts)
        }
        for (id, result) in zip(dirty, results) {
            if !all, table[id] != result.value { report(id, from: table[id], to: result.value, &changed) }
            table.set(id, result.value, reads: result.facts)
        }
        swap(&table, &values[keyPath: self.table])
    }

    func release(_ values: inout DerivedValues) {
        values[keyPath: table] = DerivedTable(aspect)
    }

    func copyTable(from source: DerivedValues, to values: inout DerivedValues) {
        values[keyPath: table] = source[keyPath: table]
    }

    private func report(_ id: Int32, from old: Value?, to new: Value?, _ changed: inout FactSet) {
        guard let changes else { return changed.insert(aspect, id) }
        for fact in changes(id, old, new) { changed.insert(fact) }
    }
}

/// A value and what computing it read.
private struct Computed<Value: Sendable>: Sendable {
    var value: Value
    var facts: [Fact]
}

extension DerivedValues {
    /// Every derived value of `model` (a full build).
    /// - Parameter releasing: let the values only derivations read go once
    ///   their last reader has run (`Readers.derivations`), for a build that is
    ///   not rebuilt from. At 100,000 papers the search documents alone are
    ///   60 MB, and the build's peak of memory was while they were kept.
    static func compute(_ model: SiteModel, identities: inout Identities, templates: RenderTemplates,
                        records: Bool, releasing: Bool = false) -> DerivedValues {
        var values = DerivedValues()
        values.forRebuilds = !releasing
        var unused = FactSet()
        for derivation in Derivations.all where !(releasing && derivation.keptOnlyForRebuilds) {
            derivation.run(&values, model: model, identities: &identities, templates: templates,
                           records: records, changed: &unused, all: true)
            if releasing {
                for read in Derivations.all where read.readers == .derivations(through: derivation.aspect) { read.release(&values) }
            }
        }
        return values
    }

    /// The values of `model`, computed again where `changed` reaches; `changed`
    /// gains the derived facts that changed. Those only outputs read
    /// (`Readers.outputsOnly`) are computed beside the derivations after them,
    /// on another thread: the search index took 4–6 ms of every edit at
    /// 10,000 papers, while the derivations after it mostly keep one
    /// processor busy.
    mutating func update(_ model: SiteModel, identities: inout Identities, templates: RenderTemplates,
                         changed: inout FactSet) {
        var beside: [BesideRun] = []
        for derivation in Derivations.all {
            if derivation.readers == .outputsOnly {
                beside.append(BesideRun(derivation, values: self, model: model, identities: identities, templates: templates, changed: changed))
                continue
            }
            derivation.run(&self, model: model, identities: &identities, templates: templates,
                           records: true, changed: &changed, all: false)
        }
        for run in beside { run.finish(into: &self, changed: &changed) }
    }

    /// A derivation computed on another thread from the values before it.
    private final class BesideRun: @unchecked Sendable {
        let derivation: any AnyDerivation
        /// The tables of the derivations before it (which no derivation
        /// changes any more) and its own, and its changes, once it has run.
        private var values = DerivedValues()
        private var changed: FactSet
        private let changedBefore: Int
        private let done = DispatchGroup()

        init(_ derivation: any AnyDerivation, values all: DerivedValues, model: SiteModel, identities: Identities,
             templates: RenderTemplates, changed: FactSet) {
            self.derivation = derivation
            values.forRebuilds = all.forRebuilds
            for earlier in Derivations.all where earlier.aspect.rawValue <= derivation.aspect.rawValue {
                earlier.copyTable(from: all, to: &values)
            }
            (self.changed, changedBefore) = (changed, changed.facts.count)
            DispatchQueue.global(qos: .userInitiated).async(group: done) { [self] in
                // Its domain hands out no ids (the ids it reads were all handed out before it).
                var identities = identities
                derivation.run(&values, model: model, identities: &identities, templates: templates,
                               records: true, changed: &self.changed, all: false)
            }
        }

        /// Waits for it, then sets its table in `all` and adds the facts it changed to `changed`.
        func finish(into all: inout DerivedValues, changed: inout FactSet) {
            done.wait()
            derivation.copyTable(from: values, to: &all)
            for fact in self.changed.facts[changedBefore...] { changed.insert(fact) }
        }
    }
}

// MARK: - The derivations

/// Every derived value, in the order they are computed (the order of their aspects).
enum Derivations {
    static let all: [any AnyDerivation] = [
        authorIndex, searchPaper, searchTopic, searchAuthor, searchGuide, searchPage, searchPosting, searchIndex,
        paperLink, authorLink, authorChip, authorEntry, paperCard, topicCard,
        related, coauthors, citationName, citationKeyBase, citationKeyCollisions, citationVenue, citation,
        citationBibTeX, citationRIS, citationCSL, calendarEvent, schedule, topicNeighbours,
        paperOrder, paperLetterList, listPage, chrome,
        feedEntry,
    ]

    /// `paper-link`, once per paper.
    static let paperLink = Derivation(aspect: .paperLink, table: \.paperLinks, values: { $0.paperLinks }, domain: papers) { id, reader, _, _ in
        fragment(.paperLink, PaperLinkView(reader: reader, id: PaperID(id)), reader)
    }

    /// `author-link`, once per author.
    static let authorLink = Derivation(aspect: .authorLink, table: \.authorLinks, values: { $0.authorLinks }, domain: authors) { id, reader, _, _ in
        fragment(.authorLink, AuthorLinkView(reader: reader, id: AuthorID(id)), reader)
    }

    /// `author-chip`, once per author.
    static let authorChip = Derivation(aspect: .authorChip, table: \.authorChips, values: { $0.authorChips }, domain: authors) { id, reader, _, _ in
        fragment(.authorChip, AuthorLinkView(reader: reader, id: AuthorID(id)), reader)
    }

    /// `author-entry`, once per author: their line in the A–Z index.
    static let authorEntry = Derivation(aspect: .authorEntry, table: \.authorEntries, values: { $0.authorEntries }, domain: authors) { id, reader, _, _ in
        fragment(.authorEntry, AuthorLinkView(reader: reader, id: AuthorID(id)), reader)
    }

    /// `paper-card`, once per paper.
    static let paperCard = Derivation(aspect: .paperCard, table: \.paperCards, values: { $0.paperCards }, domain: papers) { id, reader, _, _ in
        fragment(.paperCard, PaperCardView(reader: reader, id: PaperID(id)), reader)
    }

    /// `topic-card`, once per topic.
    static let topicCard = Derivation(aspect: .topicCard, table: \.topicCards, values: { $0.topicCards }, domain: topics) { id, reader, _, _ in
        fragment(.topicCard, TopicCardView(reader: reader, id: TopicID(id)), reader)
    }

    /// "More by these authors": the papers that share the most authors with this
    /// one, at most `RelatedPapers.limit`; ties go to the paper's own guide, then
    /// to guides newest first, then by title. Positions in a guide are not used,
    /// so that adding a paper does not reorder other papers' lists.
    static let related = Derivation(aspect: .related, table: \.related, values: { $0.related }, domain: papers, compute: { id, reader, scratch, _ in
        RelatedPapers.of(PaperID(id), reader, scratch: scratch)
    }, update: { id, reader, previous, changes in
        RelatedPapers.stillHold(previous, for: PaperID(id), reader, changes) ? previous : nil
    })

    /// An author's co-authors, in order of first appearance in their papers, with the papers shared.
    static let coauthors = Derivation(aspect: .coauthors, table: \.coauthors, values: { $0.coauthors }, domain: authors) { id, reader, _, _ in
        var order: [Coauthor] = []
        var position: [AuthorID: Int] = [:]
        let author = AuthorID(id)
        for paper in reader.papers(of: author) {
            for other in reader.paper(paper).authors where other != author {
                if let index = position[other] {
                    order[index].shared += 1
                } else {
                    position[other] = order.count
                    order.append(Coauthor(author: other, shared: 1))
                }
            }
        }
        // Kept for the build: without the spare capacity appending left.
        return order.withUnsafeBufferPointer(Array.init)
    }

    /// An author's name as bibliographies split it, once per author: citations
    /// keep their authors' ids, and their texts read these names (`Reader.citation`).
    static let citationName = Derivation(aspect: .citationName, table: \.citationNames, values: { $0.citationNames }, domain: authors) { id, reader, _, _ in
        PersonName(reader.author(AuthorID(id)).name)
    }

    /// A paper's citation key as the scheme makes it (`CitationKey.base`), before it is made unique.
    static let citationKeyBase = Derivation(aspect: .citationKeyBase, table: \.baseCitationKeys, values: { $0.baseCitationKeys }, domain: papers,
                                            readers: .derivations(through: .citation)) { id, reader, _, _ in
        CitationKey.base(paper: PaperID(id), reader)
    }

    /// A guide's papers whose base key another paper shares, with the key each
    /// gets instead (`CitationKey.unique`). Computed again when a key of the
    /// guide changes, from the previous value when it still holds
    /// (`RenamedKeys.stillHold`); a change reaches the citations of the papers
    /// whose key changed (a fact each), not every paper of the guide.
    static let citationKeyCollisions = Derivation(
        aspect: .citationKeyCollisions, table: \.citationKeyCollisions, values: { $0.citationKeyCollisions }, domain: guides,
        readers: .derivations(through: .citation),
        compute: { id, reader, _, previous in
            let papers = reader.papers(of: GuideID(id))
            return RenamedKeys(papers: papers, bases: reader.derived(citationKeyBase, papers[...]).map { $0 ?? "" },
                               previous: previous, keeping: reader.snapshot.derived.forRebuilds)
        },
        changes: { _, old, new in
            RenamedKeys.changes(from: old ?? RenamedKeys([]), to: new ?? RenamedKeys([])).map { Fact(.citationKey, $0.raw) }
        })

    /// Where and when a guide's papers were presented, once per guide: its papers' citations share it.
    static let citationVenue = Derivation(aspect: .citationVenue, table: \.citationVenues, values: { $0.citationVenues }, domain: guides) { id, reader, _, _ in
        CitationVenue(reader.guide(GuideID(id)).value)
    }

    /// A paper's citation in BibTeX, RIS and CSL-JSON: its page and its `cite.*` files.
    /// Its key is its base key, unless the guide's collisions give it another.
    static let citation = Derivation(aspect: .citation, table: \.citations, values: { $0.citations }, domain: papers) { id, reader, _, _ in
        let paper = PaperID(id)
        let collisions = reader.derived(citationKeyCollisions, reader.title(paper).guide.raw, part: Fact(.citationKey, id))
        let key = collisions?[paper] ?? reader.derived(citationKeyBase, id) ?? ""
        return Citation(paper: paper, key: key, reader)
    }

    /// A paper's citation as text in one format (`CitationFiles.Format.text`):
    /// read by its page, its `cite.*` file and its guide's `papers.*`, which a
    /// rebuild then makes of the texts of papers whose citation did not change
    /// as they were (85 ms of a byline edit at 10,000 papers when each was made
    /// again). A build that is not rebuilt from makes each text where it is
    /// read (120 MB at 100,000 papers).
    static let citationBibTeX = citationText(.bibtex, .citationBibTeX, \.citationBibTeX) { $0.citationBibTeX }
    static let citationRIS = citationText(.ris, .citationRIS, \.citationRIS) { $0.citationRIS }
    static let citationCSL = citationText(.cslJSON, .citationCSL, \.citationCSL) { $0.citationCSL }

    private static func citationText(
        _ format: CitationFiles.Format, _ aspect: Aspect, _ table: WritableKeyPath<DerivedValues, DerivedTable<String>> & Sendable,
        _ values: @escaping @Sendable (DerivedValues) -> DerivedTable<String>
    ) -> Derivation<String> {
        Derivation(aspect: aspect, table: table, values: values, domain: papers, keptOnlyForRebuilds: true) { id, reader, _, _ in
            // Every paper has a citation: the two have the same domain.
            format.text(reader.citation(of: PaperID(id))!)
        }
    }

    /// A paper's `VEVENT`, or "" when it has no start time.
    static let calendarEvent = Derivation(aspect: .calendarEvent, table: \.calendarEvents, values: { $0.calendarEvents }, domain: papers) { id, reader, _, _ in
        ICalendar.event(paper: PaperID(id), reader) ?? ""
    }

    /// A guide's papers with a start time, in the schedule's order (`Schedule.order`),
    /// kept when no paper that changed is in it or has a start time (`Schedule.stillHolds`).
    static let schedule = Derivation(aspect: .schedule, table: \.schedules, values: { $0.schedules }, domain: guides, compute: { id, reader, _, _ in
        Schedule.order(of: GuideID(id), reader)
    }, update: { id, reader, previous, changes in
        Schedule.stillHolds(previous, of: GuideID(id), reader, changes) ? previous : nil
    })

    /// A guide's topics in order, for each topic page's neighbours (`TopicNeighbours`).
    static let topicNeighbours = Derivation(
        aspect: .topicNeighbours, table: \.topicNeighbours, values: { $0.topicNeighbours }, domain: guides,
        compute: { id, reader, _, _ in TopicNeighbours(reader.topics(of: GuideID(id))) },
        changes: { _, old, new in
            TopicNeighbours.changes(from: old ?? TopicNeighbours([]), to: new ?? TopicNeighbours([])).map { Fact(.topicNeighbour, $0.raw) }
        })

    /// A guide's papers in "All papers" order: by title as a reader expects
    /// (`SortKey`), equal titles by their key. A rebuild moves only the papers
    /// added, removed or retitled (`PaperOrder.updated`), instead of sorting
    /// ten thousand titles again.
    static let paperOrder = Derivation(aspect: .paperOrder, table: \.paperOrders, values: { $0.paperOrders }, domain: guides,
                                       readers: .derivations(through: .listPage), compute: { id, reader, _, _ in
        PaperOrder(reader.papers(of: GuideID(id)), reader)
    }, update: { id, reader, previous, changes in
        previous.updated(guide: GuideID(id), reader, changes)
    })

    /// The letters a guide's papers file under, "A"…"Z" then "#": what the
    /// pages of a guide split by letter link to. Its own value, so that those
    /// pages change when a letter comes or goes, not when one gains a paper.
    static let paperLetterList = Derivation(aspect: .paperLetterList, table: \.paperLetterLists, values: { $0.paperLetterLists },
                                            domain: guides) { id, reader, _, _ in
        reader.paperLetters(of: GuideID(id)).letters.map(\.letter)
    }

    /// Every author, A–Z by surname, grouped by letter (`AuthorIndex`); a
    /// rebuild moves only the authors whose entry changed.
    static let authorIndex = Derivation(aspect: .authorIndex, table: \.authorIndex, values: { $0.authorIndex }, domain: site,
                                        compute: { _, reader, _, _ in AuthorIndex.of(reader) },
                                        update: { _, reader, previous, changes in AuthorIndex.updated(previous, reader, changes) })

    /// A page of a list cut into pages (`PagedList`): its part of the list.
    static let listPage = Derivation(aspect: .listPage, table: \.listPages, values: { $0.listPages }, domain: listPageIDs) { id, reader, _, _ -> ListSlice in
        let key = reader.snapshot.identities.listPages.key(of: id)
        let site = reader.site
        // The page's ids alone are copied: a guide's hundred "All papers" pages each list a hundred of ten thousand.
        func slice<Entity>(_ items: [ID<Entity>], perPage: Int) -> ListSlice {
            let pages = ListPages(items.count, perPage: perPage)
            return ListSlice(list: key.list, number: key.number, pageCount: pages.count, items: items[pages.range(of: key.number)].map(\.raw))
        }
        return switch key.list {
        case .papers(let guide):
            // Split by letter, `papers/` lists the letters, not papers.
            site.splitsPapersByLetter(reader.count(.papers, of: guide)) ? slice([PaperID](), perPage: site.papersPerPage)
                : slice(reader.derived(paperOrder, guide.raw)?.papers ?? [], perPage: site.papersPerPage)
        case .paperLetter(let guide, let letter):
            slice(reader.derived(paperOrder, guide.raw)?.papers(under: letter) ?? [], perPage: site.papersPerPage)
        case .topics(let guide): slice(reader.topics(of: guide), perPage: site.topicsPerPage)
        case .topic(let topic): slice(reader.papers(of: topic), perPage: site.papersPerPage)
        case .author(let author): slice(reader.papers(of: author), perPage: site.papersPerPage)
        case .authorLetter(let letter): slice(authors(under: letter, reader), perPage: site.authorsPerPage)
        }
    }

    /// The authors who file under `letter`, A–Z.
    private static func authors(under letter: String, _ reader: Reader) -> [AuthorID] {
        let letters: [AuthorLetter] = reader.derived(authorIndex, SiteModel.siteID) ?? []
        return letters.first { $0.letter == letter }?.authors ?? []
    }

    /// `head`, `header` and `footer`, once per page kind (and guide, on a site of several).
    static let chrome = Derivation(aspect: .chrome, table: \.chrome, values: { $0.chrome }, domain: chromeIDs) { id, reader, _, _ in
        let key = reader.snapshot.identities.chrome.key(of: id)
        let kind = PageKind(rawValue: key.kind)!
        let guide: GuideID? = key.guide.flatMap { reader.snapshot.identities.guides.existingID($0) }
        let page: ExtraPageID? = key.page.flatMap { reader.snapshot.identities.extraPages.existingID($0) }
        let context = ChromeContext(reader: reader, kind: kind, guide: guide, nav: Navigation.items(kind, guide: guide, page: page, reader))
        return [Fragment.head, .header, .footer].map { fragment($0, context, reader, seesSite: false) }
    }

    /// A paper's entry in its guide's Atom feed: only for the papers the feed
    /// shows, the first `feed_limit` of each guide.
    static let feedEntry = Derivation(aspect: .feedEntry, table: \.feedEntries, values: { $0.feedEntries }, domain: feedPapers) { id, reader, _, _ in
        Feed.entry(PaperID(id), reader)
    }

    /// A paper, topic, author, guide (its home page), extra page or job posting
    /// as the search finds it (`SearchDocument`). Only the index reads them;
    /// a posting's text is long, and a site of fifty guides has a thousand.
    static let searchPaper = searchDocument(.searchPaper, \.searchPapers, { $0.searchPapers }, papers) { SearchDocument.paper(PaperID($0), $1) }
    static let searchTopic = searchDocument(.searchTopic, \.searchTopics, { $0.searchTopics }, topics) { SearchDocument.topic(TopicID($0), $1) }
    static let searchAuthor = searchDocument(.searchAuthor, \.searchAuthors, { $0.searchAuthors }, authors) { SearchDocument.author(AuthorID($0), $1) }
    static let searchGuide = searchDocument(.searchGuide, \.searchGuides, { $0.searchGuides }, guides) { SearchDocument.guide(GuideID($0), $1) }
    static let searchPage = searchDocument(.searchPage, \.searchPages, { $0.searchPages }, extraPages) { SearchDocument.page(ExtraPageID($0), $1) }
    static let searchPosting = searchDocument(.searchPosting, \.searchPostings, { $0.searchPostings }, postings) {
        SearchDocument.posting(PostingID($0), $1)
    }

    private static func searchDocument(
        _ aspect: Aspect, _ table: WritableKeyPath<DerivedValues, DerivedTable<SearchDocument>> & Sendable,
        _ values: @escaping @Sendable (DerivedValues) -> DerivedTable<SearchDocument>,
        _ domain: @escaping @Sendable (SiteModel, inout Identities) -> [Int32],
        _ make: @escaping @Sendable (Int32, Reader) -> SearchDocument
    ) -> Derivation<SearchDocument> {
        Derivation(aspect: aspect, table: table, values: values, domain: domain,
                   readers: .derivations(through: .searchIndex)) { id, reader, _, _ in make(id, reader) }
    }

    /// The search index's files: in a rebuild, the previous index updated for
    /// the documents that changed, came or went (made anew when many did); a
    /// change reaches the files of the buckets and chunks that differ
    /// (`SearchIndexFiles.changes`).
    static let searchIndex = Derivation(
        aspect: .searchIndex, table: \.searchIndex, values: { $0.searchIndex }, domain: site, readers: .outputsOnly,
        compute: { _, reader, _, previous in
            let guides = reader.site.multipleGuides ? reader.siteGuides.map { reader.guide($0).name } : []
            let documents = SearchIndex.documents(reader)
            return previous?.update(documents, guides: guides)
                ?? SearchIndexFiles(documents, guides: guides, keepingTerms: reader.snapshot.derived.forRebuilds)
        },
        changes: { _, old, new in SearchIndexFiles.changes(from: old, to: new) })

    // MARK: Domains

    @Sendable static func papers(_ model: SiteModel, _: inout Identities) -> [Int32] {
        model.siteGuides[SiteModel.siteID]!.flatMap { model.guidePapers[$0.raw]!.map(\.raw) }
    }

    /// Each guide's papers in its feed (`GuideFeed`).
    @Sendable static func feedPapers(_ model: SiteModel, _: inout Identities) -> [Int32] {
        let limit = model.site[SiteModel.siteID]!.feedLimit
        return model.siteGuides[SiteModel.siteID]!.flatMap { Feed.limited(model.guidePapers[$0.raw]!, limit).map(\.raw) }
    }

    @Sendable static func topics(_ model: SiteModel, _: inout Identities) -> [Int32] {
        model.siteGuides[SiteModel.siteID]!.flatMap { model.guideTopics[$0.raw]!.map(\.raw) }
    }

    @Sendable static func authors(_ model: SiteModel, _: inout Identities) -> [Int32] {
        model.siteAuthors[SiteModel.siteID]!.map(\.raw)
    }

    @Sendable static func extraPages(_ model: SiteModel, _: inout Identities) -> [Int32] {
        model.sitePages[SiteModel.siteID]!.map(\.raw)
    }

    @Sendable static func postings(_ model: SiteModel, _: inout Identities) -> [Int32] {
        model.sitePostings[SiteModel.siteID]!.map(\.raw)
    }

    @Sendable static func guides(_ model: SiteModel, _: inout Identities) -> [Int32] {
        model.siteGuides[SiteModel.siteID]!.map(\.raw)
    }

    @Sendable static func site(_ model: SiteModel, _: inout Identities) -> [Int32] {
        [SiteModel.siteID]
    }

    /// The pages of every `PagedList`: each guide's papers (or its papers'
    /// letters, and the page that lists them) and topics, each
    /// topic's and author's papers, and each letter of the author index when it is split.
    @Sendable static func listPageIDs(_ model: SiteModel, _ identities: inout Identities) -> [Int32] {
        let site = model.site[SiteModel.siteID]!
        var ids: [Int32] = []
        func add(_ list: PagedList, count: Int, perPage: Int) {
            for number in ListPages(count, perPage: perPage).numbers {
                ids.append(identities.listPage(list, number: number))
            }
        }
        for guide in model.siteGuides[SiteModel.siteID]! {
            let paperCount = model.guidePapers[guide.raw]!.count
            if site.splitsPapersByLetter(paperCount) {
                add(.papers(guide), count: 0, perPage: site.papersPerPage)
                for (letter, count) in model.guidePaperLetters[guide.raw]!.letters {
                    add(.paperLetter(guide, letter), count: count, perPage: site.papersPerPage)
                }
            } else {
                add(.papers(guide), count: paperCount, perPage: site.papersPerPage)
            }
            let topics = model.guideTopics[guide.raw]!
            add(.topics(guide), count: topics.count, perPage: site.topicsPerPage)
            for topic in topics { add(.topic(topic), count: model.topicPapers[topic.raw]!.count, perPage: site.papersPerPage) }
        }
        let authors = model.siteAuthors[SiteModel.siteID]!
        for author in authors { add(.author(author), count: model.authorPapers[author.raw]!.count, perPage: site.papersPerPage) }
        if AuthorLetter.isSplit(authorCount: authors.count, perPage: site.authorsPerPage) {
            var counts: [String: Int] = [:]
            for author in authors { counts[SortKey.letter(of: model.authors[author.raw]!.sortKey), default: 0] += 1 }
            for (letter, count) in counts.sorted(by: { $0.key < $1.key }) { add(.authorLetter(letter), count: count, perPage: site.authorsPerPage) }
        }
        return ids
    }

    @Sendable static func chromeIDs(_ model: SiteModel, _ identities: inout Identities) -> [Int32] {
        let multiple = model.site[SiteModel.siteID]!.multipleGuides
        let guides = model.siteGuides[SiteModel.siteID]!.map { model.guides[$0.raw]!.slug }
        var ids: [Int32] = []
        for kind in PageKind.allCases where kind != .guides || multiple {
            if kind == .page {
                // One per extra page: its own item of the navigation is the current one.
                for page in model.sitePages[SiteModel.siteID]! {
                    let info = model.extraPages[page.raw]!
                    let key = ChromeKey.ofExtraPage(info.name, guide: info.guide.map { model.guides[$0.raw]!.slug }, multiple: multiple)
                    ids.append(identities.chrome.raw(key))
                }
                continue
            }
            for guide in ChromeKey.guides(of: kind, guides: guides, multiple: multiple) {
                ids.append(identities.chrome.raw(ChromeKey(kind: kind.rawValue, guide: guide)))
            }
        }
        return ids
    }

    // MARK: Fragments

    /// A fragment template rendered for `value`, trimmed; "" when the template is missing.
    /// Cards and links see `site` and their own fields; chrome gets its own context.
    static func fragment(_ fragment: Fragment, _ value: some MustacheParent, _ reader: Reader, seesSite: Bool = true) -> String {
        let context: any MustacheParent = seesSite ? FragmentContext(site: SiteView(reader: reader), value: value) : value
        return reader.render(fragment.rawValue, context).map(Fragment.trimmed) ?? ""
    }

    /// What a fragment sees: `site` and the value's fields.
    private struct FragmentContext<Value: MustacheParent>: MustacheParent {
        let site: SiteView
        let value: Value

        func child(named name: String) -> Any? {
            name == "site" ? site : value.child(named: name)
        }
    }
}

extension ChromeKey {
    /// The guides a page kind's chrome is rendered for: each guide for a guide's
    /// pages on a site of several (they show the guide's navigation), else one for all.
    static func guides(of kind: PageKind, guides: [String], multiple: Bool) -> [String?] {
        multiple && kind.belongsToGuide ? guides : [nil]
    }

    /// The chrome of an extra page: its own, with its guide's navigation when it
    /// is a guide's page on a site of several.
    static func ofExtraPage(_ name: String, guide: String?, multiple: Bool) -> ChromeKey {
        ChromeKey(kind: PageKind.page.rawValue, guide: multiple ? guide : nil, page: name)
    }
}

/// How a list is cut into pages of `perPage` items ("All papers", a topic's
/// papers, a guide's topics, ...): page 1, 2, ...
struct ListPages {
    let itemCount: Int
    /// Items a page; every item when the setting is 0.
    let perPage: Int

    init(_ itemCount: Int, perPage: Int) {
        self.itemCount = itemCount
        self.perPage = perPage > 0 ? perPage : max(itemCount, 1)
    }

    /// At least one: an empty list still has its page.
    var count: Int { max(1, (itemCount + perPage - 1) / perPage) }
    var numbers: ClosedRange<Int> { 1...count }

    /// Positions in the list of the items on page `number`.
    func range(of number: Int) -> Range<Int> {
        min((number - 1) * perPage, itemCount)..<min(number * perPage, itemCount)
    }
}

extension AuthorLetter {
    /// Whether the A–Z index is split by letter: more authors than `authors_per_page` (not 0).
    static func isSplit(authorCount: Int, perPage: Int) -> Bool {
        perPage > 0 && authorCount > perPage
    }
}
