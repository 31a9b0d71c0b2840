import Foundation

/// Makes the site model from the parsed guides: an id for every entity (by
/// its key, `Identities`), routes and URLs, texts turned into HTML, counts,
/// and the authors of every guide in one index, `authors.yml` applied.
///
/// Each guide is made into a `GuidePart` on its own, then the parts are put
/// together (authors, postings and counts are the site's). In a session the
/// parts are kept (`AssemblyCache`): a guide whose parse and surroundings did
/// not change is not made again, so an edit to one guide of fifty assembles
/// one. An entity whose value comes out the same as in the previous model
/// keeps its box, so the diff finds it unchanged by identity.
struct SiteAssembler {
    /// A guide as read: its file, its parse and its settings.
    struct Input: Sendable {
        var file: ContentSource.GuideFile
        var guide: Guide
        var settings: GuideSettings
        /// Tells parses apart (`BuildSteps.ParsedGuide.version`).
        var version: Int
    }

    /// The model, the image copies its figures need, and what is worth a warning.
    struct Result: Sendable {
        var model: SiteModel
        var copies: [PlannedCopy]
        /// Errors too, when a figure's image is missing under `missing_images: error`.
        var warnings: [Diagnostic]

        /// Throws every diagnostic, in order, when there is an error among them.
        func checked() throws(DiagnosticList) -> Result {
            if warnings.contains(where: \.isError) { throw DiagnosticList(diagnostics: warnings) }
            return self
        }
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

    func assemble(_ inputs: [Input], aliases: AuthorAliases, pages: [ExtraPageSource] = [], cache: inout AssemblyCache,
                  identities: inout Identities, previous: SiteModel? = nil) -> Result {
        let guides = Self.ordered(inputs)
        let multiple = guides.count > 1
        let previousSite = previous?.site[SiteModel.siteID]
        let sameRoutes = previousSite.map { $0.links == config.links && $0.multipleGuides == multiple } == true
        let surroundings = GuidePart.Surroundings(links: config.links, multiple: multiple, aliases: aliases,
                                                  images: content.imageNames, imageSizes: content.imageSizes,
                                                  missingImages: config.missingImages, allowsRawHTML: config.allowsRawHTML)
        // The parts to make again, their texts turned into HTML at once (the new ones on every core).
        let stale = guides.filter { cache.parts[$0.file.slug]?.source != .init(version: $0.version, modified: $0.file.modified, surroundings: surroundings) }
        var html = GuideHTML.render(stale.map(\.guide), &cache.markdown)
        var parts: [String: GuidePart] = [:]
        for input in stale {
            let maker = GuidePart.Maker(input: input, surroundings: surroundings, content: content,
                                        previous: previous, sameRoutes: sameRoutes ? previous : nil,
                                        previousPart: cache.parts[input.file.slug])
            parts[input.file.slug] = maker.make(html.removeFirst(), identities: &identities)
        }
        var assembly = Assembly(config: config, guideCount: guides.count, multiple: multiple, previous: previous)
        for input in guides {
            let part = parts[input.file.slug] ?? cache.parts[input.file.slug]!
            assembly.add(part, identities: &identities)
            parts[input.file.slug] = part
        }
        cache.parts = parts
        assembly.finish(guides: guides, identities: &identities)
        assembly.addPages(pages, html: cache.pageMarkdown.html(pages.map(\.body)), guides: guides, identities: &identities)
        var warnings = assembly.warnings + aliases.warnings(used: assembly.usedVariants, guides: Set(guides.map(\.file.slug)))
        if multiple, config.title == nil {
            warnings.append(.warning(content.configDisplayPath,
                "the site has \(guides.count) guides and no title: it is called \"\(Self.defaultTitle)\"; set `title:` in this file"))
        }
        return Result(model: assembly.model, copies: assembly.copies, warnings: warnings)
    }
}

/// What a session keeps between assemblies: the HTML of every Markdown text,
/// and every guide's part.
struct AssemblyCache: Sendable {
    var markdown: MarkdownCache
    var parts: [String: GuidePart] = [:]
    /// The extra pages' bodies: a cache of their own, since a cache forgets
    /// what it holds when it holds many more texts than it is asked for.
    var pageMarkdown: MarkdownCache

    init(allowsRawHTML: Bool) {
        markdown = MarkdownCache(renderer: MarkdownRenderer(allowsRawHTML: allowsRawHTML))
        pageMarkdown = MarkdownCache(renderer: MarkdownRenderer(allowsRawHTML: allowsRawHTML))
    }
}

/// The HTML of one guide's Markdown texts.
private struct GuideHTML: Sendable {
    var intro: String
    var topics: [String]
    var papers: [String]
    var postings: [String]
    var captions: [String]
    /// Each caption's `alt` for its figure (`MarkdownCache.altTexts`).
    var alts: [String]

    /// Every text of every guide, rendered in one go, then cut back into guides.
    static func render(_ guides: [Guide], _ markdown: inout MarkdownCache) -> [GuideHTML] {
        var blocks: [String] = []
        var postings: [String] = []
        var captions: [String] = []
        for guide in guides {
            blocks.append(MarkdownCache.paragraphs(guide.intro))
            blocks += guide.topics.map { MarkdownCache.paragraphs($0.description) }
            // By index: a paper read whole would be copied (ten references retained and released).
            blocks += guide.papers.indices.map { MarkdownCache.paragraphs(guide.papers[$0].description) }
            postings += guide.postings.map(\.text)
            captions += guide.figures.map { $0.caption?.text ?? "" }
        }
        var (blockHTML, postingHTML, captionHTML) = (markdown.html(blocks)[...], markdown.postingHTML(postings)[...],
                                                     markdown.inlineHTML(captions)[...])
        var alts = markdown.altTexts(captions)[...]
        func take(_ count: Int, from html: inout ArraySlice<String>) -> [String] {
            defer { html = html.dropFirst(count) }
            return Array(html.prefix(count))
        }
        return guides.map { guide in
            GuideHTML(intro: take(1, from: &blockHTML)[0], topics: take(guide.topics.count, from: &blockHTML),
                      papers: take(guide.papers.count, from: &blockHTML), postings: take(guide.postings.count, from: &postingHTML),
                      captions: take(guide.figures.count, from: &captionHTML),
                      alts: take(guide.figures.count, from: &alts))
        }
    }
}

/// One guide's share of the site model, made from its parse alone (and the
/// site's routes, aliases and images, its `Surroundings`).
struct GuidePart: Sendable {
    /// What a guide's part depends on besides its parse.
    struct Surroundings: Equatable, Sendable {
        var links: SiteLinks
        var multiple: Bool
        var aliases: AuthorAliases
        var images: Set<String>
        var imageSizes: [String: ImageSize]
        var missingImages: SiteConfig.MissingImages
        var allowsRawHTML: Bool
    }

    /// What the part was made from: the same again makes the same part.
    struct Source: Equatable, Sendable {
        var version: Int
        var modified: Date
        var surroundings: Surroundings
    }

    /// A person in the guide's bylines.
    struct Person: Sendable {
        var id: AuthorID
        var name: String
        /// `Slug.make(name)`, before the site tells people with the same slug apart.
        var slug: String
    }

    struct Posting: Sendable {
        /// By its text: the same text in several guides is one posting.
        var id: PostingID
        var text: String
        var title: String
        var textHTML: String
        var locations: [String]
    }

    var source: Source
    var id: GuideID
    var guide: Box<GuideInfo>
    var text: Box<GuideText>
    var topicIDs: Box<[TopicID]>
    var paperIDs: Box<[PaperID]>
    var loose: Box<LooseItems>
    var modified: Box<Date>
    var counts: [CountKind: Int]
    var paperLetters: Box<LetterCounts>
    // Named tuple types, also returned by the closures that make them: an array
    // of unlabelled tuples passed as labelled ones is converted element by element.
    typealias TopicEntry = (id: TopicID, info: Box<TopicInfo>, papers: Box<[PaperID]>)
    typealias PaperEntry = (id: PaperID, title: Box<PaperTitle>, info: Box<PaperInfo>)
    typealias FigureEntry = (id: FigureID, info: Box<FigureInfo>)

    var topics: [TopicEntry]
    var papers: [PaperEntry]
    var figures: [FigureEntry]
    /// Each paper's authors, in order: the site lists each author's papers
    /// from these without opening every paper's box on every edit.
    var bylines: [(author: AuthorID, paper: PaperID)]
    /// In order of first appearance.
    var people: [Person]
    /// The variants of `authors.yml` its bylines write.
    var usedVariants: Set<String>
    var postings: [Posting]
    var copies: [PlannedCopy]
    var warnings: [Diagnostic]

    /// Makes a guide's part.
    fileprivate struct Maker {
        let input: SiteAssembler.Input
        let surroundings: Surroundings
        let content: ContentSource
        let previous: SiteModel?
        /// The previous model, when its routes are made the same way: entities may be kept as they are.
        let sameRoutes: SiteModel?
        /// The guide's part in the previous model.
        let previousPart: GuidePart?

        func make(_ html: GuideHTML, identities: inout Identities) -> GuidePart {
            let parsed = input.guide, settings = input.settings, slug = input.file.slug
            let (links, previous, sameRoutes) = (surroundings.links, previous, sameRoutes)
            let guideID: GuideID = identities.guides.id(slug)
            let prefix = Routes.guidePrefix(slug: slug, multipleGuides: surroundings.multiple)
            var warnings: [Diagnostic] = []

            // Ids, by key: normalised title (or file name) and occurrence.
            let topicIDs: [TopicID] = Self.keys(parsed.topics.map(\.title.text), guide: slug).map { identities.topics.id($0) }
            let paperIDs = Self.paperIDs(of: parsed, guide: slug, previous: previousPart?.paperIDs.value ?? [], identities: &identities)
            let figureIDs: [FigureID] = Self.keys(parsed.figures.map(\.fileName.text), guide: slug, normalising: false)
                .map { identities.figures.id($0) }

            // Authors: one per person across guides.
            let people = Self.people(of: parsed, guide: slug, aliases: surroundings.aliases, previous: previousPart?.people ?? [],
                                     identities: &identities)

            let topics = parsed.topics.indices.map { index -> TopicEntry in
                let topic = parsed.topics[index], id = topicIDs[index]
                let path = Routes.topic(prefix: prefix, slug: topic.slug)
                let info = TopicInfo(guide: guideID, title: topic.title.text, slug: topic.slug, path: path, url: links.url(path),
                                     descriptionHTML: html.topics[index], figures: topic.figures.map { figureIDs[$0] },
                                     teasers: topic.teasers.map { parsed.teasers[$0].text.text })
                return (id, Stored.box(info, for: id.raw, keeping: previous?.topics),
                        Stored.box(topic.papers.map { paperIDs[$0] }, for: id.raw, keeping: previous?.topicPapers))
            }

            // Papers, on every core, with their authors in order (each once).
            // (The ids alone: reading a `Person` for each byline name retains its two strings.)
            let personIDs = people.map(\.id)
            let details = PaperDetailsMatch(parsed, settings: settings, file: input.file.settingsDisplayPath)
            warnings += details.warnings
            let markdown = MarkdownRenderer(allowsRawHTML: surroundings.allowsRawHTML)
            let papers = parallelMap(parsed.papers.count) { index -> PaperEntry in
                let id = paperIDs[index]
                let slug = parsed.papers[index].slug, titleText = parsed.papers[index].title.text
                var title: Box<PaperTitle>
                if let kept = sameRoutes?.paperTitles.box(id.raw), kept.guide == guideID, kept.slug == slug, kept.title == titleText {
                    title = kept
                } else {
                    let path = Routes.paper(prefix: prefix, slug: slug)
                    title = Box(PaperTitle(guide: guideID, letter: SortKey.letterByte(ofTitle: titleText), title: titleText, slug: slug,
                                           path: path, url: links.url(path)))
                }
                var authors: [AuthorID] = []
                authors.reserveCapacity(parsed.papers[index].authors.count)
                for name in parsed.papers[index].authors where !authors.contains(personIDs[name]) {
                    authors.append(personIDs[name])
                }
                let info = PaperInfo(authors: authors, authorMarks: parsed.papers[index].authorMarks,
                                     topic: parsed.papers[index].topic.map { topicIDs[$0] },
                                     descriptionHTML: html.papers[index], figures: parsed.papers[index].figures.map { figureIDs[$0] },
                                     details: details.byPaper[index].map(Box.init),
                                     abstractHTML: details.byPaper[index]?.abstract.map(markdown.html) ?? "",
                                     abstractText: details.byPaper[index]?.abstract.map(markdown.plainText) ?? "")
                return (id, title, Stored.box(info, for: id.raw, keeping: previous?.papers))
            }

            // Figures, and the images they copy.
            var copies: [PlannedCopy] = []
            var looseFigures: [FigureID] = []
            let figures = parsed.figures.indices.map { index -> FigureEntry in
                let figure = parsed.figures[index], name = figure.fileName.text
                var src = ""
                if surroundings.images.contains(name) {
                    let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? "png"
                    let path = Routes.image(prefix: prefix, slug: figure.slug, extension: ext)
                    copies.append(PlannedCopy(source: content.imagesFolder.appendingPathComponent(name), path: path,
                                              folder: content.directory, folderDisplayPath: content.displayPath,
                                              displayPath: "\(content.imagesDisplayPath)/\(name)"))
                    src = links.url(path)
                } else if surroundings.missingImages == .error {
                    warnings.append(.error(parsed.file, line: figure.fileName.line,
                        "figure image \"\(name)\" not found in \(content.imagesDisplayPath)/ (site.yml sets missing_images: error)"))
                } else {
                    warnings.append(.warning(parsed.file, line: figure.fileName.line,
                        "figure image \"\(name)\" not found in \(content.imagesDisplayPath)/; the page shows a captioned placeholder"))
                }
                let alt = html.alts[index]
                if figure.topic == nil { looseFigures.append(figureIDs[index]) }
                return (figureIDs[index], Stored.box(FigureInfo(
                    guide: guideID, elementID: "figure-\(figure.slug)", fileName: name, src: src,
                    size: src.isEmpty ? nil : surroundings.imageSizes[name],
                    captionHTML: html.captions[index], alt: alt.isEmpty ? name : alt,
                    paper: figure.paper.map { paperIDs[$0] }), for: figureIDs[index].raw, keeping: previous?.figures))
            }

            // The guide.
            let event = parsed.event
            let id = guideID.raw
            let info = GuideInfo(
                slug: slug, prefix: prefix, url: links.url(prefix), title: parsed.title.text,
                organization: settings.organization ?? event.organization ?? "",
                conference: settings.conference ?? event.conference ?? "",
                year: settings.year ?? event.year ?? settings.date.map { String($0.prefix(4)) } ?? "",
                date: settings.date ?? "", location: settings.location ?? "", file: parsed.file)
            if let said = settings.eventSource(title: event, settingsFile: input.file.settingsDisplayPath) {
                warnings.append(.note(parsed.file, line: parsed.title.line, said))
            }
            let text = GuideText(
                subtitle: parsed.subtitle?.text ?? "", introHTML: html.intro,
                teasers: parsed.teasers.filter { $0.topic == nil }.map(\.text.text),
                preamble: parsed.preamble.map { .init(text: $0.text.text, kind: $0.kind.rawValue) },
                description: parsed.subtitle?.text ?? PostingText.title(parsed.intro.first?.text ?? parsed.title.text))
            let loose = LooseItems(papers: parsed.papers.indices.filter { parsed.papers[$0].topic == nil }.map { paperIDs[$0] },
                                   figures: looseFigures)
            let bylines = Self.bylines(of: papers)
            return GuidePart(
                source: .init(version: input.version, modified: input.file.modified, surroundings: surroundings),
                id: guideID,
                guide: Stored.box(info, for: id, keeping: previous?.guides),
                text: Stored.box(text, for: id, keeping: previous?.guideTexts),
                topicIDs: Stored.box(topicIDs, for: id, keeping: previous?.guideTopics),
                paperIDs: Stored.box(paperIDs, for: id, keeping: previous?.guidePapers),
                loose: Stored.box(loose, for: id, keeping: previous?.guideLoose),
                modified: Stored.box(input.file.modified, for: id, keeping: previous?.guideModified),
                counts: [.papers: paperIDs.count, .topics: topicIDs.count, .authors: Self.distinctAuthors(bylines, below: identities.authors.count),
                         .postings: parsed.postings.count],
                paperLetters: Stored.box(LetterCounts(papers.lazy.map { $0.title.value.letter }), for: id, keeping: previous?.guidePaperLetters),
                topics: topics, papers: papers, figures: figures,
                bylines: bylines, people: people,
                usedVariants: surroundings.aliases.variants(in: parsed.authors.map(\.name)),
                postings: parsed.postings.indices.map { index in
                    let text = parsed.postings[index].text
                    return Posting(id: identities.postings.id(text), text: text, title: PostingText.title(text), textHTML: html.postings[index],
                                   locations: parsed.postings[index].locations)
                },
                copies: copies, warnings: warnings)
        }

        /// Each paper's authors, in order, with the paper.
        private static func bylines(of papers: [PaperEntry]) -> [(author: AuthorID, paper: PaperID)] {
            var bylines: [(author: AuthorID, paper: PaperID)] = []
            bylines.reserveCapacity(papers.count * 4)
            for paper in papers {
                for author in paper.info.authors { bylines.append((author, paper.id)) }
            }
            return bylines
        }

        /// How many different authors `bylines` name, ids below `bound`: marked
        /// in an array (hashing 30,000 ids into a set took 2 ms of an edit).
        private static func distinctAuthors(_ bylines: [(author: AuthorID, paper: PaperID)], below bound: Int) -> Int {
            var seen = [Bool](repeating: false, count: bound), count = 0
            for byline in bylines where !seen[Int(byline.author.raw)] {
                seen[Int(byline.author.raw)] = true
                count += 1
            }
            return count
        }

        /// The ids of a guide's papers, found where they were in its previous part (`Realignment`).
        static func paperIDs(of parsed: Guide, guide: String, previous: [PaperID], identities: inout Identities) -> [PaperID] {
            var places = Realignment(previous: previous.map(\.raw), idCount: identities.papers.count)
            return parsed.papers.indices.map { index in
                let key = GuideItemKey(guide: guide, name: parsed.papers[index].titleKey, occurrence: parsed.papers[index].titleOccurrence)
                if let guess = places.guess(index), identities.papers.key(of: guess) == key { return PaperID(guess) }
                let id = identities.paper(key)
                places.found(id.raw, at: index)
                return id
            }
        }

        /// The people of a guide's bylines, found where they were in its previous
        /// part (`Realignment`), with the slug they had there.
        static func people(of parsed: Guide, guide: String, aliases: AuthorAliases, previous: [Person],
                           identities: inout Identities) -> [Person] {
            var places = Realignment(previous: previous.map(\.id.raw), idCount: identities.authors.count)
            return parsed.authors.indices.map { index in
                let name = aliases.person(named: parsed.authors[index].name, in: guide)
                let id: AuthorID
                if let guess = places.guess(index), identities.authors.key(of: guess) == name {
                    id = AuthorID(guess)
                } else {
                    id = identities.authors.id(name)
                    places.found(id.raw, at: index)
                }
                // An id is one name, and a person's slug is made of the name alone.
                return Person(id: id, name: name, slug: places.place(of: id.raw).map { previous[$0].slug } ?? Slug.make(name))
            }
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
}

/// The guides' parts put together, newest guide first: what is the site's
/// (its authors and their slugs, its postings, its counts) is made here.
private struct Assembly {
    let config: SiteConfig
    let multiple: Bool
    let previous: SiteModel?
    /// `config.links`, worked out once (a few string searches, for every author).
    let links: SiteLinks

    var model = SiteModel()
    var copies: [PlannedCopy] = []
    var warnings: [Diagnostic] = []
    var usedVariants: Set<String> = []

    /// The site's people, in order of first appearance (guides newest first).
    private var sitePeople: [GuidePart.Person] = []
    /// By raw author id: in `sitePeople` already.
    private var listed: [Bool] = []
    /// Every byline's authors, with their paper, guides newest first.
    private var bylines: [(author: AuthorID, paper: PaperID)] = []
    private var postings: [PostingID: PostingInfo] = [:]
    private var sitePostings: [PostingID] = []
    private var siteCounts: [CountKind: Int]

    init(config: SiteConfig, guideCount: Int, multiple: Bool, previous: SiteModel?) {
        self.config = config
        self.multiple = multiple
        self.previous = previous
        links = config.links
        siteCounts = [.papers: 0, .topics: 0, .guides: guideCount]
    }

    mutating func add(_ part: GuidePart, identities: inout Identities) {
        let id = part.id.raw
        model.guides.set(id, box: part.guide)
        model.guideTexts.set(id, box: part.text)
        model.guideTopics.set(id, box: part.topicIDs)
        model.guidePapers.set(id, box: part.paperIDs)
        model.guideLoose.set(id, box: part.loose)
        model.guideModified.set(id, box: part.modified)
        model.guidePaperLetters.set(id, box: part.paperLetters)
        model.setCounts(part.counts, of: part.id, previous: previous)
        for topic in part.topics {
            model.topics.set(topic.id.raw, box: topic.info)
            model.topicPapers.set(topic.id.raw, box: topic.papers)
        }
        for paper in part.papers {
            model.paperTitles.set(paper.id.raw, box: paper.title)
            model.papers.set(paper.id.raw, box: paper.info)
        }
        for figure in part.figures { model.figures.set(figure.id.raw, box: figure.info) }

        usedVariants.formUnion(part.usedVariants)
        if listed.count < identities.authors.count {
            listed.append(contentsOf: repeatElement(false, count: identities.authors.count - listed.count))
        }
        for person in part.people where !listed[Int(person.id.raw)] {
            listed[Int(person.id.raw)] = true
            sitePeople.append(person)
        }
        bylines += part.bylines

        // Postings: the same text in several guides is one posting.
        for posting in part.postings {
            let id = posting.id
            if postings[id] != nil {
                postings[id]!.locations += posting.locations.filter { !postings[id]!.locations.contains($0) }
            } else {
                sitePostings.append(id)
                postings[id] = PostingInfo(slug: "posting-\(sitePostings.count)", title: posting.title,
                                           textHTML: posting.textHTML, locations: posting.locations)
            }
        }
        copies += part.copies
        warnings += part.warnings
        siteCounts[.papers]! += part.papers.count
        siteCounts[.topics]! += part.topics.count
    }

    /// Authors: a person's slug is claimed where they first appear, guides newest first.
    /// When the same people appear in the same order as in the previous
    /// model, with the same links, every author is as they were: the claims
    /// would give each the slug they had. (Claiming slugs again, hashing
    /// each, took 2 ms of every edit at 10,000 papers.)
    private mutating func addAuthors() -> [AuthorID] {
        let siteAuthors = sitePeople.map(\.id)
        if let previous, let was = previous.siteAuthors[SiteModel.siteID], was == siteAuthors,
           previous.site[SiteModel.siteID]?.links == links {
            for author in siteAuthors { model.authors.set(author.raw, box: previous.authors.box(author.raw)!) }
            return siteAuthors
        }
        var authorSlugs = SlugRegistry(), slugNumbers = Interned()
        for person in sitePeople {
            let slug = authorSlugs.claim(slugNumbers.id(person.slug), in: &slugNumbers)
            let path = Routes.author(slug: slug), url = links.url(path)
            if let kept = previous?.authors.box(person.id.raw), kept.name == person.name, kept.slug == slug, kept.url == url {
                model.authors.set(person.id.raw, box: kept)
            } else {
                model.authors.set(person.id.raw, box: Box(AuthorInfo(name: person.name, slug: slug, path: path, url: url,
                                                                     sortKey: SortKey.forName(person.name))))
            }
        }
        return siteAuthors
    }

    /// Each author's papers, in order: the bylines sorted by author (counted,
    /// then placed), each list kept as it was when its papers are the same.
    /// (Appending to one array per author, and making each anew, took 2 ms
    /// of every edit at 10,000 papers.)
    private mutating func setAuthorPapers(_ authors: [AuthorID], authorCount: Int) {
        var starts = [Int](repeating: 0, count: authorCount + 1)
        for byline in bylines { starts[Int(byline.author.raw) + 1] += 1 }
        for index in 0..<authorCount { starts[index + 1] += starts[index] }
        var next = starts
        var papers = [PaperID](repeating: PaperID(0), count: bylines.count)
        for byline in bylines {
            papers[next[Int(byline.author.raw)]] = byline.paper
            next[Int(byline.author.raw)] += 1
        }
        for author in authors {
            let list = papers[starts[Int(author.raw)]..<starts[Int(author.raw) + 1]]
            if let kept = previous?.authorPapers.box(author.raw), kept.value.elementsEqual(list) {
                model.authorPapers.set(author.raw, box: kept)
            } else {
                model.authorPapers.set(author.raw, box: Box(Array(list)))
            }
        }
    }

    mutating func finish(guides: [SiteAssembler.Input], identities: inout Identities) {
        let siteAuthors = addAuthors()
        setAuthorPapers(siteAuthors, authorCount: identities.authors.count)
        for (id, info) in postings { model.postings.set(id.raw, info, previous: previous?.postings) }
        siteCounts[.authors] = siteAuthors.count
        siteCounts[.postings] = sitePostings.count
        let site = SiteModel.siteID
        model.site.set(site, siteInfo(guides), previous: previous?.site)
        model.siteGuides.set(site, guides.map { identities.guides.id($0.file.slug) }, previous: previous?.siteGuides)
        model.siteAuthors.set(site, siteAuthors, previous: previous?.siteAuthors)
        model.sitePostings.set(site, sitePostings, previous: previous?.sitePostings)
        model.setCounts(siteCounts, of: nil, previous: previous)
    }

    /// The extra pages, their bodies' HTML, and the navigation's lists of them:
    /// the site's (pages without a guide, and every page on a site of one
    /// guide) and each guide's on a site of several.
    mutating func addPages(_ pages: [ExtraPageSource], html: [String], guides: [SiteAssembler.Input], identities: inout Identities) {
        typealias Entry = (id: ExtraPageID, info: ExtraPageInfo, sortKey: String)
        var ids: [ExtraPageID] = []
        var siteNav: [Entry] = []
        var guideNav: [GuideID: [Entry]] = [:]
        for (page, body) in zip(pages, html) {
            let id: ExtraPageID = identities.extraPages.id(page.name)
            let guide: GuideID? = page.guide.map { identities.guides.id($0) }
            let prefix = page.guide.map { Routes.guidePrefix(slug: $0, multipleGuides: multiple) } ?? ""
            let path = Routes.extraPage(prefix: prefix, name: page.name)
            let info = ExtraPageInfo(name: page.name, title: page.title, guide: guide, path: path, url: links.url(path),
                                     nav: page.nav, description: page.description)
            model.extraPages.set(id.raw, info, previous: previous?.extraPages)
            model.extraPageTexts.set(id.raw, ExtraPageText(bodyHTML: body), previous: previous?.extraPageTexts)
            ids.append(id)
            guard page.nav != nil else { continue }
            if multiple, let guide { guideNav[guide, default: []].append((id, info, SortKey.of(info.title))) }
            else { siteNav.append((id, info, SortKey.of(info.title))) }
        }
        /// By `nav`, then title as a reader expects, then name.
        func ordered(_ entries: [Entry]) -> [ExtraPageID] {
            entries.sorted { a, b in
                if a.info.nav != b.info.nav { return a.info.nav! < b.info.nav! }
                if a.sortKey != b.sortKey { return a.sortKey < b.sortKey }
                return a.info.name < b.info.name
            }.map(\.id)
        }
        let site = SiteModel.siteID
        model.sitePages.set(site, ids, previous: previous?.sitePages)
        model.siteNavPages.set(site, ordered(siteNav), previous: previous?.siteNavPages)
        for input in guides {
            let guide: GuideID = identities.guides.id(input.file.slug)
            model.guideNavPages.set(guide.raw, ordered(guideNav[guide] ?? []), previous: previous?.guideNavPages)
        }
    }

    /// The site's words: a site of one guide is named after it; a site of
    /// several after `site.yml`, with the organization its guides share.
    private func siteInfo(_ guides: [SiteAssembler.Input]) -> SiteInfo {
        var info = SiteInfo(title: config.title ?? SiteAssembler.defaultTitle, subtitle: config.subtitle ?? "",
                            organization: "", conference: "", year: "",
                            links: links, absoluteBase: config.absoluteBase, isAbsolute: config.isAbsolute,
                            language: config.language, papersPerPage: config.papersPerPage,
                            papersByLetterAbove: config.papersByLetterAbove, feedLimit: config.feedLimit,
                            sitemapURLLimit: config.sitemapURLLimit,
                            topicsPerPage: config.topicsPerPage, topicCardPapers: config.topicCardPapers,
                            authorsPerPage: config.authorsPerPage, coauthorsShown: config.coauthorsShown, multipleGuides: multiple)
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
}

/// Markdown rendered once per text and kept between rebuilds, so that a
/// rebuild renders only the texts an edit changed (libcmark takes about 11 µs
/// a paragraph; a 10,000-paper guide has 11,000 of them). Texts are looked up
/// by their bytes (`ExactString`): hashing a `String` checks or makes its
/// normal form first, a fifth of the model step at 10,000 papers (the texts
/// are in Normal Form C already, `String.normalizedText`).
struct MarkdownCache: Sendable {
    let renderer: MarkdownRenderer
    private var blocks: [ExactString: String] = [:]
    private var inlines: [ExactString: String] = [:]
    private var alts: [ExactString: String] = [:]
    /// By the posting's text as written, before `PostingText.markdown` (which
    /// takes a while for the long pasted texts of a thousand postings).
    private var postings: [ExactString: String] = [:]

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

    /// The `alt` of a figure of each caption, in order: made of the caption
    /// as plain text (`AltText`); "" when that is empty.
    mutating func altTexts(_ captions: [String]) -> [String] {
        let renderer = self.renderer
        return Self.lookUp(captions, in: &alts) { caption in
            let plain = renderer.plainText(caption)
            return plain.isEmpty ? "" : AltText.of(caption: plain)
        }
    }

    /// Block HTML of each job posting's text, in order.
    mutating func postingHTML(_ texts: [String]) -> [String] {
        let renderer = self.renderer
        return Self.lookUp(texts, in: &postings) { renderer.html(PostingText.markdown($0)) }
    }

    private static func lookUp(_ texts: [String], in cache: inout [ExactString: String],
                               render: @escaping @Sendable (String) -> String) -> [String] {
        // Forget the texts of old builds once they outnumber this one's.
        if cache.count > 2 * texts.count + 1000 { cache = [:] }
        var results = [String?](repeating: nil, count: texts.count)
        var missing: [Int] = []
        for (index, text) in texts.enumerated() {
            if text.isEmpty { results[index] = "" } else if let html = cache[ExactString(text)] { results[index] = html } else { missing.append(index) }
        }
        let toRender = missing
        let rendered = parallelMap(toRender.count) { render(texts[toRender[$0]]) }
        for (index, html) in zip(missing, rendered) {
            results[index] = html
            cache[ExactString(texts[index])] = html
        }
        return results.map { $0! }
    }
}
