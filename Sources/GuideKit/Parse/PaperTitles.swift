/// What the papers' titles decide across the whole guide: which title repeats
/// an earlier one, and which paper each figure's caption names.
enum PaperTitles {
    /// Sets figure links on a guide whose figures are not linked yet; returns
    /// the warnings about repeated titles and captions.
    /// - Parameter titleKeys: each paper's normalised title, numbered in `keys`.
    static func resolve(_ guide: inout Guide, titleKeys: [Int32], keys: Interned) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstPaperWithTitle = [Int32](repeating: -1, count: keys.count)
        for index in guide.papers.indices {
            let key = Int(titleKeys[index])
            let earlier = Int(firstPaperWithTitle[key])
            if earlier < 0 {
                firstPaperWithTitle[key] = Int32(index)
            } else {
                diagnostics.append(.warning(guide.file, line: guide.papers[index].title.line,
                    "paper title repeats the one at line \(guide.papers[earlier].title.line); it gets its own page"))
            }
        }
        let longestTitle = guide.figures.isEmpty ? 0 : titleKeys.reduce(0) { max($0, keys[$1].utf8.count) }
        FigureLinker.link(&guide, diagnostics: &diagnostics, longestTitle: longestTitle) { normalizedTitle in
            keys.existingID(normalizedTitle).flatMap { key in
                firstPaperWithTitle[Int(key)] < 0 ? nil : Int(firstPaperWithTitle[Int(key)])
            }
        }
        return diagnostics
    }
}
