/// `/robots.txt`: everything may be crawled; the sitemap is named when the base URL is absolute.
enum Robots {
    static func text(config: SiteConfig) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if config.isAbsolute {
            text += "Sitemap: \(config.absoluteBase)sitemap.xml\n"
        }
        return text
    }
}
