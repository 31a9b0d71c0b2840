import Foundation

/// A guide's Atom feed, one entry per paper, the guide's first `feed_limit`
/// papers in its order: `/feed.xml` for the only guide, `/<guide>/feed.xml` on
/// a site of several. Only the entries it shows are read, so that an edit to a
/// paper further down does not render it again (but for the guide's
/// `<updated>`, the file's time, which any edit to the guide changes).
enum GuideFeed {
    static let kind = OutputKind(name: "feed", page: nil, outputsOfGuide: { guide, reader in
        [(guide.raw, OutputPath(Routes.feed(prefix: reader.guide(guide).prefix)))]
    }, render: { id, reader throws(Diagnostic) in
        let guide = GuideID(id)
        let info = reader.guide(guide)
        let updated = Feed.timestamp(reader.modified(guide))
        let feed = Routes.feed(prefix: info.prefix)
        var xml = Array(Feed.head(title: info.title, subtitle: reader.text(of: guide).subtitle,
                                  home: Feed.address(of: info.prefix, in: feed, reader.site),
                                  selfLink: Feed.address(of: feed, in: feed, reader.site).link, updated: updated,
                                  author: info.organization.isEmpty ? info.title : info.organization).utf8)
        let entryEnd = Array("    <updated>\(updated)</updated>\n  </entry>\n".utf8), close = Array("</feed>\n".utf8)
        let papers = Feed.limited(reader.papers(of: guide), reader.site.feedLimit)
        let entries = papers.map { reader.derived(Derivations.feedEntry, $0.raw) ?? [] }
        // Sized before it is written (a feed of 10,000 papers, with no limit, is 6.3 MB).
        xml.reserveCapacity(xml.count + entries.reduce(0) { $0 + $1.count + entryEnd.count } + close.count)
        for entry in entries {
            xml += entry
            xml += entryEnd
        }
        xml += close
        return .file(xml)
    })
}

/// `/feed.xml` of a site of several guides: one entry per guide, the newest
/// `feed_limit` guides (the order of the list of guides at `/`). Its
/// `<updated>` is the newest of its entries'.
enum SiteFeed {
    static let kind = OutputKind(name: "site feed", page: nil, outputs: { reader in
        reader.site.multipleGuides ? [(SiteModel.siteID, OutputPath(Routes.feed(prefix: "")))] : []
    }, render: { _, reader throws(Diagnostic) in
        let site = reader.site
        let guides = Feed.limited(reader.siteGuides, site.feedLimit)
        let latest = guides.map { reader.modified($0) }.max() ?? Date(timeIntervalSince1970: 0)
        let feed = Routes.feed(prefix: "")
        var xml = Feed.head(title: site.title, subtitle: site.subtitle, home: Feed.address(of: "", in: feed, site),
                            selfLink: Feed.address(of: feed, in: feed, site).link, updated: Feed.timestamp(latest),
                            author: site.organization.isEmpty ? site.title : site.organization)
        let e = HTMLEscaper.escape
        for id in guides {
            let guide = reader.guide(id)
            let address = Feed.address(of: guide.prefix, in: feed, site)
            xml += """
              <entry>
                <title>\(e(guide.title))</title>
                <id>\(e(address.id))</id>
                <link href="\(e(address.link))"/>
                <summary>\(e(reader.text(of: id).description))</summary>
                <updated>\(Feed.timestamp(reader.modified(id)))</updated>
              </entry>

            """
        }
        xml += "</feed>\n"
        return .file(Array(xml.utf8))
    })
}

/// The parts of an Atom feed.
enum Feed {
    /// The first `limit` of `items`, or all of them for a limit of 0 (`feed_limit`).
    static func limited<Item>(_ items: [Item], _ limit: Int) -> ArraySlice<Item> {
        limit > 0 ? items.prefix(limit) : items[...]
    }

    /// How a feed names a page (`id`) and links to it (`link`). With an absolute
    /// base URL, both are the page's URL. Without one, the id is a `urn:uuid:`
    /// made from the site's title and the page's route (an Atom id must be an
    /// absolute IRI, never a relative one; the same page keeps its id from build
    /// to build), and the link is relative: the page's path, or on a site of
    /// relative links the way from the feed to the page (`SiteLinks`).
    static func address(of route: String, in feed: String, _ site: Box<SiteInfo>) -> (id: String, link: String) {
        guard !site.isAbsolute else { return (site.absoluteBase + route, site.absoluteBase + route) }
        return (NameUUID.urn(site.title + "\n" + route), SiteLinks.resolve(site.links.url(route), from: feed))
    }

    /// The feed's opening, up to the first entry; `home` is the address of the
    /// page the feed is about (a guide's home, the list of guides), `selfLink` the feed's own link.
    static func head(title: String, subtitle: String, home: (id: String, link: String), selfLink: String,
                     updated: String, author: String) -> String {
        let e = HTMLEscaper.escape
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(e(title))</title>

        """
        if !subtitle.isEmpty {
            xml += "  <subtitle>\(e(subtitle))</subtitle>\n"
        }
        xml += """
          <id>\(e(home.id))</id>
          <link href="\(e(home.link))"/>
          <link rel="self" href="\(e(selfLink))"/>
          <updated>\(updated)</updated>
          <author><name>\(e(author))</name></author>
          <generator>guide</generator>

        """
        return xml
    }

    /// A paper's entry, up to its `<updated>` (the guide's, added by the feed).
    static func entry(_ id: PaperID, _ reader: Reader) -> [UInt8] {
        let e = HTMLEscaper.escape
        let title = reader.title(id)
        let paper = reader.paper(id)
        let site = reader.site
        // The guide's feed, from the paper's key (which never changes): reading the guide would redo every entry when it changes.
        let feed = Routes.feed(prefix: Routes.guidePrefix(slug: reader.key(of: id).guide, multipleGuides: site.multipleGuides))
        let address = address(of: title.path, in: feed, site)
        let names = paper.authors.map { reader.author($0).name }
        var summary = joinedNames(names)
        if let topic = paper.topic { summary += " · " + reader.topic(topic).title }
        var xml = """
          <entry>
            <title>\(e(title.title))</title>
            <id>\(e(address.id))</id>
            <link href="\(e(address.link))"/>

        """
        for name in names {
            xml += "    <author><name>\(e(name))</name></author>\n"
        }
        xml += "    <summary>\(e(summary))</summary>\n"
        return Array(xml.utf8)
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
