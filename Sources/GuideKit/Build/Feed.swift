import Foundation

/// `/feed.xml`: an Atom feed with one entry per paper.
enum Feed {
    static func atom(_ guide: Guide, base: String, routes: Routes, updated: Date) -> String {
        let stamp = timestamp(updated)
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
          <updated>\(stamp)</updated>
          <author><name>\(e(guide.event.organization ?? guide.title.text))</name></author>
          <generator>guide</generator>

        """
        for paper in guide.papers {
            let url = base + routes.paperPath(paper)
            let names = paper.authors.map { guide.authors[$0].name }
            var summary = joinedNames(names)
            if let topic = paper.topic { summary += " · " + guide.topics[topic].title.text }
            xml += """
              <entry>
                <title>\(e(paper.title.text))</title>
                <id>\(e(url))</id>
                <link href="\(e(url))"/>
                <updated>\(stamp)</updated>

            """
            for name in names {
                xml += "    <author><name>\(e(name))</name></author>\n"
            }
            xml += "    <summary>\(e(summary))</summary>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
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
