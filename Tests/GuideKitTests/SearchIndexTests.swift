import Foundation
import Testing
@testable import GuideKit

/// The split search index: how text becomes terms, how posting lists are
/// written, and what the files of a small hand-written site hold, read back
/// with a decoder of this test's own.
@Suite struct SearchIndexTests {
    @Test func termsFoldCaseAccentsAndLettersOfTheirOwn() {
        #expect(SearchText.terms("Núñez-García's ZOË Øberg, Straße & Łukasz of GPT-4")
            == ["nunez", "garcia", "s", "zoe", "oberg", "strasse", "lukasz", "gpt", "4"])
        #expect(SearchText.terms("Þórsdóttir Yılmaz Żukowski æther") == ["thorsdottir", "yilmaz", "zukowski", "aether"])
        #expect(SearchText.terms("the and of") == [], "stop words are not terms")
        #expect(SearchText.terms("深度学习 模型") == ["深度学习", "模型"], "letters without case stay as they are")
    }

    @Test func htmlIsReadAsItsWords() {
        #expect(SearchText.terms(SearchText.text(ofHTML: #"<p>Kites&amp;lamps <em>steer</em> a "<a href="/x">zeppelin</a>"</p>"#))
            == ["kites", "lamps", "steer", "zeppelin"])
    }

    @Test func postingNumbersAreBase32MostSignificantFirst() {
        func written(_ value: Int) -> String {
            var list: [UInt8] = []
            SearchIndexFiles.appendNumber(value, to: &list)
            return String(decoding: list, as: UTF8.self)
        }
        #expect(written(0) == "0")
        #expect(written(5) == "5")
        #expect(written(31) == "v")
        #expect(written(32) == "x0")
        #expect(written(1023) == "_v")
        #expect(written(1024) == "xw0")
    }

    /// Values from an FNV-1a of the same bytes written in Python.
    @Test func bucketsHashTheFirstTwoLetters() {
        #expect(SearchText.bucket(of: "bandit", buckets: 64) == 12)
        #expect(SearchText.bucket(of: "ba", buckets: 1000) == 708)
        #expect(SearchText.bucket(of: "zoe", buckets: 64) == 38)
        #expect(SearchText.bucket(of: "ø", buckets: 64) == 62)
        #expect(SearchText.bucket(of: "thorsdottir", buckets: 1000) == 89)
        #expect(SearchText.bucket(of: "anything", buckets: 1) == 0)
        // Values from Python: the FNV-1a of the first two code points' UTF-8.
        #expect(SearchText.bucket(of: "深度学习", buckets: 1000) == 468)
        #expect(SearchText.bucket(of: "żukowski", buckets: 64) == 19)
        #expect(SearchText.bucket(of: "a", buckets: 64) == 44)
    }

    private static let words = ["bandit", "forecast", "kernel", "zoe", "øberg", "深度学习", "lamp", "kite", "regret", "sampling"]

    private static func document(_ number: Int, title: String? = nil) -> SearchDocument {
        SearchDocument(kind: .paper, title: title ?? "Paper \(number)", url: "/papers/p\(number)/", detail: "", guide: nil, fields: [
            (title ?? "\(words[number % 10]) \(words[number * 7 % 10])x\(number % 13)", .title), ("\(words[number % 3]) text", .text),
        ])
    }

    @Test func theIndexIsTheSameWhateverTheGroupsItIsMadeIn() {
        let documents = (0..<1_500).map { Self.document($0) }
        let one = SearchIndexFiles(documents, guides: [], groups: 1)
        #expect(one.buckets.count == 4)
        for groups in [2, 3, 4, 9] {
            #expect(SearchIndexFiles(documents, guides: [], groups: groups) == one, "\(groups) groups")
        }
    }

    @Test func anIndexUpdatedForChangedDocumentsIsTheIndexMadeAnew() throws {
        let before = (0..<1_500).map { Self.document($0) }
        let kept = SearchIndexFiles(before, guides: ["A"], keepingTerms: true)
        #expect(SearchIndexFiles(before, guides: ["A"]).terms == nil, "kept only when asked")
        var after = before
        after[3] = Self.document(3, title: "Zeppelin lanterns")  // new terms, old ones gone
        after[5] = Self.document(5, title: "\(Self.words[5]) lanterns")  // one term kept as it was, one new
        after[700] = Self.document(700, title: "bandit bandit kernel")  // a term's weight in it changes
        after[1_499] = Self.document(1_499, title: "")
        let updated = try #require(kept.update(after, guides: ["A", "B"]))
        let anew = SearchIndexFiles(after, guides: ["A", "B"])
        #expect(updated == anew)
        #expect(updated.meta == anew.meta, "the stamp and the guides too")
        #expect(SearchIndexFiles.changes(from: kept, to: updated).count < 12, "only the files those documents reach")
        // Updated again, from the update; the index it was made from handed its terms on.
        #expect(kept.update(after, guides: ["A", "B"]) == nil, "its terms went to the update: made anew")
        let back = try #require(updated.update(before, guides: ["A"]))
        #expect(back == SearchIndexFiles(before, guides: ["A"]))

        // Asked of an index that still has its terms (`kept` handed its on).
        let fresh = SearchIndexFiles(before, guides: ["A"], keepingTerms: true)
        #expect(fresh.update(before.indices.map { Self.document($0, title: "changed \($0)") }, guides: ["A"]) == nil, "all changed: made anew")
        #expect(fresh.update(Array(before.prefix(300)), guides: ["A"]) == nil, "fewer buckets: made anew")
        #expect(fresh.update(before, guides: ["A"]) == SearchIndexFiles(before, guides: ["A"]), "and it can be updated")
        #expect(SearchIndexFiles(before, guides: []).update(after, guides: []) == nil, "nothing kept")
    }

    /// Documents added and removed move the numbers of those after them.
    @Test(arguments: [
        [("insert", 500)], [("remove", 500)], [("insert", 0)], [("remove", 0)], [("append", 0)], [("remove", 1_499)],
        [("insert", 100), ("remove", 900), ("change", 1_200)], [("remove", 63), ("remove", 64), ("insert", 1_000)],
        [("insert", 10), ("insert", 10), ("insert", 10), ("change", 11)], [("remove", 1_400), ("append", 0), ("append", 0)],
    ])
    func anIndexUpdatedForDocumentsAddedAndRemovedIsTheIndexMadeAnew(_ edits: [(String, Int)]) throws {
        let before = (0..<1_500).map { Self.document($0) }
        var after = before
        for (number, (edit, at)) in edits.enumerated() {
            let new = Self.document(5_000 + number, title: "Inserted \(["zeppelin", "bandit", "深度学习"][number % 3]) \(number)")
            switch edit {
            case "insert": after.insert(new, at: at)
            case "append": after.append(new)
            case "remove": after.remove(at: at)
            default: after[at] = new
            }
        }
        let kept = SearchIndexFiles(before, guides: [], keepingTerms: true)
        let updated = try #require(kept.update(after, guides: []))
        #expect(updated == SearchIndexFiles(after, guides: []))
        #expect(updated.meta == SearchIndexFiles(after, guides: []).meta)
        #expect(try #require(updated.update(before, guides: [])) == SearchIndexFiles(before, guides: []), "and back")
    }

    /// Hashes chosen by hand: one whose high bits are a multiple of the
    /// chunk size begins a chunk, one that is not does not.
    @Test func chunksAreCutWhereARecordBeginsOneOrAtTheMaximum() {
        let begins: UInt64 = 0, goesOn: UInt64 = 1 << 40
        #expect(SearchIndexFiles.cuts([]) == [])
        #expect(SearchIndexFiles.cuts([goesOn]) == [0..<1])
        #expect(SearchIndexFiles.cuts([begins, goesOn, begins, goesOn, goesOn, goesOn, begins, goesOn]) == [0..<2, 2..<6, 6..<8],
                "the first document begins the first chunk, whatever its hash")
        #expect(SearchIndexFiles.cuts(Array(repeating: goesOn, count: 600)) == [0..<256, 256..<512, 512..<600])
        #expect(SearchIndexFiles.cuts(Array(repeating: goesOn, count: 300) + [begins] + Array(repeating: goesOn, count: 9))
            == [0..<256, 256..<300, 300..<310])
    }

    /// A document added or removed changes the chunk it is in (and, when it
    /// begins or ends one, the chunk beside it), and every other chunk keeps
    /// its name and file, though the numbers of the documents after it moved.
    @Test(arguments: [("insert", 700), ("remove", 700), ("insert", 0), ("remove", 1_499), ("append", 0)])
    func aDocumentAddedOrRemovedLeavesTheOtherChunksAsTheyWere(_ edit: String, _ at: Int) {
        let before = (0..<1_500).map { Self.document($0) }
        var after = before
        switch edit {
        case "insert": after.insert(Self.document(9_000, title: "Inserted zeppelin"), at: at)
        case "append": after.append(Self.document(9_000, title: "Appended zeppelin"))
        default: after.remove(at: at)
        }
        let (old, new) = (SearchIndexFiles(before, guides: []).chunks, SearchIndexFiles(after, guides: []).chunks)
        #expect(old.count > 10 && old.allSatisfy { $0.count <= 256 }, "\(old.map(\.count))")
        #expect(old.reduce(0) { $0 + $1.count } == 1_500)
        let kept = Set(old.map(\.name)).intersection(new.map(\.name))
        #expect(kept.count >= old.count - 2 && kept.count >= new.count - 2, "\(old.count) chunks before, \(new.count) now, \(kept.count) kept")
        for chunk in new where kept.contains(chunk.name) {
            #expect(old.first { $0.name == chunk.name } == chunk)
        }
    }

    @Test func bucketCountGrowsByPowersOfTwo() {
        #expect(SearchIndexFiles.bucketCount(documents: 0) == 1)
        #expect(SearchIndexFiles.bucketCount(documents: 400) == 1)
        #expect(SearchIndexFiles.bucketCount(documents: 401) == 2)
        #expect(SearchIndexFiles.bucketCount(documents: 15_343) == 64)
        #expect(SearchIndexFiles.bucketCount(documents: 153_430) == 512)
    }

    @Test func theFixtureSiteIsIndexedAsWritten() throws {
        let site = try TemporarySite(fixture: "search")
        _ = try site.build()
        let meta = try Self.data(of: site.read("Output/search/meta.js"), name: "meta") as! [String: Any]
        #expect(meta["documents"] as? Int == 10)
        #expect(meta["buckets"] as? Int == 1)
        let chunks = try #require(meta["chunks"] as? [[Any]])
        #expect(chunks.count == 1 && chunks[0].first as? Int == 10, "one chunk of the ten documents")
        let records = try Self.records(site)
        #expect(records.map(\.[0]) == ["guide", "topic", "topic", "author", "author", "author", "posting", "paper", "paper", "paper"],
                "guides, topics, authors, postings, then papers")
        #expect(records.first { $0[1] == "A lantern for every room" }
            == ["paper", "A lantern for every room", "/papers/a-lantern-for-every-room/", "Zoë Þórsdóttir and Lin Qiu · Lighting", ""])
        #expect(records.first { $0[0] == "posting" }?[2] == "/careers/#posting-1")

        let terms = try Self.data(of: site.read("Output/search/t/0.js"), name: "t/0") as! [String: String]
        func found(_ term: String) -> Set<String> {
            Set(Self.postings(terms[term] ?? "").map { "\(records[$0.document][1]) \($0.weight)" })
        }
        #expect(found("lantern") == ["A lantern for every room 3", "Energy budgets of small lamps 1"])
        #expect(found("qiu") == ["Lin Qiu 3", "A lantern for every room 3", "Energy budgets of small lamps 3"])
        #expect(found("lighting") == ["Lighting 3", "A lantern for every room 2", "Energy budgets of small lamps 2"])
        #expect(found("quokka") == ["Lighting 1"])
        #expect(found("zeppelin") == ["Energy budgets of small lamps 1"])
        #expect(found("marmalade") == ["Our team is hiring an applied scientist who likes marmalade and lanterns 3"])
        #expect(found("thorsdottir") == ["Zoë Þórsdóttir 3", "A lantern for every room 3"])
        #expect(found("oberg") == ["Marta Øberg 3", "Kites that steer themselves 3"])
        #expect(found("acme") == ["A quick guide to our papers at ACME 2024 3"])
        #expect(terms["and"] == nil && terms["the"] == nil, "stop words are not indexed")
    }

    /// The hand-written JSON is what JSONSerialization reads back, for awkward text too.
    @Test func recordsRoundTripAwkwardText() throws {
        let site = try TemporarySite([
            "Content/guide.txt": """
            A quick guide to Northwind's papers at KDD 2024

            Intro paragraph for the guide.

            Quotes "and" back\\slashes	and tabs

            A "quoted" title with \\ and / and é
            Ana Lima, Bo Chen
            """,
            "Content/site.yml": "base_url: /sub/\n",
        ])
        try site.build()
        let records = try Self.records(site)
        #expect(records.map { [$0[0], $0[1]] } == [
            ["guide", "A quick guide to Northwind's papers at KDD 2024"],
            ["topic", "Quotes \"and\" back\\slashes\tand tabs"],
            ["author", "Bo Chen"], ["author", "Ana Lima"],
            ["paper", #"A "quoted" title with \ and / and é"#],
        ])
        #expect(records.allSatisfy { $0[2].hasPrefix("/sub/") })
    }

    @Test func aNewIndexHasANewStamp() throws {
        let site = try TemporarySite(fixture: "search")
        _ = try site.build()
        let stamp = try #require(try site.read("Output/search/meta.js").firstMatch(of: /"stamp":"([0-9a-z]+)"/)).1
        try site.write(try site.read("Content/acme-2024.txt").replacingOccurrences(of: "Kites that steer", with: "Kites that fly"),
                       to: "Content/acme-2024.txt")
        _ = try site.build()
        let again = try #require(try site.read("Output/search/meta.js").firstMatch(of: /"stamp":"([0-9a-z]+)"/)).1
        #expect(again != stamp)
        #expect(try site.read("Output/search/index.html").contains(#"data-search-index="/search/meta.js">"#))
    }

    // MARK: - Reading the files back

    /// The data a file hands to `guideSearchLoaded(name, …)`.
    /// The records of every chunk of the site's index, in order, found by
    /// the chunks `meta.js` lists (`[documents, name]`).
    static func records(_ site: TemporarySite) throws -> [[String]] {
        let meta = try #require(try data(of: site.read("Output/search/meta.js"), name: "meta") as? [String: Any])
        var records: [[String]] = []
        for chunk in try #require(meta["chunks"] as? [[Any]]) {
            let name = try #require(chunk.last as? String)
            let part = try #require(try data(of: site.read("Output/search/d/\(name).js"), name: "d/\(name)") as? [[String]])
            #expect(part.count == chunk.first as? Int)
            records += part
        }
        return records
    }

    static func data(of script: String, name: String) throws -> Any {
        let start = "guideSearchLoaded(\"\(name)\","
        #expect(script.hasPrefix(start) && script.hasSuffix(");\n"))
        let json = script.dropFirst(start.count).dropLast(3)
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    /// A posting list: per document, the gap from the previous one times four
    /// plus the weight, in base 32 with digits 32–63 meaning "more follow".
    static func postings(_ list: String) -> [(document: Int, weight: Int)] {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")
        var result: [(Int, Int)] = []
        var document = -1, value = 0
        for character in list {
            let digit = digits.firstIndex(of: character)!
            value = value * 32 + digit % 32
            if digit >= 32 { continue }
            document += value / 4
            result.append((document, value % 4))
            value = 0
        }
        return result
    }
}

extension SearchText {
    /// The bucket of a term given as a string.
    static func bucket(of term: String, buckets: Int) -> Int {
        var term = term
        return term.withUTF8 { bucket(of: $0, buckets: buckets) }
    }
}
