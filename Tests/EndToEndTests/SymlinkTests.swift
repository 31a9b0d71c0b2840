import Foundation
import Testing

/// Nothing outside the content and templates folders is read into the site
/// through a symbolic link; links that stay inside them are fine.
@Suite struct SymlinkTests {
    static func link(_ project: ProjectFolder, _ path: String, to target: String) throws {
        let url = project.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test func aFigureImageThatLinksOutsideContentIsRefused() throws {
        let project = try ProjectFolder(fixture: "basic")
        try Self.link(project, "Content/images/Session graph.png", to: "/etc/passwd")
        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/images/Session graph.png: error: a symbolic link to /etc/passwd, outside Content/"))
        #expect(!project.exists("Output"))
    }

    @Test func aLinkThatStaysInsideContentIsFollowed() throws {
        let project = try ProjectFolder(fixture: "basic")
        let real = project.root.appendingPathComponent("Content/images/Session graph.png")
        let moved = project.root.appendingPathComponent("Content/originals/graph.png")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: real, to: moved)
        try Self.link(project, "Content/images/Session graph.png", to: "../originals/graph.png")
        let run = try project.guide("build")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.contentsEqual(atPath: moved.path,
                                                  andPath: project.root.appendingPathComponent("Output/images/session-graph.png").path))
    }

    @Test func aGuideATemplateAndAnAssetThatLinkOutsideAreRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("guide-outside-\(UUID().uuidString).txt")
        try Data("Secret\n\nNot for the site.\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let cases = [("Content/secret.txt", "Content/secret.txt: error: a symbolic link to "),
                     ("Templates/footer.mustache", "Templates/footer.mustache: error: a symbolic link to "),
                     ("Templates/assets/secret.css", "Templates/assets/secret.css: error: a symbolic link to ")]
        for (path, message) in cases {
            let project = try ProjectFolder(fixture: "basic")
            try Self.link(project, path, to: outside.path)
            let run = try project.guide("build")
            #expect(run.status == 1, "\(path)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(!project.exists("Output"))
        }
    }
}
