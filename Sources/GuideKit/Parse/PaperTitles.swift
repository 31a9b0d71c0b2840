/// What the papers' titles decide across the whole guide: which title repeats
/// an earlier one, which paper each figure's caption names, and each paper's
/// slug ("-2" for a repeat). Run at the end of a parse, and again by
/// `GuidePatch` when an edit changed a title or a caption.
enum PaperTitles {
    /// Sets figure links and paper slugs on a guide whose figures are not
    /// linked yet; returns the warnings about repeated titles and captions.
    static func resolve(_ guide: inout Guide) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstPaperByTitle = StringTable(minimumCapacity: guide.papers.count)
        for index in guide.papers.indices {
            let title = guide.papers[index].title
            let earlier = FigureLinker.withNormalizedTitle(title.text) {
                firstPaperByTitle.value(forBytes: $0, insertingIfAbsent: index)
            }
            if earlier != index {
                diagnostics.append(.warning(guide.file, line: title.line,
                    "paper title repeats the one at line \(guide.papers[earlier].title.line); it gets its own page"))
            }
        }
        FigureLinker.link(&guide, papersByTitle: firstPaperByTitle, diagnostics: &diagnostics)
        var slugs = SlugRegistry(capacity: guide.papers.count)
        for index in guide.papers.indices {
            guide.papers[index].slug = slugs.claim(slug: guide.papers[index].slugBase)
        }
        return diagnostics
    }

    /// Undoes `resolve`'s figure links, before resolving an edited guide again.
    static func unlinkFigures(_ guide: inout Guide) {
        for index in guide.figures.indices {
            if let paper = guide.figures[index].paper { guide.papers[paper].figures = [] }
            guide.figures[index].paper = nil
        }
    }
}
