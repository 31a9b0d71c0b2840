/// One unit of the article body, cut from a block: the vocabulary the guide
/// parser's state machine reads.
enum GuideItem: Sendable {
    case heading(SourceText)
    case paragraph(SourceText)
    /// A "Related content" line.
    case relatedMarker(SourceText)
    case figure(fileName: SourceText, caption: SourceText?)
    case paper(title: SourceText, byline: SourceText, names: [String])

    /// Cuts a block into items. A block usually holds one item, but authors do
    /// not always leave blank lines: "Heading / Title / Authors" is a heading and
    /// a paper, "Title / Authors / Title / Authors" two papers.
    static func items(in block: Block) -> [GuideItem] {
        var items: [GuideItem] = []
        var prose: [SourceLines.Line] = []
        func flushProse() {
            guard !prose.isEmpty else { return }
            items.append(proseItem(Block(lines: prose)))
            prose = []
        }

        let lines = block.lines
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if LinePatterns.isImageFileName(line.text) {
                flushProse()
                let next = index + 1 < lines.count ? lines[index + 1] : nil
                let caption = next.flatMap { LinePatterns.isImageFileName($0.text) ? nil : $0 }
                items.append(.figure(
                    fileName: SourceText(line.text, line: line.number),
                    caption: caption.map { SourceText($0.text, line: $0.number) }))
                index += caption == nil ? 1 : 2
            } else if index + 1 < lines.count, !LinePatterns.isRelatedContentMarker(line.text),
                      let names = AuthorList.names(in: lines[index + 1].text) {
                flushProse()
                items.append(.paper(
                    title: SourceText(line.text, line: line.number),
                    byline: SourceText(lines[index + 1].text, line: lines[index + 1].number),
                    names: names))
                index += 2
            } else {
                prose.append(line)
                index += 1
            }
        }
        flushProse()
        return items
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

    var isParagraph: Bool {
        if case .paragraph = self { true } else { false }
    }
}
