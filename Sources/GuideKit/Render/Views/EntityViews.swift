import Mustache

/// `{title, url, link_html}`: a link to a paper (on a topic card, in "More by
/// these authors", under a figure).
struct PaperLinkView: MustacheParent {
    let reader: Reader
    let id: PaperID

    func child(named name: String) -> Any? {
        switch name {
        case "title": asText(reader.title(id).title)
        case "url": asText(reader.title(id).url)
        case "link_html": reader.derived(Derivations.paperLink, id.raw).map(TemplateText.init)
        default: nil
        }
    }
}

/// A paper in a list: `{title, url, authors, authors_html, topic, description_html, award, pdf_url, card_html}`.
/// `authors_html` is the authors' `author-link` fragments joined by ", ",
/// each followed by its equal-contribution mark ("*") when the byline has one.
struct PaperCardView: MustacheParent {
    let reader: Reader
    let id: PaperID

    func child(named name: String) -> Any? {
        switch name {
        case "authors": reader.paper(id).authors.map { AuthorLinkView(reader: reader, id: $0) }
        case "authors_html": authorsHTML
        case "topic": reader.paper(id).topic.map { TopicLinkView(reader: reader, id: $0) }
        case "description_html": nonEmpty(reader.paper(id).descriptionHTML)
        case "card_html": reader.derived(Derivations.paperCard, id.raw).map(TemplateText.init)
        case "key": asText(reader.title(id).path)
        case "award": reader.paper(id).details?.award.map(asText)
        case "pdf_url": reader.paper(id).details?.pdf.map(asText)
        case "link_html": nil
        default: PaperLinkView(reader: reader, id: id).child(named: name)
        }
    }
}

extension PaperCardView {
    private var authorsHTML: TemplateText? {
        let paper = reader.paper(id)
        guard !paper.authorMarks.isEmpty else { return joined(paper.authors, Derivations.authorLink, reader, separator: ", ") }
        let links = zip(paper.authors, paper.authorMarks).map { author, mark in
            (reader.derived(Derivations.authorLink, author.raw) ?? "") + HTMLEscaper.escape(mark)
        }
        return TemplateText(links.joined(separator: ", "))
    }
}

/// A paper's own page: `paper.*`, the card's fields and `figures`, `related`
/// (`related_html`), its citation (`bibtex`, `ris`, `csl_json`, each with its
/// file's `_url`, and `bibtex_key`), `calendar_url`, and from its details `links`,
/// `abstract_html`, `session`, `scholar_tags`, `json_ld`, `og_image` (`PaperDetailsView`).
struct PaperPageView: MustacheParent {
    let reader: Reader
    let id: PaperID

    func child(named name: String) -> Any? {
        switch name {
        case "figures": FigureView.list(reader.paper(id).figures, reader)
        case "related": related.map { PaperLinkView(reader: reader, id: $0) }
        case "related_html": joined(related, Derivations.paperLink, reader)
        case "bibtex": reader.citationText(of: id, .bibtex).map(asText)
        case "bibtex_key", "citation_key": reader.citation(of: id).map { asText($0.key) }
        // As the files are, without the final line break (and with LF: HTML makes CRLF one).
        case "ris": reader.citationText(of: id, .ris).map { asText(String($0.replacing("\r\n", with: "\n").dropLast())) }
        case "csl_json": reader.citationText(of: id, .cslJSON).map { asText(String(decoding: CitationFiles.Format.cslJSON.file([$0]).dropLast(), as: UTF8.self)) }
        case "bibtex_url": asText(fileURL(Routes.citation(paper: reader.title(id).path, extension: "bib")))
        case "ris_url": asText(fileURL(Routes.citation(paper: reader.title(id).path, extension: "ris")))
        case "csl_json_url": asText(fileURL(Routes.citation(paper: reader.title(id).path, extension: "json")))
        case "calendar_url": reader.paper(id).details?.starts == nil ? nil : asText(fileURL(Routes.event(paper: reader.title(id).path)))
        case "links", "abstract_html", "session", "scholar_tags", "json_ld", "og_image":
            PaperDetailsView(reader: reader, id: id).child(named: name)
        default: PaperCardView(reader: reader, id: id).child(named: name)
        }
    }

    private var related: [PaperID] {
        reader.derived(Derivations.related, id.raw) ?? []
    }

    private func fileURL(_ path: String) -> String {
        reader.site.links.url(path)
    }
}

/// `{title, url}`: a link to a topic (a card's topic line, `previous`, `next`).
struct TopicLinkView: MustacheParent {
    let reader: Reader
    let id: TopicID

    func child(named name: String) -> Any? {
        switch name {
        case "title": asText(reader.topic(id).title)
        case "url": asText(reader.topic(id).url)
        default: nil
        }
    }
}

/// What a topic's card and page share: `{title, url, description_html, paper_count, paper_count_label}`.
struct TopicSummaryView: MustacheParent {
    let reader: Reader
    let id: TopicID

    func child(named name: String) -> Any? {
        switch name {
        case "description_html": nonEmpty(reader.topic(id).descriptionHTML)
        case "paper_count": reader.papers(of: id).count
        case "paper_count_label": asText(count(reader.papers(of: id).count, "paper"))
        default: TopicLinkView(reader: reader, id: id).child(named: name)
        }
    }
}

/// A topic on its guide's home page: `{title, url, description_html,
/// paper_count, paper_count_label, papers, papers_html, more_papers, card_html}`:
/// `papers` are its first `topic_card_papers`, and `more_papers` is true when
/// it has more (the card links to its page for them).
struct TopicCardView: MustacheParent {
    let reader: Reader
    let id: TopicID

    func child(named name: String) -> Any? {
        switch name {
        case "papers": shown.map { PaperLinkView(reader: reader, id: $0) }
        case "papers_html": joined(shown, Derivations.paperLink, reader)
        case "more_papers": flag(reader.papers(of: id).count > shown.count)
        case "card_html": reader.derived(Derivations.topicCard, id.raw).map(TemplateText.init)
        default: TopicSummaryView(reader: reader, id: id).child(named: name)
        }
    }

    private var shown: [PaperID] {
        let papers = reader.papers(of: id)
        return Array(papers[ListPages(papers.count, perPage: reader.site.topicCardPapers).range(of: 1)])
    }
}

/// A topic's own page: `topic.*`, with the papers of this page of it.
struct TopicPageView: MustacheParent {
    let reader: Reader
    let id: TopicID
    /// This page's.
    let papers: [PaperID]

    func child(named name: String) -> Any? {
        switch name {
        case "papers": papers.map { PaperCardView(reader: reader, id: $0) }
        case "papers_html": joined(papers, Derivations.paperCard, reader)
        case "figures": FigureView.list(reader.topic(id).figures, reader)
        case "teasers": reader.topic(id).teasers.map(TextView.init)
        default: TopicSummaryView(reader: reader, id: id).child(named: name)
        }
    }
}

/// An author as lists show them: `{name, url, paper_count, paper_count_label,
/// link_html, chip_html}`.
struct AuthorLinkView: MustacheParent {
    let reader: Reader
    let id: AuthorID

    func child(named name: String) -> Any? {
        switch name {
        case "name": asText(reader.author(id).name)
        case "url": asText(reader.author(id).url)
        case "paper_count": reader.papers(of: id).count
        case "paper_count_label": asText(count(reader.papers(of: id).count, "paper"))
        case "link_html": reader.derived(Derivations.authorLink, id.raw).map(TemplateText.init)
        case "chip_html": reader.derived(Derivations.authorChip, id.raw).map(TemplateText.init)
        case "entry_html": reader.derived(Derivations.authorEntry, id.raw).map(TemplateText.init)
        default: nil
        }
    }
}

/// A co-author on an author's page: an author link and `shared_count`
/// (`shared_count_label`), the papers the two wrote together.
struct CoauthorView: MustacheParent {
    let reader: Reader
    let coauthor: Coauthor

    func child(named name: String) -> Any? {
        switch name {
        case "shared_count": Int(coauthor.shared)
        case "shared_count_label": asText(count(Int(coauthor.shared), "paper"))
        default: AuthorLinkView(reader: reader, id: coauthor.author).child(named: name)
        }
    }
}

/// An author's own page: `author.*`, with the papers of this page of it
/// (`page`, from 1); the co-authors on the first page only.
struct AuthorPageView: MustacheParent {
    let reader: Reader
    let id: AuthorID
    /// This page's, guides newest first.
    let papers: [PaperID]
    let page: Int

    func child(named name: String) -> Any? {
        switch name {
        case "name", "url", "paper_count", "paper_count_label": AuthorLinkView(reader: reader, id: id).child(named: name)
        case "papers": papers.map { PaperCardView(reader: reader, id: $0) }
        case "papers_html": joined(papers, Derivations.paperCard, reader)
        case "guides": guides
        case "guide_count": guideCounts.count
        case "guide_count_label": asText(count(guideCounts.count, "guide"))
        case "coauthors": shownCoauthors.map { CoauthorView(reader: reader, coauthor: $0) }
        case "coauthors_html": joined(shownCoauthors.map(\.author), Derivations.authorChip, reader)
        case "coauthor_count": coauthors.count
        case "more_coauthors": coauthors.count > shownCoauthors.count ? coauthors.count - shownCoauthors.count : nil
        case "more_coauthors_label":
            coauthors.count > shownCoauthors.count ? asText("\(coauthors.count - shownCoauthors.count) more") : nil
        default: nil
        }
    }

    private var coauthors: [Coauthor] {
        reader.derived(Derivations.coauthors, id.raw) ?? []
    }

    /// The `coauthors_shown` with the most papers together (ties: who
    /// appears first), in the order they appear; none after the first page.
    private var shownCoauthors: [Coauthor] {
        guard page == 1 else { return [] }
        let all = coauthors, limit = reader.site.coauthorsShown
        guard limit > 0, all.count > limit else { return all }
        let top = all.indices.sorted { all[$0].shared != all[$1].shared ? all[$0].shared > all[$1].shared : $0 < $1 }.prefix(limit)
        return top.sorted().map { all[$0] }
    }

    /// The author's papers in each guide, all pages together, in order (newest guide first).
    private var guideCounts: [(guide: GuideID, count: Int)] {
        var counts: [(guide: GuideID, count: Int)] = []
        for paper in reader.papers(of: id) {
            let guide = reader.title(paper).guide
            if counts.last?.guide == guide { counts[counts.count - 1].count += 1 } else { counts.append((guide, 1)) }
        }
        return counts
    }

    /// This page's papers by guide, newest guide first.
    private var guides: [AuthorGuideView] {
        let totals = Dictionary(guideCounts.map { ($0.guide, $0.count) }, uniquingKeysWith: +)
        var groups: [AuthorGuideView] = []
        for paper in papers {
            let guide = reader.title(paper).guide
            if groups.last?.guide != guide { groups.append(AuthorGuideView(reader: reader, guide: guide, papers: [], paperCount: totals[guide] ?? 0)) }
            groups[groups.count - 1].papers.append(paper)
        }
        return groups
    }
}

/// An author's papers in one guide: `{guide, papers, papers_html, paper_count,
/// paper_count_label}`: `papers` on this page of the author's, `paper_count`
/// in the guide on every page.
struct AuthorGuideView: MustacheParent {
    let reader: Reader
    let guide: GuideID
    var papers: [PaperID]
    let paperCount: Int

    func child(named name: String) -> Any? {
        switch name {
        case "guide": GuideView(reader: reader, id: guide)
        case "papers": papers.map { PaperCardView(reader: reader, id: $0) }
        case "papers_html": joined(papers, Derivations.paperCard, reader)
        case "paper_count": paperCount
        case "paper_count_label": asText(count(paperCount, "paper"))
        default: nil
        }
    }
}

/// A figure: the image when its file exists, otherwise a captioned placeholder.
/// `width` and `height` when the image's header says them; `lazy` on every
/// figure of a page's list but the first with an image, the one likely to be
/// on the first screen (a page has one list of figures).
struct FigureView: MustacheParent {
    let reader: Reader
    let id: FigureID
    let lazy: Bool

    /// A page's figures: the first image loads with the page, the others as they are scrolled near.
    static func list(_ ids: [FigureID], _ reader: Reader) -> [FigureView] {
        let first = ids.firstIndex { !reader.figure($0).src.isEmpty }
        return ids.indices.map { FigureView(reader: reader, id: ids[$0], lazy: $0 != first) }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": asText(reader.figure(id).elementID)
        case "file_name": asText(reader.figure(id).fileName)
        case "src": nonEmpty(reader.figure(id).src)
        case "has_image": !reader.figure(id).src.isEmpty
        case "width": reader.figure(id).size?.width
        case "height": reader.figure(id).size?.height
        case "lazy": flag(lazy)
        case "caption_html": nonEmpty(reader.figure(id).captionHTML)
        case "alt": asText(reader.figure(id).alt)
        case "paper": reader.figure(id).paper.map { PaperLinkView(reader: reader, id: $0) }
        default: nil
        }
    }
}

/// A job posting: `{id, title, locations: [{name}], text_html}`.
struct PostingView: MustacheParent {
    let reader: Reader
    let id: PostingID

    func child(named name: String) -> Any? {
        switch name {
        case "id": asText(reader.posting(id).slug)
        case "title": asText(reader.posting(id).title)
        case "locations": reader.posting(id).locations.map(NameView.init)
        case "text_html": asText(reader.posting(id).textHTML)
        default: nil
        }
    }
}

/// `{text}`: a "Related content" teaser.
struct TextView: MustacheParent {
    let text: String

    func child(named name: String) -> Any? {
        name == "text" ? asText(text) : nil
    }
}

/// `{name}`: a location.
struct NameView: MustacheParent {
    let name: String

    func child(named name: String) -> Any? {
        name == "name" ? asText(self.name) : nil
    }
}
