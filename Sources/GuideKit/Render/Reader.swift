import Mustache

/// Everything a build has made before rendering: the site model, the derived
/// values computed so far, the identities and the templates. Immutable; shared
/// by every `Reader` of one step.
final class SiteSnapshot: Sendable {
    let model: SiteModel
    let derived: DerivedValues
    let identities: Identities
    let templates: RenderTemplates
    /// The routes of every page (`papers/x/`, `404.html`), in order: what the sitemap lists. Known once outputs are listed.
    let pageRoutes: [String]
    /// The parts of large files made by earlier rebuilds of a session.
    let fileParts: FilePartCache?
    /// The model's tables and the derived values, in place (`SiteTables`).
    let tables: SiteTables
    /// By derived aspect: where its values are (`[Value?]`) and how many.
    private let derivedValues: [RawTable]

    private struct RawTable: @unchecked Sendable {
        var base: UnsafeRawPointer?
        var count: Int
    }

    init(model: SiteModel, derived: DerivedValues, identities: Identities, templates: RenderTemplates,
         pageRoutes: [String] = [], fileParts: FilePartCache? = nil) {
        self.fileParts = fileParts
        self.model = model
        self.derived = derived
        self.identities = identities
        self.templates = templates
        self.pageRoutes = pageRoutes
        tables = SiteTables(self.model)
        var views = [RawTable](repeating: RawTable(base: nil, count: 0), count: Aspect.allCases.count)
        for derivation in Derivations.all {
            let (base, count) = derivation.values(in: self.derived)
            views[Int(derivation.aspect.rawValue)] = RawTable(base: base, count: count)
        }
        derivedValues = views
    }

    /// A derived value, read in place.
    func derived<Value>(_ derivation: Derivation<Value>, _ id: Int32) -> Value? {
        let table = derivedValues[Int(derivation.aspect.rawValue)]
        guard let base = table.base, id >= 0, Int(id) < table.count else { return nil }
        return base.assumingMemoryBound(to: Value?.self)[Int(id)]
    }

    /// Appends the derived values of `ids`, read in place, to `values`, skipping ids without one.
    func appendDerived<Value, Entity>(_ derivation: Derivation<Value>, _ ids: [ID<Entity>], to values: inout [Value]) {
        let table = derivedValues[Int(derivation.aspect.rawValue)]
        guard let base = table.base else { return }
        let stored = base.assumingMemoryBound(to: Value?.self)
        for id in ids where id.raw >= 0 && Int(id.raw) < table.count {
            if let value = stored[Int(id.raw)] { values.append(value) }
        }
    }

    /// The derived values of `ids`, read in place.
    func derived<Value, Entity>(_ derivation: Derivation<Value>, _ ids: ArraySlice<ID<Entity>>) -> [Value?] {
        let table = derivedValues[Int(derivation.aspect.rawValue)]
        guard let base = table.base else { return ids.map { _ in nil } }
        let values = base.assumingMemoryBound(to: Value?.self)
        return ids.map { $0.raw >= 0 && Int($0.raw) < table.count ? values[Int($0.raw)] : nil }
    }
}

/// The one way outputs and derived values read the site. Every read records
/// the fact it read (`Fact`: an aspect of one entity, a derived value, a
/// template); a rebuild redoes exactly what read a fact that changed. Template
/// contexts (`Render/Views`) hold a reader and an id and read on lookup, so
/// what a page depends on is what its templates looked at, not a list kept by
/// hand.
///
/// One reader per computation (a page, a fragment, a derived value), on one thread.
final class Reader {
    let snapshot: SiteSnapshot
    /// Derived values of aspects below this one may be read; the others are
    /// still being computed (a fragment cannot show itself or what comes after it).
    private let available: Aspect?
    private let records: Bool
    private var recorded: [Fact] = []

    /// - Parameters:
    ///   - computing: the derived aspect being computed, nil for an output.
    ///   - records: record reads (for rebuilds); a one-off build need not.
    init(_ snapshot: SiteSnapshot, computing: Aspect? = nil, records: Bool) {
        self.snapshot = snapshot
        self.available = computing
        self.records = records
    }

    /// The facts read so far, each once, sorted. (Sorted, then kept where
    /// they differ from the one before: a set of them first hashed every
    /// fact, 50,000 of them when a guide of 10,000 papers lists its outputs.)
    var facts: [Fact] {
        var facts = recorded
        facts.sort()
        var kept = 0
        for index in facts.indices where kept == 0 || facts[kept - 1] != facts[index] {
            facts[kept] = facts[index]
            kept += 1
        }
        facts.removeLast(facts.count - kept)
        return facts
    }

    /// Adds the facts read so far to `facts`, as read (unsorted, maybe
    /// twice), and starts afresh: what the reader reads from here on is
    /// recorded anew, as by a reader of its own. (One reader lists a guide's
    /// items one by one: a reader for each would cost more than the listing.)
    func restart(movingReadsTo facts: inout [Fact]) {
        facts += recorded
        recorded.removeAll(keepingCapacity: true)
        cachedSite = nil
    }

    func record(_ aspect: Aspect, _ id: Int32) {
        if records { recorded.append(Fact(aspect, id)) }
    }

    /// A value of a table of the model, recorded under the table's aspect.
    /// (Callers pass the table itself, `snapshot.model.papers`: a key path
    /// would copy the whole model on every read.)
    @inline(__always)
    private func read<Value>(_ table: TableView<Box<Value>?>, _ id: Int32) -> Box<Value> {
        record(table.aspect, id)
        return table[id]!
    }

    /// The derived HTML of `ids` joined by `separator`, each recorded: a list's
    /// fragments in one string, sized before it is written.
    func joined<Entity>(_ derivation: Derivation<String>, _ ids: [ID<Entity>], separator: String) -> String {
        guard canRead(derivation) else { return "" }
        var size = separator.utf8.count * max(0, ids.count - 1)
        for id in ids {
            record(derivation.aspect, id.raw)
            size += snapshot.derived(derivation, id.raw)?.utf8.count ?? 0
        }
        var html = ""
        html.reserveCapacity(size)
        for (index, id) in ids.enumerated() {
            if index > 0 { html += separator }
            if let part = snapshot.derived(derivation, id.raw) { html += part }
        }
        return html
    }

    /// Records reads of the values of `ids` without reading them here: for an
    /// output that reads them later, through readers that record nothing (a
    /// file made part by part).
    func recordReads<Value, Entity>(_ derivation: Derivation<Value>, _ ids: [ID<Entity>]) {
        guard records, canRead(derivation) else { return }
        recorded.reserveCapacity(recorded.count + ids.count)
        for id in ids { recorded.append(Fact(derivation.aspect, id.raw)) }
    }

    /// Records reads of the values of `ids` in a table of the model without
    /// reading them: for a value updated from what changed alone (`Derivation.update`).
    func recordReads<Value, Entity>(_ table: TableView<Box<Value>?>, _ ids: [ID<Entity>]) {
        guard records else { return }
        recorded.reserveCapacity(recorded.count + ids.count)
        for id in ids { recorded.append(Fact(table.aspect, id.raw)) }
    }

    /// Whether `derivation`'s values are computed at this point of the build.
    /// Values only some derivations read must not be read by others or by
    /// outputs: a build lets them go after their last reader (`Readers.derivations`).
    private func canRead<Value>(_ derivation: Derivation<Value>) -> Bool {
        precondition(derivation.readers.allow(available),
                     "\(available.map { "the derivation of \($0)" } ?? "an output") reads \(derivation.aspect), which it may not")
        guard let available else { return true }
        return derivation.aspect.rawValue < available.rawValue
    }

    /// A derived value, recorded; nil when it is not computed yet at this point of the build.
    func derived<Value>(_ derivation: Derivation<Value>, _ id: Int32) -> Value? {
        derived(derivation, id, part: Fact(derivation.aspect, id))
    }

    /// A derived value of which only a part is read, recorded as that part's
    /// fact (`Derivation.changes` reports a change part by part); nil when it
    /// is not computed yet at this point of the build.
    /// A value kept only for rebuilds (`Derivation.keptOnlyForRebuilds`) is
    /// made here in a build that keeps none, its reads recorded as this reader's.
    func derived<Value>(_ derivation: Derivation<Value>, _ id: Int32, part: Fact) -> Value? {
        guard canRead(derivation) else { return nil }
        if derivation.keptOnlyForRebuilds && !snapshot.derived.forRebuilds {
            return derivation.compute(id, self, DerivationScratch(), nil)
        }
        record(part.aspect, part.id)
        return snapshot.derived(derivation, id)
    }

    /// The derived values of `ids`, each as `derived(_:_:)` reads one.
    /// (A derivation passed once, not once per id: reading ten thousand texts
    /// one by one through `CitationFiles.Format.derivation` copied its closures
    /// each time, a third of making a guide's `papers.*` in a rebuild.)
    func derived<Value, Entity>(_ derivation: Derivation<Value>, _ ids: ArraySlice<ID<Entity>>) -> [Value?] {
        guard canRead(derivation) else { return ids.map { _ in nil } }
        if derivation.keptOnlyForRebuilds && !snapshot.derived.forRebuilds {
            return ids.map { derivation.compute($0.raw, self, DerivationScratch(), nil) }
        }
        for id in ids { record(derivation.aspect, id.raw) }
        return snapshot.derived(derivation, ids)
    }

    /// Appends the derived values of `ids` to `values`, each read as
    /// `derived(_:_:)` reads one, skipping ids without one: without the list
    /// of optionals `derived(_:_:)` makes first, each value is copied once,
    /// not twice (the search index reads every document of the site on every edit).
    func appendDerived<Value, Entity>(_ derivation: Derivation<Value>, _ ids: [ID<Entity>], to values: inout [Value]) {
        guard canRead(derivation) else { return }
        if derivation.keptOnlyForRebuilds && !snapshot.derived.forRebuilds {
            for id in ids { values.append(derivation.compute(id.raw, self, DerivationScratch(), nil)) }
            return
        }
        for id in ids { record(derivation.aspect, id.raw) }
        snapshot.appendDerived(derivation, ids, to: &values)
    }

    /// Renders `template` (its partials and parents recorded as read); nil when it does not exist.
    func render(_ template: String, _ context: Any) -> String? {
        if records { for fact in snapshot.templates.facts(of: template) { record(fact.aspect, fact.id) } }
        guard snapshot.templates.set.contains(template) else { return nil }
        return snapshot.templates.set.render(context, template: template)
    }

    /// The routes of every page, in order.
    var pageRoutes: [String] {
        record(.pageList, 0)
        return snapshot.pageRoutes
    }

    // MARK: - The model's tables

    /// Read once per reader: every page reads it a few times.
    var site: Box<SiteInfo> {
        if let cachedSite { return cachedSite }
        let site = read(snapshot.tables.site, SiteModel.siteID)
        cachedSite = site
        return site
    }
    private var cachedSite: Box<SiteInfo>?

    var siteGuides: [GuideID] { read(snapshot.tables.siteGuides, SiteModel.siteID).value }
    var siteAuthors: [AuthorID] { read(snapshot.tables.siteAuthors, SiteModel.siteID).value }
    var sitePostings: [PostingID] { read(snapshot.tables.sitePostings, SiteModel.siteID).value }
    /// A count of the site.
    func siteCount(_ kind: CountKind) -> Int {
        switch kind {
        case .papers: read(snapshot.tables.sitePaperCount, SiteModel.siteID).value
        case .topics: read(snapshot.tables.siteTopicCount, SiteModel.siteID).value
        case .authors: read(snapshot.tables.siteAuthorCount, SiteModel.siteID).value
        case .postings: read(snapshot.tables.sitePostingCount, SiteModel.siteID).value
        case .guides: read(snapshot.tables.siteGuideCount, SiteModel.siteID).value
        }
    }

    func guide(_ id: GuideID) -> Box<GuideInfo> { read(snapshot.tables.guides, id.raw) }
    func text(of guide: GuideID) -> Box<GuideText> { read(snapshot.tables.guideTexts, guide.raw) }
    func topics(of guide: GuideID) -> [TopicID] { read(snapshot.tables.guideTopics, guide.raw).value }
    func papers(of guide: GuideID) -> [PaperID] { read(snapshot.tables.guidePapers, guide.raw).value }
    func loose(in guide: GuideID) -> LooseItems { read(snapshot.tables.guideLoose, guide.raw).value }
    /// A count of a guide (a guide counts itself as 1 guide).
    func count(_ kind: CountKind, of guide: GuideID) -> Int {
        switch kind {
        case .papers: read(snapshot.tables.guidePaperCount, guide.raw).value
        case .topics: read(snapshot.tables.guideTopicCount, guide.raw).value
        case .authors: read(snapshot.tables.guideAuthorCount, guide.raw).value
        case .postings: read(snapshot.tables.guidePostingCount, guide.raw).value
        case .guides: 1
        }
    }
    /// How many of a guide's papers file under each letter of "All papers".
    func paperLetters(of guide: GuideID) -> LetterCounts { read(snapshot.tables.guidePaperLetters, guide.raw).value }
    func modified(_ guide: GuideID) -> Date { read(snapshot.tables.guideModified, guide.raw).value }

    func topic(_ id: TopicID) -> Box<TopicInfo> { read(snapshot.tables.topics, id.raw) }
    func papers(of topic: TopicID) -> [PaperID] { read(snapshot.tables.topicPapers, topic.raw).value }

    func title(_ id: PaperID) -> Box<PaperTitle> { read(snapshot.tables.paperTitles, id.raw) }
    func paper(_ id: PaperID) -> Box<PaperInfo> { read(snapshot.tables.papers, id.raw) }

    func author(_ id: AuthorID) -> Box<AuthorInfo> { read(snapshot.tables.authors, id.raw) }
    func papers(of author: AuthorID) -> [PaperID] { read(snapshot.tables.authorPapers, author.raw).value }

    func figure(_ id: FigureID) -> Box<FigureInfo> { read(snapshot.tables.figures, id.raw) }
    func posting(_ id: PostingID) -> Box<PostingInfo> { read(snapshot.tables.postings, id.raw) }

    func extraPage(_ id: ExtraPageID) -> Box<ExtraPageInfo> { read(snapshot.tables.extraPages, id.raw) }
    func text(of page: ExtraPageID) -> Box<ExtraPageText> { read(snapshot.tables.extraPageTexts, page.raw) }
    /// Every extra page, by name.
    var sitePages: [ExtraPageID] { read(snapshot.tables.sitePages, SiteModel.siteID).value }
    /// The extra pages of the main navigation, in order.
    var siteNavPages: [ExtraPageID] { read(snapshot.tables.siteNavPages, SiteModel.siteID).value }
    /// The extra pages of a guide's navigation (on a site of several guides), in order.
    func navPages(of guide: GuideID) -> [ExtraPageID] { read(snapshot.tables.guideNavPages, guide.raw).value }

    /// The key of a paper: its guide's slug, normalised title and occurrence.
    /// Keys never change for an id, so reading one is not recorded.
    func key(of paper: PaperID) -> GuideItemKey {
        snapshot.identities.papers.key(of: paper.raw)
    }
}

import Foundation

/// The templates as rendering reads them: the set, and for each template the
/// facts of every template it uses (itself, its partials and parents), which a
/// render records.
struct RenderTemplates: Sendable {
    let set: TemplateSet
    private let factsByName: [String: [Fact]]

    init(_ set: TemplateSet, identities: inout Identities) {
        self.set = set
        var facts: [String: [Fact]] = [:]
        for name in Set(set.sources.keys).union(OutputKind.templateNames) {
            facts[name] = TemplateReferences.closure(of: name, sources: set.sources).sorted()
                .map { Fact(.template, identities.templates.raw($0)) }
        }
        factsByName = facts
    }

    /// Facts of `name` and what it uses; a template that does not exist is one fact still,
    /// so that adding it later redoes what looked for it.
    func facts(of name: String) -> [Fact] {
        factsByName[name] ?? []
    }

    /// The template facts whose text differs between two template sets.
    static func changes(from old: TemplateSet, to new: TemplateSet, identities: inout Identities) -> [Fact] {
        Set(old.sources.keys).union(new.sources.keys).filter { old.sources[$0] != new.sources[$0] }.sorted()
            .map { Fact(.template, identities.templates.raw($0)) }
    }
}
