import Foundation
import Testing
@testable import GuideKit

/// The pieces rebuilds rely on: every table and derived value has its own
/// aspect, a reader records what it reads, and a derivation cannot read
/// itself or what comes after it.
@Suite struct CoreTests {
    @Test func everyTableOfTheModelHasItsOwnAspect() {
        let aspects = SiteModel.aspects
        #expect(aspects.count == 33)
        #expect(Aspect.allCases.count <= 128, "FactSet keeps a bit per aspect in two UInt64 words")
        #expect(Set(aspects).count == aspects.count)
    }

    @Test func readersSeeEveryTableOfTheModelInPlace() throws {
        let tables = Mirror(reflecting: SiteTables(SiteModel())).children.compactMap { child in
            Mirror(reflecting: child.value).children.first { $0.label == "aspect" }?.value as? Aspect
        }
        #expect(tables == SiteModel.aspects)
    }

    @Test func derivationsRunInTheOrderOfTheirAspectsAndNameTheirOwnTables() throws {
        let aspects = Derivations.all.map(\.aspect)
        #expect(aspects == aspects.sorted { $0.rawValue < $1.rawValue })
        #expect(Set(aspects).isDisjoint(with: SiteModel.aspects))
        let snapshot = try Self.snapshot()
        func check<Value>(_ derivation: Derivation<Value>) {
            #expect(DerivedValues()[keyPath: derivation.table].aspect == derivation.aspect)
            #expect(derivation.values(snapshot.derived).aspect == derivation.aspect)
        }
        check(Derivations.paperLink); check(Derivations.authorLink); check(Derivations.authorChip); check(Derivations.authorEntry)
        check(Derivations.paperCard); check(Derivations.topicCard); check(Derivations.related)
        check(Derivations.coauthors); check(Derivations.citationName); check(Derivations.citationKeyBase); check(Derivations.citationKeyCollisions)
        check(Derivations.citationVenue); check(Derivations.citation); check(Derivations.calendarEvent); check(Derivations.schedule); check(Derivations.topicNeighbours)
        check(Derivations.paperOrder); check(Derivations.paperLetterList)
        check(Derivations.authorIndex); check(Derivations.listPage); check(Derivations.chrome); check(Derivations.feedEntry)
        check(Derivations.searchPaper); check(Derivations.searchTopic); check(Derivations.searchAuthor); check(Derivations.searchIndex)
        #expect(Derivations.all.count == 32)
    }

    /// A value only outputs read may be computed beside the derivations
    /// after it (`DerivedValues.update`): none of them may read it.
    @Test func valuesOnlyOutputsReadAreReadByNoDerivation() {
        #expect(Readers.outputsOnly.allow(nil))
        #expect(!Readers.outputsOnly.allow(.paperLink))
        #expect(!Readers.outputsOnly.allow(.searchIndex))
        #expect(Readers.outputs.allow(.paperLink))
        #expect(Derivations.searchIndex.readers == .outputsOnly)
    }

    @Test func topicNeighboursChangeOnlyForTheTopicsBesideAnEdit() {
        let t = (0..<6).map { TopicID(Int32($0)) }
        let old = TopicNeighbours([t[0], t[1], t[2], t[3]])
        #expect(old.neighbour(of: t[0], -1) == nil && old.neighbour(of: t[0], 1) == t[1])
        #expect(old.neighbour(of: t[2], -1) == t[1] && old.neighbour(of: t[3], 1) == nil)
        #expect(old.neighbour(of: t[5], 1) == nil, "not a topic of the guide")
        // Added between the second and the third: those two and itself.
        #expect(TopicNeighbours.changes(from: old, to: TopicNeighbours([t[0], t[1], t[4], t[2], t[3]])) == [t[1], t[4], t[2]])
        // The first renamed (another key, so another id): the new one, the one after it, and the old one.
        #expect(TopicNeighbours.changes(from: old, to: TopicNeighbours([t[5], t[1], t[2], t[3]])) == [t[5], t[1], t[0]])
        // The last removed: the one before it, and itself.
        #expect(TopicNeighbours.changes(from: old, to: TopicNeighbours([t[0], t[1], t[2]])) == [t[2], t[3]])
        #expect(TopicNeighbours.changes(from: old, to: old).isEmpty)
    }

    @Test func aReaderRecordsWhatItReadsEachOnce() throws {
        let snapshot = try Self.snapshot()
        let reader = Reader(snapshot, records: true)
        let paper = snapshot.model.guidePapers[0]![0]
        _ = reader.title(paper).title
        _ = reader.title(paper).url
        _ = reader.derived(Derivations.paperCard, paper.raw)
        #expect(reader.facts == [Fact(.paperTitle, paper.raw), Fact(.paperCard, paper.raw)].sorted())
        #expect(Reader(snapshot, records: false).facts.isEmpty)
    }

    @Test func aDerivationSeesOnlyTheValuesBeforeItsOwn() throws {
        let snapshot = try Self.snapshot()
        let paper = snapshot.model.guidePapers[0]![0]
        let card = Reader(snapshot, computing: .paperCard, records: true)
        #expect(card.derived(Derivations.paperLink, paper.raw) != nil)
        #expect(card.derived(Derivations.paperCard, paper.raw) == nil)
        #expect(card.derived(Derivations.feedEntry, paper.raw) == nil)
        #expect(card.facts == [Fact(.paperLink, paper.raw)])
    }

    @Test func factSets() {
        var set = FactSet()
        #expect(!set.contains(Fact(.paper, 700)))
        set.insert(.paper, 700)
        set.insert(.paper, 700)
        #expect(set.count == 1)
        #expect(set.contains(Fact(.paper, 700)))
        #expect(!set.contains(Fact(.paperTitle, 700)))
        #expect(!set.contains(Fact(.paper, 701)))
        #expect(set.intersects([Fact(.author, 1), Fact(.paper, 700)]))
        #expect(Fact(.template, 3).aspect == .template && Fact(.template, 3).id == 3)
    }

    /// The same model has no changes; an empty one differs in every fact.
    @Test func aModelComparedWithItselfChangesNothing() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        let state = try SiteBuilder().build(site.options, keepingState: true).state
        #expect(state.model.changes(from: state.model).isEmpty)
        #expect(SiteModel().changes(from: state.model).count > 10)
    }

    /// A table's changes: a box replaced by one of another value, a box that
    /// came or went, a table grown or shrunk; not a box replaced by one of the
    /// same value. (The diff reads boxes' addresses as words: so is each one.)
    @Test func aTableChangesWhereItsValuesDiffer() {
        #expect(MemoryLayout<Box<String>?>.size == MemoryLayout<UInt>.size)
        let nothing: Box<String>? = nil
        #expect(withUnsafeBytes(of: nothing) { $0.load(as: UInt.self) } == 0)

        var old = Stored<String>(.topic)
        for (id, value) in ["a", "b", "c", "d"].enumerated() { old.set(Int32(id), box: Box(value)) }
        var new = old
        new.set(1, box: Box("b"))          // another box, the same value
        new.set(2, box: Box("changed"))
        new.set(6, box: Box("g"))          // grown: 4 and 5 stay nil
        func changes(_ new: Stored<String>, from old: Stored<String>) -> [Int32] {
            var set = FactSet()
            new.addChanges(from: old, to: &set)
            return set.facts.map(\.id)
        }
        #expect(changes(new, from: old) == [2, 6])
        #expect(changes(old, from: new) == [2, 6])
        #expect(changes(old, from: old).isEmpty)
        #expect(changes(Stored<String>(.topic), from: old) == [0, 1, 2, 3])
    }

    /// Where a value goes in a sorted list, by binary search, hand-checked.
    @Test func thePartitionPointIsTheFirstElementNotBefore() {
        let sorted = [1, 3, 5, 5, 7]
        #expect(sorted.partitionPoint { $0 < 5 } == 2)
        #expect(sorted.partitionPoint { $0 <= 5 } == 4)
        #expect(sorted.partitionPoint { $0 < 0 } == 0)
        #expect(sorted.partitionPoint { $0 < 10 } == 5)
        #expect([Int]().partitionPoint { $0 < 1 } == 0)
        #expect([10, 20, 30, 40][1...].partitionPoint { $0 < 35 } == 3, "an index of the slice's base")
    }

    /// A paper's page moving lists again the paper pages of its guide, not of
    /// every guide; a guide's settings, the outputs of that guide that read them.
    @Test func outputsListedPerGuideAreListedAgainForTheGuideThatChanged() throws {
        let site = try TemporarySite(fixture: "three-guides")
        var state = try SiteBuilder().build(site.options, keepingState: true).state
        let snapshot = SiteSnapshot(model: state.model, derived: state.derived, identities: state.identities, templates: state.renderTemplates)
        let paperKind = OutputKind.all.firstIndex { $0.name == "paper" }!
        let paper = state.listings.kinds[paperKind].outputs.first { $0.path.hasPrefix("slt/") }!

        func changed(_ aspect: Aspect, _ id: Int32) -> FactSet {
            var facts = FactSet()
            facts.insert(aspect, id)
            return facts
        }
        var listings = state.listings
        let relisted = listings.update(snapshot, identities: &state.identities,
                                       changed: changed(.paperTitle, paper.subject), records: true)
        // The page, and the citation files beside it.
        #expect(relisted.map { OutputKind.all[$0.kind].name } == ["paper", "cite.bib", "cite.ris", "cite.json"])
        #expect(relisted.flatMap(\.outputs).map(\.path) == ["slt/papers/streaming-transducers-with-lookahead/index.html",
                                                            "slt/papers/streaming-transducers-with-lookahead/cite.bib",
                                                            "slt/papers/streaming-transducers-with-lookahead/cite.ris",
                                                            "slt/papers/streaming-transducers-with-lookahead/cite.json"])
        #expect(listings.outputs == state.listings.outputs)

        // A guide's own facts reach the lists that read them, of that guide only.
        let slt = state.listings.kinds[OutputKind.all.firstIndex { $0.name == "home" }!].outputs.first { $0.path == "slt/index.html" }!
        let guide = listings.update(snapshot, identities: &state.identities, changed: changed(.guide, slt.subject), records: true)
        #expect(guide.map { OutputKind.all[$0.kind].name } == ["home", "papers", "feed", "papers.bib", "papers.ris", "papers.json"])
        #expect(guide.flatMap(\.outputs).map(\.path) == ["slt/index.html", "slt/papers/index.html", "slt/feed.xml",
                                                         "slt/papers.bib", "slt/papers.ris", "slt/papers.json"])
        #expect(listings.outputs == state.listings.outputs)

        // The guide's list of papers read again, the same papers in it: the
        // kinds listed paper by paper keep every paper's outputs.
        let members = listings.update(snapshot, identities: &state.identities, changed: changed(.guidePapers, slt.subject), records: true)
        #expect(members.map { OutputKind.all[$0.kind].name }.filter { ["paper", "cite.bib", "cite.ris", "cite.json", "event.ics"].contains($0) } == [])
        #expect(listings.outputs == state.listings.outputs)
    }

    /// The items of a part listed item by item, changed in place: each
    /// item's outputs and reads stay its own through insertions, removals
    /// and replacements of other items.
    @Test func itemRecordsKeepEachItemsOutputsAndReadsThroughEdits() {
        typealias Listed = OutputListings.ItemRecords.Listed
        func item(_ subject: Int32, _ names: [String], reads: [Int32]) -> Listed {
            Listed(subject: subject, outputs: names.map { Output(location: OutputPath($0), kind: 0, subject: subject, id: subject) },
                   reads: reads.map { Fact(.paperTitle, $0) })
        }
        func changed(_ ids: Int32...) -> FactSet {
            var facts = FactSet()
            for id in ids { facts.insert(.paperTitle, id) }
            return facts
        }
        var records = OutputListings.ItemRecords()
        var outputs: [Output] = []
        for listed in [item(1, ["a"], reads: [10]), item(2, ["b1", "b2"], reads: [20, 21]), item(3, ["c"], reads: [30])] {
            records.append(listed)
            outputs += listed.outputs
        }
        #expect(records.outputs(of: 1..<2) == 1..<3)
        #expect(records.outputs(of: 1..<3) == 1..<4)
        #expect(records.isStale(1, changed(21)) && !records.isStale(0, changed(21)) && !records.isStale(2, changed(21)))
        #expect(records.anyStale(changed(30)) && !records.anyStale(changed(40)))

        // Replaced by an item of three outputs.
        records.replace(1..<2, with: [item(4, ["d1", "d2", "d3"], reads: [40])], in: &outputs)
        #expect(outputs.map(\.path) == ["a", "d1", "d2", "d3", "c"])
        #expect(records.subjects == [1, 4, 3])
        #expect(records.outputs(of: 2..<3) == 4..<5)
        #expect(records.isStale(1, changed(40)) && !records.isStale(1, changed(20)) && records.isStale(2, changed(30)))

        // Inserted at the start, then two removed.
        records.replace(0..<0, with: [item(5, ["e"], reads: [50, 51])], in: &outputs)
        #expect(outputs.map(\.path) == ["e", "a", "d1", "d2", "d3", "c"])
        records.replace(1..<3, with: [], in: &outputs)
        #expect(outputs.map(\.path) == ["e", "c"])
        #expect(records.subjects == [5, 3])
        #expect(records.outputs(of: 0..<1) == 0..<1 && records.outputs(of: 1..<2) == 1..<2)
        #expect(records.isStale(0, changed(51)) && records.isStale(1, changed(30)) && !records.anyStale(changed(10, 40)))
    }

    static func snapshot() throws -> SiteSnapshot {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        let state = try SiteBuilder().build(site.options, keepingState: true).state
        return SiteSnapshot(model: state.model, derived: state.derived, identities: state.identities, templates: state.renderTemplates)
    }
}
