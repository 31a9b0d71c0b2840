import Foundation

/// `/feed.xml`: an Atom feed with one entry per paper, each entry a chunk.
enum Feed {
    static func file(_ guide: Guide, base: String, routes: Routes, updated: Date) -> ChunkedFile {
        ChunkedFile(path: "feed.xml", head: head(guide, base: base, updated: updated),
                    chunks: parallelMap(guide.papers.count) { entry(guide, $0, base: base, routes: routes) },
                    afterEach: entryEnd(updated: updated), tail: Array("</feed>\n".utf8))
    }

    /// The feed's opening, up to the first entry.
    static func head(_ guide: Guide, base: String, updated: Date) -> [UInt8] {
        let e = HTMLEscaper.escape
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(e(guide.title.text))</title>

        """
        if let subtitle = guide.subtitle {
            xml += "  <subtitle>\(e(subtitle.text))</subtitle>\n"
        }
        xml += """
          <id>\(e(base))</id>
          <link href="\(e(base))"/>
          <link rel="self" href="\(e(base))feed.xml"/>
          <updated>\(timestamp(updated))</updated>
          <author><name>\(e(guide.event.organization ?? guide.title.text))</name></author>
          <generator>guide</generator>

        """
        return Array(xml.utf8)
    }

    /// A paper's entry, up to its `<updated>` (the same in every entry, added by `entryEnd`).
    static func entry(_ guide: Guide, _ index: Int, base: String, routes: Routes) -> [UInt8] {
        let e = HTMLEscaper.escape
        let paper = guide.papers[index]
        let url = base + routes.paperPath(paper)
        let names = paper.authors.map { guide.authors[$0].name }
        var summary = joinedNames(names)
        if let topic = paper.topic { summary += " · " + guide.topics[topic].title.text }
        var xml = """
          <entry>
            <title>\(e(paper.title.text))</title>
            <id>\(e(url))</id>
            <link href="\(e(url))"/>

        """
        for name in names {
            xml += "    <author><name>\(e(name))</name></author>\n"
        }
        xml += "    <summary>\(e(summary))</summary>\n"
        return Array(xml.utf8)
    }

    static func entryEnd(updated: Date) -> [UInt8] {
        Array("    <updated>\(timestamp(updated))</updated>\n  </entry>\n".utf8)
    }

    /// RFC 3339 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }
}
