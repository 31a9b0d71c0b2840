import Mustache

/// `careers/`: the job postings of every guide, each once with all its locations.
enum CareersPage {
    static let kind = OutputKind(name: "careers", page: .careers, outputs: { reader in
        reader.siteCount(.postings) == 0 ? [] : [(SiteModel.siteID, .page(Routes.careers))]
    }, render: { _, reader throws(Diagnostic) in
        try PageLayout.render(.careers, route: Routes.careers, guide: nil, title: "Careers",
                              description: "Related job postings.", body: Body(reader: reader), reader)
    })

    /// `postings`.
    struct Body: MustacheParent {
        let reader: Reader

        func child(named name: String) -> Any? {
            name == "postings" ? reader.sitePostings.map { PostingView(reader: reader, id: $0) } : nil
        }
    }
}
