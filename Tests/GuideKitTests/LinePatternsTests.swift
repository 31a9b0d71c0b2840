import Testing
@testable import GuideKit

@Suite struct LinePatternsTests {
    @Test(arguments: [
        ("DP bookkeeper.png", true), ("Listwise losses.PNG", true), ("Figure 3.jpeg", true), ("Ünïcode figure.webp", true),
        ("photo.tiff", false), ("images/figure.png", false), ("a\\b.png", false), (".png", false),
        ("See the figure in fig.png for details, it is long.", false), ("Version 2.0", false),
    ])
    func imageFileNames(_ line: String, _ expected: Bool) {
        #expect(LinePatterns.isImageFileName(line) == expected)
    }

    @Test(arguments: [
        ("First sentence. Second one", true), ("First sentence. Émile starts the second", true),
        ("Dr. Smith and co", true), ("e.g. an example", false), ("Version 2.0 ships", false),
        ("Ends with a period.", false), ("Mixed. éclair is lowercase", false),
    ])
    func sentenceBreaks(_ line: String, _ expected: Bool) {
        #expect(LinePatterns.containsSentenceBreak(line) == expected)
    }

    @Test(arguments: [
        ("Bandit problems", true), ("Graph Neural Networks", true), ("What is causal inference?", true),
        ("A sentence that ends.", false), ("Heading: with a colon:", false),
        (String(repeating: "é", count: 100), true), (String(repeating: "é", count: 121), false),
        ("Two sentences. In one line", false),
    ])
    func headings(_ line: String, _ expected: Bool) {
        #expect(LinePatterns.isHeadingLike(line) == expected)
    }

    @Test func locations() {
        #expect(LinePatterns.isLocation("US, MA, Boston"))
        #expect(LinePatterns.isLocation("GB, London"))
        #expect(LinePatterns.isLocation("JP, 13, Tokyo"))
        #expect(!LinePatterns.isLocation("Boston, MA"))
        #expect(!LinePatterns.isLocation("US"))
        #expect(LinePatterns.isLocation("  US, MA, Boston"))
        #expect(LinePatterns.isLocation("\u{00A0}GB, London"))
        #expect(!LinePatterns.isLocation("Us, MA, Boston"))
        #expect(!LinePatterns.isLocation("As a Machine Learning Engineer, you will design, build"))
    }
}
