/// `/sitemap.xml`: every page but the 404 page.
enum Sitemap {
    static let kind = OutputKind(name: "sitemap", page: nil, outputs: { _ in
        [(SiteModel.siteID, Routes.sitemap)]
    }, render: { _, reader throws(Diagnostic) in
        let base = reader.site.absoluteBase
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in reader.pagePaths where path != Routes.notFound {
            xml += "  <url><loc>\(HTMLEscaper.escape(base + Routes.route(of: path)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return .file(Array(xml.utf8))
    })
}
