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
    /// the first time); returns whether any was listed again.
    mutating func update(_ snapshot: SiteSnapshot, identities: inout Identities, changed: FactSet?, records: Bool) -> Bool {
        var listed = false
        for index in OutputKind.all.indices {
            if let changed, index < kinds.count, !changed.intersects(kinds[index].reads) { continue }
            let reader = Reader(snapshot, records: records)
            let outputs = OutputKind.all[index].outputs(reader).map { item in
                Output(kind: index, subject: item.subject, path: item.path,
                       id: identities.outputs.raw(OutputKey(kind: index, subject: item.subject)))
            }
            let listing = Listing(outputs: outputs, reads: reader.facts)
            if index < kinds.count { kinds[index] = listing } else { kinds.append(listing) }
            listed = true
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
        if index >= records.count { records += Array(repeating: nil, count: index + 1 - records.count) }
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

    init(_ next: inout BuildState, previous: BuildState, changed: inout FactSet) {
        listings = previous.listings
        let snapshot = SiteSnapshot(model: next.model, derived: next.derived, identities: next.identities, templates: next.renderTemplates)
        let listed = listings.update(snapshot, identities: &next.identities, changed: changed, records: true)
        pagePaths = listed ? listings.pagePaths : previous.pagePaths
        if pagePaths != previous.pagePaths { changed.insert(.pageList, 0) }

        var dirtyIDs = Set(next.outputs.readers(of: changed))
        if listed {
            // Paths no longer produced are deleted; another output may be at a
            // path now (a guide's feed at the site's, a slug passed on).
            let paths = Set(listings.outputs.map(\.path))
            var current = [Bool](repeating: false, count: next.identities.outputs.count)
            for output in listings.outputs {
                current[Int(output.id)] = true
                guard let old = next.outputs[output.id]?.output, old == output else {
                    dirtyIDs.insert(output.id)
                    if let old = next.outputs[output.id]?.output, !paths.contains(old.path) { removed.append(old.path) }
                    continue
                }
            }
            for record in next.outputs.records.compactMap({ $0 }) where !current[Int(record.output.id)] {
                if !paths.contains(record.output.path) { removed.append(record.output.path) }
                next.outputs.set(record.output.id, nil)
            }
            let byID = Dictionary(uniqueKeysWithValues: listings.outputs.map { ($0.id, $0) })
            dirty = dirtyIDs.sorted().compactMap { byID[$0] }
        } else {
            dirty = dirtyIDs.sorted().compactMap { next.outputs[$0]?.output }
        }
        removed.sort()
    }
}
