import Mustache

/// `{title, url}`: a link to a topic or paper; also `previous`/`next`.
public struct LinkContext: MustacheParent, Hashable, Sendable {
    public var title: String
    public var url: String

    public func child(named name: String) -> Any? {
        switch name {
        case "title": asText(title)
        case "url": asText(url)
        default: nil
        }
    }
}

/// `{name, url}`: a link to an author, or `{name}` alone for a location.
public struct NameContext: MustacheParent, Hashable, Sendable {
    public var name: String
    public var url: String = ""
    public var paperCount: Int = 0

    public func child(named name: String) -> Any? {
        switch name {
        case "name": return asText(self.name)
        case "url": return nonEmpty(url)
        case "paper_count": return paperCount
        case "paper_count_label": return asText(count(paperCount, "paper"))
        default: return nil
        }
    }
}

/// A paper in a list: `{title, url, authors, authors_html, topic, description_html}`;
/// its node carries `paper-card.mustache` rendered as `card_html`. `authors_html`
/// is the authors' `author-link` fragments joined by ", ", joined once when the
/// card is made: the card's fragment and the paper's page both show it.
public struct PaperCard: MustacheParent, Hashable, Sendable {
    public var title: String
    public var url: String
    public private(set) var authors: [ContextNode]
    /// Made from `authors` by the initialiser.
    public private(set) var authorsHTML: String
    public var topic: ContextNode?
    public var descriptionHTML: String

    public init(title: String, url: String, authors: [ContextNode], topic: ContextNode?, descriptionHTML: String) {
        self.title = title
        self.url = url
        self.authors = authors
        authorsHTML = joinedFragments(authors, .authorLink, separator: ", ")?.value ?? ""
        self.topic = topic
        self.descriptionHTML = descriptionHTML
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "url": return asText(url)
        case "authors": return authors
        case "authors_html": return nonEmpty(authorsHTML)
        case "topic": return topic
        case "description_html": return nonEmpty(descriptionHTML)
        default: return nil
        }
    }
}

/// A figure: the image when its file exists, otherwise a captioned placeholder.
public struct FigureContext: MustacheParent, Hashable, Sendable {
    public var id: String
    public var fileName: String
    /// Image URL; empty when the image file is missing.
    public var src: String
    public var captionHTML: String
    /// The caption as plain text, for `alt`.
    public var alt: String
    public var paper: ContextNode?

    public func child(named name: String) -> Any? {
        switch name {
        case "id": return asText(id)
        case "file_name": return asText(fileName)
        case "src": return nonEmpty(src)
        case "has_image": return !src.isEmpty
        case "caption_html": return nonEmpty(captionHTML)
        case "alt": return asText(alt)
        case "paper": return paper
        default: return nil
        }
    }
}

/// `{text}`: a "Related content" teaser.
public struct TextContext: MustacheParent, Hashable, Sendable {
    public var text: String

    public func child(named name: String) -> Any? {
        name == "text" ? asText(text) : nil
    }
}
