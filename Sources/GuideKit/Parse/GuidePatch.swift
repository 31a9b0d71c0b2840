/// A re-parse that patches the previous guide instead of reading the whole
/// text again, for the edits made while previewing: a paper's title, a byline
/// naming the same people, a paragraph of the intro or of a description, a
/// figure's caption, rewritten in place.
///
/// The patched guide is the one a full parse of the new text gives (tests
/// compare the two on random edits). An edit is patched only when:
/// - it rewrote lines in place (`LineEdit`): no line added or removed, no
///   block split or joined, so every other line keeps its number;
/// - each block it touched cuts into the same items as before (the same kinds
///   over the same lines, papers with the same names), so the parser's state
///   machine takes the same path through the guide;
/// - it stays out of the header (preamble, title, subtitle, and the block after
///   them that could become a subtitle) and the postings section, and no line
///   it touched reads as a "Related content" marker or a location, which decide
///   where the postings start;
/// - every line it changed is one of the texts above.
/// Anything else returns nil, and the guide is parsed in full.
enum GuidePatch {
    static func reparse(_ bytes: [UInt8], previous: GuideParser.Result, previousBytes: [UInt8]) -> GuideParser.Result? {
        guard let edit = LineEdit(old: previousBytes, new: bytes) else { return nil }
        var guide = previous.guide
        let body = bodyLines(of: guide)
        for line in edit.changed {
            guard body.contains(line.number),
                  !LinePatterns.isRelatedContentMarker(line.old), !LinePatterns.isRelatedContentMarker(line.new),
                  !LinePatterns.isLocation(line.old), !LinePatterns.isLocation(line.new) else { return nil }
        }
        for (old, new) in edit.blocks {
            if guide.subtitle == nil, old.lines.contains(where: { $0.number == body.lowerBound }) { return nil }
            guard sameShape(items(of: old), items(of: new)) else { return nil }
        }

        var titlesChanged = false
        for line in edit.changed {
            guard let owner = owner(of: line.number, in: guide) else { return nil }
            switch owner {
            case .paperTitle(let paper):
                guide.papers[paper].title.text = line.new
                guide.papers[paper].slugBase = Slug.make(line.new)
                titlesChanged = true
            case .byline(let paper):
                guide.papers[paper].authorLine.text = line.new
            case .paperDescription(let paper, let paragraph):
                replace(line, in: &guide.papers[paper].description[paragraph])
            case .topicDescription(let topic, let paragraph):
                replace(line, in: &guide.topics[topic].description[paragraph])
            case .intro(let paragraph):
                replace(line, in: &guide.intro[paragraph])
            case .caption(let figure):
                guide.figures[figure].caption?.text = line.new
                titlesChanged = true
            }
        }

        var result = previous
        if titlesChanged {
            PaperTitles.unlinkFigures(&guide)
            result.titleDiagnostics = PaperTitles.resolve(&guide)
        }
        result.guide = guide
        return result
    }

    /// The lines after the header and before the postings: the first is the
    /// first line after the title and subtitle that holds anything.
    private static func bodyLines(of guide: Guide) -> Range<Int> {
        let headerEnd = max(guide.title.line, guide.subtitle?.line ?? 0)
        let firsts = [guide.intro.first?.line, guide.topics.first?.title.line, guide.papers.first?.title.line,
                      guide.figures.first?.fileName.line, guide.emptyHeadings.first?.line, guide.teasers.first?.heading.line]
        let end = guide.postingsHeading?.line ?? Int.max
        let start = firsts.compactMap { $0 }.filter { $0 > headerEnd }.min() ?? end
        return start..<max(start, end)
    }

    private static func items(of block: Block) -> [GuideItem] {
        var items: [GuideItem] = []
        GuideItem.cut(block, into: &items)
        return items
    }

    private static func sameShape(_ old: [GuideItem], _ new: [GuideItem]) -> Bool {
        old.count == new.count && zip(old, new).allSatisfy { $0.shape == $1.shape }
    }

    // MARK: - Owners

    /// The model text a line belongs to, among those a patch may change.
    private enum Owner {
        case paperTitle(Int)
        case byline(Int)
        case paperDescription(Int, paragraph: Int)
        case topicDescription(Int, paragraph: Int)
        case intro(paragraph: Int)
        case caption(Int)
    }

    private static func owner(of line: Int, in guide: Guide) -> Owner? {
        if let paper = lastIndex(in: guide.papers, startingAtOrBefore: line, { $0.title.line }) {
            let value = guide.papers[paper]
            if value.title.line == line { return .paperTitle(paper) }
            if value.authorLine.lines == [line] { return .byline(paper) }
            if let paragraph = value.description.firstIndex(where: { $0.lines.contains(line) }) {
                return .paperDescription(paper, paragraph: paragraph)
            }
        }
        if let topic = lastIndex(in: guide.topics, startingAtOrBefore: line, { $0.title.line }),
           let paragraph = guide.topics[topic].description.firstIndex(where: { $0.lines.contains(line) }) {
            return .topicDescription(topic, paragraph: paragraph)
        }
        if let figure = lastIndex(in: guide.figures, startingAtOrBefore: line, { $0.fileName.line }),
           guide.figures[figure].caption?.lines == [line] {
            return .caption(figure)
        }
        if let paragraph = guide.intro.firstIndex(where: { $0.lines.contains(line) }) {
            return .intro(paragraph: paragraph)
        }
        return nil
    }

    /// The last element of `elements` (in source order) that starts at or before `line`.
    private static func lastIndex<Element>(in elements: [Element], startingAtOrBefore line: Int, _ start: (Element) -> Int) -> Int? {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if start(elements[middle]) <= line { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    /// Replaces one line of a paragraph; its text is its lines joined by "\n".
    private static func replace(_ line: LineEdit.ChangedLine, in paragraph: inout SourceText) {
        guard let position = paragraph.lines.firstIndex(of: line.number) else { return }
        var texts = paragraph.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        texts[position] = line.new
        paragraph.text = texts.joined(separator: "\n")
    }
}

private extension GuideItem {
    /// What the parser's state machine reads of an item: its kind, its lines,
    /// and a paper's names. Texts are left out.
    var shape: [String] {
        switch self {
        case .heading(let text): ["heading"] + text.lines.map(String.init)
        case .paragraph(let text): ["paragraph"] + text.lines.map(String.init)
        case .relatedMarker(let text): ["marker"] + text.lines.map(String.init)
        case .figure(let fileName, let caption): ["figure", String(fileName.line), caption.map { String($0.line) } ?? "-"]
        case .paper(let title, let byline, let names, _): ["paper", String(title.line), String(byline.line)] + names
        }
    }
}
