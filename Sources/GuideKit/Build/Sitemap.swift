/// `/sitemap.xml`: every page but the 404 page.
enum Sitemap {
    static func xml(pages: [PlannedPage], base: String) -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for page in pages where page.kind != .notFound {
            let path = page.path.hasSuffix("index.html") ? String(page.path.dropLast("index.html".count)) : page.path
            xml += "  <url><loc>\(HTMLEscaper.escape(base + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
