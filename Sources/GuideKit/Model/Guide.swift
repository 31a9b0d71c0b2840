/// One conference guide, parsed from a guide text file: the typed, lossless model
/// every page is planned and rendered from.
///
/// Relationships are indices into the guide's arrays (`Paper.topic`,
/// `Paper.authors`, ...): compact, `Sendable`, and cheap to compare between
/// rebuilds.
public struct Guide: Hashable, Sendable {
    /// The guide file, relative to the content folder's parent (e.g. `Content/icml-2023.txt`).
    public var file: String
    /// Lines above the title: a category label, a photo caption, a photo credit.
    public var preamble: [PreambleLine] = []
    public var title: SourceText
    /// The one-line dek under the title.
    public var subtitle: SourceText?
    /// Intro paragraphs (Markdown).
    public var intro: [SourceText] = []
    /// Organization, conference and year, when the title names them.
    public var event: Event
    public var topics: [Topic] = []
    /// Every paper in document order.
    public var papers: [Paper] = []
    /// Every distinct author, in order of first appearance.
    public var authors: [Author] = []
    public var figures: [Figure] = []
    /// Headings with nothing under them, such as "Research areas".
    public var emptyHeadings: [SourceText] = []
    /// "Related content" lines followed by a one-line teaser in the article body.
    public var teasers: [Teaser] = []
    /// The "Related content" heading that opens the postings section.
    public var postingsHeading: SourceText?
    /// Related job postings; identical texts are one posting with several locations.
    public var postings: [Posting] = []

    public init(file: String, title: SourceText, event: Event = Event()) {
        self.file = file
        self.title = title
        self.event = event
    }

    /// The papers of author `author` (an index into `authors`), in document
    /// order. (Not kept: the site model lists each author's papers, and the
    /// parse of every edit listing them too took about 2.5 ms at 10,000 papers.)
    public func papers(by author: Int) -> [Int] {
        papers.indices.filter { papers[$0].authors.contains(author) }
    }

    /// Every source line the model holds, once per element that holds it.
    /// The parser's lossless property: this equals the source's non-blank lines, each once.
    public var placedLines: [Int] {
        var lines = preamble.flatMap(\.text.lines) + title.lines
        lines += subtitle?.lines ?? []
        lines += intro.flatMap(\.lines)
        for topic in topics {
            lines += topic.title.lines + topic.description.flatMap(\.lines)
        }
        for paper in papers {
            lines += paper.title.lines + paper.authorLine.lines + paper.description.flatMap(\.lines)
        }
        for figure in figures {
            lines += figure.fileName.lines + (figure.caption?.lines ?? [])
        }
        lines += emptyHeadings.flatMap(\.lines)
        lines += teasers.flatMap { $0.heading.lines + $0.text.lines }
        lines += postingsHeading?.lines ?? []
        for posting in postings {
            lines += posting.locationLines.flatMap(\.lines) + posting.textLines.flatMap(\.lines)
        }
        return lines
    }
}

/// What the title says about the event: "A quick guide to Amazon’s papers at ICML 2023".
public struct Event: Hashable, Sendable {
    public var organization: String?
    public var conference: String?
    public var year: String?

    public init(organization: String? = nil, conference: String? = nil, year: String? = nil) {
        self.organization = organization
        self.conference = conference
        self.year = year
    }
}

/// A line above the title.
public struct PreambleLine: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case label
        case caption
        case credit
        /// "July 21, 2023": the date the guide was published.
        case date
    }

    public var kind: Kind
    public var text: SourceText
}

/// A topic heading with its description, papers and figures.
public struct Topic: Hashable, Sendable {
    public var title: SourceText
    public var slug: String = ""
    /// Description paragraphs (Markdown); empty when the heading is followed by a paper.
    public var description: [SourceText] = []
    public var papers: [Int] = []
    public var figures: [Int] = []
    public var teasers: [Int] = []

    public init(title: SourceText) {
        self.title = title
    }
}

/// A paper: a title line followed by its author line.
public struct Paper: Hashable, Sendable {
    public var title: SourceText
    /// The title as papers are told apart: normalised (`FigureLinker.normalizedTitle`).
    public var titleKey: String = ""
    /// 0 for the first paper with this key, 1 for a repeat, ...
    public var titleOccurrence = 0
    public var slug: String = ""
    /// The author line as written.
    public var authorLine: SourceText
    /// Indices into `Guide.authors`, in byline order.
    public var authors: [Int] = []
    /// The equal-contribution mark after each author's name in the byline
    /// ("*", "†"; "" for none), or empty when no name has one. The author is
    /// the same with or without it; the byline shows it.
    public var authorMarks: [String] = []
    public var topic: Int?
    /// Paragraphs that follow the paper (Markdown).
    public var description: [SourceText] = []
    /// Figures whose caption names this paper.
    public var figures: [Int] = []

    public init(title: SourceText, authorLine: SourceText) {
        self.title = title
        self.authorLine = authorLine
    }
}

/// A person in one or more bylines; the same display name is the same author.
public struct Author: Hashable, Sendable {
    public var name: String
    public var slug: String = ""

    public init(name: String) {
        self.name = name
    }
}

/// An image file name line followed by its caption.
public struct Figure: Hashable, Sendable {
    public var fileName: SourceText
    public var caption: SourceText?
    /// Used for the image's output name and the figure's HTML id.
    public var slug: String = ""
    public var topic: Int?
    /// The paper the caption quotes or starts with.
    public var paper: Int?

    public init(fileName: SourceText, caption: SourceText?) {
        self.fileName = fileName
        self.caption = caption
    }
}

/// "Related content" followed by a one-line teaser inside the article.
public struct Teaser: Hashable, Sendable {
    public var heading: SourceText
    public var text: SourceText
    public var topic: Int?
}

/// A job posting. The same text listed under several locations is one posting.
public struct Posting: Hashable, Sendable {
    /// The posting's text (Markdown; " * " inside a paragraph introduces list items).
    public var text: String
    /// Every location line that introduced this text, in source order (repeats included).
    public var locationLines: [SourceText]
    /// Every line of this text, once per time it appeared.
    public var textLines: [SourceText]
    public var slug: String = ""

    /// Distinct locations in order of first appearance.
    public var locations: [String] {
        var seen = Set<String>()
        return locationLines.map(\.text).filter { seen.insert($0).inserted }
    }
}
