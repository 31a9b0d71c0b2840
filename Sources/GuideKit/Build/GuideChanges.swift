/// What an edit changed in the guide, entity by entity, for a rebuild to
/// redo only what those entities reach.
///
/// Only edits that keep the guide's shape are described: the same number of
/// topics, papers, authors and figures, and the same title, intro, teasers
/// and postings. Anything else (a paper added, the title reworded) is planned
/// again in full. Line numbers are ignored: a line added above a paper moves it
/// without changing it.
struct GuideChanges: Sendable {
    var papers: Set<Int> = []
    var authors: Set<Int> = []
    var topics: Set<Int> = []
    var figures: Set<Int> = []

    var isEmpty: Bool { papers.isEmpty && authors.isEmpty && topics.isEmpty && figures.isEmpty }

    /// The changes from `old` to `new`, or nil when the shape changed.
    static func between(_ old: Guide, _ new: Guide) -> GuideChanges? {
        guard old.topics.count == new.topics.count, old.papers.count == new.papers.count,
              old.authors.count == new.authors.count, old.figures.count == new.figures.count,
              sameText(old.title, new.title), sameText(old.subtitle, new.subtitle), old.event == new.event,
              sameTexts(old.intro, new.intro), sameTexts(old.emptyHeadings, new.emptyHeadings),
              sameTexts(old.postingsHeading.map { [$0] } ?? [], new.postingsHeading.map { [$0] } ?? []),
              old.preamble.map(\.kind) == new.preamble.map(\.kind), sameTexts(old.preamble.map(\.text), new.preamble.map(\.text)),
              old.teasers.map(\.topic) == new.teasers.map(\.topic),
              sameTexts(old.teasers.map(\.heading), new.teasers.map(\.heading)),
              sameTexts(old.teasers.map(\.text), new.teasers.map(\.text)),
              old.postings.map(\.text) == new.postings.map(\.text), old.postings.map(\.slug) == new.postings.map(\.slug),
              old.postings.map(\.locations) == new.postings.map(\.locations)
        else { return nil }
        var changes = GuideChanges()
        for (index, (a, b)) in zip(old.papers, new.papers).enumerated() where
            !(sameText(a.title, b.title) && a.slug == b.slug && a.authors == b.authors && a.topic == b.topic
              && a.figures == b.figures && sameTexts(a.description, b.description)) {
            changes.papers.insert(index)
        }
        for (index, (a, b)) in zip(old.authors, new.authors).enumerated() where a != b {
            changes.authors.insert(index)
        }
        for (index, (a, b)) in zip(old.topics, new.topics).enumerated() where
            !(sameText(a.title, b.title) && a.slug == b.slug && a.papers == b.papers && a.figures == b.figures
              && a.teasers == b.teasers && sameTexts(a.description, b.description)) {
            changes.topics.insert(index)
        }
        for (index, (a, b)) in zip(old.figures, new.figures).enumerated() where
            !(sameText(a.fileName, b.fileName) && sameText(a.caption, b.caption) && a.slug == b.slug
              && a.topic == b.topic && a.paper == b.paper) {
            changes.figures.insert(index)
        }
        return changes
    }

    private static func sameText(_ a: SourceText?, _ b: SourceText?) -> Bool {
        a?.text == b?.text
    }

    private static func sameTexts(_ a: [SourceText], _ b: [SourceText]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.text == $1.text }
    }
}

/// Which shared nodes a rebuild built again and found different, by index.
struct NodeChanges: Sendable {
    var authorLinks: Set<Int> = []
    var topicLinks: Set<Int> = []
    var paperLinks: Set<Int> = []
    var cards: Set<Int> = []
    var topicCards: Set<Int> = []
    var figures: Set<Int> = []
}
