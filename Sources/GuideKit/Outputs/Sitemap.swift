/// `/sitemap.xml`: every page but the 404 page and the reader's own list
/// (`my-list/`, empty until a browser fills it). Written only when the base URL
/// is absolute: a sitemap lists absolute URLs (`SiteConfigLoader.baseURLWarning`).
enum Sitemap {
    static let kind = OutputKind(name: "sitemap", page: nil, outputs: { reader in
        reader.site.isAbsolute ? [(SiteModel.siteID, Routes.sitemap)] : []
    }, render: { _, reader throws(Diagnostic) in
        // Written as bytes: any edit that moves a page renders the sitemap
        // again, and building 15,000 strings took 5 ms of such a rebuild.
        let base = Array(HTMLEscaper.escape(reader.site.absoluteBase).utf8)
        let (open, close) = (Array("  <url><loc>".utf8), Array("</loc></url>\n".utf8))
        let paths = reader.pagePaths
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        xml.reserveCapacity(xml.count + paths.count * (open.count + base.count + 48 + close.count))
        let myList = Routes.file(of: Routes.myList)
        for path in paths where path != Routes.notFound && path != myList {
            xml += open
            xml += base
            // Appended as one buffer: appending a string's UTF-8 view goes byte by byte.
            var route = HTMLEscaper.escape(Routes.route(of: path))
            route.withUTF8 { xml.append(contentsOf: $0) }
            xml += close
        }
        xml += Array("</urlset>\n".utf8)
        return .file(xml)
    })
}
