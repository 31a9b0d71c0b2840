import Foundation

/// `/search/index.json`: every paper, topic and author, for the search page's script.
///
/// `{"entries":[{"detail":…,"kind":"paper","title":…,"url":…}],"version":1}`, keys
/// sorted. Written directly: `JSONEncoder` took about 90 ms for a 10,000-paper guide,
/// on every rebuild.
enum SearchIndex {
    static func json(_ guide: Guide, routes: Routes) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(guide.papers.count * 220 + guide.authors.count * 90)
        json.append(contentsOf: #"{"entries":["#.utf8)
        var first = true
        func entry(kind: String, title: String, url: String, detail: String) {
            if !first { json.append(UInt8(ascii: ",")) }
            first = false
            json.append(contentsOf: #"{"detail":"#.utf8)
            appendString(detail, to: &json)
            json.append(contentsOf: #","kind":"#.utf8)
            appendString(kind, to: &json)
            json.append(contentsOf: #","title":"#.utf8)
            appendString(title, to: &json)
            json.append(contentsOf: #","url":"#.utf8)
            appendString(url, to: &json)
            json.append(UInt8(ascii: "}"))
        }
        for paper in guide.papers {
            var detail = joinedNames(paper.authors.map { guide.authors[$0].name })
            if let topic = paper.topic { detail += " · " + guide.topics[topic].title.text }
            entry(kind: "paper", title: paper.title.text, url: routes.url(routes.paperPath(paper)), detail: detail)
        }
        for topic in guide.topics {
            entry(kind: "topic", title: topic.title.text, url: routes.url(routes.topicPath(topic)),
                  detail: count(topic.papers.count, "paper"))
        }
        for author in guide.authors {
            entry(kind: "author", title: author.name, url: routes.url(routes.authorPath(author)),
                  detail: count(author.papers.count, "paper"))
        }
        json.append(contentsOf: #"],"version":1}"#.utf8)
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
