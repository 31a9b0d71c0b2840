import Mustache

/// `/`: the guide's front page: `guide.*`, `topics` (`topics_html`),
/// `papers_without_topic` (`papers_without_topic_html`), `figures_without_topic`.
public struct HomeBody: MustacheParent, Hashable, Sendable {
    public struct Preamble: MustacheParent, Hashable, Sendable {
        public var text: String
        public var kind: String

        public func child(named name: String) -> Any? {
            switch name {
            case "text": asText(text)
            case "kind": asText(kind)
            default: nil
            }
        }
    }

    /// `guide.preamble`, `guide.subtitle`, `guide.intro_html`.
    public struct GuideView: MustacheParent, Hashable, Sendable {
        public var preamble: [ContextNode]
        public var subtitle: String
        public var introHTML: String

        public func child(named name: String) -> Any? {
            switch name {
            case "preamble": return preamble
            case "subtitle": return nonEmpty(subtitle)
            case "intro_html": return nonEmpty(introHTML)
            default: return nil
            }
        }
    }

    /// A topic on the front page: `{title, url, description_html, paper_count, papers,
    /// papers_html}`; its node carries `topic-card.mustache` rendered as `card_html`.
    public struct TopicSummary: MustacheParent, Hashable, Sendable {
        public var title: String
        public var url: String
        public var descriptionHTML: String
        public var papers: [ContextNode]

        public func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "url": return asText(url)
            case "description_html": return nonEmpty(descriptionHTML)
            case "paper_count": return papers.count
            case "paper_count_label": return asText(count(papers.count, "paper"))
            case "papers": return papers
            case "papers_html": return joinedFragments(papers, .paperLink)
            default: return nil
            }
        }
    }

    public var guide: ContextNode
    public var topics: [ContextNode]
    public var papersWithoutTopic: [ContextNode]
    public var figuresWithoutTopic: [ContextNode]

    public func child(named name: String) -> Any? {
        switch name {
        case "guide": return guide
        case "topics": return topics
        case "topics_html": return joinedFragments(topics, .topicCard)
        case "papers_without_topic": return papersWithoutTopic
        case "papers_without_topic_html": return joinedFragments(papersWithoutTopic, .paperCard)
        case "figures_without_topic": return figuresWithoutTopic
        default: return nil
        }
    }
}

/// `/topics/<slug>/`: `topic.*`, `previous`, `next`.
public struct TopicBody: MustacheParent, Hashable, Sendable {
    public struct TopicView: MustacheParent, Hashable, Sendable {
        public var title: String
        public var url: String
        public var descriptionHTML: String
        public var papers: [ContextNode]
        public var figures: [ContextNode]
        public var teasers: [ContextNode]

        public func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "url": return asText(url)
            case "description_html": return nonEmpty(descriptionHTML)
            case "papers": return papers
            case "papers_html": return joinedFragments(papers, .paperCard)
            case "figures": return figures
            case "teasers": return teasers
            case "paper_count": return papers.count
            case "paper_count_label": return asText(count(papers.count, "paper"))
            default: return nil
            }
        }
    }

    public var topic: ContextNode
    public var previous: ContextNode?
    public var next: ContextNode?

    public func child(named name: String) -> Any? {
        switch name {
        case "topic": return topic
        case "previous": return previous
        case "next": return next
        default: return nil
        }
    }
}

/// `/papers/` and its further pages (`/papers/page/2/`): `papers` (this page's
/// cards, `papers_html`), `count` and `count_label` (the whole list), `pagination`.
public struct PapersBody: MustacheParent, Hashable, Sendable {
    /// This page's cards.
    public var papers: [ContextNode]
    /// Papers in the whole list.
    public var count: Int
    /// A `Pagination`, when the list has more than one page.
    public var pagination: ContextNode?

    public func child(named name: String) -> Any? {
        switch name {
        case "papers": return papers
        case "papers_html": return joinedFragments(papers, .paperCard)
        case "count": return count
        case "count_label": return asText(GuideKit.count(count, "paper"))
        case "pagination": return pagination
        default: return nil
        }
    }
}

/// Where a page sits in a list cut into pages: `number`, `page_count`,
/// `previous_url` and `next_url` (missing at either end), and `pages`, the
/// links to show: the first and last pages and two on either side of this
/// one, as `{number, url, current, gap_before}` (`gap_before` when numbers
/// were skipped before it).
public struct Pagination: MustacheParent, Hashable, Sendable {
    /// From 1.
    public var number: Int
    /// Every page's URL, in order.
    public var urls: [String]

    public func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "page_count": urls.count
        case "previous_url": number > 1 ? asText(urls[number - 2]) : nil
        case "next_url": number < urls.count ? asText(urls[number]) : nil
        case "pages": shownPages
        default: nil
        }
    }

    private var shownPages: [PageLink] {
        let shown = Set([1, urls.count] + Array((number - 2)...(number + 2))).filter { (1...urls.count).contains($0) }.sorted()
        return shown.enumerated().map { offset, page in
            PageLink(number: page, url: urls[page - 1], current: page == number, gapBefore: offset > 0 && shown[offset - 1] != page - 1)
        }
    }

    struct PageLink: MustacheParent {
        var number: Int
        var url: String
        var current: Bool
        var gapBefore: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "url": asText(url)
            case "current": current ? true : nil
            case "gap_before": gapBefore ? true : nil
            default: nil
            }
        }
    }
}

/// `/papers/<slug>/`: `paper.*` (the card's fields plus figures, related, BibTeX).
public struct PaperBody: MustacheParent, Hashable, Sendable {
    public struct PaperView: MustacheParent, Hashable, Sendable {
        public var card: ContextNode
        public var figures: [ContextNode]
        /// Other papers by the same authors, as links.
        public var related: [ContextNode]
        public var bibtex: String
        public var bibtexKey: String

        public func child(named name: String) -> Any? {
            switch name {
            case "figures": return figures
            case "related": return related
            case "related_html": return joinedFragments(related, .paperLink)
            case "bibtex": return asText(bibtex)
            case "bibtex_key": return asText(bibtexKey)
            default: return card.child(named: name)
            }
        }
    }

    public var paper: ContextNode

    public func child(named name: String) -> Any? {
        name == "paper" ? paper : nil
    }
}

/// `/authors/`: `letters` (A–Z groups), `count`, `count_label`.
public struct AuthorsBody: MustacheParent, Hashable, Sendable {
    public struct Letter: MustacheParent, Hashable, Sendable {
        public var letter: String
        public var id: String
        public var authors: [ContextNode]

        public func child(named name: String) -> Any? {
            switch name {
            case "letter": return asText(letter)
            case "id": return asText(id)
            case "authors": return authors
            default: return nil
            }
        }
    }

    public var letters: [ContextNode]
    public var count: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "letters": return letters
        case "count": return count
        case "count_label": return asText(GuideKit.count(count, "author"))
        default: return nil
        }
    }
}

/// `/authors/<slug>/`: `author.*`.
public struct AuthorBody: MustacheParent, Hashable, Sendable {
    public struct AuthorView: MustacheParent, Hashable, Sendable {
        public var name: String
        public var url: String
        public var papers: [ContextNode]
        public var coauthors: [ContextNode]

        public func child(named name: String) -> Any? {
            switch name {
            case "name": return asText(self.name)
            case "url": return asText(url)
            case "paper_count": return papers.count
            case "paper_count_label": return asText(count(papers.count, "paper"))
            case "papers": return papers
            case "papers_html": return joinedFragments(papers, .paperCard)
            case "coauthors": return coauthors
            case "coauthors_html": return joinedFragments(coauthors, .authorChip)
            default: return nil
            }
        }
    }

    public var author: ContextNode

    public func child(named name: String) -> Any? {
        name == "author" ? author : nil
    }
}

/// `/careers/`: `postings`.
public struct CareersBody: MustacheParent, Hashable, Sendable {
    public struct Posting: MustacheParent, Hashable, Sendable {
        public var id: String
        public var title: String
        public var locations: [ContextNode]
        public var textHTML: String

        public func child(named name: String) -> Any? {
            switch name {
            case "id": return asText(id)
            case "title": return asText(title)
            case "locations": return locations
            case "text_html": return asText(textHTML)
            default: return nil
            }
        }
    }

    public var postings: [ContextNode]

    public func child(named name: String) -> Any? {
        name == "postings" ? postings : nil
    }
}

/// `/search/`: `index_url`.
public struct SearchBody: MustacheParent, Hashable, Sendable {
    public var indexURL: String

    public func child(named name: String) -> Any? {
        name == "index_url" ? asText(indexURL) : nil
    }
}
