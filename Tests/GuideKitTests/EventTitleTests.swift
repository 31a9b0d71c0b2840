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

/// The build says where the conference and year came from when the title alone does not.
@Suite struct EventSourceTests {
    static func settings(conference: String? = nil, year: String? = nil, date: String? = nil) -> GuideSettings {
        var settings = GuideSettings()
        (settings.conference, settings.year, settings.date) = (conference, year, date)
        return settings
    }

    @Test func nothingToSayWhenTheTitleSaysItAll() {
        let event = EventTitle.parse("A quick guide to Amazon’s papers at ICML 2023")
        #expect(Self.settings().eventSource(title: event, settingsFile: "Content/icml.yml") == nil)
        #expect(Self.settings(conference: "ICML", year: "2023").eventSource(title: event, settingsFile: "Content/icml.yml") == nil)
    }

    @Test func fromTheSettingsOverriddenOrMissing() {
        let event = EventTitle.parse("Amazon’s papers at SLT")
        #expect(Self.settings(date: "2022-01-09").eventSource(title: event, settingsFile: "Content/slt.yml")
                == "year \"2022\" from Content/slt.yml (the title names none)")
        #expect(Self.settings(conference: "ASRU").eventSource(title: event, settingsFile: "Content/slt.yml")
                == "conference \"ASRU\" from Content/slt.yml (the title says \"SLT\"); no year: the title names none; add `year:` to Content/slt.yml")
    }
}
