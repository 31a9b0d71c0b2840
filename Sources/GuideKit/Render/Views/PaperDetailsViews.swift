import Foundation
import Mustache

/// What a paper page shows and carries from the paper's details
/// (`PaperDetails`): links, abstract, award, session, and the metadata in
/// its head (Google Scholar's tags, schema.org JSON-LD, Open Graph).
struct PaperDetailsView {
    let reader: Reader
    let id: PaperID

    func child(named name: String) -> Any? {
        let paper = reader.paper(id)
        switch name {
        case "links": return paper.details.map { $0.links.map(LinkButtonView.init) }.flatMap { $0.isEmpty ? nil : $0 }
        case "abstract_html": return nonEmpty(paper.abstractHTML)
        case "award": return paper.details?.award.map(asText)
        case "session": return paper.details.flatMap { SessionView($0.value) }
        case "scholar_tags": return scholarTags.map(MetaTagView.init)
        case "json_ld": return TemplateText(jsonLD)
        case "og_image": return ogImage.map(asText)
        default: return nil
        }
    }

    /// The URL of this paper's page when the site has an absolute base, else nil.
    private var absoluteURL: String? {
        let site = reader.site
        guard site.isAbsolute else { return nil }
        return site.absoluteBase + reader.title(id).path
    }

    /// The paper's first figure with an image, at its absolute URL.
    private var ogImage: String? {
        let site = reader.site
        guard site.isAbsolute else { return nil }
        for figure in reader.paper(id).figures {
            let src = reader.figure(figure).src
            guard !src.isEmpty else { continue }
            let path = src.hasPrefix(site.links.base) ? String(src.dropFirst(site.links.base.count)) : src
            return site.absoluteBase + path
        }
        return nil
    }

    private var authorNames: [String] {
        reader.paper(id).authors.map { reader.author($0).name }
    }

    /// The guide's date, else its year, as Scholar and schema.org write it.
    private var published: (scholar: String, iso: String)? {
        let guide = reader.guide(reader.title(id).guide)
        if !guide.date.isEmpty { return (guide.date.replacingOccurrences(of: "-", with: "/"), guide.date) }
        return guide.year.isEmpty ? nil : (guide.year, guide.year)
    }

    /// Google Scholar's `citation_*` tags (Highwire Press), in the order its
    /// inclusion guidelines list them.
    var scholarTags: [(name: String, content: String)] {
        let title = reader.title(id)
        let guide = reader.guide(title.guide)
        var tags: [(String, String)] = [("citation_title", title.title)]
        tags += authorNames.map { ("citation_author", $0) }
        if let published { tags.append(("citation_publication_date", published.scholar)) }
        let conference = [guide.conference, guide.year].filter { !$0.isEmpty }.joined(separator: " ")
        if !conference.isEmpty { tags.append(("citation_conference_title", conference)) }
        let details = reader.paper(id).details
        if let pdf = details?.pdf { tags.append(("citation_pdf_url", pdf)) }
        if let doi = details?.doi { tags.append(("citation_doi", doi)) }
        if let arxiv = details?.arxiv { tags.append(("citation_arxiv_id", arxiv)) }
        if let url = absoluteURL { tags.append(("citation_abstract_html_url", url)) }
        return tags
    }

    /// schema.org `ScholarlyArticle` as JSON, safe inside `<script>`: keys in
    /// alphabetical order, no space. Written by hand (`JSONText`), not by
    /// `JSONSerialization`, which bridged each object to Foundation's and
    /// sorted its keys as strings: half of rendering a paper's page.
    var jsonLD: String {
        let title = reader.title(id)
        let guide = reader.guide(title.guide)
        let details = reader.paper(id).details
        let string = { (text: String) in JSONText.string(text, forScript: true) }
        let object = { (members: [(key: String, value: String)]) in JSONText.object(members, forScript: true) }
        var event = [("@type", string("Event")), ("name", string(guide.name))]
        if !guide.location.isEmpty { event.append(("location", object([("@type", string("Place")), ("name", string(guide.location))]))) }
        if !guide.date.isEmpty { event.append(("startDate", string(guide.date))) }
        var article = [
            ("@context", string("https://schema.org")),
            ("@type", string("ScholarlyArticle")),
            ("author", JSONText.array(authorNames.map { object([("@type", string("Person")), ("name", string($0))]) })),
            ("headline", string(title.title)),
            ("isPartOf", object(event)),
            ("name", string(title.title)),
        ]
        if let published { article.append(("datePublished", string(published.iso))) }
        if let url = absoluteURL { article.append(("url", string(url))) }
        let sameAs = [details?.doi.map { "https://doi.org/\($0)" }, details?.arxiv.map { "https://arxiv.org/abs/\($0)" }, details?.url]
            .compactMap { $0 }
        if !sameAs.isEmpty { article.append(("sameAs", JSONText.array(sameAs.map(string)))) }
        let abstract = reader.paper(id).abstractText
        if !abstract.isEmpty { article.append(("abstract", string(abstract))) }
        if let award = details?.award { article.append(("award", string(award))) }
        return object(article)
    }
}

/// `{kind, label, url}`: a button to a paper's page, PDF, code, ...
struct LinkButtonView: MustacheParent {
    let link: (kind: String, label: String, url: String)

    func child(named name: String) -> Any? {
        switch name {
        case "kind": asText(link.kind)
        case "label": asText(link.label)
        case "url": asText(link.url)
        default: nil
        }
    }
}

/// `{name, content}`: one `<meta>` tag.
struct MetaTagView: MustacheParent {
    let tag: (name: String, content: String)

    func child(named name: String) -> Any? {
        switch name {
        case "name": asText(tag.name)
        case "content": asText(tag.content)
        default: nil
        }
    }
}

/// `{name, room, starts, ends, day_label, time_label}`: when and where a paper is presented.
/// `starts` and `ends` are as written (ISO 8601 with offset); the labels use the time written there.
struct SessionView: MustacheParent {
    let details: PaperDetails

    init?(_ details: PaperDetails) {
        guard details.session != nil || details.starts != nil || details.room != nil else { return nil }
        self.details = details
    }

    func child(named name: String) -> Any? {
        switch name {
        case "name": details.session.map(asText)
        case "room": details.room.map(asText)
        case "starts": details.starts.map { asText($0.text) }
        case "ends": details.ends.map { asText($0.text) }
        case "day_label": details.starts.map { asText(Self.dayLabel($0)) }
        case "time_label": details.starts.map { starts in
            asText(starts.time + (details.ends.map { "–" + ($0.day == starts.day ? $0.time : Self.dayLabel($0) + " " + $0.time) } ?? "")
                + " " + Self.offsetLabel(starts.offset))
        }
        default: nil
        }
    }

    /// "Tuesday, July 25, 2023", on the day as written.
    static func dayLabel(_ time: EventTime) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: time.offset)
        formatter.dateFormat = "EEEE, MMMM d, yyyy"
        return formatter.string(from: time.date)
    }

    /// "UTC−10:00", "UTC".
    static func offsetLabel(_ seconds: Int) -> String {
        guard seconds != 0 else { return "UTC" }
        let hours = abs(seconds) / 3600, minutes = abs(seconds) % 3600 / 60
        return "UTC" + (seconds < 0 ? "−" : "+") + String(format: "%02d:%02d", hours, minutes)
    }
}
