/// Assembles a `Guide` from the parser's items: the state machine that decides
/// where each paragraph, paper and figure belongs.
struct GuideBuilder {
    var guide: Guide
    private(set) var diagnostics: [Diagnostic]
    private var authorIndex = StringTable()
    /// The last paper of each author, so a name twice in one byline lists the paper once.
    private var lastPaperOfAuthor: [Int] = []
    /// Each author's number of papers: the authors get their paper lists at the
    /// end, from the papers' author lists, each allocated once at its size.
    private var paperCounts: [Int] = []

    /// Where the next paragraph goes.
    private enum Focus {
        case intro
        case topic(Int)
        case paper(Int)
    }
    private var focus = Focus.intro
    private var topic: Int?

    init(file: String, header: GuideParser.Header) {
        guide = Guide(file: file, title: header.title, event: EventTitle.parse(header.title.text))
        guide.preamble = header.preamble
        diagnostics = header.diagnostics
    }

    mutating func read(_ items: inout GuideItemStream) {
        reserveCapacity(papers: items.maximumPaperCount)
        while let item = items.next() {
            switch item {
            case .heading(let text):
                if items.peek(0, \.isHeadingOrMarker) ?? true {
                    guide.emptyHeadings.append(text)
                } else {
                    startTopic(text)
                }
            case .paragraph(let text):
                addParagraph(text)
            case .relatedMarker(let marker):
                if let teaser = items.peek(0, \.singleLine) ?? nil {
                    let teaserIndex = guide.teasers.count
                    guide.teasers.append(Teaser(heading: marker, text: teaser, topic: topic))
                    if let topic { guide.topics[topic].teasers.append(teaserIndex) }
                    _ = items.next()
                } else {
                    guide.emptyHeadings.append(marker)
                }
            case .figure(let fileName, let caption):
                addFigure(fileName: fileName, caption: caption)
            case .paper(let title, let byline, let names, let slug):
                addPaper(title: title, byline: byline, names: names, slugBase: slug)
            }
        }
    }

    /// Room for every paper up front; pages of it left unused are never touched.
    private mutating func reserveCapacity(papers: Int) {
        guide.papers.reserveCapacity(guide.papers.count + papers)
    }

    private mutating func startTopic(_ title: SourceText) {
        topic = guide.topics.count
        guide.topics.append(Topic(title: title))
        focus = .topic(topic!)
    }

    private mutating func addParagraph(_ text: SourceText) {
        switch focus {
        case .intro: guide.intro.append(text)
        case .topic(let index): guide.topics[index].description.append(text)
        case .paper(let index): guide.papers[index].description.append(text)
        }
    }

    private mutating func addFigure(fileName: SourceText, caption: SourceText?) {
        let index = guide.figures.count
        var figure = Figure(fileName: fileName, caption: caption)
        figure.topic = topic
        guide.figures.append(figure)
        if let topic { guide.topics[topic].figures.append(index) }
        if caption == nil {
            diagnostics.append(.warning(guide.file, line: fileName.line,
                "figure \"\(fileName.text)\" has no caption line under it"))
        }
    }

    private mutating func addPaper(title: SourceText, byline: SourceText, names: [String], slugBase: String) {
        let index = guide.papers.count
        let authors = names.map { authorID(for: $0, paper: index) }
        // Built in place: a local Paper would be copied into the array.
        guide.papers.append(Paper(title: title, authorLine: byline))
        guide.papers[index].slugBase = slugBase
        guide.papers[index].topic = topic
        guide.papers[index].authors = authors
        if let topic { guide.topics[topic].papers.append(index) }
        focus = .paper(index)
    }

    private mutating func authorID(for name: String, paper: Int) -> Int {
        let id = authorIndex.value(for: name, insertingIfAbsent: guide.authors.count)
        if id == guide.authors.count {
            guide.authors.append(Author(name: name))
            lastPaperOfAuthor.append(-1)
            paperCounts.append(0)
        }
        if lastPaperOfAuthor[id] != paper {
            lastPaperOfAuthor[id] = paper
            paperCounts[id] += 1
        }
        return id
    }

    // MARK: - Postings

    /// Location lines and text lines. Several locations may precede one text;
    /// a text line right after another text continues that posting.
    mutating func readPostings(heading: SourceText, lines: [SourceLines.Line]) {
        guide.postingsHeading = heading
        struct Draft {
            var locations: [SourceText] = []
            var texts: [SourceText] = []
        }
        var drafts: [Draft] = []
        var pendingLocations: [SourceText] = []
        for line in lines {
            let text = SourceText(line.text, line: line.number)
            if LinePatterns.isLocation(line.text) {
                pendingLocations.append(text)
            } else if !pendingLocations.isEmpty {
                drafts.append(Draft(locations: pendingLocations, texts: [text]))
                pendingLocations = []
            } else if !drafts.isEmpty {
                drafts[drafts.count - 1].texts.append(text)
            } else {
                diagnostics.append(.error(guide.file, line: line.number,
                    "cannot place this line: a posting's text must follow its location line (like \"US, WA, Seattle\")"))
            }
        }
        for location in pendingLocations {
            diagnostics.append(.error(guide.file, line: location.line,
                "location \"\(location.text)\" has no posting text after it"))
        }

        var byText: [String: Int] = [:]
        for draft in drafts {
            let body = draft.texts.map(\.text).joined(separator: "\n\n")
            if let existing = byText[body] {
                guide.postings[existing].locationLines += draft.locations
                guide.postings[existing].textLines += draft.texts
            } else {
                byText[body] = guide.postings.count
                guide.postings.append(Posting(text: body, locationLines: draft.locations, textLines: draft.texts))
            }
        }
    }

    // MARK: - Finish

    mutating func finish() -> GuideParser.Result {
        for (author, count) in paperCounts.enumerated() { guide.authors[author].papers.reserveCapacity(count) }
        for paper in guide.papers.indices {
            for author in guide.papers[paper].authors where guide.authors[author].papers.last != paper {
                guide.authors[author].papers.append(paper)
            }
        }
        assignSlugs()
        let titleDiagnostics = PaperTitles.resolve(&guide)
        return GuideParser.Result(guide: guide, structuralDiagnostics: diagnostics, titleDiagnostics: titleDiagnostics)
    }

    private mutating func assignSlugs() {
        var topics = SlugRegistry(capacity: guide.topics.count)
        for index in guide.topics.indices {
            guide.topics[index].slug = topics.claim(guide.topics[index].title.text)
        }
        var authors = SlugRegistry(capacity: guide.authors.count)
        for index in guide.authors.indices {
            guide.authors[index].slug = authors.claim(guide.authors[index].name)
        }
        var figures = SlugRegistry(capacity: guide.figures.count)
        for index in guide.figures.indices {
            let name = guide.figures[index].fileName.text
            let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
            guide.figures[index].slug = figures.claim(stem)
        }
        var postings = SlugRegistry(capacity: guide.postings.count)
        for index in guide.postings.indices {
            guide.postings[index].slug = postings.claim(slug: "posting-\(index + 1)")
        }
    }
}

private extension GuideItem {
    var isHeadingOrMarker: Bool {
        switch self {
        case .heading, .relatedMarker: true
        default: false
        }
    }
}
