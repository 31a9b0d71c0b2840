import Foundation

/// `/search/index.json`: every paper, topic and author, for the search page's script.
///
/// `{"version":1,"entries":[{"kind":"paper","title":…,"url":…,"detail":…}]}`
enum SearchIndex {
    struct Entry: Encodable {
        var kind: String
        var title: String
        var url: String
        var detail: String
    }

    struct Document: Encodable {
        var version = 1
        var entries: [Entry]
    }

    static func json(_ guide: Guide, routes: Routes) -> [UInt8] {
        var entries: [Entry] = []
        entries.reserveCapacity(guide.papers.count + guide.topics.count + guide.authors.count)
        for paper in guide.papers {
            var detail = joinedNames(paper.authors.map { guide.authors[$0].name })
            if let topic = paper.topic { detail += " · " + guide.topics[topic].title.text }
            entries.append(Entry(kind: "paper", title: paper.title.text, url: routes.url(routes.paperPath(paper)), detail: detail))
        }
        for topic in guide.topics {
            entries.append(Entry(kind: "topic", title: topic.title.text, url: routes.url(routes.topicPath(topic)),
                                 detail: count(topic.papers.count, "paper")))
        }
        for author in guide.authors {
            entries.append(Entry(kind: "author", title: author.name, url: routes.url(routes.authorPath(author)),
                                 detail: count(author.papers.count, "paper")))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? [UInt8](encoder.encode(Document(entries: entries)))) ?? []
    }
}
