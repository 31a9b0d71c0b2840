import Mustache

/// `site`: the same on every page.
public struct SiteContext: MustacheParent, Hashable, Sendable {
    public var title: String
    public var subtitle: String
    public var organization: String
    public var conference: String
    public var year: String
    /// Path prefix of every internal link, ending in "/".
    public var base: String
    public var language: String
    public var counts: ContextNode
    public var hasCareers: Bool

    public struct Counts: MustacheParent, Hashable, Sendable {
        public var papers: Int
        public var topics: Int
        public var authors: Int
        public var postings: Int

        public func child(named name: String) -> Any? {
            switch name {
            case "papers": papers
            case "topics": topics
            case "authors": authors
            case "postings": postings
            default: nil
            }
        }
    }

    /// The same site with its counts left out, to compare sites for templates
    /// that never read them.
    var withoutCounts: SiteContext {
        var site = self
        site.counts = Self.noCounts
        return site
    }

    private static let noCounts = ContextNode(Counts(papers: 0, topics: 0, authors: 0, postings: 0))

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return asText(title)
        case "subtitle": return nonEmpty(subtitle)
        case "organization": return nonEmpty(organization)
        case "conference": return nonEmpty(conference)
        case "year": return nonEmpty(year)
        case "base": return asText(base)
        case "feed_url": return asText(base + "feed.xml")
        case "language": return asText(language)
        case "generator": return asText("guide")
        case "counts": return counts
        case "has_careers": return hasCareers
        default: return nil
        }
    }
}

/// `page`: this page's own title, description and address.
public struct PageInfo: MustacheParent, Hashable, Sendable {
    public var title: String
    public var description: String
    public var canonical: String
    public var kind: String

    public func child(named name: String) -> Any? {
        switch name {
        case "title": asText(title)
        case "description": asText(description)
        case "canonical": asText(canonical)
        case "kind": asText(kind)
        default: nil
        }
    }
}

/// An entry of `nav`.
public struct NavItem: MustacheParent, Hashable, Sendable {
    public var label: String
    public var url: String
    /// This page is the one the item links to (`aria-current="page"`).
    public var current: Bool
    /// This page is inside the item's section, e.g. a paper under Papers (`aria-current="true"`).
    public var section: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "label": asText(label)
        case "url": asText(url)
        case "current": current
        case "section": section
        case "aria_current": current ? asText("page") : section ? asText("true") : nil
        default: nil
        }
    }
}
