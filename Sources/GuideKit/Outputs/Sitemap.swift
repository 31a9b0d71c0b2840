/// `/sitemap.xml`: every page but the 404 page and the reader's own list
/// (`my-list/`, empty until a browser fills it). Written only when the base URL
/// is absolute: a sitemap lists absolute URLs (`SiteConfigLoader.baseURLWarning`).
///
/// A site of more pages than one sitemap may list (`urlLimit`) gets a sitemap
/// index at `/sitemap.xml` (the address `robots.txt` names) pointing to
/// `/sitemap-1.xml`, `/sitemap-2.xml`, …, each listing the next `urlLimit`
/// pages in order.
enum Sitemap {
    /// The most URLs one sitemap file may list: the protocol's limit
    /// (sitemaps.org: 50,000 URLs and 50 MB uncompressed). The size is not
    /// counted: slugs are at most 80 characters, so a page's path is under
    /// 200 bytes, and 50,000 `<url>` lines (25 bytes and the URL each) reach
    /// 50 MB only with a base URL of some 750 bytes.
    static let urlLimit = 50_000

    static let kind = OutputKind(name: "sitemap", page: nil, outputsOfPages: { routes, reader in
        guard reader.site.isAbsolute else { return [] }
        let parts = partCount(urls: urls(of: routes).count, limit: reader.site.sitemapURLLimit)
        return [(SiteModel.siteID, OutputPath(Routes.sitemap))] + (parts > 1 ? (1...parts).map { (Int32($0), OutputPath(Routes.sitemapPart($0))) } : [])
    }, render: { subject, reader throws(Diagnostic) in
        let urls = urls(of: reader.pageRoutes)
        let limit = reader.site.sitemapURLLimit
        let base = HTMLEscaper.escape(reader.site.absoluteBase)
        guard subject != SiteModel.siteID else {
            return .file(urls.count <= limit ? urlset(urls[...], base: base) : index(parts: partCount(urls: urls.count, limit: limit), base: base))
        }
        let part = Int(subject)
        return .file(urlset(urls[min(urls.count, (part - 1) * limit)..<min(urls.count, part * limit)], base: base))
    })

    /// The routes of the pages the sitemap lists, in order.
    static func urls(of pageRoutes: [String]) -> [String] {
        pageRoutes.filter { $0 != Routes.notFound && $0 != Routes.myList }
    }

    /// How many files `urls` URLs take, at most `limit` each: 1 for a site that
    /// needs no index.
    static func partCount(urls: Int, limit: Int) -> Int {
        max(1, (urls + limit - 1) / max(1, limit))
    }

    /// A `<urlset>` of the pages at `routes`.
    private static func urlset(_ routes: ArraySlice<String>, base: String) -> [UInt8] {
        // Written as bytes: any edit that moves a page renders the sitemap
        // again, and building 15,000 strings took 5 ms of such a rebuild.
        let base = Array(base.utf8)
        let (open, close) = (Array("  <url><loc>".utf8), Array("</loc></url>\n".utf8))
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        xml.reserveCapacity(xml.count + routes.count * (open.count + base.count + 48 + close.count))
        for route in routes {
            xml += open
            xml += base
            // Appended as one buffer: appending a string's UTF-8 view goes byte by byte.
            var route = HTMLEscaper.escape(route)
            route.withUTF8 { xml.append(contentsOf: $0) }
            xml += close
        }
        xml += Array("</urlset>\n".utf8)
        return xml
    }

    /// A `<sitemapindex>` of parts 1 to `parts`.
    private static func index(parts: Int, base: String) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for part in 1...parts {
            xml += "  <sitemap><loc>\(base)\(Routes.sitemapPart(part))</loc></sitemap>\n"
        }
        xml += "</sitemapindex>\n"
        return Array(xml.utf8)
    }
}
