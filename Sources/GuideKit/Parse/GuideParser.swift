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
///
/// A parse can reuse an earlier one (`parse(bytes:file:reusing:)`): only the
/// blocks (runs of non-blank lines) whose bytes it has not seen are decoded
/// and cut into items, and the guide is assembled from all items again. The
/// result is always the one a parse from scratch gives.
public struct GuideParser: Sendable {
    public init() {}

    /// The parsed guide and what was noticed on the way. A guide with an error
    /// diagnostic must not be published.
    public struct Result: Sendable {
        public var guide: Guide
        /// Every diagnostic, in the order of the lines they name.
        public var diagnostics: [Diagnostic]
        /// What a later parse of an edited guide reuses: the blocks read, the
        /// file they were found in (from `bodyStart`, after a byte order mark),
        /// and the memo that holds what they are.
        let memo: ParseMemo.Shared
        let source: [UInt8]
        let bodyStart: Int
        let blocks: [Block]
    }

    /// - Parameter previous: an earlier parse, of this guide before an edit, say:
    ///   the blocks it read are not read again.
    public func parse(bytes: [UInt8], file: String, reusing previous: Result? = nil) throws(Diagnostic) -> Result {
        let bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return try parse(bytes, from: bodyStart, file: file, reusing: previous)
    }

    /// A text keeps a byte order mark at its start as a character of its first line.
    public func parse(text: String, file: String, reusing previous: Result? = nil) throws(Diagnostic) -> Result {
        try parse(Array(text.utf8), from: 0, file: file, reusing: previous)
    }

    private func parse(_ bytes: [UInt8], from bodyStart: Int, file: String, reusing previous: Result?) throws(Diagnostic) -> Result {
        let shared = previous?.memo.reusable ?? ParseMemo.Shared()
        return try shared.withLock { (memo: inout ParseMemo) throws(Diagnostic) -> Result in
            let blocks = bytes.withUnsafeBufferPointer { bytes -> [Block]? in
                let body = UnsafeBufferPointer(rebasing: bytes[bodyStart...])
                var blocks: [Block]
                if let previous, previous.memo === shared, previous.bodyStart == bodyStart {
                    blocks = previous.source.withUnsafeBufferPointer { old in
                        EditedBlocks.blocks(of: body, old: UnsafeBufferPointer(rebasing: old[bodyStart...]), oldBlocks: previous.blocks)
                    }
                } else {
                    blocks = Block.split(body)
                }
                memo.reserveCapacity(blocks: blocks.count)
                for index in blocks.indices where blocks[index].entry < 0 {
                    guard let entry = memo.entry(UnsafeBufferPointer(rebasing: body[blocks[index].bytes])) else { return nil }
                    blocks[index].entry = entry
                    blocks[index].startsWithMarker = memo.startsWithMarker(entry)
                }
                return blocks
            }
            // Not valid UTF-8, or a forbidden character: `SourceLines` says where.
            guard let blocks else { throw SourceLines.firstUnreadable(in: bytes, file: file) }
            memo.noteBlocksInUse(blocks.count)
            let (guide, diagnostics) = try Self.assemble(blocks, file: file, memo: &memo)
            return Result(guide: guide, diagnostics: diagnostics, memo: shared, source: bytes, bodyStart: bodyStart, blocks: blocks)
        }
    }

    private static func assemble(_ placed: [Block], file: String, memo: inout ParseMemo) throws(Diagnostic) -> (Guide, [Diagnostic]) {
        var blocks = placed[...]
        guard !blocks.isEmpty else {
            throw .error(file, line: 1, "the guide is empty: expected a title on the first line")
        }
        var builder = GuideBuilder(file: file, header: header(&blocks, file: file, memo: memo))
        let postings = splitOffPostings(&blocks, memo: memo)
        var items = GuideItemCursor(blocks, memo: &memo)
        if let subtitle = subtitle(items, &memo) {
            builder.guide.subtitle = subtitle
            _ = items.next(&memo)
        }
        builder.read(&items, memo: &memo)
        if let (heading, lines) = postings {
            builder.readPostings(heading: heading, lines: lines)
        }
        return builder.finish(memo: &memo)
    }

    /// The numbered lines of a block.
    private static func lines(of block: Block, memo: ParseMemo) -> [SourceLines.Line] {
        memo.lines(block.entry).enumerated().map { SourceLines.Line(number: block.firstLine + $0.offset, text: $0.element) }
    }

    // MARK: - Header

    struct Header {
        var preamble: [PreambleLine]
        var title: SourceText
        var diagnostics: [Diagnostic]
    }

    /// The title is the last line of the first block; lines above it in that
    /// block are the preamble. A short first block followed by a one-line block
    /// is a preamble set apart by a blank line when that line reads as a guide
    /// title, or when the block ends with a photo credit, which no title is
    /// ("Photo courtesy of …" above "Amazon at ICLR: graphs, time series, and more").
    static func header(_ blocks: inout ArraySlice<Block>, file: String, memo: ParseMemo) -> Header {
        var headerLines = lines(of: blocks.removeFirst(), memo: memo)
        if let next = blocks.first, next.lineCount == 1, headerLines.count <= 4, !looksLikeGuideTitle(headerLines.last!.text),
           LinePatterns.isCredit(headerLines.last!.text) || looksLikeGuideTitle(memo.lines(next.entry)[0]) {
            headerLines += lines(of: blocks.removeFirst(), memo: memo)
        }
        let titleLine = headerLines.removeLast()
        var diagnostics: [Diagnostic] = []
        let dated = headerLines.map { LinePatterns.isDateLine($0.text) }
        let undated = headerLines.indices.filter { !dated[$0] }
        if undated.count > 3 {
            diagnostics.append(.warning(file, line: headerLines[0].number,
                "\(headerLines.count) lines above the title; expected at most a date, a label, a photo caption and a credit"))
        }
        let preamble = headerLines.enumerated().map { index, line in
            let kind: PreambleLine.Kind =
                if dated[index] { .date }
                else if LinePatterns.isCredit(line.text) { .credit }
                else if index == undated.first, undated.count > 1 || line.text.count <= 40,
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
    static func subtitle(_ items: GuideItemCursor, _ memo: inout ParseMemo) -> SourceText? {
        guard items.peek(1, &memo)?.item.isParagraph == true, let (first, firstLine) = items.peek(0, &memo),
              let text = first.paragraphText, text.lineCount == 1,
              LinePatterns.isSubtitleLike(text.text) else { return nil }
        return text.moved(to: firstLine)
    }

    /// Cuts off the postings section: a "Related content" line followed by a
    /// location line such as "US, WA, Seattle" (after a blank line or not).
    static func splitOffPostings(_ blocks: inout ArraySlice<Block>, memo: ParseMemo) -> (SourceText, [SourceLines.Line])? {
        for index in blocks.indices where blocks[index].startsWithMarker {
            let lines = memo.lines(blocks[index].entry)
            let following = lines.count > 1 ? lines[1] : blocks[(index + 1)...].first.map { memo.lines($0.entry)[0] }
            guard let following, LinePatterns.isLocation(following) else { continue }
            let marker = SourceText(lines[0], line: blocks[index].firstLine)
            let postingLines = Array(Self.lines(of: blocks[index], memo: memo).dropFirst())
                + blocks[(index + 1)...].flatMap { Self.lines(of: $0, memo: memo) }
            blocks = blocks[..<index]
            return (marker, postingLines)
        }
        return nil
    }
}
