import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The output folder under faults: a second `guide` on the same folder, a
/// build killed at any point, the leftovers of interrupted builds.
@Suite struct OutputSafetyTests {
    /// Every file under `folder` with its bytes.
    static func snapshot(_ project: ProjectFolder, _ folder: String = "Output") -> [String: Data] {
        var files: [String: Data] = [:]
        for path in project.files(under: folder) { files[path] = project.data("\(folder)/\(path)") }
        return files
    }

    static func leftovers(_ project: ProjectFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: project.root.path)) ?? [])
            .filter { $0.hasPrefix(".Output.guide-staging-") || $0.hasPrefix(".Output.guide-old-") }.sorted()
    }

    @Test func aBuildIntoAFolderAnotherGuideIsWatchingFailsClearly() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let watch = try RunningGuide(["build", "--watch"], in: project.root)
        defer { watch.stop() }
        #expect(await watch.line { $0.hasPrefix("Watching ") } != nil, "\(watch.stderr)")
        let before = Self.snapshot(project)

        let run = try project.guide("build", "--base-url", "/elsewhere/")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Output: error: another guide (process \(watch.process.processIdentifier)) is building or serving this folder"),
                "\(run.stderr)")
        #expect(Self.snapshot(project) == before, "the watched site is untouched")
        watch.interrupt()
        #expect(await watch.exitStatus() == 0)
        // The lock goes with the process.
        #expect(try project.guide("build").status == 0)
    }

    @Test func twoBuildsAtOnceNeverMixTheirSites() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let reference = try ProjectFolder(fixture: "basic")
        for folder in [project, reference] { try Self.fixDate(of: "Content/guide.txt", in: folder) }
        // Started together: each either builds whole or fails saying another guide has the folder.
        let runs = try await withThrowingTaskGroup(of: GuideBinary.Run.self) { group in
            for _ in 0..<4 { group.addTask { try project.guide("build") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(runs.contains { $0.status == 0 })
        for run in runs where run.status != 0 {
            #expect(run.stderr.contains("is building or serving this folder"), "\(run.stderr)")
        }
        #expect(project.exists("Output/.guide-output"))
        #expect(Self.leftovers(project).isEmpty)
        _ = try reference.guide("build")
        #expect(Self.snapshot(project) == Self.snapshot(reference))
    }

    /// A build killed between the two renames of a swap left the old site
    /// beside the folder and no folder; the next build puts it back, even one that fails.
    @Test func theSiteOfAnInterruptedSwapIsPutBack() throws {
        let project = try ProjectFolder(fixture: "basic")
        #expect(try project.guide("build").status == 0)
        let before = Self.snapshot(project)
        let fileManager = FileManager.default
        try fileManager.moveItem(at: project.root.appendingPathComponent("Output"),
                                 to: project.root.appendingPathComponent(".Output.guide-old-4242"))
        try project.write("This folder is written by guide and replaced on every build.\n", to: ".Output.guide-staging-4243/.guide-output")
        try project.write("<p>half a pa", to: ".Output.guide-staging-4243/index.html")
        try project.write(Data([0xFF]), to: "Content/guide.txt")

        let run = try project.guide("build")
        #expect(run.status == 1)
        #expect(run.stderr.contains("Output: warning: a build was interrupted while swapping in its site; the site before it was put back from .Output.guide-old-4242"),
                "\(run.stderr)")
        #expect(Self.snapshot(project) == before)
        #expect(Self.leftovers(project).isEmpty)
    }

    /// Only folders guide wrote are removed: a user's `.Output.guide-old-notes`
    /// (not a process id) and a numbered folder without the marker stay.
    @Test func leftoversWithoutTheMarkerAreLeftAlone() throws {
        let project = try ProjectFolder(fixture: "basic")
        try project.write("my notes\n", to: ".Output.guide-old-notes/notes.txt")
        try project.write("mine\n", to: ".Output.guide-old-77/mine.txt")
        try project.write("This folder is written by guide and replaced on every build.\n", to: ".Output.guide-staging-78/.guide-output")
        let run = try project.guide("build")
        #expect(run.status == 0)
        #expect(try project.read(".Output.guide-old-notes/notes.txt") == "my notes\n")
        #expect(try project.read(".Output.guide-old-77/mine.txt") == "mine\n")
        #expect(run.stderr.contains(".Output.guide-old-77: warning: left alone: named like a leftover of guide, but guide did not write it"), "\(run.stderr)")
        #expect(!project.exists(".Output.guide-staging-78"))
    }

    /// The feeds' `updated` is the guide file's date: sites compared byte for byte need the same.
    static func fixDate(of path: String, in project: ProjectFolder) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                                              ofItemAtPath: project.root.appendingPathComponent(path).path)
    }

    static func writeLargeGuide(_ project: ProjectFolder, version: Int) throws {
        try project.write(largeGuide(papers: 2000, version: version), to: "Content/guide.txt")
        try fixDate(of: "Content/guide.txt", in: project)
    }

    static func shell(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A previous site that cannot be removed after the swap (here a file made
    /// immutable, which stops root too) is reported, not left behind silently,
    /// and a later build removes it once it can.
    @Test func aPreviousSiteThatCannotBeRemovedIsReported() throws {
        let project = try ProjectFolder(fixture: "basic")
        #expect(try project.guide("build").status == 0)
        let pinned = project.root.appendingPathComponent("Output/robots.txt").path
        // A file system without attributes (tmpfs, overlayfs) cannot pin a file: nothing to try here.
        guard Self.shell("chattr", "+i", pinned) == 0 else { return }
        let run = try project.guide("build")
        let left = Self.leftovers(project)
        for folder in left { _ = Self.shell("chattr", "-i", project.root.appendingPathComponent("\(folder)/robots.txt").path) }
        _ = Self.shell("chattr", "-i", pinned)
        #expect(run.status == 0)
        #expect(left.count == 1)
        #expect(run.stderr.contains("\(left.first ?? "?"): warning: the previous site is left here:"), "\(run.stderr)")
        #expect(run.stderr.contains("the next build tries again, or remove it yourself"))
        #expect(try project.guide("build").status == 0)
        #expect(Self.leftovers(project).isEmpty)
    }

    /// A guide of `papers` papers in 20 topics; `version` changes every title.
    static func largeGuide(papers: Int, version: Int) -> String {
        var text = "A quick guide to Northwind's papers at KDD 2024\n\nThe intro, version \(version).\n"
        for index in 0..<papers {
            if index % (papers / 20) == 0 { text += "\nTopic number \(index / (papers / 20) + 1)\n\nAbout the topic.\n" }
            text += "\nStudy \(index) of large systems, take \(version)\nAuthor \(index % 97) Person, Writer \(index % 89) Someone\n"
        }
        return text
    }

    /// kill -9 at random points of a 2,000-paper build: the folder is exactly
    /// the old site or the new one afterwards, and the next build cleans up.
    @Test func aBuildKilledAtAnyPointLeavesTheOldSiteOrTheNew() async throws {
        let project = try ProjectFolder()
        let references = try (0..<2).map { version in
            let reference = try ProjectFolder()
            try Self.writeLargeGuide(reference, version: version)
            let start = ContinuousClock.now
            #expect(try reference.guide("build").status == 0)
            return (Self.snapshot(reference), ContinuousClock.now - start)
        }
        try Self.writeLargeGuide(project, version: 0)
        #expect(try project.guide("build").status == 0)
        var current = 0
        var generator = SystemRandomNumberGenerator()
        var outcomes: [Int] = []
        for _ in 0..<10 {
            let target = 1 - current
            try Self.writeLargeGuide(project, version: target)
            let build = try RunningGuide(["build"], in: project.root)
            let buildTime = references[target].1
            try await Task.sleep(for: buildTime * Double.random(in: 0.2...1.8, using: &generator))
            kill(build.process.processIdentifier, SIGKILL)
            _ = await build.exitStatus()
            let after = Self.snapshot(project)
            let outcome = references.firstIndex { $0.0 == after }
            #expect(outcome != nil, "the folder is neither site: \(after.count) files")
            current = outcome ?? current
            outcomes.append(outcome ?? -1)
        }
        // The next build finds what the killed one left and removes it.
        let last = try project.guide("build")
        #expect(last.status == 0)
        #expect(Self.leftovers(project).isEmpty, "\(last.stderr)")
        print("killed builds left version", outcomes)
    }
}
