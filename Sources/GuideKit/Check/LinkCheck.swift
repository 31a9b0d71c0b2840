import Foundation

/// Links inside the site that lead to no page or file, and anchors that
/// name no element of their page. Each broken link is reported once, at the
/// guide line that writes it when one does, else at the first page with it.
struct LinkCheck {
    let basePath: String
    /// The site's absolute base ("https://example.org/guide/"), when it has one:
    /// links that start with it are inside the site.
    let absoluteBase: String?
    /// Every output and copied file, by path in the output folder.
    let files: Set<String>
    /// The ids of every HTML page, by path.
    let ids: [String: Set<String>]
    var sources: [SiteCheck.GuideSource]
    let outputDisplayPath: String

    enum Target: Equatable {
        /// A path in the output folder, and the anchor after `#`.
        case inside(path: String, fragment: String?)
        case outside(String)
        /// Above the site's base path, on a host that is not known (a path-only
        /// base URL): not ours to check.
        case aboveBase(String)
        /// mailto:, tel:, data:, javascript:, an empty link or one to the page itself.
        case ignored
    }

    struct Found {
        var diagnostics: [Diagnostic] = []
        var external: [ExternalLink] = []
    }

    func problems(in pages: [(path: String, links: PageLinks)]) -> Found {
        var broken: [String: (page: String, message: String, count: Int)] = [:]
        var brokenOrder: [String] = []
        var external: [String: ExternalLink] = [:]
        var externalOrder: [String] = []
        for (path, page) in pages {
            for link in page.links {
                switch target(of: link, from: path) {
                case .inside(let target, let fragment):
                    guard let message = problem(with: target, fragment: fragment, link: link) else { continue }
                    if broken[link] == nil { brokenOrder.append(link) }
                    broken[link, default: (path, message, 0)].count += 1
                case .outside(let url):
                    if external[url] == nil {
                        externalOrder.append(url)
                        external[url] = located(url, page: path).map { ExternalLink(url: url, file: $0.file, line: $0.line, pages: 0) }
                    }
                    external[url]?.pages += 1
                case .aboveBase, .ignored:
                    continue
                }
            }
        }
        var found = Found()
        for link in brokenOrder {
            let (page, message, count) = broken[link]!
            let place = located(link, page: page)!
            let pages = count == 1 ? "" : " (on \(count) pages)"
            found.diagnostics.append(.error(place.file, line: place.line, "link to \"\(link)\" \(message)\(pages)"))
        }
        found.external = externalOrder.map { external[$0]! }
        return found
    }

    /// What is wrong with a link inside the site, or nil.
    func problem(with path: String, fragment: String?, link: String) -> String? {
        let file: String
        if path.isEmpty || path.hasSuffix("/") { file = path + "index.html" }
        else if files.contains(path) { file = path }
        else if files.contains(path + "/index.html") { file = path + "/index.html" }
        else { file = path }
        guard files.contains(file) else { return "leads to no page or file of the site" }
        if let fragment, !fragment.isEmpty, let pageIDs = ids[file], !pageIDs.contains(fragment) {
            return "names no element of its page (no id \"\(fragment)\" on \(file))"
        }
        return nil
    }

    /// Where a link is written: the guide line, else the page.
    func located(_ link: String, page: String) -> (file: String, line: Int?)? {
        for source in sources {
            if let line = source.line(of: link) { return (source.displayPath, line) }
        }
        return ("\(outputDisplayPath)/\(page)", nil)
    }

    /// Where `link`, on the page written at `page`, leads.
    func target(of link: String, from page: String) -> Target {
        let link = link.trimmingCharacters(in: .whitespaces)
        if link.isEmpty || link == "#" { return .ignored }
        if let scheme = Self.scheme(of: link) {
            guard scheme == "http" || scheme == "https" else { return .ignored }
            if let absoluteBase, link.hasPrefix(absoluteBase) {
                return target(of: basePath + link.dropFirst(absoluteBase.count), from: page)
            }
            return .outside(link)
        }
        if link.hasPrefix("//") { return .outside("https:" + link) }
        if link.hasPrefix("#") { return .inside(path: page, fragment: Self.decoded(String(link.dropFirst()))) }
        let folder = page.split(separator: "/").dropLast().joined(separator: "/")
        let pageURL = "http://site.invalid" + basePath + (folder.isEmpty ? "" : folder + "/")
        // The link resolved as a browser does: dot segments removed, the path percent-decoded.
        guard let base = URL(string: pageURL), let url = URL(string: link, relativeTo: base),
              let components = URLComponents(string: url.absoluteURL.absoluteString) else {
            return .inside(path: link, fragment: nil)
        }
        let path = components.path
        guard path.hasPrefix(basePath) || path + "/" == basePath else {
            // Elsewhere on the site's host: a link out of the site, when the host is known.
            guard let absoluteBase, let host = URL(string: absoluteBase), let outside = URL(string: link, relativeTo: host) else {
                return .aboveBase(link)
            }
            return .outside(outside.absoluteURL.absoluteString)
        }
        return .inside(path: String(path.dropFirst(min(basePath.count, path.count))), fragment: components.fragment)
    }

    static func decoded(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }

    /// "https" of "https://…", "mailto" of "mailto:…"; nil for a path.
    static func scheme(of link: String) -> String? {
        guard let colon = link.firstIndex(of: ":") else { return nil }
        let scheme = link[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }
}
