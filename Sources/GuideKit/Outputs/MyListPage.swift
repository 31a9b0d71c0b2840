import Mustache

/// `my-list/`: the papers a reader starred on cards and paper pages, kept in
/// the browser's local storage and shown by `assets/my-list.js`; the page
/// itself holds no paper.
enum MyListPage {
    static let kind = OutputKind(name: "my-list", page: .myList, outputs: { _ in
        [(SiteModel.siteID, .page(Routes.myList))]
    }, render: { _, reader throws(Diagnostic) in
        try PageLayout.render(.myList, route: Routes.myList, guide: nil, title: "My list",
                              description: "Papers you starred, kept in this browser.", body: Body(), reader)
    })

    struct Body: MustacheParent {
        func child(named name: String) -> Any? { nil }
    }
}
