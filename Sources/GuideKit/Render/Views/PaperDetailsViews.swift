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

    /// schema.org `ScholarlyArticle` as JSON, safe inside `<script>`.
    var jsonLD: String {
        let title = reader.title(id)
        let guide = reader.guide(title.guide)
        let details = reader.paper(id).details
        var article: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "name": title.title,
            "headline": title.title,
            "author": authorNames.map { ["@type": "Person", "name": $0] },
        ]
        if let published { article["datePublished"] = published.iso }
        var event: [String: Any] = ["@type": "Event", "name": guide.name]
        if !guide.date.isEmpty { event["startDate"] = guide.date }
        if !guide.location.isEmpty { event["location"] = ["@type": "Place", "name": guide.location] }
        article["isPartOf"] = event
        if let url = absoluteURL { article["url"] = url }
        let sameAs = [details?.doi.map { "https://doi.org/\($0)" }, details?.arxiv.map { "https://arxiv.org/abs/\($0)" }, details?.url]
            .compactMap { $0 }
        if !sameAs.isEmpty { article["sameAs"] = sameAs }
        let abstract = reader.paper(id).abstractText
        if !abstract.isEmpty { article["abstract"] = abstract }
        if let award = details?.award { article["award"] = award }
        let data = (try? JSONSerialization.data(withJSONObject: article, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        // "</script>" or "<!--" inside a string would end or change the script element; ">" and "&"
        // are escaped too, as JSON allows, so that no markup (`onerror=…>`) shows in the page's source as written.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
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
