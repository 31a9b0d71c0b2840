/// One unit of the article body, cut from a block: the vocabulary the guide
/// parser's state machine reads.
enum GuideItem: Sendable {
    case heading(SourceText)
    case paragraph(SourceText)
    /// A "Related content" line.
    case relatedMarker(SourceText)
    case figure(fileName: SourceText, caption: SourceText?)
    /// `slug` is the one the title makes, before the "-2" of a repeated title:
    /// made here, where blocks are cut in parallel.
    case paper(title: SourceText, byline: SourceText, names: [String], slug: String)

    /// Cuts a block into items, appended to `items`. A block usually holds one
    /// item, but authors do not always leave blank lines: "Heading / Title /
    /// Authors" is a heading and a paper, "Title / Authors / Title / Authors" two papers.
    static func cut(_ block: Block, into items: inout [GuideItem]) {
        let lines = block.lines
        var proseStart: Int?
        func flushProse(before end: Int) {
            guard let start = proseStart else { return }
            items.append(proseItem(Block(lines: lines[start..<end])))
            proseStart = nil
        }

        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            let hasNext = index + 1 < lines.endIndex
            if LinePatterns.isImageFileName(line.text) {
                flushProse(before: index)
                let hasCaption = hasNext && !LinePatterns.isImageFileName(lines[index + 1].text)
                items.append(.figure(
                    fileName: SourceText(line.text, line: line.number),
                    caption: hasCaption ? SourceText(lines[index + 1].text, line: lines[index + 1].number) : nil))
                index += hasCaption ? 2 : 1
            } else if hasNext, !LinePatterns.isRelatedContentMarker(line.text),
                      let names = AuthorList.names(in: lines[index + 1].text) {
                flushProse(before: index)
                items.append(.paper(
                    title: SourceText(line.text, line: line.number),
                    byline: SourceText(lines[index + 1].text, line: lines[index + 1].number),
                    names: names,
                    slug: Slug.make(line.text)))
                index += 2
            } else {
                if proseStart == nil { proseStart = index }
                index += 1
            }
        }
        flushProse(before: index)
    }

    private static func proseItem(_ block: Block) -> GuideItem {
        let text = block.sourceText
        guard block.lines.count == 1 else { return .paragraph(text) }
        if LinePatterns.isRelatedContentMarker(text.text) { return .relatedMarker(text) }
        return LinePatterns.isHeadingLike(text.text) ? .heading(text) : .paragraph(text)
    }

    /// A single line that can stand as a teaser after "Related content".
    var singleLine: SourceText? {
        switch self {
        case .heading(let text), .paragraph(let text):
            text.lines.count == 1 ? text : nil
        default:
            nil
        }
    }

    var paragraphText: SourceText? {
        if case .paragraph(let text) = self { text } else { nil }
    }

    var isParagraph: Bool {
        if case .paragraph = self { true } else { false }
    }
}
