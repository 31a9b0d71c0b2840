/// `404.html`: what static hosts show for a missing page.
enum NotFoundPage {
    static let kind = OutputKind(name: "404", page: .notFound, outputs: { _ in
        [(SiteModel.siteID, OutputPath(Routes.notFound))]
    }, render: { _, reader throws(Diagnostic) in
        try PageLayout.render(.notFound, route: Routes.notFound, guide: nil, title: "Page not found",
                              description: "This page does not exist.", body: EmptyBody(), reader)
    })
}
