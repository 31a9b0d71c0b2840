import Foundation

/// The outputs of a build, kind by kind (`OutputKind.all`), each kind's list
/// with what listing it read: a rebuild lists a kind again only when that
/// changed, a kind listed guide by guide only the guides whose list did, and
/// a kind listed item by item only the items whose outputs did.
///
/// A rebuild changes its lists in place (`OutputPlan` takes them from the
/// build state): copying a guide's 40,000 per-paper outputs, a string each,
/// took most of a retitle's plan at 10,000 papers.
struct OutputListings: Sendable {
    /// Outputs listed together, and what listing them read.
    struct Part: Sendable {
        /// The guide, for a kind listed per guide.
        var guide: GuideID?
        var outputs: [Output] = []
        /// What listing the part read; for a kind listed item by item, what
        /// listing its items read.
        var reads: [Fact] = []
        /// For a kind listed item by item, in a build that records reads: each item's outputs and reads.
        var items: ItemRecords?
    }

    /// The items of a part listed item by item: each item's outputs (a
    /// range of the part's) and what listing them read, in flat lists (an
    /// array each would be 40,000 of them at 10,000 papers).
    struct ItemRecords: Sendable {
        /// Raw ids, in order.
        private(set) var subjects: [Int32] = []
        private var outputEnds: [Int32] = []
        /// As read, unsorted.
        private var reads: [Fact] = []
        private var readEnds: [Int32] = []

        /// An item listed: its subject, outputs and reads.
        struct Listed {
            var subject: Int32
            var outputs: [Output]
            var reads: [Fact]
        }

        /// The range of the part's outputs that items `items` list.
        func outputs(of items: Range<Int>) -> Range<Int> {
            Self.range(of: items, ends: outputEnds)
        }

        /// Whether item `index` read a fact of `changed`.
        func isStale(_ index: Int, _ changed: FactSet) -> Bool {
            reads[Self.range(of: index..<index + 1, ends: readEnds)].contains { changed.contains($0) }
        }

        /// The range of a flat list that items `items` have, given where each item's share ends.
        private static func range(of items: Range<Int>, ends: [Int32]) -> Range<Int> {
            let start = items.lowerBound == 0 ? 0 : Int(ends[items.lowerBound - 1])
            return start..<(items.isEmpty ? start : Int(ends[items.upperBound - 1]))
        }

        /// Whether any item read a fact of `changed`.
        func anyStale(_ changed: FactSet) -> Bool {
            reads.contains { changed.contains($0) }
        }

        /// Adds an item after the others.
        mutating func append(_ item: Listed) {
            subjects.append(item.subject)
            reads += item.reads
            outputEnds.append((outputEnds.last ?? 0) + Int32(item.outputs.count))
            readEnds.append(Int32(reads.count))
        }

        /// Puts `new` in place of items `range`, whose outputs are
        /// `outputs(of: range)` of `outputs`.
        mutating func replace(_ range: Range<Int>, with new: [Listed], in outputs: inout [Output]) {
            let (outputRange, readRange) = (self.outputs(of: range), Self.range(of: range, ends: readEnds))
            outputs.replaceSubrange(outputRange, with: new.flatMap(\.outputs))
            reads.replaceSubrange(readRange, with: new.flatMap(\.reads))
            subjects.replaceSubrange(range, with: new.map(\.subject))
            /// The new items' ends, and those after them shifted by what the flat list grew or shrank.
            func ends(_ ends: inout [Int32], old: Range<Int>, _ count: (Listed) -> Int) {
                var end = Int32(old.lowerBound)
                ends.replaceSubrange(range, with: new.map { end += Int32(count($0)); return end })
                let shift = end - Int32(old.upperBound)
                if shift != 0 { for index in range.lowerBound + new.count..<ends.count { ends[index] += shift } }
            }
            ends(&outputEnds, old: outputRange) { $0.outputs.count }
            ends(&readEnds, old: readRange) { $0.reads.count }
        }
    }

    struct Listing: Sendable {
        /// For a kind listed per guide, what listing its guides read; else nothing.
        var reads: [Fact] = []
        var parts: [Part] = []

        /// The parts' outputs, in order (copied into one list: for tests and checks, not rebuilds).
        var outputs: [Output] { parts.count == 1 ? parts[0].outputs : parts.flatMap(\.outputs) }
    }

    /// What an update listed again of a kind: the kind, and its outputs that were listed again.
    struct Relisted {
        var kind: Int
        var outputs: [Output]
    }

    private(set) var kinds: [Listing] = []
    /// The routes of every page (`papers/x/`, `404.html`), in order: what the sitemap lists.
    private(set) var pageRoutes: [String] = []
    /// Whether the last update listed a page more or less, or one at another path.
    private(set) var pagesMoved = false

    /// Every output, in order.
    var outputs: [Output] { kinds.flatMap { $0.parts.flatMap(\.outputs) } }

    /// Every output, in order, without copying them into one list (20 MB at
    /// 100,000 papers, at a build's peak).
    var all: OutputSequence { OutputSequence(kinds.flatMap { $0.parts.map(\.outputs) }) }

    /// Calls `body` with every output, in order.
    func forEachOutput(_ body: (Output) -> Void) {
        for kind in kinds { for part in kind.parts { for index in part.outputs.indices { body(part.outputs[index]) } } }
    }

    /// Lists again what read a fact of `changed` (everything the first time);
    /// returns what it listed again, by kind. Kinds made from the list of
    /// pages (`OutputKind.Listing.ofPages`) are listed last, again when a page
    /// moved.
    mutating func update(_ snapshot: SiteSnapshot, identities: inout Identities, changed: FactSet?, records: Bool) -> [Relisted] {
        var lister = Lister(snapshot: snapshot, changed: changed, records: records)
        var relisted: [Relisted] = []
        let first = kinds.isEmpty
        if first { kinds = Array(repeating: Listing(), count: OutputKind.all.count) }
        pagesMoved = first
        for ofPages in [false, true] {
            if ofPages, pagesMoved {
                pageRoutes = []
                for kind in kinds.indices where OutputKind.all[kind].page != nil {
                    for part in kinds[kind].parts { pageRoutes += part.outputs.lazy.map(\.location.route) }
                }
            }
            if ofPages { lister.pageRoutes = pageRoutes }
            lister.pagesMoved = pagesMoved
            for index in OutputKind.all.indices where OutputKind.all[index].listing.isOfPages == ofPages {
                // Taken out while it changes, so that its arrays are not copied.
                var listing = Listing()
                swap(&listing, &kinds[index])
                lister.fresh = []
                lister.moved = false
                let listedAgain = lister.update(&listing, kind: index, first: first, identities: &identities)
                swap(&listing, &kinds[index])
                guard listedAgain else { continue }
                relisted.append(Relisted(kind: index, outputs: lister.fresh))
                if OutputKind.all[index].page != nil, lister.moved { pagesMoved = true }
            }
        }
        return relisted
    }
}

/// Lists the outputs of one kind again for `OutputListings.update`, in place.
private struct Lister {
    let snapshot: SiteSnapshot
    let changed: FactSet?
    let records: Bool
    var pageRoutes: [String] = []
    var pagesMoved = false
    /// The outputs listed again (new, or maybe at another path) of the kind being updated.
    var fresh: [Output] = []
    /// Whether an output of the kind being updated was added or removed, or is at another path.
    var moved = false

    /// More edits than this, and a part listed item by item is listed whole.
    static let maximumEdits = 64

    init(snapshot: SiteSnapshot, changed: FactSet?, records: Bool) {
        (self.snapshot, self.changed, self.records) = (snapshot, changed, records)
    }

    func stale(_ reads: [Fact]) -> Bool { changed.map { $0.intersects(reads) } ?? true }

    /// Updates `listing` (of kind `index`; empty the first time); returns whether any of its parts changed.
    mutating func update(_ listing: inout OutputListings.Listing, kind index: Int, first: Bool, identities: inout Identities) -> Bool {
        guard OutputKind.all[index].listing.isPerGuide else {
            if first { listing.parts = [OutputListings.Part(guide: nil)] }
            return update(&listing.parts[0], kind: index, whole: first, identities: &identities)
        }
        var guides = listing.parts.map { $0.guide! }
        if first || stale(listing.reads) {
            let reader = Reader(snapshot, records: records)
            (guides, listing.reads) = (reader.siteGuides, reader.facts)
        }
        if guides != listing.parts.map({ $0.guide! }) {
            // A guide added, removed or moved: the parts of the others are kept.
            var old: [GuideID: Int] = [:]
            for (place, part) in listing.parts.enumerated() { old[part.guide!] = place }
            var parts: [OutputListings.Part] = []
            for guide in guides {
                if let place = old.removeValue(forKey: guide) {
                    parts.append(OutputListings.Part(guide: guide))
                    swap(&parts[parts.count - 1], &listing.parts[place])
                    _ = update(&parts[parts.count - 1], kind: index, whole: false, identities: &identities)
                } else {
                    parts.append(OutputListings.Part(guide: guide))
                    _ = update(&parts[parts.count - 1], kind: index, whole: true, identities: &identities)
                }
            }
            listing.parts = parts
            // The parts' order is their outputs' order, and the parts of guides removed are gone.
            moved = true
            return true
        }
        var changedParts = false
        for part in listing.parts.indices where update(&listing.parts[part], kind: index, whole: first, identities: &identities) {
            changedParts = true
        }
        return changedParts
    }

    /// Lists `part` again where what it read changed (`whole`: all of it,
    /// as the first time); returns whether its outputs changed.
    private mutating func update(_ part: inout OutputListings.Part, kind index: Int, whole: Bool, identities: inout Identities) -> Bool {
        // Made only for a part that is listed again: most parts are not.
        lazy var reader = Reader(snapshot, records: records)
        func list(_ items: [OutputKind.Item]) -> [Output] {
            items.map { Output(location: $0.path, kind: index, subject: $0.subject, id: identities.output(kind: index, subject: $0.subject)) }
        }
        func replaceAll(_ outputs: [Output], reads: [Fact]) {
            if !moved, part.outputs.count != outputs.count || zip(part.outputs, outputs).contains(where: { $0.location != $1.location }) {
                moved = true
            }
            fresh += outputs
            part.outputs = outputs
            part.reads = reads
        }
        switch OutputKind.all[index].listing {
        case .site(let outputs):
            guard whole || stale(part.reads) else { return false }
            replaceAll(list(outputs(reader)), reads: reader.facts)
        case .ofPages(let outputs):
            guard whole || pagesMoved || stale(part.reads) else { return false }
            replaceAll(list(outputs(pageRoutes, reader)), reads: reader.facts)
        case .perGuide(let outputs):
            guard whole || stale(part.reads) else { return false }
            replaceAll(list(outputs(part.guide!, reader)), reads: reader.facts)
        case .byItem(_, let items, let outputs):
            let keepsItems = !whole && part.items != nil && !stale(part.reads)
            if keepsItems, let changed, let records = part.items, !records.anyStale(changed) { return false }
            let subjects = keepsItems ? part.items!.subjects : items(part.guide, reader)
            let readsOfItems = keepsItems ? part.reads : reader.facts
            if !keepsItems {
                var unused: [Fact] = []
                reader.restart(movingReadsTo: &unused)
            }
            func listed(_ subject: Int32) -> OutputListings.ItemRecords.Listed {
                var item = OutputListings.ItemRecords.Listed(subject: subject, outputs: list(outputs(subject, reader)), reads: [])
                reader.restart(movingReadsTo: &item.reads)
                return item
            }
            guard !whole, let changed, var records = part.items, let edits = Self.edits(from: records, to: subjects, changed) else {
                // Listed whole.
                var records = OutputListings.ItemRecords()
                var all: [Output] = []
                all.reserveCapacity(subjects.count)
                for subject in subjects {
                    let item = listed(subject)
                    all += item.outputs
                    if self.records { records.append(item) }
                }
                replaceAll(all, reads: readsOfItems)
                part.items = self.records ? records : nil
                return true
            }
            part.reads = readsOfItems
            if edits.isEmpty { return false }
            // `records` alone holds them now, so they change in place.
            part.items = nil
            // From the last, so that the ranges of those before stay where they are.
            for edit in edits.reversed() {
                let new = edit.new.map(listed)
                let added = new.flatMap(\.outputs)
                if !moved {
                    // By index: a slice of the outputs would keep their array from changing in place.
                    let removed = records.outputs(of: edit.old)
                    moved = removed.count != added.count || zip(removed, added).contains { part.outputs[$0].location != $1.location }
                }
                fresh += added
                records.replace(edit.old, with: new, in: &part.outputs)
            }
            part.items = records
        }
        return true
    }

    /// The edits that make the items of `records` those of `subjects`: each a
    /// range of items before and the subjects listed again in its place.
    /// An item is kept where it was listed before, after the items kept
    /// before it, and its reads did not change; the others are listed again.
    /// Nil past `maximumEdits`: the part is then listed whole.
    private static func edits(from records: OutputListings.ItemRecords, to subjects: [Int32], _ changed: FactSet) -> [(old: Range<Int>, new: [Int32])]? {
        let before = records.subjects
        let places = Realignment(previous: before, idCount: Int(max(before.max() ?? 0, subjects.max() ?? 0)) + 1)
        var edits: [(old: Range<Int>, new: [Int32])] = []
        var next = 0
        var pending: [Int32] = []
        for subject in subjects {
            if let place = places.place(of: subject), place >= next, !records.isStale(place, changed) {
                if place > next || !pending.isEmpty {
                    edits.append((next..<place, pending))
                    if edits.count > maximumEdits { return nil }
                    pending = []
                }
                next = place + 1
            } else {
                pending.append(subject)
            }
        }
        if next < before.count || !pending.isEmpty { edits.append((next..<before.count, pending)) }
        return edits.count > maximumEdits ? nil : edits
    }
}

/// Outputs in groups (a kind's each, as `OutputListings` keeps them), indexed
/// as one list.
struct OutputSequence: RandomAccessCollection, Sendable {
    private let groups: [[Output]]
    /// Where each group starts in the list, and the end.
    private let starts: [Int]

    init(_ groups: [[Output]]) {
        self.groups = groups
        var starts = [0]
        for group in groups { starts.append(starts.last! + group.count) }
        self.starts = starts
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.last! }

    subscript(index: Int) -> Output {
        // The last group that starts at or before `index`.
        var (low, high) = (0, groups.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return groups[low][index - starts[low]]
    }
}

/// Every output rendered so far, by output id, with what it read, and who read what.
struct OutputTable: Sendable {
    private(set) var records: [OutputRecord?] = []
    private var dependents = Dependents()

    subscript(id: Int32) -> OutputRecord? {
        Int(id) < records.count ? records[Int(id)] : nil
    }

    mutating func set(_ id: Int32, _ record: OutputRecord?) {
        let index = Int(id)
        if index >= records.count { records.append(contentsOf: repeatElement(nil, count: index + 1 - records.count)) }
        dependents.update(id, reads: record?.reads ?? [], previously: records[index]?.reads ?? [])
        records[index] = record
    }

    /// Whether `output` is listed as it is, at the same place.
    func lists(_ output: Output) -> Bool {
        Int(output.id) < records.count && records[Int(output.id)]?.output == output
    }

    /// Ids of the outputs that read a fact of `changed`.
    mutating func readers(of changed: FactSet) -> [Int32] {
        let records = self.records
        return dependents.readers(of: changed) { Int($0) < records.count ? records[Int($0)]?.reads ?? [] : [] }
    }
}

/// An output and the facts it read when it was last rendered.
struct OutputRecord: Sendable {
    var output: Output
    var reads: [Fact]
}

/// Which outputs a rebuild renders: those that read a fact that changed,
/// those new or now at another path; and which files it deletes.
struct OutputPlan {
    var dirty: [Output] = []
    var removed: [String] = []
    var listings: OutputListings
    var pageRoutes: [String]

    init(_ next: inout BuildState, changed: inout FactSet) {
        // Taken from the state, so that they change in place.
        var listings = OutputListings()
        swap(&listings, &next.listings)
        let snapshot = SiteSnapshot(model: next.model, derived: next.derived, identities: next.identities, templates: next.renderTemplates)
        let relisted = listings.update(snapshot, identities: &next.identities, changed: changed, records: true)
        self.listings = listings
        pageRoutes = listings.pageRoutes
        if listings.pagesMoved { changed.insert(.pageList, 0) }

        var dirtyIDs = Set(next.outputs.readers(of: changed))
        // The outputs listed again that are new or at another path, by id; the others are as their records say.
        var fresh: [Int32: Output] = [:]
        var moved: [String] = []
        var gone: [String] = []
        if !relisted.isEmpty {
            var current = [Bool](repeating: false, count: next.identities.outputCount)
            // Ids read by index, not outputs copied (each copy retains its path's strings).
            listings.forEachOutput { current[Int($0.id)] = true }
            for part in relisted {
                for index in part.outputs.indices where !next.outputs.lists(part.outputs[index]) {
                    // New, or at another path now.
                    let id = part.outputs[index].id
                    dirtyIDs.insert(id)
                    fresh[id] = part.outputs[index]
                    if let old = next.outputs[id]?.output { moved.append(old.path) }
                }
            }
            for index in next.outputs.records.indices where !current[index] {
                guard let path = next.outputs.records[index]?.output.path else { continue }
                gone.append(path)
                next.outputs.set(Int32(index), nil)
            }
        }
        // A path taken over by another output (a guide's feed at the site's, a slug passed on) stays.
        if !moved.isEmpty || !gone.isEmpty {
            let candidates = Set(moved + gone)
            let lengths = Set(candidates.map(\.utf8.count))
            // Only the paths of outputs whose path has a candidate's length are made.
            var taken = Set<String>()
            listings.forEachOutput { output in
                if lengths.contains(output.location.length), candidates.contains(output.path) { taken.insert(output.path) }
            }
            removed = candidates.subtracting(taken).sorted()
        }
        let records = next.outputs
        dirty = dirtyIDs.sorted().compactMap { fresh[$0] ?? records[$0]?.output }
        if ProcessInfo.processInfo.environment["GUIDE_EXPLAIN"] != nil { explain(next.outputs, changed) }
    }

    /// With `GUIDE_EXPLAIN` set, says on standard error why each output is rendered again.
    private func explain(_ records: OutputTable, _ changed: FactSet) {
        for output in dirty {
            let why = records[output.id].map { record in
                record.reads.filter { changed.contains($0) }.prefix(4).map { "\($0.aspect) \($0.id)" }.joined(separator: ", ")
            } ?? "new"
            FileHandle.standardError.write(Data("render \(output.path): \(why.isEmpty ? "moved" : why)\n".utf8))
        }
    }
}
