/// `/sitemap.xml`: every page but the 404 page, one chunk per page.
enum Sitemap {
    static func file(pages: [PlannedPage], base: String) -> ChunkedFile {
        ChunkedFile(path: "sitemap.xml",
                    head: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8),
                    chunks: pages.map { url($0, base: base) }, tail: Array("</urlset>\n".utf8))
    }

    /// The page's `<url>` line; nothing for the 404 page.
    static func url(_ page: PlannedPage, base: String) -> [UInt8] {
        guard page.kind != .notFound else { return [] }
        let path = page.path.hasSuffix("index.html") ? String(page.path.dropLast("index.html".count)) : page.path
        return Array("  <url><loc>\(HTMLEscaper.escape(base + path))</loc></url>\n".utf8)
    }
}
