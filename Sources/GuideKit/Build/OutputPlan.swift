import Foundation

/// The outputs of a build, kind by kind (`OutputKind.all`), each kind's list
/// with what listing it read: a rebuild lists a kind again only when that changed.
struct OutputListings: Sendable {
    struct Listing: Sendable {
        var outputs: [Output]
        var reads: [Fact]
    }

    private(set) var kinds: [Listing] = []

    /// Every output, in order.
    var outputs: [Output] { kinds.flatMap(\.outputs) }

    /// The paths of every page, in order: what the sitemap lists.
    var pagePaths: [String] {
        kinds.indices.filter { OutputKind.all[$0].page != nil }.flatMap { kinds[$0].outputs.map(\.path) }
    }

    /// Lists again the kinds whose listing read a fact of `changed` (every kind
    /// the first time); returns the kinds listed again.
    mutating func update(_ snapshot: SiteSnapshot, identities: inout Identities, changed: FactSet?, records: Bool) -> [Int] {
        var listed: [Int] = []
        for index in OutputKind.all.indices {
            if let changed, index < kinds.count, !changed.intersects(kinds[index].reads) { continue }
            let reader = Reader(snapshot, records: records)
            let outputs = OutputKind.all[index].outputs(reader).map { item in
                Output(kind: index, subject: item.subject, path: item.path,
                       id: identities.output(kind: index, subject: item.subject))
            }
            let listing = Listing(outputs: outputs, reads: reader.facts)
            if index < kinds.count { kinds[index] = listing } else { kinds.append(listing) }
            listed.append(index)
        }
        return listed
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
    var pagePaths: [String]

    init(_ next: inout BuildState, previous: Rebuild.Replaced, changed: inout FactSet) {
        var listings = previous.listings
        let snapshot = SiteSnapshot(model: next.model, derived: next.derived, identities: next.identities, templates: next.renderTemplates)
        let relisted = listings.update(snapshot, identities: &next.identities, changed: changed, records: true)
        self.listings = listings
        let pagesMoved = relisted.contains { kind in
            guard OutputKind.all[kind].page != nil else { return false }
            let (new, old) = (listings.kinds[kind].outputs, previous.listings.kinds[kind].outputs)
            return new.count != old.count || zip(new, old).contains { $0.path != $1.path }
        }
        pagePaths = pagesMoved ? listings.pagePaths : previous.pagePaths
        if pagesMoved { changed.insert(.pageList, 0) }

        var dirtyIDs = Set(next.outputs.readers(of: changed))
        // The outputs of the kinds listed again, by id; the others are as their records say.
        var byID = [Output?](repeating: nil, count: next.identities.outputCount)
        for kind in relisted { for output in listings.kinds[kind].outputs { byID[Int(output.id)] = output } }
        var moved: [String] = []
        var gone: [String] = []
        if !relisted.isEmpty {
            var current = [Bool](repeating: false, count: next.identities.outputCount)
            for kind in listings.kinds { for output in kind.outputs { current[Int(output.id)] = true } }
            for kind in relisted {
                for output in listings.kinds[kind].outputs {
                    guard let old = next.outputs[output.id]?.output, old == output else {
                        // New, or at another path now.
                        dirtyIDs.insert(output.id)
                        if let old = next.outputs[output.id]?.output { moved.append(old.path) }
                        continue
                    }
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
            let taken = Set(listings.kinds.lazy.flatMap(\.outputs).map(\.path)
                .filter { lengths.contains($0.utf8.count) && candidates.contains($0) })
            removed = candidates.subtracting(taken).sorted()
        }
        let records = next.outputs
        dirty = dirtyIDs.sorted().compactMap { byID[Int($0)] ?? records[$0]?.output }
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
