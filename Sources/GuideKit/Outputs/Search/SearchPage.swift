import Mustache

/// `search/`: search over the split index (`SearchIndexFiles`) in the browser.
enum SearchPage {
    static let kind = OutputKind(name: "search", page: .search, outputs: { _ in
        [(SiteModel.siteID, .page(Routes.search))]
    }, render: { _, reader throws(Diagnostic) in
        try PageLayout.render(.search, route: Routes.search, guide: nil, title: "Search",
                              description: "Search papers, topics and authors.", body: Body(reader: reader), reader)
    })

    /// `index_url`: the index's `meta.js` (`SearchIndexFiles`).
    struct Body: MustacheParent {
        let reader: Reader

        func child(named name: String) -> Any? {
            switch name {
            case "index_url": asText(reader.site.links.url(Routes.searchMeta))
            default: nil
            }
        }
    }
}
