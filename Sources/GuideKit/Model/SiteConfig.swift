import Foundation

/// Site settings from `Content/site.yml` (all optional) and the command line.
public struct SiteConfig: Hashable, Sendable {
    /// The site's name; by default the guide's title, or "Conference guides" for several guides.
    public var title: String?
    /// One line under the name on the list of guides.
    public var subtitle: String?
    /// Where the site is published: "/" (default), "/guides/icml/", or an absolute
    /// "https://example.org/guides/icml/". Pages link with its path; the sitemap,
    /// feed and canonical links use the absolute form when it has one.
    public var baseURL: String
    /// Let raw HTML in Markdown through. Off: cmark omits it.
    public var allowsRawHTML: Bool
    /// The `lang` of every page.
    public var language: String
    /// Papers on each page of the "All papers" list (`/papers/`, `/papers/page/2/`, ...);
    /// 0 lists them all on one page.
    public var papersPerPage: Int
    /// What a figure whose image is not in `Content/images/` gets: a placeholder
    /// (the caption, with the file name as a note) and a warning, or an error
    /// that stops the build.
    public var missingImages: MissingImages = .placeholder

    public enum MissingImages: String, Hashable, Sendable {
        case placeholder, error
    }

    public init(baseURL: String = "/", allowsRawHTML: Bool = false, language: String = "en", papersPerPage: Int = 100) {
        self.baseURL = baseURL
        self.allowsRawHTML = allowsRawHTML
        self.language = language
        self.papersPerPage = papersPerPage
    }

    /// The path part of `baseURL`, starting and ending with "/".
    public var basePath: String {
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
        guard baseURL.contains("://") else { return basePath }
        return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    public var isAbsolute: Bool { baseURL.contains("://") }
}
