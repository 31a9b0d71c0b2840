import Foundation
import Testing
@testable import GuideKit

/// "Other papers by the same authors" through rebuilds: every list here is
/// full (ten of the 24 papers that share Ana Lima), so a rebuild keeps a
/// paper's list when the papers that came, went or changed cannot enter it
/// (`RelatedPapers.stillHold`), and must make it again when they can. Each
/// rebuild is compared with a full build.
@Suite struct RelatedPapersTests {
    static let coauthors = ["Bo Chen", "Cy Diaz", "Di Eng", "Ed Fox"]

    static func guide(_ papers: [(title: String, byline: String)]) -> String {
        "A quick guide to Northwind's papers at KDD 2024\n\nIntro.\n\nLearning\n\nWhat we learn.\n\n"
            + papers.map { "\($0.title)\n\($0.byline)\n" }.joined(separator: "\n")
    }

    static let papers: [(title: String, byline: String)] = (1...24).map { number in
        ("Paper number \(number)", "Ana Lima, \(coauthors[number % 4])" + (number % 5 == 0 ? ", Gus Hale" : ""))
    }

    @Test(arguments: [
        "remove a paper", "add a paper sharing two authors", "add a paper sharing one", "add a co-author to a byline",
        "retitle a paper", "remove a co-author", "add a paper by others", "name an author twice",
    ])
    func aRebuildKeepsOrRemakesEachListAsAFullBuildMakesIt(_ edit: String) throws {
        var papers = Self.papers
        let site = try TemporarySite(["Content/guide.txt": Self.guide(papers)])
        let session = BuildSession(options: site.options)
        try session.build()
        // The page of paper 6 lists ten of the 23 others, all sharing Ana Lima only.
        let before = try site.read("Output/papers/paper-number-6/index.html")
        #expect(before.components(separatedBy: "paper-number-").count > 10)

        switch edit {
        case "remove a paper": papers.remove(at: 12)
        case "add a paper sharing two authors": papers.insert(("Paper number 99", "Ana Lima, Cy Diaz, Gus Hale"), at: 3)
        case "add a paper sharing one": papers.append(("Paper number 99", "Ana Lima"))
        case "add a co-author to a byline": papers[16].byline += ", Cy Diaz"
        case "retitle a paper": papers[7].title = "Paper number eight, retitled"
        case "remove a co-author": papers[4].byline = "Ana Lima"
        case "name an author twice": papers[10].byline = "Ana Lima, Cy Diaz, Ana Lima"
        default: papers.append(("Paper number 99", "Zed Young, Yan Xu"))
        }
        try site.write(Self.guide(papers), to: "Content/guide.txt")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/guide.txt").path])
        try IncrementalBuildTests.expectSameAsFullBuild(site)
        // Again, back.
        try site.write(Self.guide(Self.papers), to: "Content/guide.txt")
        _ = try session.rebuild(changedPaths: [site.root.appendingPathComponent("Content/guide.txt").path])
        try IncrementalBuildTests.expectSameAsFullBuild(site)
    }
}
