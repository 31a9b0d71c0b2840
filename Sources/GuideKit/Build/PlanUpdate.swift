/// A rebuild's plan: the new plan, and which of its pages to render again.
struct PlanUpdate {
    var plan: SitePlan
    var planner: PagePlanner
    /// Indices into `plan.pages`.
    var pagesToRender: [Int]
    /// How many pages were planned again.
    var pagesPlanned: Int
    /// Paths a partial update no longer produces; nil after a full plan.
    private var removed: [String]?

    /// Output paths to delete: those of `previousPaths` the new plan does not produce.
    func removedPaths(previousPaths: some Collection<String>) -> [String] {
        if let removed { return removed }
        let produced = Set(plan.pages.map(\.path) + plan.files.map(\.path) + plan.copies.map(\.path))
        return previousPaths.filter { !produced.contains($0) }.sorted()
    }

    /// Every page planned again; rendered when its context or a template it uses
    /// changed (its site's counts only when its templates read them).
    static func full(_ previous: BuildSession.State, guide: Guide, inputs: SiteBuilder.Inputs,
                     changedTemplates: Set<String>) -> PlanUpdate {
        let (plan, planner) = BuildSteps.plan(guide, config: inputs.config, templates: inputs.templates,
                                              content: inputs.content, assets: inputs.assets)
        var closures: [String: Bool] = [:]
        func usesChangedTemplate(_ template: String) -> Bool {
            if changedTemplates.isEmpty { return false }
            if let known = closures[template] { return known }
            let uses = !TemplateReferences.closure(of: template, sources: inputs.templates.sources).isDisjoint(with: changedTemplates)
            closures[template] = uses
            return uses
        }
        var countsReaders: [String: Bool] = [:]
        func mayReadCounts(_ template: String) -> Bool {
            if let known = countsReaders[template] { return known }
            let reads = TemplateReferences.mayRead("counts", rendering: template, sources: inputs.templates.sources)
            countsReaders[template] = reads
            return reads
        }
        let oldPages = Dictionary(previous.plan.pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let render = plan.pages.indices.filter { index in
            let page = plan.pages[index]
            guard let old = oldPages[page.path] else { return true }
            if usesChangedTemplate(page.template) || old.kind != page.kind { return true }
            return mayReadCounts(page.template) ? old.context != page.context : !old.context.equalsIgnoringSiteCounts(page.context)
        }
        return PlanUpdate(plan: plan, planner: planner, pagesToRender: render, pagesPlanned: plan.pages.count, removed: nil)
    }

    /// Only the pages that show what `changes` changed, planned again; the
    /// others keep their previous context. Templates and configuration are
    /// the previous build's. The previous plan is taken and changed in place.
    static func partial(_ previous: inout BuildSession.State, guide: Guide, changes: GuideChanges,
                        content: ContentSource, assets: [PlannedCopy]) -> PlanUpdate {
        let (planner, nodes) = previous.planner.updated(to: guide, changes: changes, content: content)
        let affected = AffectedPages(old: previous.guide, new: guide, changes: changes, nodes: nodes)
        let order = planner.order
        var plan = SitePlan()
        swap(&plan, &previous.plan)
        var related = affected.papers.isEmpty ? nil : RelatedPapers(paperCount: guide.papers.count)
        var render: [Int] = []
        var planned = 0
        var oldPaths: [String] = []
        var moved: [(Int, PlannedPage)] = []

        func replan(_ index: Int, _ page: PlannedPage) {
            let old = plan.pages[index]
            if old.path != page.path {
                oldPaths.append(old.path)
                moved.append((index, page))
            }
            if old != page { render.append(index) }
            plan.pages[index] = page
            planned += 1
        }
        if affected.home { replan(order.home, planner.home()) }
        for topic in affected.topics.sorted() { replan(order.topic(topic), planner.topic(topic)) }
        if affected.papersList {
            for (offset, page) in planner.paperLists().enumerated() { replan(order.paperList(offset + 1), page) }
        }
        for paper in affected.papers.sorted() { replan(order.paper(paper), planner.paper(paper, related: &related!)) }
        if affected.authorsList { replan(order.authorsList, planner.authors()) }
        for author in affected.authors.sorted() { replan(order.author(author), planner.author(author)) }

        plan.generated?.update(guide, changes: changes, moved: moved, routes: planner.links.routes, modified: content.guideModified)
        plan.files = plan.generated?.files ?? plan.files

        let oldCopies = Set(plan.copies.map(\.path))
        plan.copies = planner.figureCopies + assets
        plan.warnings = planner.warnings
        let newPaths = Set(moved.map(\.1.path))
        let removed = oldPaths.filter { !newPaths.contains($0) } + oldCopies.subtracting(plan.copies.map(\.path)).sorted()
        return PlanUpdate(plan: plan, planner: planner, pagesToRender: render, pagesPlanned: planned, removed: removed)
    }
}

/// The pages an edit reaches, from the entities it changed and the shared
/// nodes that changed with them. Errs on the side of planning a page again:
/// a page whose context comes out the same is not rendered.
struct AffectedPages {
    var home = false
    var papersList = false
    var authorsList = false
    var topics: Set<Int> = []
    var papers: Set<Int> = []
    var authors: Set<Int> = []

    init(old: Guide, new: Guide, changes: GuideChanges, nodes: NodeChanges) {
        home = !nodes.topicCards.isEmpty || !nodes.cards.isEmpty || !nodes.figures.isEmpty
        papersList = !nodes.cards.isEmpty
        authorsList = !nodes.authorLinks.isEmpty

        // A topic page: the topic, its neighbours' links, its papers' cards, its figures.
        topics = changes.topics
        for topic in nodes.topicLinks {
            if topic > 0 { topics.insert(topic - 1) }
            if topic + 1 < new.topics.count { topics.insert(topic + 1) }
        }
        for paper in nodes.cards { if let topic = new.papers[paper].topic { topics.insert(topic) } }
        for figure in nodes.figures { if let topic = new.figures[figure].topic { topics.insert(topic) } }

        // A paper page: its card, its authors (their names, and their other
        // papers for "More by these authors"), those papers' links, its figures.
        papers = nodes.cards
        for author in changes.authors {
            papers.formUnion(old.authors[author].papers)
            papers.formUnion(new.authors[author].papers)
        }
        for paper in nodes.paperLinks {
            for author in new.papers[paper].authors { papers.formUnion(new.authors[author].papers) }
        }
        for figure in nodes.figures {
            if let paper = old.figures[figure].paper { papers.insert(paper) }
            if let paper = new.figures[figure].paper { papers.insert(paper) }
        }

        // An author page: the author, their papers' cards, their co-authors'
        // links (a co-author's link changing changes the cards they share).
        authors = changes.authors
        for paper in nodes.cards { authors.formUnion(new.papers[paper].authors) }
    }
}
