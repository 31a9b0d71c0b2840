import Foundation
import Testing
@testable import GuideKit

/// Figures on the built pages: the image's size on its `<img>`, the first
/// figure of a page loaded with it and the others lazily, a short alt, and a
/// missing image as a quiet note, or as an error when `site.yml` says so.
@Suite struct FigureOutputTests {
    static let guide = """
        A quick guide to Northwind's papers at KDD 2024

        The intro paragraph.

        Graph mining

        Graph mining finds structure in networks.

        Scalable motif counting on streaming graphs
        Lena Albrecht, Tomas Ruiz

        Motifs.png
        Motif counts in "Scalable motif counting on streaming graphs". Each bar is *one* day of the stream.

        Throughput.jpg
        Throughput of "Scalable motif counting on streaming graphs" on **eight** cores, against [the baseline](https://example.org).

        Hierarchical forecasts that stay coherent
        Priya Raman, Lena Albrecht

        """
    static let paper = "Output/papers/scalable-motif-counting-on-streaming-graphs/index.html"
    static let topic = "Output/topics/graph-mining/index.html"

    static func site(images: [String: String] = ["Motifs.png": "png-321x47.png", "Throughput.jpg": "jpeg-baseline-301x203.jpg"],
                     config: String? = nil) throws -> TemporarySite {
        var files = ["Content/guide.txt": guide]
        if let config { files["Content/site.yml"] = config }
        let site = try TemporarySite(files)
        for (name, fixture) in images { try site.copyImage(fixture, to: "Content/images/\(name)") }
        return site
    }

    /// The `<img …>` tags of a page, in order.
    static func images(_ html: String) -> [String] {
        html.components(separatedBy: "<img ").dropFirst().map { "<img " + $0.prefix { $0 != ">" } + ">" }
    }

    @Test func imagesCarryTheirSizeAndThePagesFirstImageLoadsWithIt() throws {
        let site = try Self.site()
        try site.build()
        for page in [Self.topic, Self.paper] {
            let images = Self.images(try site.read(page))
            #expect(images == [
                #"<img class="figure-image" src="/images/motifs.png" alt="Motif counts in &quot;Scalable motif counting on streaming graphs&quot;." width="321" height="47" decoding="async">"#,
                #"<img class="figure-image" src="/images/throughput.jpg" alt="Throughput of &quot;Scalable motif counting on streaming graphs&quot; on eight cores, against the baseline." width="301" height="203" loading="lazy" decoding="async">"#,
            ], "\(page)")
        }
        // The whole caption, with its Markdown, is under the image.
        let paper = try site.read(Self.paper)
        #expect(paper.contains("Each bar is <em>one</em> day of the stream."))
        #expect(paper.contains("on <strong>eight</strong> cores"))
    }

    @Test func anImageWhoseHeaderSaysNothingHasNoSize() throws {
        let site = try Self.site()
        try site.write("not an image", to: "Content/images/Throughput.jpg")
        try site.build()
        let images = Self.images(try site.read(Self.topic))
        #expect(images.count == 2)
        #expect(images[0].contains("width=\"321\" height=\"47\""))
        #expect(!images[1].contains("width=") && !images[1].contains("height="))
    }

    @Test func aMissingImageIsAQuietNoteAboveItsCaption() throws {
        let site = try Self.site(images: ["Throughput.jpg": "jpeg-baseline-301x203.jpg"])
        let result = try site.build()
        #expect(result.report.warnings.contains {
            $0.severity == .warning && $0.line == 12 && $0.message.hasPrefix("figure image \"Motifs.png\" not found in ")
        })
        let topic = try site.read(Self.topic)
        #expect(topic.contains(#"<p class="figure-missing">Image not available: <span class="figure-missing-name">Motifs.png</span></p>"#))
        #expect(topic.contains("Each bar is <em>one</em> day of the stream."), "the caption is shown")
        #expect(!topic.contains("role=\"img\""))
        // The page's first image is that of its second figure: loaded with the page.
        #expect(Self.images(topic).count == 1)
        #expect(!Self.images(topic)[0].contains("loading="))
    }

    @Test func missingImagesErrorStopsTheBuildAndLeavesTheOutput() throws {
        let site = try Self.site()
        try site.build()
        let before = site.snapshot()
        try site.write("missing_images: error\n", to: "Content/site.yml")
        try site.remove("Content/images/Motifs.png")
        let failure = #expect(throws: BuildFailure.self) { try site.build() }
        #expect(failure?.step == "model")
        #expect(failure?.errors.count == 1)
        let error = failure?.errors.first
        #expect(error?.file.hasSuffix("Content/guide.txt") == true)
        #expect(error?.line == 12)
        #expect(error?.message.hasPrefix("figure image \"Motifs.png\" not found in ") == true)
        #expect(error?.message.hasSuffix("Content/images/ (site.yml sets missing_images: error)") == true)
        #expect(site.snapshot() == before)
    }

    /// In watch mode: the rebuild fails and keeps the site; adding the image brings it back.
    @Test func missingImagesErrorInARebuildKeepsTheSiteUntilTheImageIsBack() throws {
        let site = try Self.site(config: "missing_images: error\n")
        let session = BuildSession(options: site.options)
        try session.build()
        let before = site.snapshot()
        let image = site.root.appendingPathComponent("Content/images/Motifs.png").path

        try site.remove("Content/images/Motifs.png")
        let failure = #expect(throws: BuildFailure.self) { try session.rebuild(changedPaths: [image]) }
        #expect(failure?.errors.first?.line == 12)
        #expect(site.snapshot() == before)

        try site.copyImage("gif-333x19.gif", to: "Content/images/Motifs.png")
        _ = try session.rebuild(changedPaths: [image])
        #expect(Self.images(try site.read(Self.topic))[0].contains("width=\"333\" height=\"19\""))
        try IncrementalBuildTests.expectSameAsFullBuild(site)
    }
}
