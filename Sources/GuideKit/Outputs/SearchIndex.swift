/// `/search/index.json`: every paper, topic, author and extra page, for the search page's script.
///
/// `{"entries":[{"detail":…,"kind":"paper","title":…,"url":…}],"version":1}`, keys
/// sorted; on a site of several guides, papers and topics also name their
/// guide (`"guide":"ICML 2023"`). Written directly, an entry per derived value:
/// `JSONEncoder` took about 90 ms for a 10,000-paper guide, on every rebuild.
///
/// On a site of relative links, `url`s are relative to the index's folder
/// (`../papers/x/index.html`), and `/search/index.js` holds the same index as a
/// script (`window.guideSearchIndex = {…};`): a page opened from disk may load
/// a script, where browsers refuse `fetch` of a `file://` URL.
enum SearchIndex {
    /// The subjects of the index's two outputs.
    static let json: Int32 = 0, script: Int32 = 1

    static let kind = OutputKind(name: "search index", page: nil, outputs: { reader in
        [(json, Routes.searchIndex)] + (reader.site.links.relative ? [(script, Routes.searchIndexScript)] : [])
    }, render: { subject, reader throws(Diagnostic) in
        var entries: [[UInt8]] = []
        let guides = reader.siteGuides
        for guide in guides {
            for paper in reader.papers(of: guide) { entries.append(reader.derived(Derivations.searchPaper, paper.raw) ?? []) }
        }
        for guide in guides {
            for topic in reader.topics(of: guide) { entries.append(reader.derived(Derivations.searchTopic, topic.raw) ?? []) }
        }
        for author in reader.siteAuthors { entries.append(reader.derived(Derivations.searchAuthor, author.raw) ?? []) }
        for page in reader.sitePages { entries.append(Self.page(page, reader)) }
        // Sized before it is written: grown by doubling, the 3 MB of a large
        // site's index was copied several times over on every rebuild.
        let (open, close) = subject == script
            ? (Array(#"window.guideSearchIndex = {"entries":["#.utf8), Array("],\"version\":1};\n".utf8))
            : (Array(#"{"entries":["#.utf8), Array(#"],"version":1}"#.utf8))
        var json: [UInt8] = []
        json.reserveCapacity(open.count + entries.reduce(0) { $0 + $1.count + 1 } + close.count)
        json += open
        for (index, entry) in entries.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json += entry
        }
        json += close
        return .file(json)
    })

    static func paper(_ id: PaperID, _ reader: Reader) -> [UInt8] {
        let title = reader.title(id)
        let paper = reader.paper(id)
        var detail = joinedNames(paper.authors.map { reader.author($0).name })
        if let topic = paper.topic { detail += " · " + reader.topic(topic).title }
        return entry(kind: "paper", title: title.title, url: title.url, detail: detail, guide: guideName(title.guide, reader))
    }

    static func topic(_ id: TopicID, _ reader: Reader) -> [UInt8] {
        let topic = reader.topic(id)
        return entry(kind: "topic", title: topic.title, url: topic.url,
                     detail: count(reader.papers(of: id).count, "paper"), guide: guideName(topic.guide, reader))
    }

    static func author(_ id: AuthorID, _ reader: Reader) -> [UInt8] {
        let author = reader.author(id)
        return entry(kind: "author", title: author.name, url: author.url,
                     detail: count(reader.papers(of: id).count, "paper"), guide: nil)
    }

    /// An extra page: its title, its description as the detail, and its guide's
    /// name for a guide's page on a site of several. (A few per site: made
    /// with the index, not kept as derived values.)
    static func page(_ id: ExtraPageID, _ reader: Reader) -> [UInt8] {
        let page = reader.extraPage(id)
        return entry(kind: "page", title: page.title, url: page.url, detail: page.description,
                     guide: page.guide.flatMap { guideName($0, reader) })
    }

    /// The guide's name, on a site of several guides.
    private static func guideName(_ guide: GuideID, _ reader: Reader) -> String? {
        reader.site.multipleGuides ? reader.guide(guide).name : nil
    }

    /// An entry; its `url` as the index's folder links to it (`SiteLinks`).
    private static func entry(kind: String, title: String, url: String, detail: String, guide: String?) -> [UInt8] {
        let url = SiteLinks.resolve(url, from: Routes.searchIndex)
        var json: [UInt8] = []
        json.reserveCapacity(64 + title.utf8.count + url.utf8.count + detail.utf8.count)
        json.append(contentsOf: #"{"detail":"#.utf8)
        appendString(detail, to: &json)
        if let guide {
            json.append(contentsOf: #","guide":"#.utf8)
            appendString(guide, to: &json)
        }
        json.append(contentsOf: #","kind":"#.utf8)
        appendString(kind, to: &json)
        json.append(contentsOf: #","title":"#.utf8)
        appendString(title, to: &json)
        json.append(contentsOf: #","url":"#.utf8)
        appendString(url, to: &json)
        json.append(UInt8(ascii: "}"))
        return json
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, UTF-8 kept.
    static func appendString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        defer { json.append(UInt8(ascii: "\"")) }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            json.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): json.append(contentsOf: #"\\"#.utf8)
            case 0x0A: json.append(contentsOf: #"\n"#.utf8)
            case 0x0D: json.append(contentsOf: #"\r"#.utf8)
            case 0x09: json.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20: json.append(contentsOf: String(format: "\\u%04x", byte).utf8)
            default: json.append(byte)
            }
        }
    }
}

import Foundation
