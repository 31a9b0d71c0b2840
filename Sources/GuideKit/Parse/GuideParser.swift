/// Turns a guide text file into a `Guide`.
///
/// The format is the one teams paste from their publishing system: preamble
/// lines and a title, a one-line subtitle, intro paragraphs, then topic
/// headings, each with a description, papers (title line + byline), figures
/// (image file name + caption); an empty "Research areas" heading; and a
/// "Related content" section of job postings (location line + text line).
///
/// The parser is lossless: every non-blank line lands in exactly one model
/// element (`Guide.placedLines`), or in a diagnostic with its line number.
public struct GuideParser: Sendable {
    public init() {}

    /// The parsed guide and what was noticed on the way. A guide with an error
    /// diagnostic must not be published.
    public struct Result: Sendable {
        public var guide: Guide
        /// What the guide's structure gave rise to: the header, figures without
        /// a caption, postings. An edit that keeps the structure keeps these.
        var structuralDiagnostics: [Diagnostic]
        /// Repeated titles and captions that name no paper (`PaperTitles`).
        var titleDiagnostics: [Diagnostic]

        /// Every diagnostic, in the order of the lines they name.
        public var diagnostics: [Diagnostic] {
            (structuralDiagnostics + titleDiagnostics).enumerated()
                .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
                .map(\.element)
        }
    }

    public func parse(bytes: [UInt8], file: String) throws(Diagnostic) -> Result {
        try parse(SourceLines(bytes: bytes, file: file), file: file)
    }

    public func parse(text: String, file: String) throws(Diagnostic) -> Result {
        try parse(SourceLines(text: text), file: file)
    }

    func parse(_ source: SourceLines, file: String) throws(Diagnostic) -> Result {
        var blocks = Block.split(source.lines)[...]
        guard !blocks.isEmpty else {
            throw .error(file, line: 1, "the guide is empty: expected a title on the first line")
        }
        var builder = GuideBuilder(file: file, header: Self.header(&blocks, file: file))
        let postings = Self.splitOffPostings(&blocks)
        var items = GuideItemStream(blocks)
        if let subtitle = Self.subtitle(&items) {
            builder.guide.subtitle = subtitle
            _ = items.next()
        }
        builder.read(&items)
        if let (heading, lines) = postings {
            builder.readPostings(heading: heading, lines: lines)
        }
        return builder.finish()
    }

    // MARK: - Header

    struct Header {
        var preamble: [PreambleLine]
        var title: SourceText
        var diagnostics: [Diagnostic]
    }

    /// The title is the last line of the first block; lines above it in that
    /// block are the preamble. A short first block followed by a one-line block
    /// that reads as a guide title is a preamble set apart by a blank line.
    static func header(_ blocks: inout ArraySlice<Block>, file: String) -> Header {
        var headerLines = Array(blocks.removeFirst().lines)
        if let next = blocks.first, next.lines.count == 1, headerLines.count <= 3,
           !looksLikeGuideTitle(headerLines.last!.text), looksLikeGuideTitle(next.lines.first!.text) {
            headerLines += blocks.removeFirst().lines
        }
        let titleLine = headerLines.removeLast()
        var diagnostics: [Diagnostic] = []
        if headerLines.count > 3 {
            diagnostics.append(.warning(file, line: headerLines[0].number,
                "\(headerLines.count) lines above the title; expected at most 3 (a label, a photo caption, a credit)"))
        }
        let preamble = headerLines.enumerated().map { index, line in
            let kind: PreambleLine.Kind =
                if LinePatterns.isCredit(line.text) { .credit }
                else if index == 0, headerLines.count > 1 || line.text.count <= 40,
                        LinePatterns.isHeadingLike(line.text) { .label }
                else { .caption }
            return PreambleLine(kind: kind, text: SourceText(line.text, line: line.number))
        }
        return Header(preamble: preamble, title: SourceText(titleLine.text, line: titleLine.number),
                      diagnostics: diagnostics)
    }

    static func looksLikeGuideTitle(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.contains("guide") || lower.contains("papers at") || lower.contains("papers @")
            || EventTitle.parse(line).year != nil && lower.contains(" at ")
    }

    /// The item after the title is a subtitle when it is one short sentence
    /// followed by more prose; a title followed directly by the intro has none.
    static func subtitle(_ items: inout GuideItemStream) -> SourceText? {
        guard items.peek(1, \.isParagraph) == true,
              let text = items.peek(0, \.paragraphText) ?? nil, text.lines.count == 1,
              LinePatterns.isSubtitleLike(text.text) else { return nil }
        return text
    }

    /// Cuts off the postings section: a "Related content" line followed by a
    /// location line such as "US, WA, Seattle" (after a blank line or not).
    static func splitOffPostings(_ blocks: inout ArraySlice<Block>) -> (SourceText, [SourceLines.Line])? {
        for index in blocks.indices {
            let lines = blocks[index].lines
            guard LinePatterns.isRelatedContentMarker(lines.first!.text) else { continue }
            let following = lines.dropFirst() + (blocks[(index + 1)...].first?.lines ?? [])
            guard let firstPostingLine = following.first, LinePatterns.isLocation(firstPostingLine.text) else { continue }
            let postingLines = Array(lines.dropFirst()) + blocks[(index + 1)...].flatMap(\.lines)
            blocks = blocks[..<index]
            return (SourceText(lines.first!.text, line: lines.first!.number), postingLines)
        }
        return nil
    }
}
