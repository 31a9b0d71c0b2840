import Foundation

/// Makes the site model from the parsed guides: an id for every entity (by
/// its key, `Identities`), routes and URLs, texts turned into HTML, counts,
/// and the authors of every guide in one index, `authors.yml` applied.
struct SiteAssembler {
    /// A guide as read: its file, its parse and its settings.
    struct Input: Sendable {
        var file: ContentSource.GuideFile
        var guide: Guide
        var settings: GuideSettings
    }

    /// The model, the image copies its figures need, and what is worth a warning.
    struct Result: Sendable {
        var model: SiteModel
        var copies: [PlannedCopy]
        var warnings: [Diagnostic]
    }

    let config: SiteConfig
    let content: ContentSource

    /// The guides newest first: by date, else by year; guides without either last, then by slug.
    static func ordered(_ guides: [Input]) -> [Input] {
        func key(_ input: Input) -> String {
            let year = input.settings.year ?? input.guide.event.year ?? ""
            return input.settings.date ?? (year.isEmpty ? "" : year + "-00-00")
        }
        return guides.sorted { a, b in
            let (x, y) = (key(a), key(b))
            return x != y ? x > y : a.file.slug < b.file.slug
        }
    }

    func assemble(_ inputs: [Input], aliases: AuthorAliases, markdown: inout MarkdownCache,
                  identities: inout Identities) -> Result {
        let guides = Self.ordered(inputs)
        let multiple = guides.count > 1
        let base = config.basePath
        var model = SiteModel()
        var copies: [PlannedCopy] = []
        var warnings: [Diagnostic] = []
        markdown.prepare(Self.markdownTexts(guides))

        var authorSlugs = SlugRegistry()
        var siteAuthors: [AuthorID] = []
        var papersByAuthor: [AuthorID: [PaperID]] = [:]
        var bylineNames: Set<String> = []
        var postingsByText: [String: PostingID] = [:]
        var sitePostings: [PostingID] = []
        var siteCounts = Counts(guides: guides.count)
        var rankedPapers: [(guide: Int, key: GuideItemKey, id: Int32)] = []

        for (position, input) in guides.enumerated() {
            let parsed = input.guide, settings = input.settings, slug = input.file.slug
            let guideID: GuideID = identities.guides.id(slug)
            let prefix = Routes.guidePrefix(slug: slug, multipleGuides: multiple)

            // Ids, by key: normalised title (or file name) and occurrence.
            func keys(_ names: [String]) -> [GuideItemKey] {
                var seen: [String: Int] = [:]
                return names.map { name in
                    let occurrence = seen[name, default: 0]
                    seen[name] = occurrence + 1
                    return GuideItemKey(guide: slug, name: name, occurrence: occurrence)
                }
            }
            let topicKeys = keys(parsed.topics.map { FigureLinker.normalizedTitle($0.title.text) })
            let topicIDs: [TopicID] = topicKeys.map { identities.topics.id($0) }
            let paperKeys = keys(parsed.papers.map { FigureLinker.normalizedTitle($0.title.text) })
            identities.papers.reserve(paperKeys.count)
            let paperIDs: [PaperID] = paperKeys.map { identities.papers.id($0) }
            let figureIDs: [FigureID] = keys(parsed.figures.map(\.fileName.text)).map { identities.figures.id($0) }
            for (key, id) in zip(paperKeys, paperIDs) { rankedPapers.append((position, key, id.raw)) }

            // Authors: one per person across guides.
            let guideAuthors: [AuthorID] = parsed.authors.map { author in
                bylineNames.insert(author.name)
                let person = aliases.person(named: author.name, in: slug)
                let id: AuthorID = identities.authors.id(person)
                if model.authors[id.raw] == nil {
                    let authorSlug = authorSlugs.claim(person)
                    let path = Routes.author(slug: authorSlug)
                    model.authors[id.raw] = AuthorInfo(name: person, slug: authorSlug, path: path, url: base + path,
                                                       sortKey: SortKey.forName(person))
                    siteAuthors.append(id)
                }
                return id
            }

            // Papers.
            var loosePapers: [PaperID] = []
            var authorsInGuide: Set<AuthorID> = []
            for (index, paper) in parsed.papers.enumerated() {
                let id = paperIDs[index]
                var authors: [AuthorID] = []
                for author in paper.authors.map({ guideAuthors[$0] }) where !authors.contains(author) {
                    authors.append(author)
                    papersByAuthor[author, default: []].append(id)
                    authorsInGuide.insert(author)
                }
                let path = Routes.paper(prefix: prefix, slug: paper.slug)
                model.paperTitles[id.raw] = PaperTitle(guide: guideID, title: paper.title.text, slug: paper.slug, path: path,
                                                       url: base + path, sortKey: SortKey.of(paper.title.text))
                model.papers[id.raw] = PaperInfo(authors: authors, topic: paper.topic.map { topicIDs[$0] },
                                                 descriptionHTML: markdown.html(paragraphs: paper.description.map(\.text)),
                                                 figures: paper.figures.map { figureIDs[$0] })
                if paper.topic == nil { loosePapers.append(id) }
            }

            // Topics.
            for (index, topic) in parsed.topics.enumerated() {
                let id = topicIDs[index]
                let path = Routes.topic(prefix: prefix, slug: topic.slug)
                model.topics[id.raw] = TopicInfo(guide: guideID, title: topic.title.text, slug: topic.slug, path: path, url: base + path,
                                                 descriptionHTML: markdown.html(paragraphs: topic.description.map(\.text)),
                                                 figures: topic.figures.map { figureIDs[$0] },
                                                 teasers: topic.teasers.map { parsed.teasers[$0].text.text })
                model.topicPapers[id.raw] = topic.papers.map { paperIDs[$0] }
            }

            // Figures, and the images they copy.
            var looseFigures: [FigureID] = []
            for (index, figure) in parsed.figures.enumerated() {
                let name = figure.fileName.text
                var src = ""
                if content.imageNames.contains(name) {
                    let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? "png"
                    let path = Routes.image(prefix: prefix, slug: figure.slug, extension: ext)
                    copies.append(PlannedCopy(source: content.imagesFolder.appendingPathComponent(name), path: path))
                    src = base + path
                } else {
                    warnings.append(.warning(parsed.file, line: figure.fileName.line,
                        "figure image \"\(name)\" not found in \(content.imagesDisplayPath)/; the page shows a captioned placeholder"))
                }
                let caption = figure.caption?.text ?? ""
                model.figures[figureIDs[index].raw] = FigureInfo(
                    guide: guideID, elementID: "figure-\(figure.slug)", fileName: name, src: src,
                    captionHTML: caption.isEmpty ? "" : markdown.inlineHTML(caption),
                    alt: caption.isEmpty ? name : caption, paper: figure.paper.map { paperIDs[$0] })
                if figure.topic == nil { looseFigures.append(figureIDs[index]) }
            }

            // Postings: the same text in several guides is one posting.
            for posting in parsed.postings {
                if let id = postingsByText[posting.text] {
                    var info = model.postings[id.raw]!
                    info.locations += posting.locations.filter { !info.locations.contains($0) }
                    model.postings[id.raw] = info
                } else {
                    let id: PostingID = identities.postings.id(posting.text)
                    postingsByText[posting.text] = id
                    sitePostings.append(id)
                    model.postings[id.raw] = PostingInfo(slug: "posting-\(sitePostings.count)", title: PostingText.title(posting.text),
                                                         textHTML: markdown.html(PostingText.markdown(posting.text)),
                                                         locations: posting.locations)
                }
            }

            // The guide.
            let event = parsed.event
            let subtitle = parsed.subtitle?.text ?? ""
            model.guides[guideID.raw] = GuideInfo(
                slug: slug, prefix: prefix, url: base + prefix, title: parsed.title.text, subtitle: subtitle,
                introHTML: markdown.html(paragraphs: parsed.intro.map(\.text)),
                preamble: parsed.preamble.map { .init(text: $0.text.text, kind: $0.kind.rawValue) },
                organization: settings.organization ?? event.organization ?? "",
                conference: settings.conference ?? event.conference ?? "",
                year: settings.year ?? event.year ?? settings.date.map { String($0.prefix(4)) } ?? "",
                date: settings.date ?? "", location: settings.location ?? "",
                description: parsed.subtitle?.text ?? PostingText.title(parsed.intro.first?.text ?? parsed.title.text),
                file: parsed.file)
            model.guideTopics[guideID.raw] = topicIDs
            model.guidePapers[guideID.raw] = paperIDs
            model.guideLoose[guideID.raw] = LooseItems(papers: loosePapers, figures: looseFigures)
            model.guideModified[guideID.raw] = input.file.modified
            model.guideCounts[guideID.raw] = Counts(papers: paperIDs.count, topics: topicIDs.count,
                                                    authors: authorsInGuide.count, postings: parsed.postings.count, guides: 1)
            siteCounts.papers += paperIDs.count
            siteCounts.topics += topicIDs.count
        }

        for author in siteAuthors { model.authorPapers[author.raw] = papersByAuthor[author] ?? [] }
        siteCounts.authors = siteAuthors.count
        siteCounts.postings = sitePostings.count
        model.site[SiteModel.siteID] = siteInfo(guides, multiple: multiple)
        model.siteGuides[SiteModel.siteID] = guides.map { identities.guides.id($0.file.slug) }
        model.siteAuthors[SiteModel.siteID] = siteAuthors
        model.sitePostings[SiteModel.siteID] = sitePostings
        model.siteCounts[SiteModel.siteID] = siteCounts
        model.paperKeys = Self.keyOrder(rankedPapers, idCount: identities.papers.count)

        warnings += aliases.warnings(bylineNames: bylineNames, guides: Set(guides.map(\.file.slug)))
        if multiple, config.title == nil {
            warnings.append(.warning(content.configDisplayPath,
                "the site has \(guides.count) guides and no title: it is called \"\(Self.defaultTitle)\"; set `title:` in this file"))
        }
        return Result(model: model, copies: copies, warnings: warnings)
    }

    static let defaultTitle = "Conference guides"

    /// The site's words: a site of one guide is named after it; a site of
    /// several after `site.yml`, with the organization its guides share.
    private func siteInfo(_ guides: [Input], multiple: Bool) -> SiteInfo {
        var info = SiteInfo(title: config.title ?? Self.defaultTitle, subtitle: config.subtitle ?? "",
                            organization: "", conference: "", year: "",
                            base: config.basePath, absoluteBase: config.absoluteBase, isAbsolute: config.isAbsolute,
                            language: config.language, papersPerPage: config.papersPerPage, multipleGuides: multiple)
        if !multiple, let only = guides.first {
            let event = only.guide.event
            info.title = config.title ?? only.guide.title.text
            info.subtitle = config.subtitle ?? only.guide.subtitle?.text ?? ""
            info.organization = only.settings.organization ?? event.organization ?? ""
            info.conference = only.settings.conference ?? event.conference ?? ""
            info.year = only.settings.year ?? event.year ?? only.settings.date.map { String($0.prefix(4)) } ?? ""
        } else {
            let organizations = Set(guides.map { $0.settings.organization ?? $0.guide.event.organization ?? "" })
            if organizations.count == 1 { info.organization = organizations.first! }
        }
        return info
    }

    /// Ranks by guide position, then key; and each paper's guide position.
    private static func keyOrder(_ papers: [(guide: Int, key: GuideItemKey, id: Int32)], idCount: Int) -> PaperKeyOrder {
        var order = PaperKeyOrder(ranks: Array(repeating: Int32.max, count: idCount), guides: Array(repeating: -1, count: idCount))
        let sorted = papers.sorted { a, b in
            if a.guide != b.guide { return a.guide < b.guide }
            if a.key.name != b.key.name { return a.key.name < b.key.name }
            return a.key.occurrence < b.key.occurrence
        }
        for (rank, paper) in sorted.enumerated() {
            order.ranks[Int(paper.id)] = Int32(rank)
            order.guides[Int(paper.id)] = Int32(paper.guide)
        }
        return order
    }

    /// Every Markdown text of the guides, to render the new ones at once.
    private static func markdownTexts(_ guides: [Input]) -> MarkdownCache.Texts {
        var texts = MarkdownCache.Texts()
        for input in guides {
            let guide = input.guide
            texts.blocks.append(MarkdownCache.paragraphs(guide.intro.map(\.text)))
            for topic in guide.topics { texts.blocks.append(MarkdownCache.paragraphs(topic.description.map(\.text))) }
            for paper in guide.papers { texts.blocks.append(MarkdownCache.paragraphs(paper.description.map(\.text))) }
            for posting in guide.postings { texts.blocks.append(PostingText.markdown(posting.text)) }
            for figure in guide.figures { if let caption = figure.caption?.text, !caption.isEmpty { texts.inlines.append(caption) } }
        }
        return texts
    }
}

/// Markdown rendered once per text and kept between rebuilds, so that a
/// rebuild renders only the texts an edit changed (libcmark takes about 11 µs
/// a paragraph; a 10,000-paper guide has 11,000 of them).
struct MarkdownCache: Sendable {
    let renderer: MarkdownRenderer
    private var blocks: [String: String] = [:]
    private var inlines: [String: String] = [:]

    struct Texts {
        var blocks: [String] = []
        var inlines: [String] = []
    }

    init(renderer: MarkdownRenderer) {
        self.renderer = renderer
    }

    /// Paragraphs as one Markdown text, each its own block.
    static func paragraphs(_ paragraphs: [String]) -> String {
        paragraphs.joined(separator: "\n\n")
    }

    /// Renders the texts not rendered yet, on every core; forgets many that are no longer asked for.
    mutating func prepare(_ texts: Texts) {
        if blocks.count > 2 * texts.blocks.count + 1000 { blocks = [:] }
        if inlines.count > 2 * texts.inlines.count + 1000 { inlines = [:] }
        let newBlocks = Array(Set(texts.blocks.filter { !$0.isEmpty && blocks[$0] == nil }))
        let newInlines = Array(Set(texts.inlines.filter { inlines[$0] == nil }))
        let renderer = self.renderer
        for (text, html) in zip(newBlocks, parallelMap(newBlocks.count) { renderer.html(newBlocks[$0]) }) { blocks[text] = html }
        for (text, html) in zip(newInlines, parallelMap(newInlines.count) { renderer.inlineHTML(newInlines[$0]) }) { inlines[text] = html }
    }

    func html(_ markdown: String) -> String {
        markdown.isEmpty ? "" : blocks[markdown] ?? renderer.html(markdown)
    }

    func html(paragraphs: [String]) -> String {
        html(Self.paragraphs(paragraphs))
    }

    func inlineHTML(_ markdown: String) -> String {
        inlines[markdown] ?? renderer.inlineHTML(markdown)
    }
}
