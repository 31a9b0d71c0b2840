import Foundation
import Testing
@testable import GuideKit

/// `papers:` in a guide's settings file: what is read, what is refused with
/// its line, and what a paper page shows and carries.
@Suite struct PaperDetailsTests {
    static let settings = """
        conference: ICML
        year: 2023
        date: 2023-07-23
        location: Honolulu, Hawaii
        papers:
          "Scalable motif counting on streaming graphs":
            url: https://example.org/publications/motifs
            pdf: https://example.org/papers/motifs.pdf
            arxiv: "2301.05182"
            doi: https://doi.org/10.48550/arXiv.2301.05182
            code: https://example.org/code/motifs
            award: Outstanding paper
            session: Poster session 3
            starts: 2023-07-25T11:00:00-10:00
            ends: 2023-07-25T12:30:00-10:00
            room: Exhibit Hall 1
            abstract: |
              We count *motifs* </script> in one pass.
        """

    @Test func everyFieldIsRead() throws {
        let (settings, warnings) = try GuideSettings.load(yaml: Self.settings, file: "Content/guide.yml")
        #expect(warnings.isEmpty)
        #expect(settings.papers.count == 1)
        let entry = try #require(settings.papers.first)
        #expect(entry.title == "Scalable motif counting on streaming graphs")
        #expect(entry.line == 6)
        let details = entry.details
        #expect(details.url == "https://example.org/publications/motifs")
        #expect(details.pdf == "https://example.org/papers/motifs.pdf")
        #expect(details.arxiv == "2301.05182")
        #expect(details.doi == "10.48550/arXiv.2301.05182", "the doi.org prefix is taken off")
        #expect(details.code == "https://example.org/code/motifs")
        #expect(details.award == "Outstanding paper")
        #expect(details.session == "Poster session 3")
        #expect(details.room == "Exhibit Hall 1")
        #expect(details.abstract == "We count *motifs* </script> in one pass.")
        // 11:00 at UTC−10 is 21:00 UTC.
        #expect(details.starts?.date == Date(timeIntervalSince1970: 1_690_318_800))
        #expect(details.starts?.offset == -36_000)
        #expect(details.ends?.time == "12:30")
    }

    @Test(arguments: [
        ("    pdf: ftp://example.org/x.pdf", "Content/guide.yml:3: error: pdf must be a web address starting with https:// or http://, like: https://example.org/pdf (found \"ftp://example.org/x.pdf\")"),
        ("    url: example.org/paper", "Content/guide.yml:3: error: url must be a web address starting with https:// or http://, like: https://example.org/url (found \"example.org/paper\")"),
        ("    doi: 11.1234/abc", "Content/guide.yml:3: error: doi must be a DOI such as 10.48550/arXiv.2301.05182 (found \"11.1234/abc\")"),
        ("    arxiv: arXiv 2301", "Content/guide.yml:3: error: arxiv must be an arXiv identifier such as \"2301.05182\" or \"math/0211159\", in quotes (found \"arXiv 2301\")"),
        ("    starts: 2023-07-25 11:00", "Content/guide.yml:3: error: starts must be a date and time with its offset from UTC, like: 2023-07-25T11:00:00-10:00 (found \"2023-07-25 11:00\")"),
        ("    starts: 2023-02-30T11:00:00Z", "Content/guide.yml:3: error: starts must be a date and time with its offset from UTC, like: 2023-07-25T11:00:00-10:00 (found \"2023-02-30T11:00:00Z\")"),
        ("    ends: 2023-07-25T12:00:00Z", "Content/guide.yml:2: error: \"A paper\" has ends but no starts; give the time it starts too"),
        ("    starts: 2023-07-25T12:00:00Z\n    ends: 2023-07-25T11:00:00Z", "Content/guide.yml:2: error: \"A paper\" ends (2023-07-25T11:00:00Z) before it starts (2023-07-25T12:00:00Z)"),
        ("    venue: Hall 3", "Content/guide.yml:3: error: unknown field \"venue\" for \"A paper\" (known: url, pdf, arxiv, doi, code, video, slides, poster, award, session, starts, ends, room, abstract)"),
        ("    award:", "Content/guide.yml:3: error: award of \"A paper\" must be a value, like: Outstanding paper"),
    ])
    func malformedFieldsAreErrorsWithTheirLine(field: String, message: String) {
        let yaml = "papers:\n  \"A paper\":\n" + field + "\n"
        #expect(throws: Diagnostic.self) { try GuideSettings.load(yaml: yaml, file: "Content/guide.yml") }
        do {
            _ = try GuideSettings.load(yaml: yaml, file: "Content/guide.yml")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(arguments: ["2301.05182", "2301.05182v2", "0704.0001", "math/0211159", "hep-th/9901001v1", "math.GT/0309136"])
    func arXivIdentifiers(_ id: String) {
        #expect(PaperDetailsReader.isArXivID(id))
    }

    @Test(arguments: ["10.48550/arXiv.2301.05182", "10.1145/3580305.3599256", "10.1000.10/xyz"])
    func dois(_ doi: String) {
        #expect(PaperDetailsReader.isDOI(doi))
    }

    static let guide = """
        A quick guide to Northwind’s papers at ICML 2023

        The intro.

        Graph mining

        Scalable motif counting on streaming graphs
        Lena Albrecht, Tomas Ruiz

        Motif plot.png
        Counts from "Scalable motif counting on streaming graphs".

        Temporal graph networks at scale
        Tomas Ruiz

        """

    static func site(baseURL: String = "https://guides.example.org/icml/", settings: String = settings) throws -> TemporarySite {
        let site = try TemporarySite(["Content/guide.txt": guide, "Content/guide.yml": settings,
                                      "Content/site.yml": "base_url: \(baseURL)\n"])
        try site.copyImage("png-321x47.png", to: "Content/images/Motif plot.png")
        return site
    }

    @Test func aKeyThatNamesNoPaperIsAWarningWithTheClosestTitle() throws {
        let site = try Self.site(settings: "papers:\n  \"Scalable motif countng on streaming graph\":\n    award: Best paper\n")
        let report = try site.build().report
        #expect(report.warnings.map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") } == [
            "Content/guide.yml:2: warning: \"Scalable motif countng on streaming graph\" under papers: names no paper of Content/guide.txt; did you mean \"Scalable motif counting on streaming graphs\"?",
        ])
    }

    @Test func thePaperPageShowsTheDetailsAndCarriesScholarlyMetadata() throws {
        let site = try Self.site()
        #expect(try site.build().report.warnings.isEmpty)
        let page = try site.read("Output/papers/scalable-motif-counting-on-streaming-graphs/index.html")
        for button in [
            #"<a class="button paper-link-paper" href="https://example.org/publications/motifs">Paper</a>"#,
            #"<a class="button paper-link-pdf" href="https://example.org/papers/motifs.pdf">PDF</a>"#,
            #"<a class="button paper-link-arxiv" href="https://arxiv.org/abs/2301.05182">arXiv</a>"#,
            #"<a class="button paper-link-doi" href="https://doi.org/10.48550/arXiv.2301.05182">DOI</a>"#,
            #"<a class="button paper-link-code" href="https://example.org/code/motifs">Code</a>"#,
        ] { #expect(page.contains(button), "\(button)") }
        #expect(page.contains(#"<span class="award-badge">Outstanding paper</span>"#))
        #expect(page.contains(#"<time datetime="2023-07-25T11:00:00-10:00">Tuesday, July 25, 2023, 11:00–12:30 UTC−10:00</time>"#))
        #expect(page.contains("<dd>Exhibit Hall 1</dd>"))
        #expect(page.contains("<p>We count <em>motifs</em> &lt;/script&gt; in one pass.</p>"))

        // Google Scholar's tags, field by field, in order.
        let tags = page.split(separator: "\n").filter { $0.hasPrefix("<meta name=\"citation_") }
        #expect(tags == [
            #"<meta name="citation_title" content="Scalable motif counting on streaming graphs">"#,
            #"<meta name="citation_author" content="Lena Albrecht">"#,
            #"<meta name="citation_author" content="Tomas Ruiz">"#,
            #"<meta name="citation_publication_date" content="2023/07/23">"#,
            #"<meta name="citation_conference_title" content="ICML 2023">"#,
            #"<meta name="citation_pdf_url" content="https://example.org/papers/motifs.pdf">"#,
            #"<meta name="citation_doi" content="10.48550/arXiv.2301.05182">"#,
            #"<meta name="citation_arxiv_id" content="2301.05182">"#,
            #"<meta name="citation_abstract_html_url" content="https://guides.example.org/icml/papers/scalable-motif-counting-on-streaming-graphs/">"#,
        ])
        #expect(page.contains(#"<meta property="og:type" content="article">"#))
        #expect(page.contains(#"<meta property="og:url" content="https://guides.example.org/icml/papers/scalable-motif-counting-on-streaming-graphs/">"#))
        #expect(page.contains(#"<meta property="og:image" content="https://guides.example.org/icml/images/motif-plot.png">"#))
        #expect(page.contains(#"<meta name="twitter:card" content="summary_large_image">"#))

        // JSON-LD that a JSON parser reads, with nothing that ends the script early.
        let script = try #require(page.components(separatedBy: #"<script type="application/ld+json">"#).dropFirst().first?
            .components(separatedBy: "</script>").first)
        #expect(!script.contains("<"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        #expect(json["@context"] as? String == "https://schema.org")
        #expect(json["@type"] as? String == "ScholarlyArticle")
        #expect(json["name"] as? String == "Scalable motif counting on streaming graphs")
        #expect((json["author"] as? [[String: String]])?.map { $0["name"] ?? "" } == ["Lena Albrecht", "Tomas Ruiz"])
        #expect(json["datePublished"] as? String == "2023-07-23")
        #expect(json["url"] as? String == "https://guides.example.org/icml/papers/scalable-motif-counting-on-streaming-graphs/")
        #expect(json["sameAs"] as? [String] == ["https://doi.org/10.48550/arXiv.2301.05182", "https://arxiv.org/abs/2301.05182",
                                                "https://example.org/publications/motifs"])
        #expect(json["abstract"] as? String == "We count motifs </script> in one pass.")
        let event = try #require(json["isPartOf"] as? [String: Any])
        #expect(event["@type"] as? String == "Event")
        #expect(event["name"] as? String == "ICML 2023")

        // Lists show the award and the PDF link on the card.
        let home = try site.read("Output/papers/index.html")
        #expect(home.contains(#"<span class="award-badge">Outstanding paper</span>"#))
        #expect(home.contains(#"<a href="https://example.org/papers/motifs.pdf">PDF<span class="visually-hidden"> of Scalable motif counting on streaming graphs</span></a>"#))
        // A paper without details has none of it.
        let other = try site.read("Output/papers/temporal-graph-networks-at-scale/index.html")
        #expect(!other.contains("paper-links") && !other.contains("citation_pdf_url") && !other.contains("og:image"))
        #expect(other.contains(#"<meta name="twitter:card" content="summary">"#))
    }

    /// Without an absolute base URL, no social tag or Scholar URL that would be invalid.
    @Test func aPathBaseURLWritesNoRelativeSocialTags() throws {
        let site = try Self.site(baseURL: "/icml/")
        try site.build()
        let page = try site.read("Output/papers/scalable-motif-counting-on-streaming-graphs/index.html")
        #expect(!page.contains("og:url") && !page.contains("og:image") && !page.contains("citation_abstract_html_url"))
        #expect(page.contains(#"<meta name="citation_pdf_url" content="https://example.org/papers/motifs.pdf">"#))
    }

    /// Editing the abstract rewrites the paper's page alone; an award also
    /// reaches every list with its card. Both end as a full build would.
    @Test func editingTheDetailsRewritesThePagesThatShowThem() throws {
        let site = try Self.site()
        let session = BuildSession(options: site.options)
        try session.build()
        let file = site.root.appendingPathComponent("Content/guide.yml").path
        try site.write(Self.settings.replacingOccurrences(of: "in one pass", with: "in two passes"), to: "Content/guide.yml")
        let abstract = try session.rebuild(changedPaths: [file])
        #expect(abstract.pagesRewritten == 1)
        #expect(try site.read("Output/papers/scalable-motif-counting-on-streaming-graphs/index.html").contains("in two passes"))
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"))

        try site.write(Self.settings.replacingOccurrences(of: "Outstanding paper", with: "Best paper"), to: "Content/guide.yml")
        let award = try session.rebuild(changedPaths: [file])
        #expect(award.pagesRewritten > 1)
        #expect(award.pagesRewritten < 8, "\(award.pagesRewritten)")
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"))
    }
}
