import Foundation

/// Decides the site's pages from the guide: routes, page contexts, and the
/// generated files (sitemap, feed, robots.txt, search index).
public struct SitePlanner: Sendable {
    public var config: SiteConfig
    public var markdown: MarkdownRenderer
    /// Renders fragments (cards, links, chrome) once for every page to insert.
    let templates: TemplateSet

    public init(config: SiteConfig, templates: TemplateSet) {
        self.config = config
        self.templates = templates
        markdown = MarkdownRenderer(allowsRawHTML: config.allowsRawHTML)
    }

    public func plan(_ guide: Guide, content: ContentSource, assets: [PlannedCopy]) -> SitePlan {
        plan(guide, content: content, assets: assets).plan
    }

    /// The plan, and the page planner that made it (kept by rebuilds).
    func plan(_ guide: Guide, content: ContentSource, assets: [PlannedCopy]) -> (plan: SitePlan, pages: PagePlanner) {
        let pages = PagePlanner(guide, config: config, templates: templates, markdown: markdown, content: content)
        var plan = SitePlan()
        plan.pages = pages.all()
        let generated = GeneratedFiles(guide, pages: plan.pages, config: config, routes: pages.links.routes,
                                       modified: content.guideModified)
        plan.generated = generated
        plan.files = generated.files
        plan.copies = pages.figureCopies + assets
        plan.warnings = pages.warnings
        return (plan, pages)
    }
}

/// Plans pages one at a time from what a build shares between them: the
/// guide, the shared nodes with their fragments, figures, navigation and chrome.
/// A full build plans every page; a rebuild only those a change reaches.
struct PagePlanner: Sendable {
    private(set) var guide: Guide
    let config: SiteConfig
    let markdown: MarkdownRenderer
    let fragments: FragmentRenderer
    let site: ContextNode
    private(set) var links: SharedNodes
    private(set) var figures: [ContextNode] = []
    /// The "All papers" order.
    private(set) var alphabetical: AlphabeticalOrder
    /// Image copies for figures whose file exists.
    private(set) var figureCopies: [PlannedCopy] = []
    /// Figures whose image is missing.
    private(set) var warnings: [Diagnostic] = []
    let navs: [PlannedPage.Kind: [ContextNode]]
    let chrome: [PlannedPage.Kind: ContextNode]
    /// Where each page sits in `all()`.
    var order: PageOrder { PageOrder(guide, paperListPages: PaperListPages(guide.papers.count, perPage: config.papersPerPage).count) }

    init(_ guide: Guide, config: SiteConfig, templates: TemplateSet, markdown: MarkdownRenderer, content: ContentSource) {
        self.guide = guide
        self.config = config
        self.markdown = markdown
        let site = ContextNode(Self.siteContext(guide, config: config))
        self.site = site
        fragments = FragmentRenderer(templates: templates, site: site)
        links = SharedNodes(guide, routes: Routes(base: config.basePath), markdown: markdown, fragments: fragments)
        alphabetical = AlphabeticalOrder(guide)
        let routes = links.routes
        let navs = Dictionary(uniqueKeysWithValues: PlannedPage.Kind.allCases.map {
            ($0, Self.nav(for: $0, routes: routes, hasCareers: !guide.postings.isEmpty))
        })
        self.navs = navs
        chrome = Dictionary(uniqueKeysWithValues: PlannedPage.Kind.allCases.map { [fragments] kind in
            let context = PageChrome.Context(nav: navs[kind]!, kind: kind.rawValue)
            return (kind, ContextNode(PageChrome(fragments: [.head, .header, .footer].map { fragments.render($0, context) })))
        })
        (figures, figureCopies, warnings) = Self.figures(guide, content: content, links: links, markdown: markdown)
    }

    /// The planner for `guide`, a same-shaped edit of this one's: only the
    /// shared nodes of `changes` are built again. Returns which nodes changed.
    func updated(to guide: Guide, changes: GuideChanges, content: ContentSource) -> (PagePlanner, NodeChanges) {
        var next = self
        next.guide = guide
        let nodeChanges = next.links.update(guide, changes: changes, markdown: markdown, fragments: fragments)
        next.alphabetical.update(changes.papers, in: guide)
        (next.figures, next.figureCopies, next.warnings) = Self.figures(guide, content: content, links: next.links, markdown: markdown)
        var changed = nodeChanges
        changed.figures = Set(guide.figures.indices.filter { figures[$0] != next.figures[$0] })
        return (next, changed)
    }

    // MARK: - Pages

    /// Every page, in `PageOrder`.
    func all() -> [PlannedPage] {
        var pages = [home()]
        pages += guide.topics.indices.map(topic)
        pages += paperLists()
        pages += parallelMap(guide.papers.count, makeScratch: { RelatedPapers(paperCount: guide.papers.count) }) {
            related, index in paper(index, related: &related)
        }
        pages.append(authors())
        pages += parallelMap(guide.authors.count) { author($0) }
        if let careers = careers() { pages.append(careers) }
        pages.append(search())
        pages.append(notFound())
        return pages
    }

    private func page(_ kind: PlannedPage.Kind, _ path: String, title: String, description: String, _ body: PageBody) -> PlannedPage {
        let info = PageInfo(title: title, description: description, canonical: config.absoluteBase + path, kind: kind.rawValue)
        let context = PageContext(site: site, page: ContextNode(info), nav: navs[kind]!, chrome: chrome[kind]!, body: body)
        return PlannedPage(path: path + "index.html", kind: kind, context: context)
    }

    func home() -> PlannedPage {
        page(.home, "", title: guide.title.text, description: homeDescription, .home(ContextNode(HomeBody(
            guide: ContextNode(HomeBody.GuideView(
                preamble: guide.preamble.map { ContextNode(HomeBody.Preamble(text: $0.text.text, kind: $0.kind.rawValue)) },
                subtitle: guide.subtitle?.text ?? "",
                introHTML: markdown.html(paragraphs: guide.intro.map(\.text)))),
            topics: links.topicCards,
            papersWithoutTopic: guide.papers.indices.filter { guide.papers[$0].topic == nil }.map { links.cards[$0] },
            figuresWithoutTopic: guide.figures.indices.filter { guide.figures[$0].topic == nil }.map { figures[$0] }))))
    }

    func topic(_ index: Int) -> PlannedPage {
        let topic = guide.topics[index]
        let body = TopicBody(
            topic: ContextNode(TopicBody.TopicView(
                title: topic.title.text, url: links.topicURLs[index],
                descriptionHTML: links.topicDescriptions[index],
                papers: topic.papers.map { links.cards[$0] },
                figures: topic.figures.map { figures[$0] },
                teasers: topic.teasers.map { ContextNode(TextContext(text: guide.teasers[$0].text.text)) })),
            previous: index > 0 ? links.topicLinks[index - 1] : nil,
            next: index + 1 < guide.topics.count ? links.topicLinks[index + 1] : nil)
        return page(.topic, links.routes.topicPath(topic), title: topic.title.text,
                    description: "\(count(topic.papers.count, "paper")) on \(topic.title.text.lowercased())\(eventSuffix).",
                    .topic(ContextNode(body)))
    }

    /// The "All papers" list, A–Z, `config.papersPerPage` papers a page.
    func paperLists() -> [PlannedPage] {
        let pages = PaperListPages(guide.papers.count, perPage: config.papersPerPage)
        let urls = pages.numbers.map { links.routes.url(PaperListPages.path(of: $0)) }
        let description = "\(count(guide.papers.count, "paper"))\(eventSuffix), sorted by title."
        return pages.numbers.map { number in
            let cards = alphabetical.papers[pages.range(of: number)].map { links.cards[$0] }
            let body = PapersBody(papers: cards, count: guide.papers.count,
                                  pagination: pages.count > 1 ? ContextNode(Pagination(number: number, urls: urls)) : nil)
            let title = pages.count > 1 ? "All papers, page \(number) of \(pages.count)" : "All papers"
            return page(.papers, PaperListPages.path(of: number), title: title, description: description, .papers(ContextNode(body)))
        }
    }

    func paper(_ index: Int, related: inout RelatedPapers) -> PlannedPage {
        let paper = guide.papers[index]
        let bibtex = BibTeX(guide: guide, paper: index)
        let body = PaperBody(paper: ContextNode(PaperBody.PaperView(
            card: links.cards[index], figures: paper.figures.map { figures[$0] },
            related: related.of(index, in: guide).map { links.paperLinks[$0] },
            bibtex: bibtex.entry, bibtexKey: bibtex.key)))
        return page(.paper, links.routes.paperPath(paper), title: paper.title.text,
                    description: "\(paper.title.text), by \(joinedNames(paper.authors.map { guide.authors[$0].name }))\(eventSuffix).",
                    .paper(ContextNode(body)))
    }

    func authors() -> PlannedPage {
        let keyed = guide.authors.indices.map { (key: SortKey.forName(guide.authors[$0].name), author: $0) }.sorted { $0.key < $1.key }
        var letters: [AuthorsBody.Letter] = []
        for (key, author) in keyed {
            let letter = SortKey.letter(of: key)
            if letters.last?.letter != letter {
                let id = letter == "#" ? "letter-other" : "letter-\(letter.lowercased())"
                letters.append(.init(letter: letter, id: id, authors: []))
            }
            letters[letters.count - 1].authors.append(links.authorLinks[author])
        }
        return page(.authors, "authors/", title: "Authors",
                    description: "\(count(guide.authors.count, "author")) of \(count(guide.papers.count, "paper"))\(eventSuffix).",
                    .authors(ContextNode(AuthorsBody(letters: letters.map { ContextNode($0) }, count: guide.authors.count))))
    }

    func author(_ index: Int) -> PlannedPage {
        let author = guide.authors[index]
        var seen: Set<Int> = [index]
        var coauthors: [ContextNode] = []
        for paper in author.papers {
            for other in guide.papers[paper].authors where seen.insert(other).inserted {
                coauthors.append(links.authorLinks[other])
            }
        }
        let body = AuthorBody(author: ContextNode(AuthorBody.AuthorView(
            name: author.name, url: links.authorURLs[index], papers: author.papers.map { links.cards[$0] }, coauthors: coauthors)))
        return page(.author, links.routes.authorPath(author), title: author.name,
                    description: "\(author.name): \(count(author.papers.count, "paper"))\(eventSuffix).", .author(ContextNode(body)))
    }

    func careers() -> PlannedPage? {
        guard !guide.postings.isEmpty else { return nil }
        let postings = guide.postings.map { posting in
            ContextNode(CareersBody.Posting(
                id: posting.slug, title: PostingText.title(posting.text),
                locations: posting.locations.map { ContextNode(NameContext(name: $0)) },
                textHTML: markdown.html(PostingText.markdown(posting.text))))
        }
        return page(.careers, "careers/", title: "Careers", description: "Related job postings.",
                    .careers(ContextNode(CareersBody(postings: postings))))
    }

    func search() -> PlannedPage {
        page(.search, "search/", title: "Search", description: "Search papers, topics and authors.",
             .search(ContextNode(SearchBody(indexURL: links.routes.url("search/index.json")))))
    }

    func notFound() -> PlannedPage {
        let info = PageInfo(title: "Page not found", description: "This page does not exist.",
                            canonical: config.absoluteBase + "404.html", kind: PlannedPage.Kind.notFound.rawValue)
        return PlannedPage(path: "404.html", kind: .notFound, context: PageContext(
            site: site, page: ContextNode(info), nav: navs[.notFound]!, chrome: chrome[.notFound]!, body: .notFound))
    }

    // MARK: - Shared pieces

    private static func siteContext(_ guide: Guide, config: SiteConfig) -> SiteContext {
        SiteContext(
            title: guide.title.text, subtitle: guide.subtitle?.text ?? "",
            organization: guide.event.organization ?? "", conference: guide.event.conference ?? "",
            year: guide.event.year ?? "", base: config.basePath, language: config.language,
            counts: ContextNode(SiteContext.Counts(papers: guide.papers.count, topics: guide.topics.count,
                               authors: guide.authors.count, postings: guide.postings.count)),
            hasCareers: !guide.postings.isEmpty)
    }

    private static func nav(for kind: PlannedPage.Kind, routes: Routes, hasCareers: Bool) -> [ContextNode] {
        var items = [
            NavItem(label: "Topics", url: routes.url(""), current: kind == .home, section: kind == .topic),
            NavItem(label: "Papers", url: routes.url("papers/"), current: kind == .papers, section: kind == .paper),
            NavItem(label: "Authors", url: routes.url("authors/"), current: kind == .authors, section: kind == .author),
        ]
        if hasCareers {
            items.append(NavItem(label: "Careers", url: routes.url("careers/"), current: kind == .careers, section: false))
        }
        items.append(NavItem(label: "Search", url: routes.url("search/"), current: kind == .search, section: false))
        return items.map { ContextNode($0) }
    }

    private static func figures(_ guide: Guide, content: ContentSource, links: SharedNodes,
                                markdown: MarkdownRenderer) -> ([ContextNode], [PlannedCopy], [Diagnostic]) {
        var copies: [PlannedCopy] = []
        var warnings: [Diagnostic] = []
        let nodes = guide.figures.map { figure in
            let name = figure.fileName.text
            var src = ""
            if content.imageNames.contains(name) {
                let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? "png"
                let path = "images/\(figure.slug).\(ext)"
                copies.append(PlannedCopy(source: content.imagesFolder.appendingPathComponent(name), path: path))
                src = links.routes.url(path)
            } else {
                warnings.append(.warning(guide.file, line: figure.fileName.line,
                    "figure image \"\(name)\" not found in \(content.imagesDisplayPath)/; the page shows a captioned placeholder"))
            }
            let caption = figure.caption?.text ?? ""
            return ContextNode(FigureContext(
                id: "figure-\(figure.slug)", fileName: name, src: src,
                captionHTML: caption.isEmpty ? "" : markdown.inlineHTML(caption),
                alt: caption.isEmpty ? name : caption,
                paper: figure.paper.map { links.paperLinks[$0] }))
        }
        return (nodes, copies, warnings)
    }

    // MARK: - Words

    private var homeDescription: String {
        guide.subtitle?.text ?? PostingText.title(guide.intro.first?.text ?? guide.title.text)
    }

    private var eventSuffix: String {
        let event = [guide.event.conference, guide.event.year].compactMap { $0 }.joined(separator: " ")
        return event.isEmpty ? "" : " at \(event)"
    }
}

/// Where each page sits in a full plan: home, topics, papers, each paper,
/// authors, each author, then careers (when there are postings), search and 404.
struct PageOrder {
    let topics: Int
    let papers: Int
    let authors: Int
    /// Pages of the "All papers" list.
    let paperListPages: Int

    init(_ guide: Guide, paperListPages: Int) {
        (topics, papers, authors) = (guide.topics.count, guide.papers.count, guide.authors.count)
        self.paperListPages = paperListPages
    }

    var home: Int { 0 }
    func topic(_ index: Int) -> Int { 1 + index }
    /// Page `number` (from 1) of the "All papers" list.
    func paperList(_ number: Int) -> Int { topics + number }
    func paper(_ index: Int) -> Int { paperList(paperListPages) + 1 + index }
    var authorsList: Int { paper(papers) }
    func author(_ index: Int) -> Int { authorsList + 1 + index }
}

/// How the "All papers" list is cut into pages: `papers/`, then `papers/page/2/`, ...
struct PaperListPages {
    let paperCount: Int
    /// Papers a page; every paper when the setting is 0.
    let perPage: Int

    init(_ paperCount: Int, perPage: Int) {
        self.paperCount = paperCount
        self.perPage = perPage > 0 ? perPage : max(paperCount, 1)
    }

    /// At least one: an empty list still has its page.
    var count: Int { max(1, (paperCount + perPage - 1) / perPage) }
    var numbers: ClosedRange<Int> { 1...count }

    /// Positions in the A–Z order of the papers on page `number`.
    func range(of number: Int) -> Range<Int> {
        min((number - 1) * perPage, paperCount)..<min(number * perPage, paperCount)
    }

    static func path(of number: Int) -> String {
        number == 1 ? "papers/" : "papers/page/\(number)/"
    }
}

func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}

/// "A", "A and B", "A, B and C".
func joinedNames(_ names: [String]) -> String {
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + names.last!
}
