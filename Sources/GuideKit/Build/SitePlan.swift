import Foundation

/// Everything a build writes, decided before anything is rendered: the table of
/// contents of the output folder.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage] = []
    /// Generated text files: sitemap, feed, robots.txt, search index.
    public var files: [PlannedFile] = []
    /// Files copied as they are: figure images and template assets.
    public var copies: [PlannedCopy] = []
    public var warnings: [Diagnostic] = []
    /// `files` in chunks, for rebuilds to update.
    var generated: GeneratedFiles?
}

/// One HTML page: where it goes, which template lays it out, what it shows.
public struct PlannedPage: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case home, topic, papers, paper, authors, author, careers, search, notFound = "404"
    }

    /// Relative to the output folder, e.g. `papers/x/index.html`.
    public var path: String
    public var kind: Kind
    public var context: PageContext

    /// Page templates are named after their kind.
    public var template: String { kind.rawValue }
}

/// A generated file and its bytes.
public struct PlannedFile: Hashable, Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// A file copied into the output.
public struct PlannedCopy: Hashable, Sendable {
    public var source: URL
    public var path: String
}
