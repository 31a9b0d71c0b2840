/// How pages link to the site's routes (`Routes`): the one place page URLs are formed.
///
/// A site whose `base_url` is a URL or a path links with that path, the same
/// from every page: `/guides/icml/papers/x/`. A site of relative links
/// (`base_url: relative`) links from each page to the next, so that it works
/// from any folder, a zip or a file manager (`file://`): from
/// `topics/y/index.html`, a paper is `../../papers/x/index.html`. There a link
/// to a page names its `index.html`, since a browser shows a folder's listing,
/// not its `index.html`, for `file:///…/papers/x/`.
///
/// The way up from a page to the site root depends on the page, and a URL is
/// often formed before the page is known (a paper card is rendered once and
/// shown on pages at every depth). So a relative URL starts with `root`, which
/// stands for "from this page up to the site root"; the page being rendered
/// puts its own way up in its place (`resolve`, with `up(from:)` of its path).
/// Nothing else writes `root`: guides, settings and names cannot hold control
/// characters (`SourceLines`, `YAMLMapping`).
struct SiteLinks: Hashable, Sendable {
    /// The path every link starts with ("/", "/guides/icml/"); for relative links, `root`.
    let base: String
    let relative: Bool

    /// Stands for the way from the page up to the site root, in a relative URL.
    static let root = "\u{1}"
    static let rootByte: UInt8 = 0x01

    init(base: String, relative: Bool) {
        self.base = relative ? Self.root : base
        self.relative = relative
    }

    /// The URL of a route: the base path and the route, or for relative links
    /// `root` and the route, a page's with `index.html`.
    func url(_ route: String) -> String {
        guard relative else { return base + route }
        return Self.root + (route.isEmpty || route.hasSuffix("/") ? route + "index.html" : route)
    }

    /// The way from the file at `path` (relative to the site root) up to the
    /// root: `./` for `index.html`, `../../` for `papers/x/index.html`.
    static func up(from path: String) -> String {
        let depth = path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// `text` (a URL, a page) as the file at `path` writes it: every `root` replaced by the way up.
    static func resolve(_ text: String, from path: String) -> String {
        resolve(text, up: up(from: path))
    }

    static func resolve(_ text: String, up: String) -> String {
        guard text.utf8.contains(rootByte) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 64)
        for byte in text.utf8 {
            if byte == rootByte { bytes += up.utf8 } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
