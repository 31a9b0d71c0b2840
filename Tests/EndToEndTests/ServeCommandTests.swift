import Foundation
import GuideTestSupport
import Testing

/// `guide serve` and `guide build --watch` run as processes on a copy of the fixture site.
/// Waits poll with generous timeouts (the machine may be loaded); no test asserts a duration.
@Suite struct ServeCommandTests {
    static let title = "A quick guide to Northwind’s papers at KDD 2024"
    static let oldPaper = "Listwise losses for long result pages"
    static let newPaper = "Listwise losses for very long result pages"

    /// Polls `condition` until it holds or `timeout` passes.
    static func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    /// Writes like an editor's safe save: a temporary file renamed over the old one.
    static func save(_ text: String, to path: String, in project: ProjectFolder) throws {
        try Data(text.utf8).write(to: project.root.appendingPathComponent(path), options: .atomic)
    }

    static func renamePaper(in project: ProjectFolder) throws {
        let guide = try project.read("Content/guide.txt")
        let lines = guide.components(separatedBy: "\n").map { $0 == oldPaper ? newPaper : $0 }
        #expect(lines.contains(newPaper))
        try save(lines.joined(separator: "\n"), to: "Content/guide.txt", in: project)
    }

    static func serve(_ project: ProjectFolder, _ arguments: String...) async throws -> (RunningGuide, Int) {
        let guide = try RunningGuide(["serve", "--port", "0"] + arguments, in: project.root)
        let port = try #require(await guide.servingPort(), "no `Serving at` line; stdout: \(guide.stdout) stderr: \(guide.stderr)")
        return (guide, port)
    }

    @Test func servesTheSiteWithLiveReloadAndTheSite404Page() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let (guide, port) = try await Self.serve(project)
        defer { guide.stop() }
        #expect(guide.stdout.contains("Serving at http://127.0.0.1:\(port)/"))
        #expect(guide.stdout.contains("Built 16 pages"))
        // The fixture's base URL is https://guides.example.org/kdd/: the preview is built for /.
        #expect(guide.stdout.contains("Note: the base URL https://guides.example.org/kdd/ has the path /kdd/"))

        let home = try #require(await RawHTTP.get(port: port, "/"))
        #expect(home.status == 200)
        #expect(home.headers.lowercased().contains("content-type: text/html"))
        #expect(home.body.contains(Self.title))
        #expect(home.body.contains("<script src=\"/__guide/live-reload.js\" defer></script>"))
        #expect(home.body.contains("href=\"/topics/recommender-systems/\""), "links work at the preview's /")
        #expect(!home.body.contains("href=\"/kdd/"))

        let script = try #require(await RawHTTP.get(port: port, "/__guide/live-reload.js"))
        #expect(script.status == 200)
        #expect(script.body.contains("EventSource"))

        let missing = try #require(await RawHTTP.get(port: port, "/nope/"))
        #expect(missing.status == 404)
        #expect(missing.body.contains("Error 404"), "the site's own 404 page")
        #expect(missing.body.contains("/__guide/live-reload.js"))

        let paper = try #require(await RawHTTP.get(port: port, "/papers/listwise-losses-for-long-result-pages/"))
        #expect(paper.status == 200)
    }

    @Test func anEditShowsUpAtItsNewAddress() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let (guide, port) = try await Self.serve(project)
        defer { guide.stop() }
        let linesBefore = guide.stdoutLines.count

        try Self.renamePaper(in: project)
        let updated = await Self.eventually {
            let page = await RawHTTP.get(port: port, "/papers/listwise-losses-for-very-long-result-pages/")
            return page?.status == 200 && page?.body.contains(Self.newPaper) == true
        }
        #expect(updated, "stdout: \(guide.stdout) stderr: \(guide.stderr)")
        let rebuildLine = await guide.line(timeout: .seconds(10)) { $0.contains("guide.txt") && $0.contains("rewritten") }
        #expect(rebuildLine != nil, "one line per rebuild; stdout: \(guide.stdout)")
        #expect(guide.stdoutLines.count > linesBefore)
        let home = try #require(await RawHTTP.get(port: port, "/"))
        #expect(home.body.contains(Self.newPaper))
    }

    @Test func aBrokenTemplateKeepsTheLastGoodSiteAndRecovers() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let (guide, port) = try await Self.serve(project)
        defer { guide.stop() }
        let template = try project.read("Templates/home.mustache")

        try Self.save("{{#topics}}\n<p>unclosed</p>\n", to: "Templates/home.mustache", in: project)
        let reported = await Self.eventually { guide.stderr.contains("Templates/home.mustache:") && guide.stderr.contains("error:") }
        #expect(reported, "stderr: \(guide.stderr)")
        // The overlay's message: pages opened now get the error at once.
        let events = await RawHTTP.exchange(port: port, path: "/__guide/events", timeout: .seconds(10)) {
            $0.contains("event: error")
        }
        #expect(events.contains("event: error"))
        #expect(events.contains("Templates/home.mustache:"))
        let home = try #require(await RawHTTP.get(port: port, "/"))
        #expect(home.status == 200)
        #expect(home.body.contains(Self.title), "the last good page is still served")
        #expect(!home.body.contains("unclosed"))

        try Self.save(template, to: "Templates/home.mustache", in: project)
        try Self.renamePaper(in: project)
        let recovered = await Self.eventually {
            let page = await RawHTTP.get(port: port, "/")
            return page?.body.contains(Self.newPaper) == true
        }
        #expect(recovered, "stdout: \(guide.stdout) stderr: \(guide.stderr)")
        let cleared = await RawHTTP.exchange(port: port, path: "/__guide/events", timeout: .seconds(2)) { $0.contains("event: hello") }
        #expect(cleared.contains("event: hello"))
        #expect(!cleared.contains("event: error"), "no remembered error after a good rebuild")
    }

    @Test func aFirstBuildThatFailsStillServesAndRecovers() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let template = try project.read("Templates/home.mustache")
        try project.write("{{#topics}}\n", to: "Templates/home.mustache")
        let (guide, port) = try await Self.serve(project)
        defer { guide.stop() }
        #expect(guide.stderr.contains("Templates/home.mustache:"))
        let missing = try #require(await RawHTTP.get(port: port, "/"))
        #expect(missing.status == 404, "nothing built yet")

        try Self.save(template, to: "Templates/home.mustache", in: project)
        let recovered = await Self.eventually {
            await RawHTTP.get(port: port, "/")?.body.contains(Self.title) == true
        }
        #expect(recovered, "stdout: \(guide.stdout) stderr: \(guide.stderr)")
    }

    @Test func aStylesheetChangeSwapsCSSAndAnEditReloads() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let (guide, port) = try await Self.serve(project)
        defer { guide.stop() }
        let css = try project.read("Templates/assets/style.css")
        async let cssEvents = RawHTTP.exchange(port: port, path: "/__guide/events", timeout: .seconds(20)) {
            $0.contains("event: css") || $0.contains("event: reload")
        }
        try await Task.sleep(for: .milliseconds(500))  // let the stream connect
        try Self.save(css + "\n.guide-test { color: red; }\n", to: "Templates/assets/style.css", in: project)
        let received = await cssEvents
        #expect(received.contains("event: css"), "\(received)\nstdout: \(guide.stdout)")
        #expect(received.contains("assets/style.css"))
        #expect(!received.contains("event: reload"))
        #expect(try await RawHTTP.get(port: port, "/assets/style.css")?.body.contains(".guide-test") == true)

        async let reloadEvents = RawHTTP.exchange(port: port, path: "/__guide/events", timeout: .seconds(20)) {
            $0.contains("event: css") || $0.contains("event: reload")
        }
        try await Task.sleep(for: .milliseconds(500))
        try Self.renamePaper(in: project)
        #expect(await reloadEvents.contains("event: reload"))
    }

    @Test func aBaseURLChangeInSiteFileIsFollowed() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let (guide, port) = try await Self.serve(project)
        defer { guide.stop() }
        try Self.save("base_url: https://example.org/\n", to: "Content/site.yml", in: project)
        let rebuilt = await guide.line(timeout: .seconds(20)) { $0.contains("base URL changed") }
        #expect(rebuilt != nil, "stdout: \(guide.stdout)")
        let sitemapUpdated = await Self.eventually {
            await RawHTTP.get(port: port, "/sitemap.xml")?.body.contains("<loc>https://example.org/topics/") == true
        }
        #expect(sitemapUpdated, "a base URL with the path / is kept as it is")
    }

    @Test func aPortInUseIsAClearErrorWithExitCode1() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let (first, port) = try await Self.serve(project)
        defer { first.stop() }
        let second = try RunningGuide(["serve", "--port", String(port)], in: project.root)
        defer { second.stop() }
        let status = await second.exitStatus(timeout: .seconds(30))
        #expect(status == 1)
        #expect(second.stderr.contains("port \(port) is already in use"), "stderr: \(second.stderr)")
        #expect(second.stderr.contains("--port 0"))
        #expect(!second.stdout.contains("Serving at"))
        #expect(first.process.isRunning, "the first server is unaffected")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aStopSignalExitsCleanly(signal: Int32) async throws {
        let project = try ProjectFolder(fixture: "basic")
        let (guide, port) = try await Self.serve(project)
        defer { guide.stop() }
        // An open event stream must not keep the server from stopping.
        async let stream = RawHTTP.exchange(port: port, path: "/__guide/events", timeout: .seconds(30)) { _ in false }
        try await Task.sleep(for: .milliseconds(300))
        kill(guide.process.processIdentifier, signal)
        let status = await guide.exitStatus(timeout: .seconds(20))
        #expect(status == 0, "stdout: \(guide.stdout) stderr: \(guide.stderr)")
        #expect(guide.stdout.contains("Stopped."))
        _ = await stream
    }

    @Test func missingContentFolderIsAnError() async throws {
        let project = try ProjectFolder()
        let guide = try RunningGuide(["serve", "--port", "0"], in: project.root)
        defer { guide.stop() }
        #expect(await guide.exitStatus() == 1)
        #expect(guide.stderr.contains("Content: error: content folder not found"), "stderr: \(guide.stderr)")
    }

    @Test func refusesToServeAFolderGuideDidNotWrite() async throws {
        let project = try ProjectFolder(fixture: "basic")
        try project.write("secret", to: "Private/notes.txt")
        let guide = try RunningGuide(["serve", "--port", "0", "--output", "Private"], in: project.root)
        defer { guide.stop() }
        #expect(await guide.exitStatus() == 1)
        #expect(guide.stderr.contains("was not written by guide"), "stderr: \(guide.stderr)")
    }

    @Test func helpExplainsTheOptions() throws {
        let run = try GuideBinary.run(["serve", "--help"], in: GuideBinary.repository)
        #expect(run.status == 0)
        for option in ["--host", "--port", "--content", "--templates", "--output", "--base-url", "--poll"] {
            #expect(run.stdout.contains(option), "\(option)")
        }
        let build = try GuideBinary.run(["build", "--help"], in: GuideBinary.repository)
        #expect(build.stdout.contains("--watch"))
    }

    @Test func buildWatchPrintsALinePerRebuild() async throws {
        let project = try ProjectFolder(fixture: "basic")
        let guide = try RunningGuide(["build", "--watch"], in: project.root)
        defer { guide.stop() }
        let watching = await guide.line { $0.hasPrefix("Watching ") }
        #expect(watching != nil, "stdout: \(guide.stdout) stderr: \(guide.stderr)")
        // build --watch keeps the configured base URL.
        #expect(try project.read("Output/index.html").contains("href=\"/kdd/topics/recommender-systems/\""))

        try Self.renamePaper(in: project)
        let line = await guide.line(timeout: .seconds(20)) { $0.contains("guide.txt") && $0.contains("rewritten") }
        #expect(line != nil, "stdout: \(guide.stdout) stderr: \(guide.stderr)")
        #expect(project.exists("Output/papers/listwise-losses-for-very-long-result-pages/index.html"))

        guide.interrupt()
        #expect(await guide.exitStatus() == 0)
    }
}
