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
        var plan = SitePlan()
        let siteValues = siteContext(guide)
        let site = ContextNode(siteValues)
        let fragments = FragmentRenderer(templates: templates, site: site)
        let links = SharedNodes(guide, routes: Routes(base: config.basePath), markdown: markdown, fragments: fragments)
        let routes = links.routes
        let figures = figureContexts(guide, content: content, links: links, plan: &plan)

        // One navigation and one chrome per page kind, shared by its pages.
        let navs = Dictionary(uniqueKeysWithValues: PlannedPage.Kind.allCases.map {
            ($0, nav(for: $0, routes: routes, hasCareers: !guide.postings.isEmpty))
        })
        let chrome = Dictionary(uniqueKeysWithValues: PlannedPage.Kind.allCases.map { kind in
            let context = PageChrome.Context(nav: navs[kind]!, kind: kind.rawValue)
            return (kind, ContextNode(PageChrome(fragments: [.head, .header, .footer].map { fragments.render($0, context) })))
        })

        func add(_ kind: PlannedPage.Kind, _ path: String, title: String, description: String, _ body: PageBody) {
            let info = PageInfo(title: title, description: description,
                                canonical: config.absoluteBase + path, kind: kind.rawValue)
            let context = PageContext(site: site, page: ContextNode(info), nav: navs[kind]!, chrome: chrome[kind]!, body: body)
            plan.pages.append(PlannedPage(path: path + "index.html", kind: kind, context: context))
        }

        add(.home, "", title: guide.title.text, description: homeDescription(guide),
            .home(ContextNode(homeBody(guide, figures: figures, links: links))))
        for (index, topic) in guide.topics.enumerated() {
            add(.topic, routes.topicPath(topic), title: topic.title.text,
                description: "\(count(topic.papers.count, "paper")) on \(topic.title.text.lowercased())\(eventSuffix(guide)).",
                .topic(ContextNode(topicBody(guide, index, figures: figures, links: links))))
        }
        let alphabetical = SortKey.sorted(Array(guide.papers.indices)) { SortKey.of(guide.papers[$0].title.text) }
        add(.papers, "papers/", title: "All papers", description: "\(count(guide.papers.count, "paper"))\(eventSuffix(guide)).",
            .papers(ContextNode(PapersBody(papers: alphabetical.map { links.cards[$0] }))))
        let paperBodies = parallelMap(guide.papers.count, makeScratch: { RelatedPapers(paperCount: guide.papers.count) }) {
            related, index in ContextNode(paperBody(guide, index, figures: figures, links: links, related: &related))
        }
        for (index, paper) in guide.papers.enumerated() {
            add(.paper, routes.paperPath(paper), title: paper.title.text,
                description: "\(paper.title.text), by \(joinedNames(paper.authors.map { guide.authors[$0].name }))\(eventSuffix(guide)).",
                .paper(paperBodies[index]))
        }
        add(.authors, "authors/", title: "Authors", description: "\(count(guide.authors.count, "author")) of \(count(guide.papers.count, "paper"))\(eventSuffix(guide)).",
            .authors(ContextNode(authorsBody(guide, links: links))))
        let authorBodies = parallelMap(guide.authors.count) { ContextNode(authorBody(guide, $0, links: links)) }
        for (index, author) in guide.authors.enumerated() {
            add(.author, routes.authorPath(author), title: author.name,
                description: "\(author.name): \(count(author.papers.count, "paper"))\(eventSuffix(guide)).",
                .author(authorBodies[index]))
        }
        if !guide.postings.isEmpty {
            add(.careers, "careers/", title: "Careers", description: "Related job postings.",
                .careers(ContextNode(CareersBody(postings: guide.postings.map { ContextNode(postingContext($0)) }))))
        }
        add(.search, "search/", title: "Search", description: "Search papers, topics and authors.",
            .search(ContextNode(SearchBody(indexURL: routes.url("search/index.json")))))
        let notFound = PageInfo(title: "Page not found", description: "This page does not exist.",
                                canonical: config.absoluteBase + "404.html", kind: PlannedPage.Kind.notFound.rawValue)
        plan.pages.append(PlannedPage(path: "404.html", kind: .notFound, context: PageContext(
            site: site, page: ContextNode(notFound), nav: navs[.notFound]!, chrome: chrome[.notFound]!, body: .notFound)))

        let pages = plan.pages
        let (siteConfig, modified) = (config, content.guideModified)
        plan.files = parallelMap(4) { index in
            switch index {
            case 0: PlannedFile(path: "sitemap.xml", bytes: Array(Sitemap.xml(pages: pages, base: siteConfig.absoluteBase).utf8))
            case 1: PlannedFile(path: "feed.xml", bytes: Array(Feed.atom(guide, base: siteConfig.absoluteBase, routes: routes, updated: modified).utf8))
            case 2: PlannedFile(path: "robots.txt", bytes: Array(Robots.text(config: siteConfig).utf8))
            default: PlannedFile(path: "search/index.json", bytes: SearchIndex.json(guide, routes: routes))
            }
        }
        plan.copies += assets
        return plan
    }

    // MARK: - Shared pieces

    private func siteContext(_ guide: Guide) -> SiteContext {
        SiteContext(
            title: guide.title.text, subtitle: guide.subtitle?.text ?? "",
            organization: guide.event.organization ?? "", conference: guide.event.conference ?? "",
            year: guide.event.year ?? "", base: config.basePath, language: config.language,
            counts: ContextNode(SiteContext.Counts(papers: guide.papers.count, topics: guide.topics.count,
                               authors: guide.authors.count, postings: guide.postings.count)),
            hasCareers: !guide.postings.isEmpty)
    }

    private func nav(for kind: PlannedPage.Kind, routes: Routes, hasCareers: Bool) -> [ContextNode] {
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

    private func figureContexts(_ guide: Guide, content: ContentSource, links: SharedNodes, plan: inout SitePlan) -> [ContextNode] {
        guide.figures.map { figure in
            let name = figure.fileName.text
            var src = ""
            if content.imageNames.contains(name) {
                let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? "png"
                let path = "images/\(figure.slug).\(ext)"
                plan.copies.append(PlannedCopy(source: content.imagesFolder.appendingPathComponent(name), path: path))
                src = links.routes.url(path)
            } else {
                plan.warnings.append(.warning(guide.file, line: figure.fileName.line,
                    "figure image \"\(name)\" not found in \(content.imagesDisplayPath)/; the page shows a captioned placeholder"))
            }
            let caption = figure.caption?.text ?? ""
            return ContextNode(FigureContext(
                id: "figure-\(figure.slug)", fileName: name, src: src,
                captionHTML: caption.isEmpty ? "" : markdown.inlineHTML(caption),
                alt: caption.isEmpty ? name : caption,
                paper: figure.paper.map { links.paperLinks[$0] }))
        }
    }

    // MARK: - Page bodies

    private func homeBody(_ guide: Guide, figures: [ContextNode], links: SharedNodes) -> HomeBody {
        HomeBody(
            guide: ContextNode(HomeBody.GuideView(
                preamble: guide.preamble.map { ContextNode(HomeBody.Preamble(text: $0.text.text, kind: $0.kind.rawValue)) },
                subtitle: guide.subtitle?.text ?? "",
                introHTML: markdown.html(paragraphs: guide.intro.map(\.text)))),
            topics: links.topicCards,
            papersWithoutTopic: guide.papers.indices.filter { guide.papers[$0].topic == nil }.map { links.cards[$0] },
            figuresWithoutTopic: guide.figures.indices.filter { guide.figures[$0].topic == nil }.map { figures[$0] })
    }

    private func topicBody(_ guide: Guide, _ index: Int, figures: [ContextNode], links: SharedNodes) -> TopicBody {
        let topic = guide.topics[index]
        return TopicBody(
            topic: ContextNode(TopicBody.TopicView(
                title: topic.title.text, url: links.topicURLs[index],
                descriptionHTML: links.topicDescriptions[index],
                papers: topic.papers.map { links.cards[$0] },
                figures: topic.figures.map { figures[$0] },
                teasers: topic.teasers.map { ContextNode(TextContext(text: guide.teasers[$0].text.text)) })),
            previous: index > 0 ? links.topicLinks[index - 1] : nil,
            next: index + 1 < guide.topics.count ? links.topicLinks[index + 1] : nil)
    }

    private func paperBody(_ guide: Guide, _ index: Int, figures: [ContextNode], links: SharedNodes,
                           related: inout RelatedPapers) -> PaperBody {
        let paper = guide.papers[index]
        let bibtex = BibTeX(guide: guide, paper: index)
        return PaperBody(paper: ContextNode(PaperBody.PaperView(
            card: links.cards[index], figures: paper.figures.map { figures[$0] },
            related: related.of(index, in: guide).map { links.paperLinks[$0] },
            bibtex: bibtex.entry, bibtexKey: bibtex.key)))
    }

    private func authorsBody(_ guide: Guide, links: SharedNodes) -> AuthorsBody {
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
        return AuthorsBody(letters: letters.map { ContextNode($0) }, count: guide.authors.count)
    }

    private func authorBody(_ guide: Guide, _ index: Int, links: SharedNodes) -> AuthorBody {
        let author = guide.authors[index]
        var seen: Set<Int> = [index]
        var coauthors: [ContextNode] = []
        for paper in author.papers {
            for other in guide.papers[paper].authors where seen.insert(other).inserted {
                coauthors.append(links.authorLinks[other])
            }
        }
        return AuthorBody(author: ContextNode(AuthorBody.AuthorView(name: author.name, url: links.authorURLs[index],
                                             papers: author.papers.map { links.cards[$0] }, coauthors: coauthors)))
    }

    private func postingContext(_ posting: Posting) -> CareersBody.Posting {
        CareersBody.Posting(
            id: posting.slug, title: PostingText.title(posting.text),
            locations: posting.locations.map { ContextNode(NameContext(name: $0)) },
            textHTML: markdown.html(PostingText.markdown(posting.text)))
    }

    // MARK: - Words

    private func homeDescription(_ guide: Guide) -> String {
        guide.subtitle?.text ?? PostingText.title(guide.intro.first?.text ?? guide.title.text)
    }

    private func eventSuffix(_ guide: Guide) -> String {
        let event = [guide.event.conference, guide.event.year].compactMap { $0 }.joined(separator: " ")
        return event.isEmpty ? "" : " at \(event)"
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
