import Mustache

/// `/`: the guide's front page.
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

    /// A topic on the front page: `{title, url, description_html, paper_count, papers}`.
    public struct TopicSummary: MustacheParent, Hashable, Sendable {
        public var title: String
        public var url: String
        public var descriptionHTML: String
        public var papers: [LinkContext]

        public func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(title)
            case "url": return asText(url)
            case "description_html": return nonEmpty(descriptionHTML)
            case "paper_count": return papers.count
            case "paper_count_label": return asText(count(papers.count, "paper"))
            case "papers": return papers
            default: return nil
            }
        }
    }

    public var preamble: [Preamble]
    public var subtitle: String
    public var introHTML: String
    public var topics: [TopicSummary]
    public var papersWithoutTopic: [PaperCard]
    public var figuresWithoutTopic: [FigureContext]

    public func child(named name: String) -> Any? {
        switch name {
        case "guide": return Guide(body: self)
        case "topics": return topics
        case "papers_without_topic": return papersWithoutTopic
        case "figures_without_topic": return figuresWithoutTopic
        default: return nil
        }
    }

    /// `guide.preamble`, `guide.subtitle`, `guide.intro_html`.
    struct Guide: MustacheParent {
        let body: HomeBody

        func child(named name: String) -> Any? {
            switch name {
            case "preamble": return body.preamble
            case "subtitle": return nonEmpty(body.subtitle)
            case "intro_html": return nonEmpty(body.introHTML)
            default: return nil
            }
        }
    }
}

/// `/topics/<slug>/`.
public struct TopicBody: MustacheParent, Hashable, Sendable {
    public var title: String
    public var url: String
    public var descriptionHTML: String
    public var papers: [PaperCard]
    public var figures: [FigureContext]
    public var teasers: [TextContext]
    public var previous: LinkContext?
    public var next: LinkContext?

    public func child(named name: String) -> Any? {
        switch name {
        case "topic": return Topic(body: self)
        case "previous": return previous
        case "next": return next
        default: return nil
        }
    }

    struct Topic: MustacheParent {
        let body: TopicBody

        func child(named name: String) -> Any? {
            switch name {
            case "title": return asText(body.title)
            case "url": return asText(body.url)
            case "description_html": return nonEmpty(body.descriptionHTML)
            case "papers": return body.papers
            case "figures": return body.figures
            case "teasers": return body.teasers
            case "paper_count": return body.papers.count
            case "paper_count_label": return asText(count(body.papers.count, "paper"))
            default: return nil
            }
        }
    }
}

/// `/papers/`.
public struct PapersBody: MustacheParent, Hashable, Sendable {
    public var papers: [PaperCard]

    public func child(named name: String) -> Any? {
        switch name {
        case "papers": return papers
        case "count": return papers.count
        case "count_label": return asText(count(papers.count, "paper"))
        default: return nil
        }
    }
}

/// `/papers/<slug>/`.
public struct PaperBody: MustacheParent, Hashable, Sendable {
    public var card: PaperCard
    public var figures: [FigureContext]
    /// Other papers by the same authors, as links.
    public var related: [LinkContext]
    public var bibtex: String
    public var bibtexKey: String

    public func child(named name: String) -> Any? {
        name == "paper" ? Paper(body: self) : nil
    }

    struct Paper: MustacheParent {
        let body: PaperBody

        func child(named name: String) -> Any? {
            switch name {
            case "figures": return body.figures
            case "related": return body.related
            case "bibtex": return asText(body.bibtex)
            case "bibtex_key": return asText(body.bibtexKey)
            default: return body.card.child(named: name)
            }
        }
    }
}

/// `/authors/`: A–Z.
public struct AuthorsBody: MustacheParent, Hashable, Sendable {
    public struct Letter: MustacheParent, Hashable, Sendable {
        public var letter: String
        public var id: String
        public var authors: [NameContext]

        public func child(named name: String) -> Any? {
            switch name {
            case "letter": return asText(letter)
            case "id": return asText(id)
            case "authors": return authors
            default: return nil
            }
        }
    }

    public var letters: [Letter]
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

/// `/authors/<slug>/`.
public struct AuthorBody: MustacheParent, Hashable, Sendable {
    public var name: String
    public var url: String
    public var papers: [PaperCard]
    public var coauthors: [NameContext]

    public func child(named name: String) -> Any? {
        name == "author" ? Author(body: self) : nil
    }

    struct Author: MustacheParent {
        let body: AuthorBody

        func child(named name: String) -> Any? {
            switch name {
            case "name": return asText(body.name)
            case "url": return asText(body.url)
            case "paper_count": return body.papers.count
            case "paper_count_label": return asText(count(body.papers.count, "paper"))
            case "papers": return body.papers
            case "coauthors": return body.coauthors
            default: return nil
            }
        }
    }
}

/// `/careers/`.
public struct CareersBody: MustacheParent, Hashable, Sendable {
    public struct Posting: MustacheParent, Hashable, Sendable {
        public var id: String
        public var title: String
        public var locations: [NameContext]
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

    public var postings: [Posting]

    public func child(named name: String) -> Any? {
        name == "postings" ? postings : nil
    }
}

/// `/search/`.
public struct SearchBody: MustacheParent, Hashable, Sendable {
    public var indexURL: String

    public func child(named name: String) -> Any? {
        name == "index_url" ? asText(indexURL) : nil
    }
}
