import Foundation
@testable import GuideKit

/// Paths to the repository's fixtures, found from this file's location.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let guides = repository.appendingPathComponent("Tests/Fixtures/guides")
    static let seed = repository.appendingPathComponent("Content/icml-2023.txt")

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    static func parseSeed() throws -> GuideParser.Result {
        try GuideParser().parse(bytes: bytes(seed), file: "Content/icml-2023.txt")
    }

    static func parse(_ text: String, file: String = "Content/test.txt") throws -> GuideParser.Result {
        try GuideParser().parse(text: text, file: file)
    }

    static var guideFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: guides.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { guides.appendingPathComponent($0) } + [seed]
    }
}

extension Fixtures {
    static func parse(fixture name: String) throws -> GuideParser.Result {
        try GuideParser().parse(bytes: bytes(guides.appendingPathComponent(name)), file: "Content/\(name)")
    }
}

extension Guide {
    func paperTitles(inTopic index: Int) -> [String] {
        topics[index].papers.map { papers[$0].title.text }
    }

    func authorNames(ofPaper index: Int) -> [String] {
        papers[index].authors.map { authors[$0].name }
    }
}
