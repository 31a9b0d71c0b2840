/// Assembles a `Guide` from the parser's items: the state machine that decides
/// where each paragraph, paper and figure belongs.
///
/// It runs over every item of the guide on every parse, also when most
/// items come from the memo, so it does no string work on them: authors,
/// slugs and repeated titles are found by the numbers the items carry.
struct GuideBuilder {
    var guide: Guide
    private(set) var diagnostics: [Diagnostic]
    /// The author of each name in the memo (`ParseMemo.AuthorKey.name`), or -1.
    private var authorOfName: [Int32] = []
    /// Slugs handed out so far, claimed as each element is added (`ParseMemo.slugs`).
    private var authorSlugs = SlugRegistry()
    private var topicSlugs = SlugRegistry()
    private var figureSlugs = SlugRegistry()
    private var paperSlugs = SlugRegistry()
    private var paperTitleKeys: [Int32] = []
    /// The first paper of each topic: a topic's papers are those up to the next topic's first.
    private var firstPaperOfTopic: [Int] = []

    /// Where the next paragraph goes.
    private enum Focus {
        case intro
        case topic(Int)
        case paper(Int)
    }
    private var focus = Focus.intro
    private var topic: Int?
    /// The first line of the block the last paper came from: items of one
    /// block share it, so a paragraph with the same one sits right under a byline.
    private var blockOfLastPaper = -1

    init(file: String, header: GuideParser.Header) {
        guide = Guide(file: file, title: header.title, event: EventTitle.parse(header.title.text))
        guide.preamble = header.preamble
        diagnostics = header.diagnostics
    }

    mutating func read(_ items: inout GuideItemCursor, memo: inout ParseMemo) {
        reserveCapacity(papers: memo.paperCount + 64)
        while let (item, firstLine) = items.next(&memo) {
            switch item {
            case .heading(let text, let slug):
                if Self.headsNothing(items, &memo) {
                    addEmptyHeading(text.moved(to: firstLine),
                                    "heading \"\(text.text)\" has nothing under it (the next line is a heading, or the end), so no page shows it")
                } else {
                    startTopic(text.moved(to: firstLine), slug: slug, slugs: &memo.slugs)
                }
            case .paragraph(let text, let misread):
                if let misread {
                    diagnostics.append(.warning(guide.file, line: text.line + firstLine + 1,
                        "read as a paragraph, though it looks like a byline of \(misread.names) names under a title: \(misread.why)"))
                }
                if firstLine == blockOfLastPaper, text.lineCount == 1, LinePatterns.isHeadingLike(text.text) {
                    diagnostics.append(.warning(guide.file, line: text.line + firstLine,
                        "\"\(text.text)\" is read as the description of the paper above, as it is under its byline with no blank line; if it is a heading, put a blank line above it"))
                }
                addParagraph(text.moved(to: firstLine))
            case .relatedMarker(let marker):
                if let (next, nextFirstLine) = items.peek(0, &memo), let teaser = next.singleLine {
                    let teaserIndex = guide.teasers.count
                    guide.teasers.append(Teaser(heading: marker.moved(to: firstLine), text: teaser.moved(to: nextFirstLine), topic: topic))
                    if let topic { guide.topics[topic].teasers.append(teaserIndex) }
                    _ = items.next(&memo)
                } else {
                    addEmptyHeading(marker.moved(to: firstLine),
                                    "\"\(marker.text)\" is not followed by a one-line teaser, so no page shows it")
                }
            case .figure(let fileName, let caption, let slug):
                addFigure(fileName: fileName.moved(to: firstLine), caption: caption?.moved(to: firstLine),
                          slug: figureSlugs.claim(slug, in: &memo.slugs))
            case .paper(let paper):
                addPaper(paper, firstLine: firstLine, memo: &memo)
                blockOfLastPaper = firstLine
            }
        }
    }

    /// Room for as many papers as the last parse found and a few more.
    private mutating func reserveCapacity(papers: Int) {
        guide.papers.reserveCapacity(guide.papers.count + papers)
        paperTitleKeys.reserveCapacity(papers)
    }

    /// Whether the heading just read heads nothing: the next item is another
    /// heading or the end, or a teaser ("Related content" and its line) with
    /// nothing but those after it. A topic may start with a teaser.
    private static func headsNothing(_ items: GuideItemCursor, _ memo: inout ParseMemo) -> Bool {
        guard let next = items.peek(0, &memo)?.item else { return true }
        guard next.isHeadingOrMarker else { return false }
        guard case .relatedMarker = next, items.peek(1, &memo)?.item.singleLine != nil,
              let after = items.peek(2, &memo)?.item else { return true }
        return after.isHeadingOrMarker
    }

    /// A heading that heads nothing: kept in the model, on no page, and noted.
    private mutating func addEmptyHeading(_ text: SourceText, _ message: String) {
        guide.emptyHeadings.append(text)
        diagnostics.append(.note(guide.file, line: text.line, message))
    }

    private mutating func startTopic(_ title: SourceText, slug: Int32, slugs: inout Interned) {
        topic = guide.topics.count
        var topic = Topic(title: title)
        topic.slug = topicSlugs.claim(slug, in: &slugs)
        guide.topics.append(topic)
        firstPaperOfTopic.append(guide.papers.count)
        focus = .topic(self.topic!)
    }

    private mutating func addParagraph(_ text: SourceText) {
        switch focus {
        case .intro: guide.intro.append(text)
        case .topic(let index): guide.topics[index].description.append(text)
        case .paper(let index): guide.papers[index].description.append(text)
        }
    }

    private mutating func addFigure(fileName: SourceText, caption: SourceText?, slug: String) {
        let index = guide.figures.count
        var figure = Figure(fileName: fileName, caption: caption)
        figure.topic = topic
        figure.slug = slug
        guide.figures.append(figure)
        if let topic { guide.topics[topic].figures.append(index) }
        if caption == nil {
            diagnostics.append(.warning(guide.file, line: fileName.line,
                "figure \"\(fileName.text)\" has no caption line under it"))
        }
    }

    private mutating func addPaper(_ item: PaperItem, firstLine: Int, memo: inout ParseMemo) {
        let index = guide.papers.count
        let authors = withUnsafeTemporaryAllocation(of: Int.self, capacity: item.authors.count) { ids in
            var same = item.lastAuthors.count == ids.count
            for position in item.authors.indices {
                ids[position] = authorID(for: item.authors[position], of: item, at: position,
                                         nameCount: memo.nameCount, slugs: &memo.slugs)
                same = same && item.lastAuthors[position] == ids[position]
            }
            if !same { item.lastAuthors = Array(ids) }
            return item.lastAuthors
        }
        // Built in place: a local Paper would be copied into the array.
        guide.papers.append(Paper(title: item.title.moved(to: firstLine), authorLine: item.byline.moved(to: firstLine)))
        guide.papers[index].topic = topic
        guide.papers[index].authors = authors
        guide.papers[index].authorMarks = item.marks
        guide.papers[index].slug = paperSlugs.claim(item.slug, in: &memo.slugs)
        paperTitleKeys.append(item.titleKey)
        focus = .paper(index)
    }

    /// The author named `key`, who is new (and named as `item` spells them) if no paper before named them.
    private mutating func authorID(for key: ParseMemo.AuthorKey, of item: PaperItem, at position: Int,
                                   nameCount: Int, slugs: inout Interned) -> Int {
        // Names are numbered as blocks are cut, while the builder reads them.
        if Int(key.name) >= authorOfName.count {
            authorOfName += repeatElement(-1, count: nameCount - authorOfName.count)
        }
        var id = Int(authorOfName[Int(key.name)])
        if id < 0 {
            id = guide.authors.count
            authorOfName[Int(key.name)] = Int32(id)
            var author = Author(name: item.names[position])
            author.slug = authorSlugs.claim(key.slug, in: &slugs)
            guide.authors.append(author)
        }
        return id
    }

    // MARK: - Postings

    /// Location lines and text lines. Several locations may precede one text;
    /// a text line right after another text continues that posting.
    mutating func readPostings(heading: SourceText, lines: [SourceLines.Line]) {
        guide.postingsHeading = heading
        diagnostics.append(.note(guide.file, line: heading.line,
            "\"\(heading.text)\" opens the job postings, which the careers page lists under its own title; no page shows this line"))
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

    mutating func finish(memo: inout ParseMemo) -> (guide: Guide, diagnostics: [Diagnostic]) {
        memo.paperCount = guide.papers.count
        listPapers()
        // "posting-1", "posting-2", ...: all different.
        for index in guide.postings.indices {
            guide.postings[index].slug = "posting-\(index + 1)"
        }
        let titleDiagnostics = PaperTitles.resolve(&guide, titleKeys: paperTitleKeys, keys: memo.titleKeys)
        // Each paper's key: its normalised title and which occurrence of it it is.
        var occurrences = [Int32](repeating: 0, count: memo.titleKeys.count)
        for (index, key) in paperTitleKeys.enumerated() {
            guide.papers[index].titleKey = memo.titleKeys[key]
            guide.papers[index].titleOccurrence = Int(occurrences[Int(key)])
            occurrences[Int(key)] += 1
        }
        // In the order of the lines they name; those about one line in the order they were found.
        let all = diagnostics + titleDiagnostics
        let sorted = all.indices.sorted { (all[$0].line ?? 0, $0) < (all[$1].line ?? 0, $1) }.map { all[$0] }
        return (guide, sorted)
    }

    /// Each topic's papers, in document order; each list allocated once, at its size.
    private mutating func listPapers() {
        for topic in guide.topics.indices {
            let end = topic + 1 < firstPaperOfTopic.count ? firstPaperOfTopic[topic + 1] : guide.papers.count
            guide.topics[topic].papers.reserveCapacity(end - firstPaperOfTopic[topic])
            guide.topics[topic].papers.append(contentsOf: firstPaperOfTopic[topic]..<end)
        }
    }
}
