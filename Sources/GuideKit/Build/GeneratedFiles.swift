import Foundation

/// The files generated beside the pages: sitemap, feed, robots.txt and search
/// index. Kept in chunks between rebuilds, so that an edit to one paper makes
/// again only that paper's entries.
struct GeneratedFiles: Sendable {
    private var sitemap: ChunkedFile
    private var feed: ChunkedFile
    private var search: ChunkedFile
    private let robots: PlannedFile
    private let base: String

    init(_ guide: Guide, pages: [PlannedPage], config: SiteConfig, routes: Routes, modified: Date) {
        let base = config.absoluteBase
        let parts = parallelMap(3) { index -> ChunkedFile in
            switch index {
            case 0: Sitemap.file(pages: pages, base: base)
            case 1: Feed.file(guide, base: base, routes: routes, updated: modified)
            default: SearchIndex.file(guide, routes: routes)
            }
        }
        self.base = base
        (sitemap, feed, search) = (parts[0], parts[1], parts[2])
        robots = PlannedFile(path: "robots.txt", bytes: Array(Robots.text(config: config).utf8))
    }

    /// Sitemap, feed, robots.txt and search index; the chunked ones joined in parallel.
    var files: [PlannedFile] {
        let joined = parallelMap(3) { [sitemap, feed, search] index in
            switch index {
            case 0: sitemap.file
            case 1: feed.file
            default: search.file
            }
        }
        return [joined[0], joined[1], robots, joined[2]]
    }

    /// Makes again the entries an edit reaches: those of `changes` (a paper's
    /// entries also show its authors' names and its topic's title), and the
    /// sitemap lines of `moved` pages (index in the plan, new page).
    mutating func update(_ guide: Guide, changes: GuideChanges, moved: [(Int, PlannedPage)], routes: Routes, modified: Date) {
        for (index, page) in moved { sitemap.chunks[index] = Sitemap.url(page, base: base) }

        var papers = changes.papers
        for author in changes.authors { papers.formUnion(guide.authors[author].papers) }
        for topic in changes.topics { papers.formUnion(guide.topics[topic].papers) }
        for paper in papers {
            feed.chunks[paper] = Feed.entry(guide, paper, base: base, routes: routes)
            search.chunks[SearchIndex.chunkIndex(paper: paper)] = SearchIndex.paper(guide, paper, routes: routes)
        }
        for topic in changes.topics {
            search.chunks[SearchIndex.chunkIndex(topic: topic, in: guide)] = SearchIndex.topic(guide, topic, routes: routes)
        }
        for author in changes.authors {
            search.chunks[SearchIndex.chunkIndex(author: author, in: guide)] = SearchIndex.author(guide, author, routes: routes)
        }
        feed.head = Feed.head(guide, base: base, updated: modified)
        feed.afterEach = Feed.entryEnd(updated: modified)
    }
}
