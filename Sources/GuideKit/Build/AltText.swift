/// A figure's `alt`: the first sentence of its caption, as plain text, short
/// enough for a screen reader to say before moving on; the whole caption is in
/// the `<figcaption>` right under the image.
enum AltText {
    /// Characters, "…" included: about what screen readers are said to read in one go.
    static let limit = 125

    /// Words that end with a period without ending a sentence ("e.g. Figure 2", "Model A vs. B").
    private static let abbreviations: Set<String> = ["e.g", "i.e", "vs", "cf", "fig", "figs", "eq", "eqs", "al", "approx", "no"]

    /// The alt of a caption already turned into plain text (`MarkdownRenderer.plainText`).
    static func of(caption: String) -> String {
        let sentence = firstSentence(caption)
        guard sentence.count > limit else { return String(sentence) }
        // At the last space that leaves room for "…", without the punctuation before it.
        let cut = sentence.prefix(limit - 1)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimming(" ,;:–—-") + "…"
    }

    /// Up to the first ".", "!" or "?" (and the quotes or brackets that close
    /// with it) followed by a space and a capital letter or an opening quote or
    /// bracket. A period after an initial or an abbreviation ends no sentence,
    /// nor does an end within the first three words ("Figure 1. Overview of …"
    /// says more than "Figure 1."). A caption of one sentence is all of it.
    static func firstSentence(_ text: String) -> Substring {
        let characters = Array(text)
        var wordStart = 0, words = 0
        for index in characters.indices {
            let character = characters[index]
            if character == " " {
                wordStart = index + 1
                continue
            }
            if index == wordStart { words += 1 }
            guard ".!?".contains(character), words >= 3 else { continue }
            var end = index + 1
            while end < characters.count, "\"'”’)]»".contains(characters[end]) { end += 1 }
            if end + 1 < characters.count, characters[end] == " ",
               characters[end + 1].isUppercase || "\"“‘«([".contains(characters[end + 1]),
               character != "." || endsSentence(word: String(characters[wordStart..<index])) {
                return text.prefix(end)
            }
        }
        return text[...]
    }

    private static func endsSentence(word: String) -> Bool {
        let letters = word.trimming("\"'“‘([")
        if letters.count == 1, letters.first!.isLetter { return false }
        return !abbreviations.contains(letters.lowercased())
    }
}

private extension StringProtocol {
    /// Without the characters of `set` at either end.
    func trimming(_ set: String) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
