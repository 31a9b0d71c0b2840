import Foundation

/// The outputs of a build, kind by kind (`OutputKind.all`), each kind's list
/// with what listing it read: a rebuild lists a kind again only when that
/// changed, and a kind listed guide by guide only the guides whose list did.
struct OutputListings: Sendable {
    /// Outputs listed together, and what listing them read.
    struct Part: Sendable {
        /// The guide, for a kind listed per guide.
        var guide: GuideID?
        var outputs: [Output]
        var reads: [Fact]
    }

    struct Listing: Sendable {
        /// For a kind listed per guide, what listing its guides read; else nothing.
        var reads: [Fact] = []
        var parts: [Part] = []
        /// The parts' outputs, in order.
        var outputs: [Output] = []
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
    var outputs: [Output] { kinds.flatMap(\.outputs) }

    /// Every output, in order, without copying them into one list (20 MB at
    /// 100,000 papers, at a build's peak).
    var all: OutputSequence { OutputSequence(kinds.map(\.outputs)) }

    /// Lists again what read a fact of `changed` (everything the first time);
    /// returns what it listed again, by kind. Kinds made from the list of
    /// pages (`OutputKind.Listing.ofPages`) are listed last, again when a page
    /// moved.
    mutating func update(_ snapshot: SiteSnapshot, identities: inout Identities, changed: FactSet?, records: Bool) -> [Relisted] {
        var relisted: [Relisted] = []
        let first = kinds.isEmpty
        if first { kinds = Array(repeating: Listing(), count: OutputKind.all.count) }
        func stale(_ reads: [Fact]) -> Bool { changed.map { $0.intersects(reads) } ?? true }
        func list(_ index: Int, _ items: [OutputKind.Item]) -> [Output] {
            items.map { Output(location: $0.path, kind: index, subject: $0.subject, id: identities.output(kind: index, subject: $0.subject)) }
        }
        pagesMoved = first
        for ofPages in [false, true] {
            if ofPages, pagesMoved {
                pageRoutes = kinds.indices.filter { OutputKind.all[$0].page != nil }.flatMap { kinds[$0].outputs.map(\.location.route) }
            }
            for index in OutputKind.all.indices where OutputKind.all[index].listing.isOfPages == ofPages {
                let old = first ? nil : kinds[index]
                var listing = Listing()
                var fresh: [Output] = []
                switch OutputKind.all[index].listing {
                case .site(let outputs):
                    if let old, !stale(old.parts[0].reads) { continue }
                    let reader = Reader(snapshot, records: records)
                    fresh = list(index, outputs(reader))
                    listing.parts = [Part(guide: nil, outputs: fresh, reads: reader.facts)]
                case .ofPages(let outputs):
                    if let old, !pagesMoved, !stale(old.parts[0].reads) { continue }
                    let reader = Reader(snapshot, records: records)
                    fresh = list(index, outputs(pageRoutes, reader))
                    listing.parts = [Part(guide: nil, outputs: fresh, reads: reader.facts)]
                case .perGuide(let outputs):
                    let guides: [GuideID]
                    if let old, !stale(old.reads) {
                        (guides, listing.reads) = (old.parts.map { $0.guide! }, old.reads)
                    } else {
                        let reader = Reader(snapshot, records: records)
                        (guides, listing.reads) = (reader.siteGuides, reader.facts)
                    }
                    var kept: [GuideID: Part] = [:]
                    for part in old?.parts ?? [] { kept[part.guide!] = part }
                    // Unchanged when every guide keeps its part, in the same order.
                    var unchanged = old?.parts.map { $0.guide! } == guides
                    for guide in guides {
                        if let part = kept[guide], !stale(part.reads) {
                            listing.parts.append(part)
                            continue
                        }
                        let reader = Reader(snapshot, records: records)
                        let outputs = list(index, outputs(guide, reader))
                        fresh += outputs
                        unchanged = false
                        listing.parts.append(Part(guide: guide, outputs: outputs, reads: reader.facts))
                    }
                    if unchanged { continue }
                }
                listing.outputs = listing.parts.count == 1 ? listing.parts[0].outputs : listing.parts.flatMap(\.outputs)
                kinds[index] = listing
                relisted.append(Relisted(kind: index, outputs: fresh))
                if OutputKind.all[index].page != nil, let old, !pagesMoved {
                    // Locations, not paths: a path is made by joining two strings.
                    pagesMoved = listing.outputs.count != old.outputs.count
                        || zip(listing.outputs, old.outputs).contains { $0.location != $1.location }
                }
            }
        }
        return relisted
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

    init(_ next: inout BuildState, previous: Rebuild.Replaced, changed: inout FactSet) {
        var listings = previous.listings
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
            for kind in listings.kinds { for index in kind.outputs.indices { current[Int(kind.outputs[index].id)] = true } }
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
            let taken = Set(listings.kinds.lazy.flatMap(\.outputs)
                .filter { lengths.contains($0.location.length) }.map(\.path).filter(candidates.contains))
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
