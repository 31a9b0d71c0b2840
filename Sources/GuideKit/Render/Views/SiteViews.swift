import Mustache

/// `site`: the same on every page.
struct SiteView: MustacheParent {
    let reader: Reader

    func child(named name: String) -> Any? {
        switch name {
        case "title": asText(reader.site.title)
        case "subtitle": nonEmpty(reader.site.subtitle)
        case "organization": nonEmpty(reader.site.organization)
        case "conference": nonEmpty(reader.site.conference)
        case "year": nonEmpty(reader.site.year)
        case "base": asText(reader.site.links.base)
        case "url": asText(reader.site.links.url(""))
        case "authors_url": asText(reader.site.links.url(Routes.authors))
        case "careers_url": asText(reader.site.links.url(Routes.careers))
        case "search_url": asText(reader.site.links.url(Routes.search))
        case "my_list_url": asText(reader.site.links.url(Routes.myList))
        case "relative_links": flag(reader.site.links.relative)
        case "papers_url": reader.site.multipleGuides ? nil : asText(reader.site.links.url(Routes.paperList(prefix: "", number: 1)))
        case "feed_url": asText(reader.site.links.url(Routes.feed(prefix: "")))
        case "language": asText(reader.site.language)
        case "generator": asText("guide")
        case "counts": CountsView(reader: reader, guide: nil)
        case "has_careers": reader.siteCount(.postings) > 0
        case "multiple_guides": flag(reader.site.multipleGuides)
        default: nil
        }
    }
}

/// `site.counts`, `guide.counts`: `papers`, `topics`, `authors`, `postings`,
/// `guides`, and each as a label (`papers_label`: "12 papers").
struct CountsView: MustacheParent {
    let reader: Reader
    /// Nil: the site's.
    let guide: GuideID?

    func child(named name: String) -> Any? {
        let label = name.hasSuffix("_label")
        guard let kind = CountKind(rawValue: label ? String(name.dropLast("_label".count)) : name) else { return nil }
        let number = guide.map { reader.count(kind, of: $0) } ?? reader.siteCount(kind)
        return label ? asText(count(number, kind.noun)) : number
    }
}

/// `guide`: the guide a page belongs to (and each guide of the site's list of guides).
struct GuideView: MustacheParent {
    let reader: Reader
    let id: GuideID

    func child(named name: String) -> Any? {
        switch name {
        case "title": asText(reader.guide(id).title)
        case "subtitle": nonEmpty(reader.text(of: id).subtitle)
        case "intro_html": nonEmpty(reader.text(of: id).introHTML)
        case "teasers": reader.text(of: id).teasers.map(TextView.init)
        case "preamble": reader.text(of: id).preamble.map { PreambleView(text: $0.text, kind: $0.kind) }
        case "url": asText(reader.guide(id).url)
        case "name": asText(reader.guide(id).name)
        case "organization": nonEmpty(reader.guide(id).organization)
        case "conference": nonEmpty(reader.guide(id).conference)
        case "year": nonEmpty(reader.guide(id).year)
        case "date": nonEmpty(reader.guide(id).date)
        case "location": nonEmpty(reader.guide(id).location)
        case "papers_url": asText(reader.site.links.url(Routes.paperList(prefix: reader.guide(id).prefix, number: 1)))
        case "feed_url": asText(reader.site.links.url(Routes.feed(prefix: reader.guide(id).prefix)))
        case "counts": CountsView(reader: reader, guide: id)
        case "has_careers": reader.count(.postings, of: id) > 0
        default: nil
        }
    }
}

/// A line above a guide's title: `{text, kind}`, kind `label`, `caption` or `credit`.
struct PreambleView: MustacheParent {
    let text: String
    let kind: String

    func child(named name: String) -> Any? {
        switch name {
        case "text": asText(text)
        case "kind": asText(kind)
        default: nil
        }
    }
}

/// `page`: this page's own title, description and address.
struct PageInfo: MustacheParent, Sendable {
    var title: String
    var description: String
    /// The page's absolute URL; empty (missing) when the base URL is not absolute.
    var canonical: String
    var kind: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": asText(title)
        case "description": asText(description)
        case "canonical": nonEmpty(canonical)
        case "kind": asText(kind)
        default: nil
        }
    }
}

/// An entry of `nav`.
struct NavItem: MustacheParent {
    var label: String
    var url: String
    /// This page is the one the item links to (`aria-current="page"`).
    var current: Bool
    /// This page is inside the item's section, e.g. a paper under Papers (`aria-current="true"`).
    var section: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "label": asText(label)
        case "url": asText(url)
        case "current": current
        case "section": section
        case "aria_current": current ? asText("page") : section ? asText("true") : nil
        default: nil
        }
    }
}

/// What one page's template sees: `site`, `page`, `nav`, `guide` (on a
/// guide's pages), the chrome fragments of its kind (`head_html`,
/// `header_html`, `footer_html`), and the variables of its page kind (`body`).
///
/// One word (a reference): templates pass the root around as `Any`, and a
/// larger value would be copied into a new box each time.
struct PageRoot: MustacheParent {
    private let page: Page

    init(reader: Reader, page: PageInfo, kind: PageKind, guide: GuideID?, extraPage: ExtraPageID? = nil, chrome: Int32,
         body: any MustacheParent) {
        self.page = Page(reader: reader, info: page, kind: kind, guide: guide, extraPage: extraPage, chrome: chrome, body: body)
    }

    private final class Page {
        let reader: Reader
        let info: PageInfo
        let kind: PageKind
        let guide: GuideID?
        /// The extra page shown, on a page of kind `page`.
        let extraPage: ExtraPageID?
        /// The id of the page's chrome (`Derivations.chrome`).
        let chrome: Int32
        let body: any MustacheParent

        init(reader: Reader, info: PageInfo, kind: PageKind, guide: GuideID?, extraPage: ExtraPageID?, chrome: Int32,
             body: any MustacheParent) {
            (self.reader, self.info, self.kind, self.guide, self.chrome, self.body) = (reader, info, kind, guide, chrome, body)
            self.extraPage = extraPage
        }
    }

    func child(named name: String) -> Any? {
        let reader = page.reader
        switch name {
        case "site": return SiteView(reader: reader)
        case "page": return PageInfoView(page: page)
        case "nav": return Navigation.items(page.kind, guide: page.guide, page: page.extraPage, reader).main
        case "guide": return page.guide.map { GuideView(reader: reader, id: $0) } ?? page.body.child(named: name)
        case "head_html": return chrome(0)
        case "header_html": return chrome(1)
        case "footer_html": return chrome(2)
        default: return page.body.child(named: name)
        }
    }

    private func chrome(_ part: Int) -> Any? {
        guard page.chrome >= 0 else { return nil }
        return page.reader.derived(Derivations.chrome, page.chrome).map { TemplateText($0[part]) }
    }

    /// `page`, one word wide: Mustache passes it around as `Any`.
    private struct PageInfoView: MustacheParent {
        let page: Page

        func child(named name: String) -> Any? {
            page.info.child(named: name)
        }
    }
}

/// The pages of the site, by template.
public enum PageKind: String, CaseIterable, Sendable {
    case guides, home
    /// A guide's topics after its home page's: `topics/page/2/`, ...
    case topics
    case topic, papers
    /// A letter of a guide's "All papers", when it is split by letter.
    case papersLetter = "papers-letter"
    case paper, authors
    /// A letter of the A–Z author index, when it is split by letter.
    case authorsLetter = "authors-letter"
    case author, careers, search
    /// An extra page (`Content/pages/<name>.md`).
    case page
    /// The reader's starred papers (`my-list.js`).
    case myList = "my-list"
    /// A guide's papers by day and session, when they have start times.
    case schedule
    case notFound = "404"

    /// Pages of one guide, under its prefix.
    var belongsToGuide: Bool {
        switch self {
        case .home, .topics, .topic, .papers, .papersLetter, .paper, .schedule: true
        default: false
        }
    }
}

/// The navigation of a page kind: the site's sections, and on a guide's pages
/// of a site of several guides, the guide's own; each followed by the extra
/// pages with a `nav` place (`page`: the extra page shown, on one).
enum Navigation {
    static func items(_ kind: PageKind, guide: GuideID?, page: ExtraPageID? = nil, _ reader: Reader) -> (main: [NavItem], guide: [NavItem]) {
        let site = reader.site
        let url = { (route: String) in site.links.url(route) }
        let extraPages = { (pages: [ExtraPageID]) in
            pages.map { NavItem(label: reader.extraPage($0).title, url: reader.extraPage($0).url, current: $0 == page, section: false) }
        }
        // A guide's extra page is one of its pages on a site of several.
        let inAGuide = kind.belongsToGuide || (kind == .page && guide != nil)
        var main: [NavItem] = []
        var inGuide: [NavItem] = []
        if site.multipleGuides {
            main.append(NavItem(label: "Guides", url: url(""), current: kind == .guides, section: inAGuide))
            if let guide, inAGuide {
                let prefix = reader.guide(guide).prefix
                inGuide = [
                    NavItem(label: "Topics", url: url(prefix), current: kind == .home, section: kind == .topic || kind == .topics),
                    NavItem(label: "Papers", url: url(Routes.paperList(prefix: prefix, number: 1)), current: kind == .papers, section: kind == .paper || kind == .papersLetter),
                ] + extraPages(reader.navPages(of: guide))
                inGuide += scheduleItem(kind, guide: guide, reader)
            }
        } else {
            main += [
                NavItem(label: "Topics", url: url(""), current: kind == .home, section: kind == .topic || kind == .topics),
                NavItem(label: "Papers", url: url(Routes.paperList(prefix: "", number: 1)), current: kind == .papers, section: kind == .paper || kind == .papersLetter),
            ]
            main += reader.siteGuides.first.map { scheduleItem(kind, guide: $0, reader) } ?? []
        }
        main.append(NavItem(label: "Authors", url: url(Routes.authors), current: kind == .authors, section: kind == .author || kind == .authorsLetter))
        if reader.siteCount(.postings) > 0 {
            main.append(NavItem(label: "Careers", url: url(Routes.careers), current: kind == .careers, section: false))
        }
        main.append(NavItem(label: "Search", url: url(Routes.search), current: kind == .search, section: false))
        main.append(NavItem(label: "My list", url: url(Routes.myList), current: kind == .myList, section: false))
        main += extraPages(reader.siteNavPages)
        return (main, inGuide)
    }

    /// "Schedule", for a guide with a paper that has a start time.
    private static func scheduleItem(_ kind: PageKind, guide: GuideID, _ reader: Reader) -> [NavItem] {
        guard reader.derived(Derivations.schedule, guide.raw)?.isEmpty == false else { return [] }
        return [NavItem(label: "Schedule", url: reader.site.links.url(Routes.schedule(prefix: reader.guide(guide).prefix)),
                        current: kind == .schedule, section: false)]
    }
}

/// What a chrome fragment (`head`, `header`, `footer`) sees: `site`, `nav`,
/// `kind`, `is.<kind>` (true for this kind only: `{{^is.search}}…{{/is.search}}`),
/// and on a guide's pages of a site of several guides, `guide` and `guide_nav`.
struct ChromeContext: MustacheParent {
    let reader: Reader
    let kind: PageKind
    let guide: GuideID?
    let nav: (main: [NavItem], guide: [NavItem])

    func child(named name: String) -> Any? {
        switch name {
        case "site": SiteView(reader: reader)
        case "nav": nav.main
        case "guide_nav": nav.guide.isEmpty ? nil : nav.guide
        case "guide": reader.site.multipleGuides ? guide.map { GuideView(reader: reader, id: $0) } : nil
        case "kind": TemplateText(kind.rawValue)
        case "is": KindFlags(kind: kind.rawValue)
        default: nil
        }
    }

    struct KindFlags: MustacheParent {
        var kind: String

        func child(named name: String) -> Any? {
            name == kind ? true : nil
        }
    }
}
