import Foundation

/// Decides the site's pages from the guide: routes, page contexts, and the
/// generated files (sitemap, feed, robots.txt, search index).
public struct SitePlanner: Sendable {
    public var config: SiteConfig
    public var markdown: MarkdownRenderer

    public init(config: SiteConfig) {
        self.config = config
        markdown = MarkdownRenderer(allowsRawHTML: config.allowsRawHTML)
    }

    public func plan(_ guide: Guide, content: ContentSource, assets: [PlannedCopy]) -> SitePlan {
        var plan = SitePlan()
        let routes = Routes(base: config.basePath)
        let site = siteContext(guide)
        let figures = figureContexts(guide, content: content, routes: routes, plan: &plan)
        let cards = paperCards(guide, routes: routes)

        func add(_ kind: PlannedPage.Kind, _ path: String, title: String, description: String, _ body: PageBody) {
            let info = PageInfo(title: title, description: description,
                                canonical: config.absoluteBase + path, kind: kind.rawValue)
            let context = PageContext(site: site, page: info, nav: nav(for: kind, routes: routes, site: site), body: body)
            plan.pages.append(PlannedPage(path: path + "index.html", kind: kind, context: context))
        }

        add(.home, "", title: guide.title.text, description: homeDescription(guide),
            .home(homeBody(guide, cards: cards, figures: figures, routes: routes)))
        for (index, topic) in guide.topics.enumerated() {
            add(.topic, routes.topicPath(topic), title: topic.title.text,
                description: "\(count(topic.papers.count, "paper")) on \(topic.title.text.lowercased())\(eventSuffix(guide)).",
                .topic(topicBody(guide, index, cards: cards, figures: figures, routes: routes)))
        }
        let alphabetical = SortKey.sorted(Array(guide.papers.indices)) { SortKey.of(guide.papers[$0].title.text) }
        add(.papers, "papers/", title: "All papers", description: "\(count(guide.papers.count, "paper"))\(eventSuffix(guide)).",
            .papers(PapersBody(papers: alphabetical.map { cards[$0] })))
        var related = RelatedPapers(paperCount: guide.papers.count)
        for (index, paper) in guide.papers.enumerated() {
            add(.paper, routes.paperPath(paper), title: paper.title.text,
                description: "\(paper.title.text), by \(joinedNames(paper.authors.map { guide.authors[$0].name }))\(eventSuffix(guide)).",
                .paper(paperBody(guide, index, cards: cards, figures: figures, related: &related)))
        }
        add(.authors, "authors/", title: "Authors", description: "\(count(guide.authors.count, "author")) of \(count(guide.papers.count, "paper"))\(eventSuffix(guide)).",
            .authors(authorsBody(guide, routes: routes)))
        for (index, author) in guide.authors.enumerated() {
            add(.author, routes.authorPath(author), title: author.name,
                description: "\(author.name): \(count(author.papers.count, "paper"))\(eventSuffix(guide)).",
                .author(authorBody(guide, index, cards: cards, routes: routes)))
        }
        if !guide.postings.isEmpty {
            add(.careers, "careers/", title: "Careers", description: "Related job postings.",
                .careers(CareersBody(postings: guide.postings.map(postingContext))))
        }
        add(.search, "search/", title: "Search", description: "Search papers, topics and authors.",
            .search(SearchBody(indexURL: routes.url("search/index.json"))))
        let notFound = PageInfo(title: "Page not found", description: "This page does not exist.",
                                canonical: config.absoluteBase + "404.html", kind: PlannedPage.Kind.notFound.rawValue)
        plan.pages.append(PlannedPage(path: "404.html", kind: .notFound, context: PageContext(
            site: site, page: notFound, nav: nav(for: .notFound, routes: routes, site: site), body: .notFound)))

        plan.files = [
            PlannedFile(path: "sitemap.xml", bytes: Array(Sitemap.xml(pages: plan.pages, base: config.absoluteBase).utf8)),
            PlannedFile(path: "feed.xml", bytes: Array(Feed.atom(guide, base: config.absoluteBase, routes: routes, updated: content.guideModified).utf8)),
            PlannedFile(path: "robots.txt", bytes: Array(Robots.text(config: config).utf8)),
            PlannedFile(path: "search/index.json", bytes: SearchIndex.json(guide, routes: routes)),
        ]
        plan.copies += assets
        return plan
    }

    // MARK: - Shared pieces

    private func siteContext(_ guide: Guide) -> SiteContext {
        SiteContext(
            title: guide.title.text, subtitle: guide.subtitle?.text ?? "",
            organization: guide.event.organization ?? "", conference: guide.event.conference ?? "",
            year: guide.event.year ?? "", base: config.basePath, language: config.language,
            counts: .init(papers: guide.papers.count, topics: guide.topics.count,
                          authors: guide.authors.count, postings: guide.postings.count),
            hasCareers: !guide.postings.isEmpty)
    }

    private func nav(for kind: PlannedPage.Kind, routes: Routes, site: SiteContext) -> [NavItem] {
        var items = [
            NavItem(label: "Topics", url: routes.url(""), current: kind == .home, section: kind == .topic),
            NavItem(label: "Papers", url: routes.url("papers/"), current: kind == .papers, section: kind == .paper),
            NavItem(label: "Authors", url: routes.url("authors/"), current: kind == .authors, section: kind == .author),
        ]
        if site.hasCareers {
            items.append(NavItem(label: "Careers", url: routes.url("careers/"), current: kind == .careers, section: false))
        }
        items.append(NavItem(label: "Search", url: routes.url("search/"), current: kind == .search, section: false))
        return items
    }

    private func paperCards(_ guide: Guide, routes: Routes) -> [PaperCard] {
        guide.papers.map { paper in
            PaperCard(
                title: paper.title.text, url: routes.url(routes.paperPath(paper)),
                authors: paper.authors.map { authorLink(guide.authors[$0], routes: routes) },
                topic: paper.topic.map { topicLink(guide.topics[$0], routes: routes) },
                descriptionHTML: markdown.html(paragraphs: paper.description.map(\.text)))
        }
    }

    private func figureContexts(_ guide: Guide, content: ContentSource, routes: Routes, plan: inout SitePlan) -> [FigureContext] {
        guide.figures.map { figure in
            let name = figure.fileName.text
            var src = ""
            if content.imageNames.contains(name) {
                let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? "png"
                let path = "images/\(figure.slug).\(ext)"
                plan.copies.append(PlannedCopy(source: content.imagesFolder.appendingPathComponent(name), path: path))
                src = routes.url(path)
            } else {
                plan.warnings.append(.warning(guide.file, line: figure.fileName.line,
                    "figure image \"\(name)\" not found in \(content.imagesDisplayPath)/; the page shows a captioned placeholder"))
            }
            let caption = figure.caption?.text ?? ""
            return FigureContext(
                id: "figure-\(figure.slug)", fileName: name, src: src,
                captionHTML: caption.isEmpty ? "" : markdown.inlineHTML(caption),
                alt: caption.isEmpty ? name : caption,
                paper: figure.paper.map { paperLink(guide.papers[$0], routes: routes) })
        }
    }

    private func authorLink(_ author: Author, routes: Routes) -> NameContext {
        NameContext(name: author.name, url: routes.url(routes.authorPath(author)), paperCount: author.papers.count)
    }

    private func topicLink(_ topic: Topic, routes: Routes) -> LinkContext {
        LinkContext(title: topic.title.text, url: routes.url(routes.topicPath(topic)))
    }

    private func paperLink(_ paper: Paper, routes: Routes) -> LinkContext {
        LinkContext(title: paper.title.text, url: routes.url(routes.paperPath(paper)))
    }

    // MARK: - Page bodies

    private func homeBody(_ guide: Guide, cards: [PaperCard], figures: [FigureContext], routes: Routes) -> HomeBody {
        HomeBody(
            preamble: guide.preamble.map { .init(text: $0.text.text, kind: $0.kind.rawValue) },
            subtitle: guide.subtitle?.text ?? "",
            introHTML: markdown.html(paragraphs: guide.intro.map(\.text)),
            topics: guide.topics.map { topic in
                .init(title: topic.title.text, url: routes.url(routes.topicPath(topic)),
                      descriptionHTML: markdown.html(paragraphs: topic.description.map(\.text)),
                      papers: topic.papers.map { paperLink(guide.papers[$0], routes: routes) })
            },
            papersWithoutTopic: guide.papers.indices.filter { guide.papers[$0].topic == nil }.map { cards[$0] },
            figuresWithoutTopic: guide.figures.indices.filter { guide.figures[$0].topic == nil }.map { figures[$0] })
    }

    private func topicBody(_ guide: Guide, _ index: Int, cards: [PaperCard], figures: [FigureContext], routes: Routes) -> TopicBody {
        let topic = guide.topics[index]
        return TopicBody(
            title: topic.title.text, url: routes.url(routes.topicPath(topic)),
            descriptionHTML: markdown.html(paragraphs: topic.description.map(\.text)),
            papers: topic.papers.map { cards[$0] },
            figures: topic.figures.map { figures[$0] },
            teasers: topic.teasers.map { TextContext(text: guide.teasers[$0].text.text) },
            previous: index > 0 ? topicLink(guide.topics[index - 1], routes: routes) : nil,
            next: index + 1 < guide.topics.count ? topicLink(guide.topics[index + 1], routes: routes) : nil)
    }

    private func paperBody(_ guide: Guide, _ index: Int, cards: [PaperCard], figures: [FigureContext],
                           related: inout RelatedPapers) -> PaperBody {
        let paper = guide.papers[index]
        let bibtex = BibTeX(guide: guide, paper: index)
        return PaperBody(card: cards[index], figures: paper.figures.map { figures[$0] },
                         related: related.of(index, in: guide).map { LinkContext(title: cards[$0].title, url: cards[$0].url) },
                         bibtex: bibtex.entry, bibtexKey: bibtex.key)
    }

    private func authorsBody(_ guide: Guide, routes: Routes) -> AuthorsBody {
        let keyed = guide.authors.map { (key: SortKey.forName($0.name), author: $0) }.sorted { $0.key < $1.key }
        var letters: [AuthorsBody.Letter] = []
        for (key, author) in keyed {
            let letter = SortKey.letter(of: key)
            if letters.last?.letter != letter {
                let id = letter == "#" ? "letter-other" : "letter-\(letter.lowercased())"
                letters.append(.init(letter: letter, id: id, authors: []))
            }
            letters[letters.count - 1].authors.append(authorLink(author, routes: routes))
        }
        return AuthorsBody(letters: letters, count: guide.authors.count)
    }

    private func authorBody(_ guide: Guide, _ index: Int, cards: [PaperCard], routes: Routes) -> AuthorBody {
        let author = guide.authors[index]
        var seen: Set<Int> = [index]
        var coauthors: [NameContext] = []
        for paper in author.papers {
            for other in guide.papers[paper].authors where seen.insert(other).inserted {
                coauthors.append(authorLink(guide.authors[other], routes: routes))
            }
        }
        return AuthorBody(name: author.name, url: routes.url(routes.authorPath(author)),
                          papers: author.papers.map { cards[$0] }, coauthors: coauthors)
    }

    private func postingContext(_ posting: Posting) -> CareersBody.Posting {
        CareersBody.Posting(
            id: posting.slug, title: PostingText.title(posting.text),
            locations: posting.locations.map { NameContext(name: $0) },
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
