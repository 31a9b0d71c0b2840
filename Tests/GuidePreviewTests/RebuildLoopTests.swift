import Foundation
import Synchronization
import GuideTestSupport
import Testing

@testable import GuideKit
@testable import GuidePreview

/// The rebuild scheduling of `guide serve` and `guide build --watch`, with a
/// fake builder (and once with a real ``BuildSession``).
@Suite(.timeLimit(.minutes(1)))
struct RebuildLoopTests {
    /// A loop over `builder`, recording what it reports and notifies.
    struct Harness {
        let loop: RebuildLoop
        let messages = Recorded<RebuildLoopMessage>()
        let events = Recorded<ReloadEvent>()

        init(_ builder: FakeBuilder) {
            self.init(makeOptions: { (builder.options, nil) }, makeBuilder: { _ in builder })
        }

        init(makeOptions: @escaping RebuildLoop.OptionsProvider,
             makeBuilder: @escaping RebuildLoop.BuilderFactory = { BuildSession(options: $0) }) {
            let messages = self.messages
            let events = self.events
            loop = RebuildLoop(makeOptions: makeOptions, makeBuilder: makeBuilder,
                               report: { messages.append($0) }, notify: { events.append($0) })
        }
    }

    static let content = FakeBuilder.defaultOptions.contentDirectory.path
    static let output = FakeBuilder.defaultOptions.outputDirectory.path

    static func failure(_ diagnostics: [Diagnostic]) -> BuildFailure {
        BuildFailure(step: "parse", diagnostics: diagnostics)
    }

    @Test func changesDuringARebuildBecomeOneMoreRebuildWithEveryPathOnce() async {
        let builder = FakeBuilder()
        let gate = builder.holdRebuild()
        let harness = Harness(builder)
        await harness.loop.buildFirst()
        let batches = ControlledBatches()
        let running = Task { await harness.loop.run(batches: batches) }
        let (a, b, c, d) = ("\(Self.content)/a.txt", "\(Self.content)/b.yml", "\(Self.content)/c.png", "\(Self.content)/d.txt")

        await batches.send([.modified(a)])
        await builder.rebuilds.added.wait(until: 1)  // the first rebuild runs (held)
        await batches.send([.modified(b), .modified(c)])
        await batches.send([.modified(a), .modified(b)])
        await batches.send([.modified(d)])
        gate.signal()
        await builder.rebuilds.added.wait(until: 2)
        batches.finish()
        await running.value

        #expect(builder.rebuilds.all == [[a], [b, c, a, d]])
        #expect(harness.events.all == [.reload, .reload, .reload])
    }

    @Test func filesCreatedAndGoneWithinABatchAndOutputArtifactsAreIgnored() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let options = BuildOptions(contentDirectory: URL(fileURLWithPath: folder.url("Content")),
                                   templatesDirectory: URL(fileURLWithPath: folder.url("Templates")),
                                   outputDirectory: URL(fileURLWithPath: folder.url("Content/Output")))
        let builder = FakeBuilder(options: options)
        let harness = Harness(builder)
        await harness.loop.buildFirst()
        let batches = ControlledBatches()
        let running = Task { await harness.loop.run(batches: batches) }
        let guide = try folder.write("Content/guide.txt", "A guide")
        let image = try folder.write("Content/images/new.png", "png")

        // An editor's temporary file, created and renamed over the guide within the batch.
        await batches.send([.created(folder.url("Content/guide.txt.tmp"))])
        try folder.makeFolder("Content/Output")
        // The build's own writes into an output folder inside the content folder.
        await batches.send([
            .modified(folder.url("Content/Output/index.html")),
            .created(folder.url("Content/Output")),
            .modified(folder.url("Content/.Output.guide-staging-4242/index.html")),
            .modified(folder.url("Content/.Output.guide-old-4242")),
        ])
        await batches.send([.modified(guide), .created(image)])
        await builder.rebuilds.added.wait(until: 1)
        batches.finish()
        await running.value

        #expect(builder.rebuilds.all == [[guide, image]])
    }

    @Test func aFailureShowsTheErrorAndTheNextSuccessClearsIt() async {
        let builder = FakeBuilder()
        let error = Diagnostic.error("Content/guide.txt", line: 3, column: 1, "a paper without a title")
        builder.willRebuild(.failure(Self.failure([error])))
        builder.willRebuild(.success(FakeBuilder.report(pagesRewritten: 2)))
        builder.willRebuild(.success(FakeBuilder.report(pagesRewritten: 1)))
        let harness = Harness(builder)
        await harness.loop.buildFirst()
        let guide = "\(Self.content)/guide.txt"

        await harness.loop.rebuild(changedPaths: [guide])
        await harness.loop.rebuild(changedPaths: [guide])
        await harness.loop.rebuild(changedPaths: [guide])

        let description = Self.failure([error]).description
        #expect(harness.events.all == [.reload, .buildFailed(description), .buildSucceeded, .reload])
        #expect(harness.messages.all.contains(.failed(description)))
    }

    @Test func aFailedFirstBuildIsClearedByTheNextSuccess() async {
        let builder = FakeBuilder()
        let error = Diagnostic.error("Templates/home.mustache", line: 1, column: 2, "unclosed section")
        builder.willBuild(.failure(Self.failure([error])))
        let harness = Harness(builder)

        #expect(await harness.loop.buildFirst() == false)
        await harness.loop.rebuild(changedPaths: ["/site/Templates/home.mustache"])

        let description = Self.failure([error]).description
        #expect(harness.events.all == [.buildFailed(description), .buildSucceeded])
        #expect(harness.messages.all.first == .failed(description))
    }

    @Test func aStylesheetOnlyChangeSwapsTheStylesheets() async {
        let builder = FakeBuilder()
        var report = FakeBuilder.report()
        report.filesWritten = 1
        report.stylesheetsChanged = ["assets/style.css"]
        report.onlyStylesheetsChanged = true
        builder.willRebuild(.success(report))
        let harness = Harness(builder)
        await harness.loop.buildFirst()

        await harness.loop.rebuild(changedPaths: ["/site/Templates/assets/style.css"])

        #expect(harness.events.all == [.reload, .cssChanged(["assets/style.css"])])
    }

    @Test func aRebuildThatChangedNoOutputNotifiesNothing() async {
        let builder = FakeBuilder()
        builder.willRebuild(.success(FakeBuilder.report()))
        let harness = Harness(builder)
        await harness.loop.buildFirst()

        await harness.loop.rebuild(changedPaths: ["\(Self.content)/guide.txt"])

        #expect(harness.events.all == [.reload])
        #expect(harness.messages.all.last == .rebuilt(FakeBuilder.report(["\(Self.content)/guide.txt"]).summary))
    }

    @Test func warningsAlreadyShownAreNotShownAgain() async {
        let builder = FakeBuilder()
        let first = Diagnostic.warning("Content/guide.txt", line: 4, "a paper without authors")
        let second = Diagnostic.warning("Content/guide.txt", line: 9, "a topic without papers")
        let third = Diagnostic.warning("Content/site.yml", line: 1, "unknown key")
        let error = Diagnostic.error("Content/guide.txt", line: 12, "a paper without a title")
        var built = BuildReport()
        built.warnings = [first]
        builder.willBuild(.success(built))
        builder.willRebuild(.success(FakeBuilder.report(pagesRewritten: 1, warnings: [first, second])))
        builder.willRebuild(.success(FakeBuilder.report(pagesRewritten: 1, warnings: [second, first])))
        builder.willRebuild(.failure(Self.failure([first, third, error])))
        let harness = Harness(builder)
        await harness.loop.buildFirst()
        for _ in 0..<3 {
            await harness.loop.rebuild(changedPaths: ["\(Self.content)/guide.txt"])
        }

        let warnings = harness.messages.all.compactMap { message -> [Diagnostic]? in
            if case .warnings(let warnings) = message { warnings } else { nil }
        }
        #expect(warnings == [[first], [second], [third]])
    }

    @Test func aBaseURLChangeInSiteFileStartsANewSession() async {
        let baseURL = Mutex("/")
        let made = Recorded<FakeBuilder>()
        let harness = Harness(makeOptions: {
            var options = FakeBuilder.defaultOptions
            options.baseURL = baseURL.withLock { $0 }
            return (options, options.baseURL == "/" ? nil : "Note: preview at /")
        }, makeBuilder: { options in
            let builder = FakeBuilder(options: options)
            made.append(builder)
            return builder
        })
        await harness.loop.buildFirst()
        let siteFile = "\(Self.content)/site.yml"

        // A site.yml edit that keeps the base URL: the session rebuilds.
        await harness.loop.rebuild(changedPaths: [siteFile])
        #expect(made.all.count == 1)
        #expect(made.all[0].rebuilds.all == [[siteFile]])

        baseURL.withLock { $0 = "/guides/" }
        await harness.loop.rebuild(changedPaths: [siteFile, "\(Self.content)/guide.txt"])

        #expect(made.all.count == 2)
        #expect(made.all[1].options.baseURL == "/guides/")
        #expect(made.all[1].builds.count == 1)
        #expect(made.all[1].rebuilds.all.isEmpty)
        #expect(made.all[0].rebuilds.all.count == 1)
        #expect(Array(harness.messages.all.suffix(3)) == [
            .note("site.yml, guide.txt: base URL changed, building everything again"),
            .note("Note: preview at /"),
            .built(String(BuildReport().summary.prefix { $0 != "\n" })),
        ])
        #expect(harness.events.all == [.reload, .reload, .reload])
    }

    @Test func messagesGoToTheRightStream() {
        let warning = Diagnostic.warning("Content/guide.txt", line: 2, "a")
        let other = Diagnostic.warning("Content/guide.txt", line: 5, "b")
        #expect(RebuildLoopMessage.warnings([warning, other]).text == "\(warning)\n\(other)")
        #expect(RebuildLoopMessage.warnings([warning]).isDiagnostic)
        #expect(RebuildLoopMessage.failed("x").isDiagnostic)
        #expect(!RebuildLoopMessage.built("x").isDiagnostic)
        #expect(!RebuildLoopMessage.rebuilt("x").isDiagnostic)
        #expect(!RebuildLoopMessage.note("x").isDiagnostic)
    }

    @Test func anEditOfARealSiteIsRebuiltAndReported() async throws {
        let site = try TinySite()
        defer { site.remove() }
        let harness = Harness(makeOptions: { (site.options, nil) })
        #expect(await harness.loop.buildFirst())
        #expect(try site.read("Output/index.html").contains("Scalable motif counting"))
        let batches = ControlledBatches()
        let running = Task { await harness.loop.run(batches: batches) }

        let guide = try site.write("Content/guide.txt", TinySite.guide.replacingOccurrences(
            of: "Scalable motif counting", with: "Streaming motif counting"))
        let shown = harness.messages.count
        await batches.send([.modified(guide)])
        await harness.messages.added.wait(until: shown + 1)  // the rebuild has started reporting
        batches.finish()
        await running.value

        #expect(harness.events.all == [.reload, .reload])
        let rebuilt = harness.messages.all.compactMap { message -> String? in
            if case .rebuilt(let line) = message { line } else { nil }
        }
        #expect(rebuilt.count == 1)
        #expect(rebuilt.first?.hasPrefix("guide.txt: ") == true)
        #expect(try site.read("Output/index.html").contains("Streaming motif counting"))
    }
}

/// A one-topic site in a temporary folder, with the repository's templates.
struct TinySite {
    let folder: TemporaryFolder

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let guide = SampleGuides.minimal

    init() throws {
        folder = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Self.repository.appendingPathComponent("Templates").path,
                                         toPath: folder.url("Templates"))
        try folder.write("Content/guide.txt", Self.guide)
    }

    var options: BuildOptions {
        var options = BuildOptions(root: URL(fileURLWithPath: folder.path))
        options.workers = 2
        return options
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> String {
        try folder.write(path, text)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try folder.read(path), as: UTF8.self)
    }

    func remove() { folder.remove() }
}
