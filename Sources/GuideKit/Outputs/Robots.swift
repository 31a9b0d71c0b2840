/// `/robots.txt`: everything may be crawled; the sitemap is named when the base URL is absolute.
enum Robots {
    static let kind = OutputKind(name: "robots", page: nil, outputs: { _ in
        [(SiteModel.siteID, OutputPath(Routes.robots))]
    }, render: { _, reader throws(Diagnostic) in
        let site = reader.site
        var text = "User-agent: *\nAllow: /\n"
        if site.isAbsolute {
            text += "Sitemap: \(site.absoluteBase)\(Routes.sitemap)\n"
        }
        return .file(Array(text.utf8))
    })
}
