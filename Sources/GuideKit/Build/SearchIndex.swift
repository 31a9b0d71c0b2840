import Foundation

/// `/search/index.json`: every paper, topic and author, for the search page's script.
///
/// `{"entries":[{"detail":…,"kind":"paper","title":…,"url":…}],"version":1}`, keys
/// sorted. Written directly: `JSONEncoder` took about 90 ms for a 10,000-paper guide,
/// on every rebuild.
enum SearchIndex {
    /// Papers, then topics, then authors: one chunk each.
    static func file(_ guide: Guide, routes: Routes) -> ChunkedFile {
        let (papers, topics) = (guide.papers.count, guide.topics.count)
        return ChunkedFile(path: "search/index.json", head: Array(#"{"entries":["#.utf8),
                           chunks: parallelMap(papers + topics + guide.authors.count) { index in
                               index < papers ? paper(guide, index, routes: routes)
                                   : index < papers + topics ? topic(guide, index - papers, routes: routes)
                                   : author(guide, index - papers - topics, routes: routes)
                           },
                           separator: [UInt8(ascii: ",")], tail: Array(#"],"version":1}"#.utf8))
    }

    /// The chunk of the paper, topic or author at `index` in `file`'s order.
    static func chunkIndex(paper index: Int) -> Int { index }
    static func chunkIndex(topic index: Int, in guide: Guide) -> Int { guide.papers.count + index }
    static func chunkIndex(author index: Int, in guide: Guide) -> Int { guide.papers.count + guide.topics.count + index }

    static func paper(_ guide: Guide, _ index: Int, routes: Routes) -> [UInt8] {
        let paper = guide.papers[index]
        var detail = joinedNames(paper.authors.map { guide.authors[$0].name })
        if let topic = paper.topic { detail += " · " + guide.topics[topic].title.text }
        return entry(kind: "paper", title: paper.title.text, url: routes.url(routes.paperPath(paper)), detail: detail)
    }

    static func topic(_ guide: Guide, _ index: Int, routes: Routes) -> [UInt8] {
        let topic = guide.topics[index]
        return entry(kind: "topic", title: topic.title.text, url: routes.url(routes.topicPath(topic)),
                     detail: count(topic.papers.count, "paper"))
    }

    static func author(_ guide: Guide, _ index: Int, routes: Routes) -> [UInt8] {
        let author = guide.authors[index]
        return entry(kind: "author", title: author.name, url: routes.url(routes.authorPath(author)),
                     detail: count(author.papers.count, "paper"))
    }

    private static func entry(kind: String, title: String, url: String, detail: String) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(64 + title.utf8.count + url.utf8.count + detail.utf8.count)
        json.append(contentsOf: #"{"detail":"#.utf8)
        appendString(detail, to: &json)
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
