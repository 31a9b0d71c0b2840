import Mustache

/// `<name>/` (or `<guide>/<name>/` for a guide's page on a site of several):
/// an extra page, `Content/pages/<name>.md`, its Markdown body under its title.
enum ExtraPage {
    static let kind = OutputKind(name: "page", page: .page, outputs: { reader in
        reader.sitePages.map { ($0.raw, .page(reader.extraPage($0).path)) }
    }, render: { id, reader throws(Diagnostic) in
        let page = ExtraPageID(id)
        let info = reader.extraPage(page)
        return try PageLayout.render(.page, route: info.path, guide: info.guide, extraPage: page, title: info.title,
                                     description: info.description.isEmpty ? info.title : info.description,
                                     body: Body(reader: reader, page: page), reader)
    })

    /// `page_content`.
    struct Body: MustacheParent {
        let reader: Reader
        let page: ExtraPageID

        func child(named name: String) -> Any? {
            name == "page_content" ? ContentView(reader: reader, id: page) : nil
        }
    }

    /// `page_content`: `title`, `name`, `url`, `description`, `body_html`.
    struct ContentView: MustacheParent {
        let reader: Reader
        let id: ExtraPageID

        func child(named name: String) -> Any? {
            switch name {
            case "title": asText(reader.extraPage(id).title)
            case "name": asText(reader.extraPage(id).name)
            case "url": asText(reader.extraPage(id).url)
            case "description": nonEmpty(reader.extraPage(id).description)
            case "body_html": nonEmpty(reader.text(of: id).bodyHTML)
            default: nil
            }
        }
    }
}
