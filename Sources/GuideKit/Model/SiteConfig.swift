import Foundation

/// Site settings from `Content/site.yml` (all optional) and the command line.
public struct SiteConfig: Hashable, Sendable {
    /// The site's name; by default the guide's title, or "Conference guides" for several guides.
    public var title: String?
    /// One line under the name on the list of guides.
    public var subtitle: String?
    /// Where the site is published: an absolute URL ("https://example.org/guides/icml/"),
    /// a path ("/", the default, or "/guides/icml/"), or `relative` (also "." and "./"):
    /// every link relative to its page, for a site opened from disk (`SiteLinks`).
    /// Pages link with its path; the sitemap, the feeds' ids and canonical links
    /// need the absolute form (`isAbsolute`), and are left out or made otherwise
    /// without it (`SiteConfigLoader.baseURLWarning`).
    public var baseURL: String
    /// Let raw HTML in Markdown through. Off: cmark omits it.
    public var allowsRawHTML: Bool
    /// The `lang` of every page.
    public var language: String
    /// Papers on each page of the "All papers" list (`/papers/`, `/papers/page/2/`, ...);
    /// 0 lists them all on one page.
    public var papersPerPage: Int
    /// Papers a guide has at most for its "All papers" to be one list;
    /// a guide of more has a page per letter instead (`/papers/letter/a/`,
    /// ..., `papers_per_page` to a page), and `/papers/` links to them.
    /// 0 never splits it.
    public var papersByLetterAbove: Int = 1000
    /// Entries in each Atom feed: a guide's first papers in the guide's order,
    /// the site's newest guides; 0 puts every one in (`SiteConfigLoader`).
    public var feedLimit: Int = SiteConfig.defaultFeedLimit
    /// URLs in one sitemap file (`Sitemap.urlLimit`); a test's smaller number
    /// comes from `BuildOptions`, never from `site.yml`.
    var sitemapURLLimit = Sitemap.urlLimit
    /// Topics on a guide's home page, and on each further page of its topics
    /// (`topics/page/2/`, ...); 0 shows them all on the home page.
    public var topicsPerPage: Int = 30
    /// Papers a topic's card on the home page lists before its link to the
    /// topic's page; 0 lists them all.
    public var topicCardPapers: Int = 5
    /// Authors on `/authors/` before the index is split by letter
    /// (`/authors/letter/a/`, ...), and on each page of a letter; 0 keeps
    /// every author on `/authors/`.
    public var authorsPerPage: Int = 1000
    /// Co-authors an author's page shows (those with the most papers
    /// together), before "and N more"; 0 shows them all.
    public var coauthorsShown: Int = 50
    /// What a figure whose image is not in `Content/images/` gets: a placeholder
    /// (the caption, with the file name as a note) and a warning, or an error
    /// that stops the build.
    public var missingImages: MissingImages = .placeholder

    /// `feed_limit` when `site.yml` does not set it. A feed reader fetches the
    /// whole file on every poll: 50 entries of a guide are about 31 KB, where
    /// every paper of a guide of 10,000 made 6.3 MB.
    public static let defaultFeedLimit = 50

    public enum MissingImages: String, Hashable, Sendable {
        case placeholder, error
    }

    public init(baseURL: String = "/", allowsRawHTML: Bool = false, language: String = "en", papersPerPage: Int = 100) {
        self.baseURL = baseURL
        self.allowsRawHTML = allowsRawHTML
        self.language = language
        self.papersPerPage = papersPerPage
    }

    /// The path part of `baseURL`, starting and ending with "/" ("/" for relative links).
    public var basePath: String {
        if isRelative { return "/" }
        var path = baseURL
        if let scheme = path.range(of: "://") {
            let afterHost = path[scheme.upperBound...].firstIndex(of: "/") ?? path.endIndex
            path = String(path[afterHost...])
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// `baseURL` with a trailing "/", absolute when it has a scheme and host.
    public var absoluteBase: String {
        guard isAbsolute else { return basePath }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    public var isAbsolute: Bool { baseURL.contains("://") }

    /// Links relative to each page: `base_url: relative` (or "." or "./").
    public var isRelative: Bool { Self.relativeValues.contains(baseURL) }

    static let relativeValues: Set<String> = ["relative", ".", "./"]

    /// How pages link.
    var links: SiteLinks { SiteLinks(base: basePath, relative: isRelative) }

    /// What is wrong with `value` as a `base_url`, or nil when it is one: an
    /// http(s) URL with a host, a path, or `relative`; no query, fragment,
    /// spaces, `.` or `..` folders.
    public static func problem(withBaseURL value: String) -> String? {
        let example = "an absolute URL (https://example.org/guides/icml/), a path (/guides/icml/) or relative"
        if value.isEmpty { return "base_url must be \(example)" }
        if relativeValues.contains(value) { return nil }
        if value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            return "base_url \"\(value)\" has a space or a control character in it; it must be \(example)"
        }
        if value.contains("?") || value.contains("#") {
            return "base_url \"\(value)\" has a query or fragment (? or #); it must be \(example)"
        }
        var path = Substring(value)
        if let scheme = value.range(of: "://") {
            let name = value[..<scheme.lowerBound].lowercased()
            guard name == "http" || name == "https" else {
                return "base_url \"\(value)\" is not an http or https URL; it must be \(example)"
            }
            let rest = value[scheme.upperBound...]
            let host = rest.prefix { $0 != "/" }
            guard !host.isEmpty else { return "base_url \"\(value)\" has no host; it must be \(example)" }
            path = rest[host.endIndex...]
        } else if value.hasPrefix("//") {
            return "base_url \"\(value)\" has no scheme; write https:\(value) for an absolute URL, or a path like /guides/icml/"
        } else if value.contains(":") {
            return "base_url \"\(value)\" is neither a URL nor a path; it must be \(example)"
        }
        let folders = path.split(separator: "/", omittingEmptySubsequences: false)
        if folders.contains(where: { $0 == "." || $0 == ".." }) {
            return value.hasPrefix(".")
                ? "base_url \"\(value)\" is a relative path; write relative (or ./) for links relative to each page, or a path from the site's root like /guides/icml/"
                : "base_url \"\(value)\" has a . or .. folder; it must be \(example)"
        }
        return nil
    }
}
