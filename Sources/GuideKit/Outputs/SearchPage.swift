import Mustache

/// `search/`: search over `search/index.json` (or `search/index.js`, `SearchIndex`) in the browser.
enum SearchPage {
    static let kind = OutputKind(name: "search", page: .search, outputs: { _ in
        [(SiteModel.siteID, Routes.file(of: Routes.search))]
    }, render: { _, reader throws(Diagnostic) in
        try PageLayout.render(.search, route: Routes.search, guide: nil, title: "Search",
                              description: "Search papers, topics and authors.", body: Body(reader: reader), reader)
    })

    /// `index_url`; `index_script_url` on a site of relative links (`SearchIndex`).
    struct Body: MustacheParent {
        let reader: Reader

        func child(named name: String) -> Any? {
            switch name {
            case "index_url": asText(reader.site.links.url(Routes.searchIndex))
            case "index_script_url": reader.site.links.relative ? asText(reader.site.links.url(Routes.searchIndexScript)) : nil
            default: nil
            }
        }
    }
}
