import Mustache

/// What one page's template sees: `site`, `page`, `nav`, the chrome fragments
/// of its kind (`head_html`, `header_html`, `footer_html`), and the variables
/// of its page kind. Contexts are plain values, so a rebuild can tell which pages
/// changed by comparing a page's new context with its previous one.
///
/// Lookups go through `MustacheParent` rather than `Mirror`: about twice as
/// fast, and the template variable names stay snake_case and documented here.
public struct PageContext: MustacheParent, Hashable, Sendable {
    public var site: ContextNode
    public var page: ContextNode
    public var nav: [ContextNode]
    /// A `PageChrome`, shared by the pages of a kind.
    public var chrome: ContextNode
    public var body: PageBody

    public func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        case "nav": return nav
        case "head_html", "header_html", "footer_html": return chrome.child(named: name)
        default: return body.child(named: name)
        }
    }
}

extension PageContext {
    /// Equal but for `site.counts`: adding a paper changes the counts in every
    /// page's context, and only the pages whose templates read them show it.
    func equalsIgnoringSiteCounts(_ other: PageContext) -> Bool {
        guard page == other.page, nav == other.nav, chrome == other.chrome, body == other.body else { return false }
        if site == other.site { return true }
        guard let site = site.value(as: SiteContext.self), let otherSite = other.site.value(as: SiteContext.self) else { return false }
        return site.withoutCounts == otherSite.withoutCounts
    }
}

/// The variables particular to each page kind.
public enum PageBody: MustacheParent, Hashable, Sendable {
    case home(ContextNode)
    case topic(ContextNode)
    case papers(ContextNode)
    case paper(ContextNode)
    case authors(ContextNode)
    case author(ContextNode)
    case careers(ContextNode)
    case search(ContextNode)
    case notFound

    public func child(named name: String) -> Any? {
        switch self {
        case .home(let body): body.child(named: name)
        case .topic(let body): body.child(named: name)
        case .papers(let body): body.child(named: name)
        case .paper(let body): body.child(named: name)
        case .authors(let body): body.child(named: name)
        case .author(let body): body.child(named: name)
        case .careers(let body): body.child(named: name)
        case .search(let body): body.child(named: name)
        case .notFound: nil
        }
    }
}

/// Empty strings read as missing, so `{{#description_html}}…{{/description_html}}`
/// renders only when there is something to show.
func nonEmpty(_ value: String) -> Any? {
    value.isEmpty ? nil : TemplateText(value)
}

/// The chrome fragments of one page kind, rendered once for all its pages.
public struct PageChrome: MustacheParent, Hashable, Sendable {
    /// `head`, `header` and `footer`.
    public var fragments: [RenderedFragment]

    public func child(named name: String) -> Any? {
        fragments.first { $0.variable == name }.map { TemplateText($0.html) }
    }

    /// What a chrome fragment sees besides `site`: `nav`, `kind`, and `is.<kind>`
    /// (true for this kind only: `{{^is.search}}…{{/is.search}}`).
    struct Context: MustacheParent, Sendable {
        var nav: [ContextNode]
        var kind: String

        func child(named name: String) -> Any? {
            switch name {
            case "nav": nav
            case "kind": TemplateText(kind)
            case "is": KindFlags(kind: kind)
            default: nil
            }
        }
    }

    struct KindFlags: MustacheParent {
        var kind: String

        func child(named name: String) -> Any? {
            name == kind ? true : nil
        }
    }
}
