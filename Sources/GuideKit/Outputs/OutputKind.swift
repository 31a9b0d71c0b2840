import Foundation
import Mustache

/// One file of the output: which kind of output it is, the entity it shows,
/// and where it goes (relative to the output folder).
struct Output: Hashable, Sendable {
    /// First, so that the numbers after it pack: 48 bytes an output, not 56.
    let location: OutputPath
    /// Index in `OutputKind.all`.
    let kind: Int
    /// The id of what it shows (a guide, topic, paper, author, page of a list), or 0.
    let subject: Int32
    /// Handed out by (kind, subject) (`Identities.outputs`).
    let id: Int32

    var path: String { location.path }
    var isPage: Bool { OutputKind.all[kind].page != nil }
}

/// Where an output goes, relative to the output folder: a file `name` in a
/// `folder` that is empty or ends in "/". A file beside a page
/// (`papers/x/cite.bib`) keeps the page's route as its folder, the string the
/// model holds, rather than a path of its own: at 100,000 papers the paths of
/// the 300,000 files beside paper pages took 50 MB at the build's peak. A
/// kind makes each of its paths one way, so two outputs' locations are equal
/// when their paths are.
struct OutputPath: Hashable, Sendable {
    let folder: String
    let name: String

    /// A whole path.
    init(_ path: String) {
        (folder, name) = ("", path)
    }

    /// The file `name` in the folder of `route` (which ends in "/").
    init(in route: String, name: String) {
        (folder, self.name) = (route, name)
    }

    /// The file a page route is written to (`Routes.file(of:)`): its
    /// `index.html`, in the route's own string.
    static func page(_ route: String) -> OutputPath {
        // The last byte, not `hasSuffix`, which compares characters (a third
        // of listing the pages of 10,000 papers again).
        route.isEmpty || route.utf8.last == UInt8(ascii: "/") ? OutputPath(in: route, name: Routes.pageFileName) : OutputPath(route)
    }

    var path: String { folder.isEmpty ? name : folder + name }

    /// The length of `path` in UTF-8 bytes, without making it.
    var length: Int { folder.utf8.count + name.utf8.count }

    /// The route of a page file (`Routes.route(of:)`): for a page's
    /// `index.html`, its folder's string itself.
    var route: String { name == Routes.pageFileName ? folder : Routes.route(of: path) }
}

/// What an output renders to.
enum RenderedOutput: Sendable {
    case page(String)
    case file([UInt8])
    /// A large file made part by part (every citation of a guide): a full
    /// build writes each part as it is made and never holds the whole file.
    /// At 100,000 papers a guide's `papers.json` is 50 MB, and the three
    /// citation files of a guide were the build's peak of memory.
    case parts(FileParts)

    /// The same content, its parts joined into one file: what a rebuild, which
    /// compares and replaces whole files, works with.
    var joined: RenderedOutput {
        guard case .parts(let parts) = self else { return self }
        return .file(parts.joined)
    }
}

/// A file in parts, each made on demand, in order (`RenderedOutput.parts`).
/// Everything a part shows is read when the output is rendered, so that the
/// reads are recorded; making a part reads nothing more.
struct FileParts: Sendable {
    let count: Int
    let part: @Sendable (Int) -> [UInt8]

    var joined: [UInt8] {
        let parts = (0..<count).map(part)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { bytes += part }
        return bytes
    }
}

/// A kind of output (a page kind, a generated file): which outputs the site
/// has of it, and how to render one. Every output the build writes comes from
/// an entry of `all`; adding an output is adding an entry, its file here, a
/// template for a page, and a test.
struct OutputKind: Sendable {
    /// The id of what an output shows, and its path.
    typealias Item = (subject: Int32, path: OutputPath)

    /// How a kind lists its outputs, read through a `Reader`, so that a rebuild
    /// lists them again only when what the list read changed.
    enum Listing: Sendable {
        /// The site's outputs of the kind, in one list.
        case site(@Sendable (Reader) -> [Item])
        /// A guide's outputs of the kind, listed guide by guide in the site's
        /// order: an edit to one guide lists that guide's again, not every guide's.
        case perGuide(@Sendable (GuideID, Reader) -> [Item])
        /// The site's outputs of a kind made from the list of pages (the
        /// sitemap's files), given the routes of every page in order: listed
        /// after every other kind, and again when a page is listed more or
        /// less, or at another path (`OutputListings.update`).
        case ofPages(@Sendable ([String], Reader) -> [Item])
        /// Outputs listed item by item (a guide's papers, the site's
        /// authors): `items` lists the raw ids of a guide's items (or of the
        /// site's, with no guide), and `outputs` an item's outputs. What
        /// listing each item read is kept apart, so that a rebuild lists
        /// again only the items that are new or whose reads changed: a
        /// retitle lists one paper's outputs, not the guide's 10,000.
        case byItem(perGuide: Bool, items: @Sendable (GuideID?, Reader) -> [Int32], outputs: @Sendable (Int32, Reader) -> [Item])

        var isOfPages: Bool {
            if case .ofPages = self { true } else { false }
        }

        /// Whether the kind's outputs are listed guide by guide.
        var isPerGuide: Bool {
            switch self {
            case .perGuide: true
            case .byItem(let perGuide, _, _): perGuide
            case .site, .ofPages: false
            }
        }
    }

    let name: String
    /// The page kind, whose template lays it out; nil for a generated file.
    let page: PageKind?
    let listing: Listing
    let render: @Sendable (Int32, Reader) throws(Diagnostic) -> RenderedOutput

    init(name: String, page: PageKind?, outputs: @escaping @Sendable (Reader) -> [Item],
         render: @escaping @Sendable (Int32, Reader) throws(Diagnostic) -> RenderedOutput) {
        (self.name, self.page, listing, self.render) = (name, page, .site(outputs), render)
    }

    init(name: String, page: PageKind?, outputsOfGuide: @escaping @Sendable (GuideID, Reader) -> [Item],
         render: @escaping @Sendable (Int32, Reader) throws(Diagnostic) -> RenderedOutput) {
        (self.name, self.page, listing, self.render) = (name, page, .perGuide(outputsOfGuide), render)
    }

    init(name: String, page: PageKind?, itemsOfGuide: @escaping @Sendable (GuideID, Reader) -> [Int32],
         outputsOfItem: @escaping @Sendable (Int32, Reader) -> [Item],
         render: @escaping @Sendable (Int32, Reader) throws(Diagnostic) -> RenderedOutput) {
        (self.name, self.page, self.render) = (name, page, render)
        listing = .byItem(perGuide: true, items: { guide, reader in itemsOfGuide(guide!, reader) }, outputs: outputsOfItem)
    }

    init(name: String, page: PageKind?, itemsOfSite: @escaping @Sendable (Reader) -> [Int32],
         outputsOfItem: @escaping @Sendable (Int32, Reader) -> [Item],
         render: @escaping @Sendable (Int32, Reader) throws(Diagnostic) -> RenderedOutput) {
        (self.name, self.page, self.render) = (name, page, render)
        listing = .byItem(perGuide: false, items: { _, reader in itemsOfSite(reader) }, outputs: outputsOfItem)
    }

    init(name: String, page: PageKind?, outputsOfPages: @escaping @Sendable ([String], Reader) -> [Item],
         render: @escaping @Sendable (Int32, Reader) throws(Diagnostic) -> RenderedOutput) {
        (self.name, self.page, listing, self.render) = (name, page, .ofPages(outputsOfPages), render)
    }

    /// Every kind, in the order their outputs are listed (the sitemap's order).
    static let all: [OutputKind] = [
        GuidesPage.kind, HomePage.kind, TopicsPage.kind, TopicPage.kind, PapersPage.kind, PaperLetterPage.kind, PaperPage.kind,
        AuthorsPage.kind, AuthorLetterPage.kind, AuthorPage.kind, CareersPage.kind, SearchPage.kind, MyListPage.kind, ExtraPage.kind, NotFoundPage.kind,
        Sitemap.kind, SiteFeed.kind, GuideFeed.kind, Robots.kind,
        SchedulePage.kind, CalendarFiles.ofPaper, CalendarFiles.ofGuide,
    ] + SearchIndex.kinds + CitationFiles.kinds


    /// Templates that rendering may look for: every page kind's and every fragment's.
    static var templateNames: [String] {
        PageKind.allCases.map(\.rawValue) + Fragment.allCases.map(\.rawValue)
    }
}

/// How page kinds make a page: its `page` info, its chrome, its template.
enum PageLayout {
    /// - Parameter extraPage: the extra page shown, for a page of kind `page`.
    static func render(_ kind: PageKind, route: String, guide: GuideID?, extraPage: ExtraPageID? = nil, title: String,
                       description: String, body: any MustacheParent, _ reader: Reader) throws(Diagnostic) -> RenderedOutput {
        let site = reader.site
        // A canonical link names the page's one absolute URL: none without an absolute base.
        let info = PageInfo(title: title, description: description, canonical: site.isAbsolute ? site.absoluteBase + route : "",
                            kind: kind.rawValue)
        let slug = guide.map { reader.snapshot.identities.guides.key(of: $0.raw) }
        let key = extraPage.map { ChromeKey.ofExtraPage(reader.snapshot.identities.extraPages.key(of: $0.raw), guide: slug,
                                                        multiple: site.multipleGuides) }
            ?? ChromeKey(kind: kind.rawValue, guide: ChromeKey.guides(of: kind, guides: slug.map { [$0] } ?? [], multiple: site.multipleGuides).first ?? nil)
        let chrome: ID<Entity.Chrome>? = reader.snapshot.identities.chrome.existingID(key)
        let root = PageRoot(reader: reader, page: info, kind: kind, guide: guide, extraPage: extraPage, chrome: chrome?.raw ?? -1, body: body)
        guard let html = reader.render(kind.rawValue, root) else {
            throw .error("\(reader.snapshot.templates.set.displayPath)/\(kind.rawValue).mustache",
                         "template missing while rendering \(Routes.file(of: route))")
        }
        // Links relative to the page: its own way up to the site root, in every
        // URL of the page and of the fragments it shows (`SiteLinks`). The 404
        // page, which hosts serve at any depth, links as the root's files do.
        return .page(site.links.relative ? SiteLinks.resolve(html, from: Routes.file(of: route)) : html)
    }

}

/// Bodies with nothing but what every page has.
struct EmptyBody: MustacheParent {
    func child(named name: String) -> Any? { nil }
}
