import Foundation

/// What `guide build` was asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    /// Whether `templatesDirectory` must exist (it was named on the command
    /// line); otherwise a project without it uses the built-in theme.
    public var templatesRequired: Bool
    public var outputDirectory: URL
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// Warn when the base URL is not absolute (`SiteConfigLoader.baseURLWarning`);
    /// a local preview, which needs none, does not.
    public var warnsAboutBaseURL = true
    /// Rendering threads; 1 builds sequentially.
    public var workers: Int
    /// URLs in one sitemap file: `Sitemap.urlLimit`, but in tests, which split
    /// a site of a few pages as the protocol's limit splits 50,000.
    var sitemapURLLimit = Sitemap.urlLimit

    public init(contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL,
                baseURL: String? = nil, templatesRequired: Bool = false,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.templatesDirectory = templatesDirectory.standardizedFileURL
        self.templatesRequired = templatesRequired
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.baseURL = baseURL
        self.workers = max(1, workers)
    }

    /// The usual layout: `Content/`, `Templates/` and `Output/` inside `root`.
    public init(root: URL) {
        self.init(contentDirectory: root.appendingPathComponent("Content"),
                  templatesDirectory: root.appendingPathComponent("Templates"),
                  outputDirectory: root.appendingPathComponent("Output"))
    }
}

/// Paths as the author typed them: relative to the working folder when inside it.
enum DisplayPath {
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}
