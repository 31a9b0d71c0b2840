/// One unit of the article body, cut from a block: the vocabulary the guide
/// parser's state machine reads.
///
/// Items are cut once per distinct block and kept (`ParseMemo`), so their
/// line numbers count from the block's first line (0): the state machine
/// moves what it keeps to where the block is now (`SourceText.moved(to:)`).
/// What it needs of their texts (names, slugs, title keys) is worked out
/// here, once, and referred to by number.
/// Each case holds one reference (a box, or a `PaperItem`): an item is
/// copied each time the guide is assembled.
enum GuideItem: Sendable {
    /// `slug`: the slug the heading makes as a topic (`ParseMemo.slugs`).
    indirect case heading(SourceText, slug: Int32)
    /// `misread`: set when the paragraph is a title and a line that looks
    /// like a byline but is not one; the builder says so.
    indirect case paragraph(SourceText, misread: NearByline? = nil)
    /// A "Related content" line.
    indirect case relatedMarker(SourceText)
    /// `slug`: the slug of the file name's stem.
    indirect case figure(fileName: SourceText, caption: SourceText?, slug: Int32)
    case paper(PaperItem)

    /// Cuts a block into items. A block usually holds one item, but authors
    /// do not always leave blank lines: "Heading / Title / Authors" is a
    /// heading and a paper, "Title / Authors / Title / Authors" two papers.
    static func cut(_ lines: [String], memo: inout ParseMemo) -> [GuideItem] {
        var items: [GuideItem] = []
        var proseStart: Int?
        func flushProse(before end: Int) {
            guard let start = proseStart else { return }
            // A line right under a byline, with no blank line, belongs to that
            // paper: it is never a heading (the builder says so when it looks like one).
            let underPaper = items.last?.isPaper ?? false
            items.append(proseItem(lines[start..<end], line: start, headingAllowed: !underPaper, slugs: &memo.slugs))
            proseStart = nil
        }

        var index = 0
        while index < lines.count {
            let line = lines[index]
            let hasNext = index + 1 < lines.count
            if LinePatterns.isImageFileName(line) {
                flushProse(before: index)
                let hasCaption = hasNext && !LinePatterns.isImageFileName(lines[index + 1])
                let stem = line.lastIndex(of: ".").map { String(line[..<$0]) } ?? line
                items.append(.figure(
                    fileName: SourceText(line, line: index),
                    caption: hasCaption ? SourceText(lines[index + 1], line: index + 1) : nil,
                    slug: memo.slugs.id(Slug.make(stem))))
                index += hasCaption ? 2 : 1
            } else if hasNext, !LinePatterns.isRelatedContentMarker(line),
                      let names = AuthorList.names(in: lines[index + 1], check: { memo.personalName($0) }) {
                flushProse(before: index)
                items.append(.paper(PaperItem(
                    title: SourceText(line, line: index),
                    byline: SourceText(lines[index + 1], line: index + 1),
                    names: names.map(\.name),
                    marks: names.contains { !$0.mark.isEmpty } ? names.map(\.mark) : [],
                    authors: names.map(\.info),
                    slug: memo.slugs.id(Slug.make(line)),
                    titleKey: memo.titleKeys.id(FigureLinker.normalizedTitle(line)))))
                index += 2
            } else {
                if proseStart == nil { proseStart = index }
                index += 1
            }
        }
        flushProse(before: index)
        return items
    }

    private static func proseItem(_ lines: ArraySlice<String>, line: Int, headingAllowed: Bool, slugs: inout Interned) -> GuideItem {
        // One line is its own text: joining would copy it.
        guard lines.count == 1, let single = lines.first else {
            let text = SourceText(lines.joined(separator: "\n"), line: line, lineCount: lines.count)
            return .paragraph(text, misread: lines.count == 2 ? NearByline(lines.last!) : nil)
        }
        let text = SourceText(single, line: line)
        if LinePatterns.isRelatedContentMarker(single) { return .relatedMarker(text) }
        return headingAllowed && LinePatterns.isHeadingLike(single) ? .heading(text, slug: slugs.id(Slug.make(single))) : .paragraph(text)
    }

    /// A single line that can stand as a teaser after "Related content".
    var singleLine: SourceText? {
        switch self {
        case .heading(let text, _), .paragraph(let text, _):
            text.lineCount == 1 ? text : nil
        default:
            nil
        }
    }

    var paragraphText: SourceText? {
        if case .paragraph(let text, _) = self { text } else { nil }
    }

    var isParagraph: Bool {
        if case .paragraph = self { true } else { false }
    }

    var isPaper: Bool {
        if case .paper = self { true } else { false }
    }

    var isHeadingOrMarker: Bool {
        switch self {
        case .heading, .relatedMarker: true
        default: false
        }
    }
}

/// A line that reads almost as a byline: names separated by commas and
/// "and", most of them personal names, one or more not. Under a title it
/// makes the two lines a paragraph, which would hide a paper in silence.
struct NearByline: Sendable {
    var names: Int
    /// Why it is not a byline: the first part that is not read as a personal
    /// name, or the line's length.
    var why: String

    /// Nil unless at least two parts are names of one to six words, at least
    /// half of them read as personal names and one does not; or the line is
    /// a list of names too long to read as a byline.
    init?(_ line: String) {
        guard line.utf8.contains(UInt8(ascii: ",")) || line.contains(" and ") || line.contains(" & ") else { return nil }
        if line.utf8.count > AuthorList.maximumBytes {
            let parts = line.split(separator: ",")
            guard parts.count >= 10, parts.allSatisfy({ $0.split(separator: " ").count <= 6 }) else { return nil }
            (names, why) = (parts.count, "the line is \(line.utf8.count) bytes, more than the \(AuthorList.maximumBytes) read as a byline")
            return
        }
        var rejected: String?
        var personal = 0
        guard let names = AuthorList.names(in: line, check: { name -> (words: Int, info: Void)? in
            let words = name.split(separator: " ").count
            guard (1...6).contains(words) else { return nil }
            if AuthorList.wordCount(of: name) != nil { personal += 1 } else if rejected == nil { rejected = name }
            return (max(words, 2), ())
        }), names.count >= 2, let rejected, personal * 2 >= names.count else { return nil }
        (self.names, self.why) = (names.count,
            "\"\(rejected)\" does not read as a personal name (capitalised words, initials, particles); if this is a paper, write that name so")
    }
}

/// A title line and the byline under it. A class: an item is copied each
/// time the guide is assembled, and papers are most of a guide.
///
/// It keeps the author list it was last given (`lastAuthors`), which the
/// next parse reuses when the paper's authors have the same numbers: a
/// parse allocates no list for a paper whose authors did not move. Changed
/// only by a parse, under the memo's lock.
final class PaperItem: @unchecked Sendable {
    let title: SourceText
    let byline: SourceText
    /// The names as written in the byline, and the authors they name: apart,
    /// as the names themselves are needed only for authors a guide has not met yet.
    let names: [String]
    /// The contribution mark after each name ("*", "†"; "" for none), or
    /// empty when no name has one.
    let marks: [String]
    let authors: [ParseMemo.AuthorKey]
    /// The slug the title makes, before the "-2" of a repeated title.
    let slug: Int32
    /// The normalised title (`FigureLinker.normalizedTitle`), in `ParseMemo.titleKeys`.
    let titleKey: Int32
    /// `Paper.authors` as the last parse made it.
    var lastAuthors: [Int] = []

    init(title: SourceText, byline: SourceText, names: [String], marks: [String], authors: [ParseMemo.AuthorKey], slug: Int32, titleKey: Int32) {
        (self.title, self.byline, self.names, self.marks, self.authors, self.slug, self.titleKey) = (title, byline, names, marks, authors, slug, titleKey)
    }
}
