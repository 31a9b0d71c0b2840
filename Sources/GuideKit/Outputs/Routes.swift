/// The site's URL scheme: pretty URLs, made here and nowhere else. Paths are
/// relative to the site root; `SiteLinks` makes them links (with the base
/// path, or relative to the page).
///
/// A site of one guide keeps the guide at the root (`/`, `/papers/…`); a site
/// of several puts each guide under its slug (`/icml-2023/papers/…`) and lists
/// them at `/`. Authors, careers and search belong to the whole site.
enum Routes {
    /// Where a guide's pages live: "" for the only guide, else "<slug>/".
    static func guidePrefix(slug: String, multipleGuides: Bool) -> String {
        multipleGuides ? slug + "/" : ""
    }

    static func topic(prefix: String, slug: String) -> String { prefix + "topics/\(slug)/" }
    /// Page `number` (from 1) of a guide's topics: its home page, then `topics/page/2/`, ...
    static func topicList(prefix: String, number: Int) -> String {
        number == 1 ? prefix : prefix + "topics/page/\(number)/"
    }
    /// Page `number` (from 1) of a page's list (a topic's papers, an author's):
    /// the page itself (`first`), then `<first>page/2/`, ...
    static func page(_ number: Int, of first: String) -> String {
        number == 1 ? first : first + "page/\(number)/"
    }
    static func paper(prefix: String, slug: String) -> String { prefix + "papers/\(slug)/" }
    /// Page `number` (from 1) of a guide's "All papers".
    static func paperList(prefix: String, number: Int) -> String {
        prefix + (number == 1 ? "papers/" : "papers/page/\(number)/")
    }
    /// Page `number` of one letter of a guide's "All papers", when it is split
    /// by letter (`slug` "a"…"z", or "other"). One folder deeper than papers'
    /// pages, so that no paper's slug can take its place.
    static func paperLetter(prefix: String, slug: String, number: Int) -> String {
        page(number, of: prefix + "papers/letter/\(slug)/")
    }
    static func image(prefix: String, slug: String, extension ext: String) -> String { prefix + "images/\(slug).\(ext)" }
    static func feed(prefix: String) -> String { prefix + "feed.xml" }
    /// An extra page (`Content/pages/<name>.md`): at the root, or under its guide's prefix.
    static func extraPage(prefix: String, name: String) -> String { prefix + name + "/" }
    /// A guide's schedule page and its calendar, when its papers have start times.
    static func schedule(prefix: String) -> String { prefix + "schedule/" }
    static func scheduleCalendar(prefix: String) -> String { prefix + "schedule.ics" }
    /// A paper's citation (`ext` is `bib`, `ris` or `json`) and calendar event, beside its page (`paper`).
    static func citation(paper: String, extension ext: String) -> String { paper + citationFileName(extension: ext) }
    static func event(paper: String) -> String { paper + eventFileName }
    static func citationFileName(extension ext: String) -> String { "cite.\(ext)" }
    static let eventFileName = "event.ics"
    /// Every paper of a guide cited in one file: `papers.bib`, `papers.ris`, `papers.json`.
    static func citations(prefix: String, extension ext: String) -> String { prefix + "papers.\(ext)" }

    static let authors = "authors/"
    static func author(slug: String) -> String { "authors/\(slug)/" }
    /// Page `number` of one letter of the A–Z author index, when the index is
    /// split by letter (`slug` "a"…"z", or "other"). One folder deeper than
    /// authors' pages, so that no author's slug can take its place.
    static func authorLetter(slug: String, number: Int) -> String { page(number, of: "authors/letter/\(slug)/") }
    static let careers = "careers/"
    static let search = "search/"
    /// The papers a reader starred, kept in the browser (`my-list.js`).
    static let myList = "my-list/"
    /// The search index's files (`SearchIndexFiles`): what it holds, a bucket of terms, a chunk of results.
    static let searchMeta = "search/meta.js"
    static func searchBucket(_ number: Int) -> String { "search/t/\(number).js" }
    static func searchChunk(_ name: String) -> String { "search/d/\(name).js" }
    static let notFound = "404.html"
    /// The sitemap, or on a site of more pages than one sitemap may list, the index of its parts.
    static let sitemap = "sitemap.xml"
    /// Part `number` (from 1) of a sitemap split in parts.
    static func sitemapPart(_ number: Int) -> String { "sitemap-\(number).xml" }
    static let robots = "robots.txt"

    /// The file a page route is written to: `papers/x/` → `papers/x/index.html`.
    static func file(of route: String) -> String {
        route.isEmpty || route.hasSuffix("/") ? route + pageFileName : route
    }

    static let pageFileName = "index.html"

    /// The route of a page file: `papers/x/index.html` → `papers/x/`.
    static func route(of file: String) -> String {
        file.hasSuffix(pageFileName) ? String(file.dropLast(pageFileName.count)) : file
    }
}
