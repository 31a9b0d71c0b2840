import Testing
@testable import GuideKit

/// A figure's alt: its caption's first sentence, without Markdown, at most 125 characters.
@Suite struct AltTextTests {
    @Test func theFirstSentence() {
        #expect(AltText.of(caption: "Forward pass of the model. The backward pass reuses it.") == "Forward pass of the model.")
        #expect(AltText.of(caption: "Is it really sparse? Mostly.") == "Is it really sparse?")
        #expect(AltText.of(caption: "One sentence without a period") == "One sentence without a period")
        #expect(AltText.of(caption: "Scores as quoted: \"Model Alpha.\" Then more.") == "Scores as quoted: \"Model Alpha.\"")
        #expect(AltText.of(caption: "Accuracy rose in 2023. Then it fell.") == "Accuracy rose in 2023.")
    }

    @Test func periodsThatEndNoSentence() {
        #expect(AltText.of(caption: "Loss, e.g. Huber. Then more.") == "Loss, e.g. Huber.")
        #expect(AltText.of(caption: "Ours vs. Baseline on test data. Then more.") == "Ours vs. Baseline on test data.")
        #expect(AltText.of(caption: "Work by R. Manmatha and others. Then more.") == "Work by R. Manmatha and others.")
        #expect(AltText.of(caption: "Figure 1. Overview of the method. Then more.") == "Figure 1. Overview of the method.")
        #expect(AltText.of(caption: "Accuracy rose in 2023. then lowercase.") == "Accuracy rose in 2023. then lowercase.")
    }

    @Test func aLongSentenceIsCutAtAWord() {
        let caption = String(repeating: "attention heads, ", count: 20) + "and more."
        let alt = AltText.of(caption: caption)
        #expect(alt.count <= AltText.limit)
        #expect(alt.hasSuffix("heads…"), "at a word, without the comma before the cut")
        #expect(caption.hasPrefix(String(alt.dropLast())))
        #expect(AltText.of(caption: String(repeating: "x", count: 300)).count == AltText.limit)
    }

    @Test func captionsLoseTheirMarkdown() {
        let safe = MarkdownRenderer(), raw = MarkdownRenderer(allowsRawHTML: true)
        #expect(safe.plainText("The *sparse* model from [our paper](https://example.org), with `code`.")
                == "The sparse model from our paper, with code.")
        #expect(safe.plainText("Two\nlines  and &amp; an entity") == "Two lines and & an entity")
        #expect(safe.plainText("Values of <x> per epoch") == "Values of <x> per epoch", "shown as text on the page, so said")
        #expect(raw.plainText("Values of <b>bold</b> words") == "Values of bold words", "markup when raw HTML is let through")
        #expect(safe.plainText("") == "")
    }
}
