import Foundation
import Testing
@testable import GuideKit

/// The output folder is replaced as a whole, only when the build succeeds,
/// and only if guide wrote it.
@Suite struct OutputTests {
    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        try site.build()
        let before = site.snapshot()
        #expect(before["index.html"] != nil)

        try site.write("{{#topic}}never closed", to: "Templates/topic.mustache")
        try site.write(TemporarySite.minimalGuide + "\nAnother paper title\nNew Author\n", to: "Content/guide.txt")
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        #expect(failure?.errors.first?.file.hasSuffix("Templates/topic.mustache") == true)
        #expect(site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("guide-staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func aContentErrorAlsoLeavesTheOutputUntouched() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        try site.build()
        let before = site.snapshot()
        try site.write(TemporarySite.minimalGuide + "\n\nRelated content\n\nUS, WA, Seattle\n", to: "Content/guide.txt")
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        #expect(failure?.step == "parse")
        #expect(failure?.errors.count == 1)
        #expect(failure?.errors.first?.file.hasSuffix("Content/guide.txt") == true)
        #expect(failure?.errors.first?.line == 19)
        #expect(failure?.errors.first?.message == "location \"US, WA, Seattle\" has no posting text after it")
        #expect(site.snapshot() == before)
    }

    @Test func filesNoLongerProducedDisappear() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        try site.build()
        let removedSlug = "hierarchical-forecasts-that-stay-coherent"
        #expect(site.exists("Output/papers/\(removedSlug)/index.html"))
        #expect(site.exists("Output/authors/priya-raman/index.html"))

        let shorter = TemporarySite.minimalGuide.components(separatedBy: "\n\nHierarchical")[0] + "\n"
        try site.write(shorter, to: "Content/guide.txt")
        try site.build()
        #expect(!site.exists("Output/papers/\(removedSlug)"))
        #expect(!site.exists("Output/authors/priya-raman"))
        #expect(site.exists("Output/authors/lena-albrecht/index.html"))
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let site = try TemporarySite([
            "Content/guide.txt": TemporarySite.minimalGuide,
            "Output/notes.txt": "my own notes",
        ])
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        #expect(failure?.errors.first?.message.hasPrefix("refusing to replace this folder: it is not empty and was not written by guide") == true)
        #expect(try site.read("Output/notes.txt") == "my own notes")
        #expect(site.snapshot().count == 1)
    }

    /// "Related content" and its line before the first topic go on the guide's home page.
    @Test func aTeaserBeforeTheFirstTopicIsOnTheHomePage() throws {
        let site = try TemporarySite(["Content/guide.txt": """
            A quick guide to Northwind's papers at KDD 2024

            The intro.

            Related content

            Read our post about the conference.

            Graph mining

            Counting motifs
            Lena Albrecht
            """])
        try site.build()
        let home = try site.read("Output/index.html")
        #expect(home.contains("<h2 id=\"guide-teasers-heading\" class=\"section-title\">Related content</h2>"))
        #expect(home.contains("<li>Read our post about the conference.</li>"))
    }

    /// The byline on a paper's page and card shows each author's mark after the link.
    @Test func bylinesShowEqualContributionMarks() throws {
        let text = try String(contentsOf: Fixtures.guides.appendingPathComponent("equal-contribution.txt"), encoding: .utf8)
        let site = try TemporarySite(["Content/guide.txt": text])
        try site.build()
        let page = try site.read("Output/papers/scalable-motif-counting-on-streaming-graphs/index.html")
        #expect(page.contains(">Lin Qiu</a>*, <a "), "\(page)")
        #expect(page.contains(">Maren Holt</a>*, <a "))
        #expect(page.contains(">Tomas Ruiz</a></p>") || page.contains(">Tomas Ruiz</a>\n"))
        let author = try site.read("Output/authors/lin-qiu/index.html")
        #expect(author.contains("Scalable motif counting on streaming graphs") && author.contains("Temporal graph networks at scale"))
        #expect(!site.exists("Output/authors/lin-qiu-2"))
    }

    @Test func anEmptyOutputFolderIsFine() throws {
        let site = try TemporarySite(["Content/guide.txt": TemporarySite.minimalGuide])
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try site.build()
        #expect(site.exists("Output/.guide-output"))
    }

    @Test func parallelBuildIsByteIdenticalToSequential() throws {
        let site = try TemporarySite(["Content/icml-2023.txt": String(contentsOf: Fixtures.seed, encoding: .utf8)])
        try site.build(workers: 1, output: "Sequential")
        try site.build(workers: 2, output: "Parallel")
        let sequential = site.snapshot("Sequential")
        #expect(sequential.count > 110)
        #expect(site.snapshot("Parallel") == sequential)
    }
}

/// Rebuilds replace each file through a temporary one renamed over it.
@Suite struct FileReplacementTests {
    @Test func aReaderOfTheOldFileSeesItWholeAndTheNewFileIsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guide-replace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(root: folder, replacesFiles: true)
        let long = String(repeating: "long line\n", count: 1000)
        try output.write(long, to: "feed.xml")
        // A reader that opened the file before the rewrite (a server sending it).
        let reader = try FileHandle(forReadingFrom: folder.appendingPathComponent("feed.xml"))
        defer { try? reader.close() }
        try output.write("short\n", to: "feed.xml")
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == long, "the old file, whole")
        #expect(try String(contentsOf: folder.appendingPathComponent("feed.xml"), encoding: .utf8) == "short\n")
        try output.write("a new page\n", to: "papers/new/index.html", makingFolder: true)
        #expect(try String(contentsOf: folder.appendingPathComponent("papers/new/index.html"), encoding: .utf8) == "a new page\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["feed.xml", "papers"], "no temporary file is left")
    }

    /// A file is written over its previous version, kept in a spare folder
    /// outside the site, and swapped in: still whole for every reader.
    @Test func aFileIsReplacedThroughItsSpare() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("guide-spare-\(UUID().uuidString)")
        let folder = base.appendingPathComponent("Output")
        let spares = base.appendingPathComponent("spares")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("acl-2024"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: spares, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        var output = OutputFolder(root: folder, replacesFiles: true)
        output.spareFolder = spares.path
        let versions = (0..<3).map { String(repeating: "version \($0) of a large feed\n", count: 20_000 - $0 * 1000) }
        func site() throws -> String { try String(contentsOf: folder.appendingPathComponent("acl-2024/feed.xml"), encoding: .utf8) }
        func spare() -> String? { try? String(contentsOf: spares.appendingPathComponent("acl-2024%2Ffeed.xml"), encoding: .utf8) }
        try output.write(versions[0], to: "acl-2024/feed.xml")
        let reader = try FileHandle(forReadingFrom: folder.appendingPathComponent("acl-2024/feed.xml"))
        try output.write(versions[1], to: "acl-2024/feed.xml")
        #expect(try site() == versions[1])
        #expect(spare() == versions[0], "the previous version waits outside the site")
        // The spare is still open (a slow reader of version 0): it is let go, not written over.
        try output.write(versions[2], to: "acl-2024/feed.xml")
        #expect(try site() == versions[2])
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == versions[0], "the old file, whole")
        #expect(spare() == nil)
        try reader.close()
        try output.write(versions[0], to: "acl-2024/feed.xml")
        #expect(spare() == versions[2])
        // No one has the spare open: the next version is written over it, cut to its length.
        try output.write(versions[1], to: "acl-2024/feed.xml")
        #expect(try site() == versions[1])
        #expect(spare() == versions[0])
        try output.write(versions[2], to: "acl-2024/feed.xml")
        #expect(try site() == versions[2], "a shorter version over the longest leaves nothing of it")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("acl-2024").path) == ["feed.xml"])
        // A small file too: a page of a few bytes.
        try output.write("one\n", to: "index.html")
        try output.write("two\n", to: "index.html")
        #expect(try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8) == "two\n")
        #expect(try String(contentsOf: spares.appendingPathComponent("index.html"), encoding: .utf8) == "one\n")
    }

    @Test func aFailedReplacementLeavesTheOldFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guide-replace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(root: folder, replacesFiles: true)
        try output.write("old\n", to: "feed.xml")
        // The temporary name is taken by a folder: writing it fails.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".feed.xml.guide-new"), withIntermediateDirectories: true)
        #expect(throws: Diagnostic.self) { try output.write("new\n", to: "feed.xml") }
        #expect(try String(contentsOf: folder.appendingPathComponent("feed.xml"), encoding: .utf8) == "old\n")
    }
}
