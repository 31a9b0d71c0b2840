import Foundation
import Testing
@testable import GuideKit

/// Citation exports (BibTeX, RIS, CSL-JSON) and calendars (iCalendar): the
/// escaping and folding of each format against output written by hand, keys
/// made unique, the schedule page's grouping, and rebuilds that end as a full
/// build would. (`Tests/Exports/test_exports.py` reads the files back with
/// real parsers of the formats.)
@Suite struct ExportsTests {
    // MARK: - Formats, against text written by hand

    static let citation = Citation(
        key: "odegaard2024fast", title: "Fast {k}-means & friends: 100% of the _hard_ cases",
        authors: ["Zoë Ødegaard", "Jan van der Berg", "Martin Luther King Jr."], event: "NeurIPS 2024", year: "2024",
        date: "2024-12-10", location: "Vancouver, Canada", doi: "10.1234/x_y", url: "https://example.org/a_b%20c",
        pdf: "https://example.org/a.pdf", arxiv: "2406.01234", abstract: "Two\nlines")

    @Test func bibtexEntry() {
        #expect(BibTeX.entry(Self.citation) == #"""
            @inproceedings{odegaard2024fast,
              title         = {{Fast \{k\}-means \& friends: 100\% of the \_hard\_ cases}},
              author        = {Ødegaard, Zoë and van der Berg, Jan and King, Jr., Martin Luther},
              booktitle     = {NeurIPS 2024},
              year          = {2024},
              address       = {Vancouver, Canada},
              doi           = {10.1234/x_y},
              url           = {https://example.org/a_b%20c},
              eprint        = {2406.01234},
              archivePrefix = {arXiv}
            }
            """#)
    }

    @Test(arguments: [
        ("Fast {k}-means & friends: 100% of the _hard_ cases", #"Fast \{k\}-means \& friends: 100\% of the \_hard\_ cases"#),
        (##"$5 #1 ~ x^2 \ y"##, ##"\$5 \#1 \textasciitilde{} x\textasciicircum{}2 \textbackslash{} y"##),
        ("a } b {", #"a \textbraceright{} b \textbraceleft{}"#),
        ("Zoë & Łukasz", #"Zoë \& Łukasz"#),
        ("Plain title", "Plain title"),
    ])
    func bibtexEscapesTeXSpecials(text: String, escaped: String) {
        #expect(BibTeX.escape(text) == escaped)
    }

    @Test func bibtexNamesAndVerbatimFields() {
        #expect(BibTeX.name(PersonName("José Núñez")) == "Núñez, José")
        #expect(BibTeX.name(PersonName("Ben And Jerry")) == "Jerry, Ben {And}")
        #expect(BibTeX.name(PersonName("Madonna")) == "Madonna")
        #expect(BibTeX.name(PersonName("Greg Ver Steeg")) == "Steeg, Greg Ver", "the last word, as the A–Z index reads it")
        #expect(BibTeX.verbatim(#"https://x.org/{a}\b"#) == "https://x.org/%7Ba%7D%5Cb")
    }

    @Test func risRecord() {
        #expect(RIS.record(Self.citation) == [
            "TY  - CPAPER", "ID  - odegaard2024fast", "TI  - Fast {k}-means & friends: 100% of the _hard_ cases",
            "AU  - Ødegaard, Zoë", "AU  - van der Berg, Jan", "AU  - King, Martin Luther, Jr.", "T2  - NeurIPS 2024",
            "PY  - 2024", "DA  - 2024/12/10/", "CY  - Vancouver, Canada", "DO  - 10.1234/x_y",
            "UR  - https://example.org/a_b%20c", "L1  - https://example.org/a.pdf", "N1  - arXiv:2406.01234",
            "AB  - Two lines", "ER  - ",
        ].map { $0 + "\r\n" }.joined())
        #expect(RIS.value("  a\r\nb\t\tc \n") == "a b c")
    }

    static func cslFile(_ citations: [Citation]) -> String {
        String(decoding: CitationFiles.Format.cslJSON.file(citations.map(CitationFiles.Format.cslJSON.text)), as: UTF8.self)
    }

    @Test func cslJSONItem() throws {
        let citation = Citation(key: "k2024say", title: #"Say "hi" \ there"#, authors: ["Ana Silva"], year: "2024")
        #expect(Self.cslFile([citation]) == #"""
            [
              {
                "id": "k2024say",
                "type": "paper-conference",
                "title": "Say \"hi\" \\ there",
                "author": [
                  {"family": "Silva", "given": "Ana"}
                ],
                "issued": {"date-parts": [[2024]]}
              }
            ]

            """#)
        #expect(JSONText.string("a\u{1}\tb\n") == #""a\u0001\tb\n""#)
        let full = try #require(try JSONSerialization.jsonObject(with: Data(Self.cslFile([Self.citation]).utf8)) as? [[String: Any]])
        #expect(full.first?["note"] as? String == "arXiv:2406.01234")
        #expect((full.first?["author"] as? [[String: String]])?.last == ["family": "King", "given": "Martin Luther", "suffix": "Jr."])
        #expect(Self.cslFile([]) == "[]\n")
    }

    @Test func icalendarTextEscaping() {
        #expect(ICalendar.text("Room 1; level 2, Hall \\A\nnext\r\nlast") == #"Room 1\; level 2\, Hall \\A\nnext\nlast"#)
        #expect(ICalendar.text("Plain") == "Plain")
    }

    /// 75 octets a line, continuations starting with a space, never inside a UTF-8 sequence.
    @Test func icalendarFolding() {
        let a66 = String(repeating: "a", count: 66), b70 = String(repeating: "b", count: 70), b10 = String(repeating: "b", count: 10)
        // "é" would take octets 75 and 76: the first line stops at 74.
        #expect(ICalendar.fold("SUMMARY:" + a66 + "éé" + b70 + b10) == "SUMMARY:" + a66 + "\r\n éé" + b70 + "\r\n " + b10)
        #expect(ICalendar.fold("X:日本語日本語日本語日本語日本語日本語日本語日本語日本") == "X:日本語日本語日本語日本語日本語日本語日本語日本語\r\n 日本")
        let exactly75 = "DESCRIPTION:" + String(repeating: "x", count: 63)
        #expect(ICalendar.fold(exactly75) == exactly75)
        #expect(ICalendar.fold(exactly75 + "y") == exactly75 + "\r\n y")
    }

    @Test func icalendarEvent() {
        let event = ICalendar.Event(
            uid: "neurips-2024-fast@guides.example.org", stamp: ICalendar.stamp(date: "2024-12-10", year: "2024"),
            starts: Date(timeIntervalSince1970: 1_733_943_600), ends: Date(timeIntervalSince1970: 1_733_954_400),
            summary: "Fast {k}-means & friends", location: "Hall A, Vancouver, Canada",
            description: "Session: Poster session 2\nAuthors: Zoë Ødegaard", url: nil)
        #expect(ICalendar.lines(event) == [
            "BEGIN:VEVENT", "UID:neurips-2024-fast@guides.example.org", "DTSTAMP:20241210T000000Z",
            "DTSTART:20241211T190000Z", "DTEND:20241211T220000Z", "SUMMARY:Fast {k}-means & friends",
            #"LOCATION:Hall A\, Vancouver\, Canada"#, #"DESCRIPTION:Session: Poster session 2\nAuthors: Zoë Ødegaard"#,
            "END:VEVENT",
        ].map { $0 + "\r\n" }.joined())
        #expect(ICalendar.utc(ICalendar.stamp(date: "", year: "2023")) == "20230101T000000Z")
        #expect(ICalendar.utc(ICalendar.stamp(date: "", year: "")) == "19700101T000000Z")
    }

    // MARK: - Keys

    @Test func keysSharedWithinAGuideGetLetters() {
        func unique(_ bases: [(id: Int, key: String)]) -> [String] { CitationKey.unique(bases).map { "\($0.id) \($0.key)" } }
        #expect(unique([(1, "a2024x"), (2, "b2024y"), (3, "a2024x"), (4, "a2024x")]) == ["1 a2024xa", "3 a2024xb", "4 a2024xc"])
        #expect(unique([(1, "k"), (2, "b")]) == [])
        // A letter never makes a key another paper already has.
        #expect(unique([(1, "k"), (2, "k"), (3, "ka")]) == ["1 kb", "2 kc"])
        #expect([0, 1, 25, 26, 27, 701, 702].map(CitationKey.letters) == ["a", "b", "z", "aa", "ab", "zz", "aaa"])
    }

    @Test func renamedKeysAreFoundByPaperAndComparedPaperByPaper() {
        let old = RenamedKeys([(PaperID(7), "k7a"), (PaperID(2), "k2a"), (PaperID(5), "k5a")])
        #expect(old[PaperID(2)] == "k2a" && old[PaperID(5)] == "k5a" && old[PaperID(7)] == "k7a")
        #expect(old[PaperID(1)] == nil && old[PaperID(6)] == nil && old[PaperID(8)] == nil)
        let new = RenamedKeys([(PaperID(2), "k2a"), (PaperID(5), "k5b"), (PaperID(9), "k9a"), (PaperID(1), "k1a")])
        #expect(RenamedKeys.changes(from: old, to: new) == [PaperID(1), PaperID(5), PaperID(7), PaperID(9)])
        #expect(RenamedKeys.changes(from: new, to: new).isEmpty)
        #expect(RenamedKeys.changes(from: RenamedKeys([]), to: old) == [PaperID(2), PaperID(5), PaperID(7)])
    }

    // MARK: - Sites

    static let guide = """
        A quick guide to Northwind’s papers at ICML 2023

        The intro.

        Graph mining

        Fast motif counting on streaming graphs
        Lena Albrecht, Tomas Ruiz

        Fast subgraph matching at scale
        Lena Albrecht

        Temporal graph networks at scale
        Tomas Ruiz

        Sparse attention for graphs
        Omar Haddad

        Untimed paper on graphs
        Omar Haddad

        """

    static let settings = """
        conference: ICML
        year: 2023
        date: 2023-07-23
        location: Honolulu, Hawaii
        papers:
          "Fast motif counting on streaming graphs":
            session: Poster session 3
            starts: 2023-07-25T11:00:00-10:00
            ends: 2023-07-25T12:30:00-10:00
            room: Exhibit Hall 1
          "Fast subgraph matching at scale":
            session: Oral B2
            starts: 2023-07-25T10:30:00-10:00
            room: Ballroom A
          "Temporal graph networks at scale":
            session: Poster session 3
            starts: 2023-07-26T09:00:00-10:00
          "Sparse attention for graphs":
            session: Oral B2
            starts: 2023-07-25T11:15:00-10:00
            room: Ballroom A

        """

    static func site(baseURL: String = "https://guides.example.org/icml/") throws -> TemporarySite {
        try TemporarySite(["Content/guide.txt": guide, "Content/guide.yml": settings, "Content/site.yml": "base_url: \(baseURL)\n"])
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try Regex(pattern)
        return text.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
    }

    @Test func keysAreUniqueInEveryFormatAndThePageShowsTheFile() throws {
        let site = try Self.site()
        try site.build()
        let bib = try site.read("Output/papers.bib")
        #expect(try Self.matches(#"@inproceedings\{([^,]+),"#, in: bib) == [
            "albrecht2023fasta", "albrecht2023fastb", "ruiz2023temporal", "haddad2023sparse", "haddad2023untimed",
        ])
        #expect(try Self.matches(#"ID  - (\S+)"#, in: site.read("Output/papers.ris"))
                == ["albrecht2023fasta", "albrecht2023fastb", "ruiz2023temporal", "haddad2023sparse", "haddad2023untimed"])
        #expect(try Self.matches(#""id": "([^"]+)""#, in: site.read("Output/papers.json"))
                == ["albrecht2023fasta", "albrecht2023fastb", "ruiz2023temporal", "haddad2023sparse", "haddad2023untimed"])
        let cite = try site.read("Output/papers/fast-subgraph-matching-at-scale/cite.bib")
        #expect(cite.hasPrefix("@inproceedings{albrecht2023fastb,\n"))
        #expect(bib.contains(cite))
        let page = try site.read("Output/papers/fast-subgraph-matching-at-scale/index.html")
        #expect(page.contains(#"<code>"# + HTMLEscaper.escape(String(cite.dropLast())) + "</code>"), "the page shows cite.bib")
        #expect(page.contains(#"<a class="copy-button" href="/icml/papers/fast-subgraph-matching-at-scale/cite.ris" download>"#))
        #expect(page.contains(#"<a class="button button-secondary" href="/icml/papers/fast-subgraph-matching-at-scale/event.ics" download>Add to calendar"#))
        #expect(!site.exists("Output/papers/untimed-paper-on-graphs/event.ics"))
        #expect(!(try site.read("Output/papers/untimed-paper-on-graphs/index.html")).contains("Add to calendar"))
    }

    @Test func theScheduleGoesByDayThenSessionInTimeOrder() throws {
        let site = try Self.site()
        try site.build()
        let page = try site.read("Output/schedule/index.html")
        #expect(try Self.matches(#"<h2 id="day-[^"]+" class="section-title"><time datetime="([^"]+)">"#, in: page) == ["2023-07-25", "2023-07-26"])
        #expect(page.contains("<time datetime=\"2023-07-25\">Tuesday, July 25, 2023</time>"))
        #expect(try Self.matches(#"<h3 class="schedule-session-name">([^<]+)</h3>"#, in: page) == ["Oral B2", "Poster session 3", "Poster session 3"])
        // Oral B2's second paper (11:15) stays with its session, after the poster session's start (11:00).
        #expect(try Self.matches(#"<p class="schedule-title"><a href="[^"]+">([^<]+)</a>"#, in: page) == [
            "Fast subgraph matching at scale", "Sparse attention for graphs", "Fast motif counting on streaming graphs",
            "Temporal graph networks at scale",
        ])
        #expect(page.contains(#"<time datetime="2023-07-25T11:00:00-10:00">11:00–12:30 UTC−10:00</time><span class="schedule-room"> · Exhibit Hall 1</span>"#))
        #expect(page.contains(#"href="/icml/schedule.ics" download>"#))
        // Linked from every page's navigation, listed in the sitemap.
        #expect(try site.read("Output/index.html").contains(#"<li><a href="/icml/schedule/">Schedule</a></li>"#))
        #expect(page.contains(#"<li><a href="/icml/schedule/" aria-current="page">Schedule</a></li>"#))
        #expect(try site.read("Output/sitemap.xml").contains("<loc>https://guides.example.org/icml/schedule/</loc>"))

        let calendar = try site.read("Output/schedule.ics")
        #expect(try Self.matches(#"DTSTART:(\S+)"#, in: calendar) == ["20230725T203000Z", "20230725T210000Z", "20230725T211500Z", "20230726T190000Z"], "in time order")
        #expect(calendar.contains("UID:guide-fast-motif-counting-on-streaming-graphs@guides.example.org\r\n"))
        #expect(calendar.contains("DTSTART:20230725T210000Z\r\nDTEND:20230725T223000Z\r\n"))
        #expect(calendar.contains("DTSTART:20230725T203000Z\r\nDTEND:20230725T213000Z\r\n"), "an hour without ends")
        // Folded at 75 octets: unfolded, the URL is whole.
        #expect(calendar.contains("URL:https://guides.example.org/icml/papers/fast-motif-counting-on-streaming\r\n -graphs/\r\n"))
        #expect(calendar.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let event = try site.read("Output/papers/fast-motif-counting-on-streaming-graphs/event.ics")
        #expect(event.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//guide//Conference guide//EN\r\n"))
        #expect(event.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(event.contains(#"LOCATION:Exhibit Hall 1\, Honolulu\, Hawaii"#))
    }

    @Test func aGuideWithoutTimesHasNoScheduleOnASiteOfSeveral() throws {
        let site = try TemporarySite([
            "Content/icml-2023.txt": Self.guide, "Content/icml-2023.yml": Self.settings,
            "Content/kdd-2024.txt": "A quick guide to Northwind’s papers at KDD 2024\n\nThe intro.\n\nRanking at scale\nAna Silva\n",
            "Content/site.yml": "title: Northwind\n",
        ])
        try site.build()
        #expect(site.exists("Output/icml-2023/schedule/index.html") && site.exists("Output/icml-2023/schedule.ics"))
        #expect(!site.exists("Output/kdd-2024/schedule/index.html") && !site.exists("Output/kdd-2024/schedule.ics"))
        #expect(site.exists("Output/kdd-2024/papers.bib") && site.exists("Output/kdd-2024/papers/ranking-at-scale/cite.json"))
        #expect(try site.read("Output/icml-2023/index.html").contains(#"<li><a href="/icml-2023/schedule/">Schedule</a></li>"#))
        #expect(!(try site.read("Output/kdd-2024/index.html")).contains("Schedule"))
        #expect(try site.read("Output/icml-2023/schedule.ics").contains("UID:icml-2023-fast-motif-counting-on-streaming-graphs@guide\r\n"))
        #expect(!(try site.read("Output/icml-2023/schedule.ics")).contains("URL:"), "no URL without an absolute base")
    }

    @Test func relativeLinksReachTheFiles() throws {
        let site = try Self.site(baseURL: "relative")
        try site.build()
        let page = try site.read("Output/papers/fast-subgraph-matching-at-scale/index.html")
        #expect(page.contains(#"href="../../papers/fast-subgraph-matching-at-scale/cite.bib" download>"#))
        #expect(page.contains(#"href="../../papers/fast-subgraph-matching-at-scale/event.ics" download>"#))
        #expect(try site.read("Output/schedule/index.html").contains(#"href="../schedule.ics" download>"#))
        #expect(try site.read("Output/index.html").contains(#"<li><a href="./schedule/index.html">Schedule</a></li>"#))
    }

    // MARK: - Rebuilds

    static func rebuild(_ site: TemporarySite, _ session: BuildSession, settings: String? = nil, guide: String? = nil) throws -> RebuildReport {
        var paths: [String] = []
        if let settings {
            try site.write(settings, to: "Content/guide.yml")
            paths.append(site.root.appendingPathComponent("Content/guide.yml").path)
        }
        if let guide {
            try site.write(guide, to: "Content/guide.txt")
            paths.append(site.root.appendingPathComponent("Content/guide.txt").path)
        }
        return try session.rebuild(changedPaths: paths)
    }

    static func expectSameAsFullBuild(_ site: TemporarySite) throws {
        try site.build(output: "Full")
        #expect(site.snapshot("Output") == site.snapshot("Full"), "\(TemporarySite.firstDifference(site.snapshot("Output"), site.snapshot("Full")))")
    }

    /// A new time moves the paper in the schedule and its calendars; the rest stays.
    @Test func editingAStartTimeRewritesTheScheduleAndThePaperAsAFullBuildWould() throws {
        let site = try Self.site()
        let session = BuildSession(options: site.options)
        try session.build()
        let moved = try Self.rebuild(site, session, settings: Self.settings.replacingOccurrences(
            of: "starts: 2023-07-26T09:00:00-10:00", with: "starts: 2023-07-25T08:00:00-10:00"))
        #expect(moved.pagesRewritten == 2, "the schedule and the paper's page: \(moved.pagesRewritten)")
        #expect(moved.filesWritten == 2, "its event.ics and schedule.ics: \(moved.filesWritten)")
        #expect(try site.read("Output/papers/temporal-graph-networks-at-scale/event.ics").contains("DTSTART:20230725T180000Z\r\n"))
        try Self.expectSameAsFullBuild(site)

        // Without times, no schedule, calendar or navigation item is left.
        let untimed = try Self.rebuild(site, session, settings: "conference: ICML\nyear: 2023\ndate: 2023-07-23\n")
        #expect(untimed.filesDeleted >= 6, "the schedule, schedule.ics and four event.ics: \(untimed.filesDeleted)")
        #expect(!site.exists("Output/schedule/index.html") && !site.exists("Output/schedule.ics"))
        #expect(!(try site.read("Output/index.html")).contains("Schedule"))
        try Self.expectSameAsFullBuild(site)

        // And back.
        _ = try Self.rebuild(site, session, settings: Self.settings)
        #expect(try site.read("Output/index.html").contains(#"<li><a href="/icml/schedule/">Schedule</a></li>"#))
        try Self.expectSameAsFullBuild(site)
    }

    /// A third paper with the same key gives the others letters again; one left alone keeps none.
    @Test func keysFollowPapersAddedAndRemovedAsAFullBuildWould() throws {
        let site = try Self.site()
        let session = BuildSession(options: site.options)
        try session.build()
        let added = Self.guide.replacingOccurrences(of: "Temporal graph networks at scale\n", with: "Fast graph sketches\nLena Albrecht\n\nTemporal graph networks at scale\n")
        _ = try Self.rebuild(site, session, guide: added)
        #expect(try Self.matches(#"@inproceedings\{([^,]+),"#, in: site.read("Output/papers.bib")).prefix(3)
                == ["albrecht2023fasta", "albrecht2023fastb", "albrecht2023fastc"])
        try Self.expectSameAsFullBuild(site)

        // One more in front: the letters move, and only the files whose key moved are written again.
        let first = added.replacingOccurrences(of: "Fast motif counting on streaming graphs\n", with: "Fast graph embeddings\nLena Albrecht\n\nFast motif counting on streaming graphs\n")
        let moved = try Self.rebuild(site, session, guide: first)
        #expect(try Self.matches(#"@inproceedings\{([^,]+),"#, in: site.read("Output/papers.bib")).prefix(4)
                == ["albrecht2023fasta", "albrecht2023fastb", "albrecht2023fastc", "albrecht2023fastd"])
        // Three papers' keys moved and one is new: 4 × 3 citation files, the guide's three, the feed,
        // the search index's meta file, terms and results, and the sitemap.
        #expect(moved.filesWritten == 20, "\(moved.filesWritten)")
        try Self.expectSameAsFullBuild(site)

        let removed = Self.guide.replacingOccurrences(of: "Fast subgraph matching at scale\nLena Albrecht\n\n", with: "")
        _ = try Self.rebuild(site, session, guide: removed)
        #expect(try site.read("Output/papers/fast-motif-counting-on-streaming-graphs/cite.bib").hasPrefix("@inproceedings{albrecht2023fast,\n"))
        #expect(!site.exists("Output/papers/fast-subgraph-matching-at-scale/cite.bib"))
        try Self.expectSameAsFullBuild(site)
    }

    /// A guide of 700 papers has three or four parts in each of its `papers.*`
    /// (`CitationFiles.partRanges`), which a session keeps (`FilePartCache`):
    /// after each edit, in the first part, the last or between, and at a
    /// paper whose id begins a part, the files are a full build's.
    @Test(arguments: ["retitle the first", "retitle one in the middle", "remove the first", "remove the 257th",
                      "add one in front", "add one at the end", "move the last to the front"])
    func aGuidesCitationFilesInPartsAreAFullBuildsAfterAnEdit(_ edit: String) throws {
        func guide(_ titles: [String]) -> String {
            "A quick guide to Northwind's papers at KDD 2024\n\nIntro.\n\nLearning\n\nWhat we learn.\n\n"
                + titles.map { "\($0)\nAna Lima, Bo Chen\n" }.joined(separator: "\n")
        }
        var titles = (1...700).map { "Paper number \($0) on learning" }
        let site = try TemporarySite(["Content/guide.txt": guide(titles)])
        let session = BuildSession(options: site.options)
        try session.build()
        // Twice: the first rebuild makes every part, the second finds them kept.
        for round in 1...2 {
            switch edit {
            case "retitle the first": titles[0] += " again"
            case "retitle one in the middle": titles[300] += " again"
            case "remove the first": titles.removeFirst()
            case "remove the 257th": titles.remove(at: 256)
            case "add one in front": titles.insert("A new paper \(round) on learning", at: 0)
            case "add one at the end": titles.append("A new paper \(round) on learning")
            default: titles.insert(titles.removeLast(), at: 0)
            }
            try site.write(guide(titles), to: "Content/guide.txt")
            _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/guide.txt").path])
            try Self.expectSameAsFullBuild(site)
        }
        #expect(try site.read("Output/papers.bib").components(separatedBy: "@inproceedings{").count == titles.count + 1)
    }

    /// Retitling a paper that shares no key writes its own citation files, not its guide's others'.
    @Test func aRetitleWritesOnlyTheCitationFilesItChanges() throws {
        let site = try Self.site()
        let session = BuildSession(options: site.options)
        try session.build()
        let retitled = Self.guide.replacingOccurrences(of: "Untimed paper on graphs", with: "Untimed paper on big graphs")
        let report = try Self.rebuild(site, session, guide: retitled)
        // Its three files at the new address; the guide's three; the feed, the search index's meta file,
        // terms and results, and the sitemap.
        #expect(report.filesWritten == 11, "\(report.filesWritten)")
        #expect(report.filesDeleted == 5, "the page and its three files at the old address, the chunk of search results under its old name: \(report.filesDeleted)")
        #expect(try site.read("Output/papers/fast-motif-counting-on-streaming-graphs/cite.bib").hasPrefix("@inproceedings{albrecht2023fasta,"))
        try Self.expectSameAsFullBuild(site)
    }
}
