import Mustache

/// `search/`: search over `search/index.json` in the browser.
enum SearchPage {
    static let kind = OutputKind(name: "search", page: .search, outputs: { _ in
        [(SiteModel.siteID, Routes.file(of: Routes.search))]
    }, render: { _, reader throws(Diagnostic) in
        try PageLayout.render(.search, route: Routes.search, guide: nil, title: "Search",
                              description: "Search papers, topics and authors.", body: Body(reader: reader), reader)
    })

    /// `index_url`.
    struct Body: MustacheParent {
        let reader: Reader

        func child(named name: String) -> Any? {
            name == "index_url" ? asText(reader.site.base + Routes.searchIndex) : nil
        }
    }
}
