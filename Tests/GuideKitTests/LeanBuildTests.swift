import Foundation
import Testing
@testable import GuideKit

/// What a build does to keep its memory down at 100,000 papers, each checked
/// against values written here: the values only derivations read are let go
/// after their last reader, large files are written in parts, and search
/// terms are packed.
@Suite struct LeanBuildTests {
    /// A site of one guide, planned in memory as a build plans it.
    private static func plan(keepingState: Bool) throws -> SiteBuilder.PlannedSite {
        let folder = URL(fileURLWithPath: "/nonexistent-lean/Content")
        let guide = """
            Acme's papers at NeurIPS 2024

            Bandits

            Thompson sampling for bandits
            Ana Silva, Zoë Ødegaard

            Forecasting

            Forecasting with transformers
            Ana Silva, Lin Qiu
            """
        var content = ContentSource(
            directory: folder, displayPath: "Content",
            guides: [.init(slug: "acme", displayPath: "Content/acme.txt", bytes: Array(guide.utf8),
                           modified: Date(timeIntervalSince1970: 1_700_000_000), settingsText: nil, settingsDisplayPath: "Content/acme.yml")],
            configText: nil, configDisplayPath: "Content/site.yml", aliasesText: nil, aliasesDisplayPath: "Content/authors.yml",
            imagesFolder: folder.appendingPathComponent("images"), imagesDisplayPath: "Content/images", imageNames: [])
        let options = BuildOptions(contentDirectory: folder, templatesDirectory: folder, outputDirectory: folder, workers: 1)
        var steps = StepClock()
        var warnings: [Diagnostic] = []
        return try SiteBuilder.plan(&content, FuzzTests.templates, options: options, keepingState: keepingState,
                                    steps: &steps, warnings: &warnings)
    }

    @Test func aOneOffBuildLetsGoOfWhatOnlyDerivationsRead() throws {
        let oneOff = try Self.plan(keepingState: false).derived
        let kept = try Self.plan(keepingState: true).derived
        // Two papers, three authors, two topics.
        #expect(kept.searchPapers.domain.count == 2)
        #expect(kept.searchAuthors.domain.count == 3)
        #expect(kept.searchTopics.domain.count == 2)
        #expect(kept.searchGuides.domain.count == 1)
        #expect(kept.searchPostings.domain.isEmpty && kept.searchPages.domain.isEmpty, "none in this guide")
        #expect(kept.baseCitationKeys[0] == "silva2024thompson")
        #expect(kept.paperOrders.domain.count == 1)
        for empty in [oneOff.searchPapers.domain, oneOff.searchAuthors.domain, oneOff.searchTopics.domain, oneOff.searchGuides.domain,
                      oneOff.baseCitationKeys.domain, oneOff.citationKeyCollisions.domain, oneOff.paperOrders.domain] {
            #expect(empty.isEmpty)
        }
        #expect(oneOff.baseCitationKeys[0] == nil)
        // What outputs read stays.
        #expect(oneOff.searchIndex.domain == [SiteModel.siteID])
        #expect(oneOff.citations[0]?.key == "silva2024thompson")
        #expect(oneOff.listPages.domain.count == kept.listPages.domain.count)
    }

    @Test func aKeptCitationHoldsItsAuthorsIdsAndIsReadWithTheirNames() throws {
        let site = try Self.plan(keepingState: false)
        let kept = try #require(site.derived.citations[0])
        #expect(kept.authors.isEmpty)
        #expect(kept.authorIDs.count == 2)
        let reader = Reader(site.snapshot, records: true)
        let named = try #require(reader.citation(of: PaperID(0)))
        #expect(named.authors.map(\.family) == ["Silva", "Ødegaard"])
        #expect(named.authors.map(\.given) == ["Ana", "Zoë"])
        // A renamed author reaches the texts through the name each read.
        #expect(reader.facts.contains(Fact(.citationName, kept.authorIDs[1].raw)))
    }

    @Test func citationTextsAreKeptForRebuildsAndMadeWhereReadOtherwise() throws {
        let entry = """
            @inproceedings{silva2024thompson,
              title     = {{Thompson sampling for bandits}},
              author    = {Silva, Ana and Ødegaard, Zoë},
              booktitle = {NeurIPS 2024},
              year      = {2024}
            }
            """
        let session = try Self.plan(keepingState: true)
        #expect(session.derived.citationBibTeX.domain.count == 2)
        #expect(session.derived.citationBibTeX[0] == entry)
        #expect(session.derived.citationRIS[0]?.hasPrefix("TY  - CPAPER\r\n") == true)
        let sessionReader = Reader(session.snapshot, records: true)
        #expect(sessionReader.citationText(of: PaperID(0), .bibtex) == entry)
        #expect(sessionReader.facts == [Fact(.citationBibTeX, 0)], "a rebuild redoes what read the texts when they change")
        let fileReader = Reader(session.snapshot, records: true)
        guard case .file(let papersFile) = try CitationFiles.ofGuide(.bibtex).render(0, fileReader).joined else {
            Issue.record("papers.bib is one file")
            return
        }
        #expect(String(decoding: papersFile, as: UTF8.self).hasPrefix(entry + "\n\n@inproceedings{"))
        #expect(fileReader.facts.filter { $0.aspect == .citationBibTeX } == [Fact(.citationBibTeX, 0), Fact(.citationBibTeX, 1)],
                "papers.bib records the texts of every paper its parts read")

        let oneOff = try Self.plan(keepingState: false)
        #expect(oneOff.derived.citationBibTeX.domain.isEmpty && oneOff.derived.citationCSL.domain.isEmpty, "not kept")
        let reader = Reader(oneOff.snapshot, records: true)
        #expect(reader.citationText(of: PaperID(0), .bibtex) == entry, "made when read")
        #expect(reader.facts.contains(Fact(.citation, 0)), "with what making it read")
    }

    @Test func onlyTheNamedDerivationsMayReadWhatOnlyDerivationsRead() {
        let readers = Readers.derivations(through: .searchIndex)
        #expect(readers.allow(.searchPaper))
        #expect(readers.allow(.searchIndex))
        #expect(!readers.allow(.paperCard), "a derivation after the last reader")
        #expect(!readers.allow(nil), "an output")
        #expect(Readers.outputs.allow(nil))
        #expect(Readers.outputs.allow(.paperCard))
        // The last reader of each comes after the derivation itself, or it could never be read.
        for derivation in Derivations.all {
            if case .derivations(let last) = derivation.readers { #expect(last.rawValue > derivation.aspect.rawValue) }
        }
    }

    private static func citation(_ number: Int) -> Citation {
        Citation(key: "k\(number)", title: "Paper \(number)", authors: ["Ana Silva"], year: "2024")
    }

    @Test func aGuidesCitationFileIsWrittenInPartsThatJoinToTheWholeFile() throws {
        let citations = (0..<600).map(Self.citation)
        let ranges = CitationFiles.partRanges((0..<600).map { PaperID(Int32($0)) })
        let parts = CitationFiles.Format.bibtex.parts(ranges) { $0.map { CitationFiles.Format.bibtex.text(citations[$0]) } }
        #expect(parts.count == 3, "a part begins at papers 256 and 512")
        let entry = { (number: Int) in "@inproceedings{k\(number),\n  title  = {{Paper \(number)}},\n  author = {Silva, Ana},\n  year   = {2024}\n}" }
        let expected = (0..<600).map(entry).joined(separator: "\n\n") + "\n"
        #expect(String(decoding: parts.joined, as: UTF8.self) == expected)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lean-\(UUID().uuidString).bib")
        defer { try? FileManager.default.removeItem(at: file) }
        try FileOutput.write(parts, to: file.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)
    }

    /// Parts begin where a paper's id is a multiple of 256, or after 1,024 papers.
    @Test func aGuidesPapersAreCutIntoPartsByTheirIds() {
        func ranges(_ raws: [Int32]) -> [Range<Int>] { CitationFiles.partRanges(raws.map(PaperID.init)) }
        #expect(ranges([]) == [])
        #expect(ranges([5, 256, 7, 512, 1024]) == [0..<1, 1..<3, 3..<4, 4..<5])
        #expect(ranges([0, 1, 2]) == [0..<3])
        #expect(ranges(Array(1...1030)).map(\.count) == [255, 256, 256, 256, 7], "ids 256, 512, 768, 1024 begin parts")
        #expect(ranges((0..<1100).map { _ in 3 }).map(\.count) == [1024, 76], "no id begins one: at most 1,024 a part")
    }

    /// A part made of the same texts, at the same place in the file, is the one made before.
    @Test func aPartOfTheSameTextsIsNotMadeAgain() {
        let cache = FilePartCache()
        var made = 0
        func part(_ texts: [String], first: Bool = true, last: Bool = true) -> String {
            String(decoding: cache.part(of: "bib 1", startingWith: 7, texts: texts, first: first, last: last) {
                made += 1
                return Array(texts.joined(separator: "+").utf8)
            }, as: UTF8.self)
        }
        #expect(part(["a", "b"]) == "a+b" && made == 1)
        #expect(part(["a", "b"]) == "a+b" && made == 1)
        #expect(part(["a", "c"]) == "a+c" && made == 2)
        #expect(part(["a", "c"], last: false) == "a+c" && made == 3, "a part that no longer ends the file lacks its tail")
        cache.keep(of: "bib 1", partsStartingWith: [8])
        #expect(part(["a", "c"], last: false) == "a+c" && made == 4)
    }

    @Test func anEmptyCitationFileIsStillAFile() {
        let none: [String] = []
        #expect(String(decoding: CitationFiles.Format.cslJSON.parts([]) { $0.map { none[$0] } }.joined, as: UTF8.self) == "[]\n")
        #expect(CitationFiles.Format.bibtex.parts([]) { $0.map { none[$0] } }.joined.isEmpty)
    }

    @Test func packedTermsGiveBackWhatWasPacked() {
        let long = String(repeating: "ø", count: 100)  // 200 bytes: a length of two bytes
        let terms = [
            SearchDocument.WeightedTerm(term: "bandit", weight: 3),
            SearchDocument.WeightedTerm(term: long, weight: 1),
            SearchDocument.WeightedTerm(term: "深度学习", weight: 2),
        ]
        let packed = SearchDocument.PackedTerms(terms)
        #expect(packed.all == terms)
        #expect(SearchDocument.PackedTerms([]).all == [])
    }
}

extension SearchDocument.PackedTerms {
    /// Every term, as it was packed.
    var all: [SearchDocument.WeightedTerm] {
        var terms: [SearchDocument.WeightedTerm] = []
        forEach { terms.append(SearchDocument.WeightedTerm(term: String(decoding: $0, as: UTF8.self), weight: $1)) }
        return terms
    }
}
