import Foundation

/// Makes the site model from the parsed guides: an id for every entity (by
/// its key, `Identities`), routes and URLs, texts turned into HTML, counts,
/// and the authors of every guide in one index, `authors.yml` applied.
///
/// In a session it is given the previous model: an entity whose value comes
/// out the same keeps its box (the diff then finds it unchanged by identity),
/// and one whose inputs are visibly the same (a paper's guide, title and slug;
/// an author's name and slug) is not built again.
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

    static let defaultTitle = "Conference guides"

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
                  identities: inout Identities, previous: SiteModel? = nil) -> Result {
        var assembly = Assembly(config: config, content: content, guides: Self.ordered(inputs), previous: previous)
        assembly.renderTexts(&markdown)
        for position in assembly.guides.indices {
            assembly.addGuide(at: position, aliases: aliases, identities: &identities)
        }
        assembly.finish(identities: &identities)
        var warnings = assembly.warnings + aliases.warnings(bylineNames: assembly.bylineNames, guides: Set(assembly.guides.map(\.file.slug)))
        if assembly.multiple, config.title == nil {
            warnings.append(.warning(content.configDisplayPath,
                "the site has \(assembly.guides.count) guides and no title: it is called \"\(Self.defaultTitle)\"; set `title:` in this file"))
        }
        return Result(model: assembly.model, copies: assembly.copies, warnings: warnings)
    }
}

/// One assembly, guide after guide.
private struct Assembly {
    let config: SiteConfig
    let content: ContentSource
    let guides: [SiteAssembler.Input]
    let multiple: Bool
    let base: String
    let previous: SiteModel?
    /// The previous model, when its routes are made the same way: entities may be kept as they are.
    let sameRoutes: SiteModel?

    var model = SiteModel()
    var copies: [PlannedCopy] = []
    var warnings: [Diagnostic] = []
    var bylineNames: Set<String> = []

    private var html: [String] = []
    private var inlineHTML: [String] = []
    private var authorSlugs = SlugRegistry()
    private var slugNumbers = Interned()
    private var siteAuthors: [AuthorID] = []
    /// By raw author id.
    private var papersByAuthor: [[PaperID]] = []
    private var postingsByText: [String: PostingID] = [:]
    private var postings: [PostingID: PostingInfo] = [:]
    private var sitePostings: [PostingID] = []
    private var siteCounts: [CountKind: Int]

    init(config: SiteConfig, content: ContentSource, guides: [SiteAssembler.Input], previous: SiteModel?) {
        self.config = config
        self.content = content
        self.guides = guides
        multiple = guides.count > 1
        base = config.basePath
        self.previous = previous
        let multiple = self.multiple, base = self.base
        sameRoutes = previous?.site[SiteModel.siteID].map { $0.base == base && $0.multipleGuides == multiple } == true ? previous : nil
        siteCounts = [.papers: 0, .topics: 0, .guides: guides.count]
    }

    /// Every Markdown text of every guide, in the order `addGuide` takes them,
    /// turned into HTML at once (the new ones on every core).
    mutating func renderTexts(_ markdown: inout MarkdownCache) {
        var blocks: [String] = []
        var inlines: [String] = []
        for input in guides {
            let guide = input.guide
            blocks.append(MarkdownCache.paragraphs(guide.intro))
            blocks += guide.topics.map { MarkdownCache.paragraphs($0.description) }
            blocks += guide.papers.map { MarkdownCache.paragraphs($0.description) }
            blocks += guide.postings.map { PostingText.markdown($0.text) }
            inlines += guide.figures.map { $0.caption?.text ?? "" }
        }
        html = markdown.html(blocks)
        inlineHTML = markdown.inlineHTML(inlines)
        html.reverse()
        inlineHTML.reverse()
    }

    private mutating func nextHTML() -> String { html.removeLast() }
    private mutating func nextInlineHTML() -> String { inlineHTML.removeLast() }

    mutating func addGuide(at position: Int, aliases: AuthorAliases, identities: inout Identities) {
        let input = guides[position]
        let parsed = input.guide, settings = input.settings, slug = input.file.slug
        let guideID: GuideID = identities.guides.id(slug)
        let prefix = Routes.guidePrefix(slug: slug, multipleGuides: multiple)
        let introHTML = nextHTML()

        // Ids, by key: normalised title (or file name) and occurrence.
        let topicIDs: [TopicID] = Self.keys(parsed.topics.map(\.title.text), guide: slug).map { identities.topics.id($0) }
        let paperIDs: [PaperID] = parsed.papers.map {
            identities.paper(GuideItemKey(guide: slug, name: $0.titleKey, occurrence: $0.titleOccurrence))
        }
        let figureIDs: [FigureID] = Self.keys(parsed.figures.map(\.fileName.text), guide: slug, normalising: false)
            .map { identities.figures.id($0) }

        // Authors: one per person across guides.
        let guideAuthors: [AuthorID] = parsed.authors.map { author in
            bylineNames.insert(author.name)
            let person = aliases.person(named: author.name, in: slug)
            let id: AuthorID = identities.authors.id(person)
            if model.authors.box(id.raw) == nil { addAuthor(id, named: person) }
            return id
        }
        if papersByAuthor.count < identities.authors.count {
            papersByAuthor.append(contentsOf: repeatElement([], count: identities.authors.count - papersByAuthor.count))
        }

        // Topics.
        for (index, topic) in parsed.topics.enumerated() {
            let path = Routes.topic(prefix: prefix, slug: topic.slug)
            model.topics.set(topicIDs[index].raw, TopicInfo(
                guide: guideID, title: topic.title.text, slug: topic.slug, path: path, url: base + path,
                descriptionHTML: nextHTML(), figures: topic.figures.map { figureIDs[$0] },
                teasers: topic.teasers.map { parsed.teasers[$0].text.text }), previous: previous?.topics)
            model.topicPapers.set(topicIDs[index].raw, topic.papers.map { paperIDs[$0] }, previous: previous?.topicPapers)
        }

        // Papers: their authors in order, then their values on every core.
        var loosePapers: [PaperID] = []
        var inGuide = [Bool](repeating: false, count: identities.authors.count)
        var paperAuthors: [[AuthorID]] = []
        paperAuthors.reserveCapacity(parsed.papers.count)
        for (index, paper) in parsed.papers.enumerated() {
            let id = paperIDs[index]
            var authors: [AuthorID] = []
            for author in paper.authors.map({ guideAuthors[$0] }) where !authors.contains(author) {
                authors.append(author)
                papersByAuthor[Int(author.raw)].append(id)
                inGuide[Int(author.raw)] = true
            }
            paperAuthors.append(authors)
            if paper.topic == nil { loosePapers.append(id) }
        }
        let descriptions = (0..<parsed.papers.count).map { _ in nextHTML() }
        let (base, sameRoutes, previous, paperAuthorIDs) = (self.base, self.sameRoutes, self.previous, paperAuthors)
        let boxes = parallelMap(parsed.papers.count) { index -> (Box<PaperTitle>, Box<PaperInfo>) in
            let paper = parsed.papers[index], id = paperIDs[index]
            var title: Box<PaperTitle>
            if let kept = sameRoutes?.paperTitles.box(id.raw), kept.guide == guideID, kept.slug == paper.slug,
               kept.title == paper.title.text {
                title = kept
            } else {
                let path = Routes.paper(prefix: prefix, slug: paper.slug)
                title = Box(PaperTitle(guide: guideID, title: paper.title.text, slug: paper.slug,
                                       path: path, url: base + path, sortKey: SortKey.of(paper.title.text)))
            }
            let info = PaperInfo(authors: paperAuthorIDs[index], topic: paper.topic.map { topicIDs[$0] },
                                 descriptionHTML: descriptions[index], figures: paper.figures.map { figureIDs[$0] })
            let kept = previous?.papers.box(id.raw)
            return (title, kept?.value == info ? kept! : Box(info))
        }
        for (id, (title, info)) in zip(paperIDs, boxes) {
            model.paperTitles.set(id.raw, box: title)
            model.papers.set(id.raw, box: info)
        }

        // Postings: the same text in several guides is one posting.
        for posting in parsed.postings {
            let textHTML = nextHTML()
            if let id = postingsByText[posting.text] {
                postings[id]!.locations += posting.locations.filter { !postings[id]!.locations.contains($0) }
            } else {
                let id: PostingID = identities.postings.id(posting.text)
                postingsByText[posting.text] = id
                sitePostings.append(id)
                postings[id] = PostingInfo(slug: "posting-\(sitePostings.count)", title: PostingText.title(posting.text),
                                           textHTML: textHTML, locations: posting.locations)
            }
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
            model.figures.set(figureIDs[index].raw, FigureInfo(
                guide: guideID, elementID: "figure-\(figure.slug)", fileName: name, src: src,
                captionHTML: nextInlineHTML(), alt: caption.isEmpty ? name : caption,
                paper: figure.paper.map { paperIDs[$0] }), previous: previous?.figures)
            if figure.topic == nil { looseFigures.append(figureIDs[index]) }
        }

        // The guide.
        let event = parsed.event
        model.guides.set(guideID.raw, GuideInfo(
            slug: slug, prefix: prefix, url: base + prefix, title: parsed.title.text,
            organization: settings.organization ?? event.organization ?? "",
            conference: settings.conference ?? event.conference ?? "",
            year: settings.year ?? event.year ?? settings.date.map { String($0.prefix(4)) } ?? "",
            date: settings.date ?? "", location: settings.location ?? "", file: parsed.file), previous: previous?.guides)
        model.guideTexts.set(guideID.raw, GuideText(
            subtitle: parsed.subtitle?.text ?? "", introHTML: introHTML,
            preamble: parsed.preamble.map { .init(text: $0.text.text, kind: $0.kind.rawValue) },
            description: parsed.subtitle?.text ?? PostingText.title(parsed.intro.first?.text ?? parsed.title.text)),
            previous: previous?.guideTexts)
        model.guideTopics.set(guideID.raw, topicIDs, previous: previous?.guideTopics)
        model.guidePapers.set(guideID.raw, paperIDs, previous: previous?.guidePapers)
        model.guideLoose.set(guideID.raw, LooseItems(papers: loosePapers, figures: looseFigures), previous: previous?.guideLoose)
        model.guideModified.set(guideID.raw, input.file.modified, previous: previous?.guideModified)
        model.setCounts([.papers: paperIDs.count, .topics: topicIDs.count, .authors: inGuide.count { $0 },
                         .postings: parsed.postings.count], of: guideID, previous: previous)
        siteCounts[.papers]! += paperIDs.count
        siteCounts[.topics]! += topicIDs.count
    }

    /// An author's slug is claimed in order of first appearance, guides newest first.
    private mutating func addAuthor(_ id: AuthorID, named person: String) {
        let slug = authorSlugs.claim(slugNumbers.id(Slug.make(person)), in: &slugNumbers)
        if let kept = sameRoutes?.authors.box(id.raw), kept.name == person, kept.slug == slug {
            model.authors.set(id.raw, box: kept)
        } else {
            let path = Routes.author(slug: slug)
            model.authors.set(id.raw, box: Box(AuthorInfo(name: person, slug: slug, path: path, url: base + path,
                                                          sortKey: SortKey.forName(person))))
        }
        siteAuthors.append(id)
    }

    mutating func finish(identities: inout Identities) {
        for author in siteAuthors { model.authorPapers.set(author.raw, papersByAuthor[Int(author.raw)], previous: previous?.authorPapers) }
        for (id, info) in postings { model.postings.set(id.raw, info, previous: previous?.postings) }
        siteCounts[.authors] = siteAuthors.count
        siteCounts[.postings] = sitePostings.count
        let site = SiteModel.siteID
        model.site.set(site, siteInfo(), previous: previous?.site)
        model.siteGuides.set(site, guides.map { identities.guides.id($0.file.slug) }, previous: previous?.siteGuides)
        model.siteAuthors.set(site, siteAuthors, previous: previous?.siteAuthors)
        model.sitePostings.set(site, sitePostings, previous: previous?.sitePostings)
        model.setCounts(siteCounts, of: nil, previous: previous)
    }

    /// The site's words: a site of one guide is named after it; a site of
    /// several after `site.yml`, with the organization its guides share.
    private func siteInfo() -> SiteInfo {
        var info = SiteInfo(title: config.title ?? SiteAssembler.defaultTitle, subtitle: config.subtitle ?? "",
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

    /// Keys of items named `names` in a guide: the normalised name (on every
    /// core) and which occurrence of it the item is.
    private static func keys(_ names: [String], guide: String, normalising: Bool = true) -> [GuideItemKey] {
        let normalised = normalising ? parallelMap(names.count) { FigureLinker.normalizedTitle(names[$0]) } : names
        var seen: [String: Int] = [:]
        seen.reserveCapacity(normalised.count)
        return normalised.map { name in
            var occurrence = 0
            if let earlier = seen.updateValue(1, forKey: name) {
                occurrence = earlier
                seen[name] = earlier + 1
            }
            return GuideItemKey(guide: guide, name: name, occurrence: occurrence)
        }
    }
}

/// Markdown rendered once per text and kept between rebuilds, so that a
/// rebuild renders only the texts an edit changed (libcmark takes about 11 µs
/// a paragraph; a 10,000-paper guide has 11,000 of them).
struct MarkdownCache: Sendable {
    let renderer: MarkdownRenderer
    private var blocks: [String: String] = [:]
    private var inlines: [String: String] = [:]

    init(renderer: MarkdownRenderer) {
        self.renderer = renderer
    }

    /// Paragraphs as one Markdown text, each its own block. A single paragraph
    /// is its own text, not a copy: most descriptions are one.
    static func paragraphs(_ paragraphs: [SourceText]) -> String {
        paragraphs.count == 1 ? paragraphs[0].text : paragraphs.map(\.text).joined(separator: "\n\n")
    }

    /// Block HTML of each text, in order ("" for ""); new texts rendered on every core.
    mutating func html(_ texts: [String]) -> [String] {
        let renderer = self.renderer
        return Self.lookUp(texts, in: &blocks) { renderer.html($0) }
    }

    /// Inline HTML of each text (a caption), in order ("" for "").
    mutating func inlineHTML(_ texts: [String]) -> [String] {
        let renderer = self.renderer
        return Self.lookUp(texts, in: &inlines) { renderer.inlineHTML($0) }
    }

    private static func lookUp(_ texts: [String], in cache: inout [String: String],
                               render: @escaping @Sendable (String) -> String) -> [String] {
        // Forget the texts of old builds once they outnumber this one's.
        if cache.count > 2 * texts.count + 1000 { cache = [:] }
        var results = [String?](repeating: nil, count: texts.count)
        var missing: [Int] = []
        for (index, text) in texts.enumerated() {
            if text.isEmpty { results[index] = "" } else if let html = cache[text] { results[index] = html } else { missing.append(index) }
        }
        let toRender = missing
        let rendered = parallelMap(toRender.count) { render(texts[toRender[$0]]) }
        for (index, html) in zip(missing, rendered) {
            results[index] = html
            cache[texts[index]] = html
        }
        return results.map { $0! }
    }
}
