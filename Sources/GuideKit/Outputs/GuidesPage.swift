import Mustache

/// `/` of a site of several guides: the guides, newest first.
enum GuidesPage {
    static let kind = OutputKind(name: "guides", page: .guides, outputs: { reader in
        reader.site.multipleGuides ? [(SiteModel.siteID, .page(""))] : []
    }, render: { _, reader throws(Diagnostic) in
        let site = reader.site
        let description = site.subtitle.isEmpty
            ? "\(count(reader.siteCount(.guides), "guide")): \(count(reader.siteCount(.papers), "paper")) by \(count(reader.siteCount(.authors), "author"))."
            : site.subtitle
        return try PageLayout.render(.guides, route: "", guide: nil, title: site.title, description: description,
                                     body: Body(reader: reader), reader)
    })

    /// `guides` (each a `guide`: title, subtitle, url, name, conference, year,
    /// date, location, counts, ...), `guide_count`.
    struct Body: MustacheParent {
        let reader: Reader

        func child(named name: String) -> Any? {
            switch name {
            case "guides": reader.siteGuides.map { GuideView(reader: reader, id: $0) }
            case "guide_count": reader.siteGuides.count
            default: nil
            }
        }
    }
}
