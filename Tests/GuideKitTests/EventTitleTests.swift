import Testing
@testable import GuideKit

/// Guide titles in the shapes published guides use; answers written by hand.
@Suite struct EventTitleTests {
    @Test(arguments: [
        ("A quick guide to Amazon’s papers at ICML 2023", "Amazon", "ICML", "2023"),
        ("A quick guide to Amazon’s papers at SLT", "Amazon", "SLT", nil),
        ("Amazon’s 23 papers at EMNLP 2021", "Amazon", "EMNLP", "2021"),
        ("Amazon's 45-plus NAACL papers", "Amazon", "NAACL", nil),
        ("Amazon at ICLR: graphs, time series, and more", "Amazon", "ICLR", nil),
        ("Amazon Science at the ACL 2024 main conference", "Amazon Science", "ACL", "2024"),
        ("Northwind papers @ KDD 2024", nil, "KDD", "2024"),
        ("A quick guide to our papers at Interspeech 2025", nil, "Interspeech", "2025"),
    ] as [(String, String?, String?, String?)])
    func readsOrganizationConferenceAndYear(_ title: String, organization: String?, conference: String?, year: String?) {
        let event = EventTitle.parse(title)
        #expect(event.organization == organization)
        #expect(event.conference == conference)
        #expect(event.year == year)
    }
}
