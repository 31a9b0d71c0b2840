/// The papers a guide's settings file gives details of (`papers:`), matched
/// to the guide's papers by title as papers are told apart (case, quotes and
/// spaces aside: `FigureLinker.normalizedTitle`). A title that names no paper
/// is a warning with its line and the closest title.
struct PaperDetailsMatch {
    /// By index of the paper in the guide.
    var byPaper: [Int: PaperDetails] = [:]
    var warnings: [Diagnostic] = []

    init(_ guide: Guide, settings: GuideSettings, file: String) {
        guard !settings.papers.isEmpty else { return }
        var firstByKey: [String: Int] = [:]
        for (index, paper) in guide.papers.enumerated() where firstByKey[paper.titleKey] == nil {
            firstByKey[paper.titleKey] = index
        }
        for entry in settings.papers {
            let key = FigureLinker.normalizedTitle(entry.title)
            if let index = firstByKey[key] {
                byPaper[index] = entry.details
                continue
            }
            var message = "\"\(entry.title)\" under papers: names no paper of \(guide.file)"
            if let closest = Self.closest(to: key, among: guide.papers) {
                message += "; did you mean \"\(closest)\"?"
            }
            warnings.append(.warning(file, line: entry.line, message))
        }
    }

    /// The title nearest `key` in edits, when it is within a third of its length.
    static func closest(to key: String, among papers: [Paper]) -> String? {
        var best: (title: String, distance: Int)?
        let limit = max(2, key.count / 3)
        for paper in papers where abs(paper.titleKey.count - key.count) <= limit {
            let distance = EditDistance.between(key, paper.titleKey)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (paper.title.text, distance) }
        }
        return best?.title
    }
}
