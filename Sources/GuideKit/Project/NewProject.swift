import Foundation

/// The files of a new project (`guide new`): a short sample guide with its
/// settings file and a figure, `site.yml` with every setting explained, and
/// a `.gitignore`. The sample builds with no warning.
public struct NewProject: Sendable {
    /// The sample guide's title: by default one that names a conference and year.
    public var title: String

    /// Where the site will be published, written into `site.yml` when known.
    public var baseURL: String?

    public init(title: String? = nil, baseURL: String? = nil) {
        self.title = title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? "A quick guide to our papers at ICML 2025"
        self.baseURL = baseURL
    }

    /// The guide's file name without `.txt`: the conference and year of the
    /// title ("icml-2025"), else its words.
    public var guideSlug: String {
        let event = EventTitle.parse(title)
        let named = [event.conference, event.year].compactMap { $0 }.joined(separator: " ")
        let slug = Slug.make(named.isEmpty ? title : named)
        return slug.isEmpty || ContentSource.reservedSlugs.contains(slug) ? "guide" : slug
    }

    /// Path inside the project → contents.
    public var files: [String: String] {
        [
            "Content/\(guideSlug).txt": guideText,
            "Content/\(guideSlug).yml": guideSettings,
            "Content/site.yml": siteSettings,
            "Content/images/Sample results.svg": Self.sampleFigure,
            ".gitignore": "Output/\n.Output.guide-*\n",
        ]
    }

    /// Writes the project into `folder`, which must not exist or be empty.
    /// Returns the paths written, sorted.
    public func write(to folder: URL) throws(Diagnostic) -> [String] {
        let display = DisplayPath.of(folder)
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw .error(display, "the folder is not empty; give `guide new` a new folder, or an empty one")
        }
        var written: [String] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw .error("\(display)/\(path)", "cannot write this file (\(TemplateSet.reason(error)))")
            }
            written.append(path)
        }
        return written
    }

    var guideText: String {
        """
        \(title)

        A short sample guide: replace it with your own text, keeping its shape.

        Each block is separated by a blank line. The title comes first, then an optional one-sentence subtitle, then the intro. A short line on its own starts a topic; a title with a byline under it is a paper; an image file name with a caption under it is a figure. Run `guide check` to see how every line was read.

        Reinforcement learning

        Papers on learning to act from feedback.

        Thompson sampling with a diffusion prior
        Ana Ruiz, Bo Li, and Chen Wei

        We learn a prior over bandit instances with a diffusion model and use it for Thompson sampling.

        Sample results.svg
        Regret over time, from "Thompson sampling with a diffusion prior".

        Forecasting

        Robust forecasting under distribution shift
        Priya Raman*, Tomas Albrecht*, and Ana Ruiz

        """
    }

    var guideSettings: String {
        let event = EventTitle.parse(title)
        return """
        # What the guide's title does not say, or says otherwise. Every line is optional.
        \(event.conference.map { "conference: \(Self.quoted($0))" } ?? "# conference: ICML")
        \(event.year.map { "year: \($0)" } ?? "# year: 2025")
        # date: \(event.year ?? "2025")-07-13      # YYYY-MM-DD; several guides are listed newest first
        # location: Vancouver, Canada
        # organization: Northwind Research

        """
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    var siteSettings: String {
        guard let baseURL else { return Self.siteSettings }
        return Self.siteSettings.replacingOccurrences(of: "# base_url: /\n", with: "base_url: \(Self.quoted(baseURL))\n")
    }

    static let siteSettings = """
        # Site settings. Every line is optional; remove the # to set one.

        # The site's name (default: the guide's title, or "Conference guides" for several guides).
        # title: Northwind Research at conferences

        # One line under the name on the list of guides.
        # subtitle: Our papers, year by year

        # Where the site will be published: its full URL, which the sitemap, the feeds,
        # robots.txt and canonical links need (https://example.org/guides/); a path
        # (/guides/), or relative for a site that opens from disk, leaves them out.
        # base_url: /

        # Let raw HTML in the guide's Markdown through (default: shown as text).
        # allow_raw_html: false

        # The language of every page.
        # language: en

        # Papers on each page of the "All papers" list, of a topic and of an author;
        # 0 lists them all on one page.
        # papers_per_page: 100

        # With more papers than this, a guide's All papers links to a page per letter; 0: never.
        # papers_by_letter_above: 1000

        # Entries in each Atom feed: a guide's first papers, the newest guides; 0 for all.
        # feed_limit: 50

        # Topics on the home page, and on each further page of them; 0: all on the home page.
        # topics_per_page: 30

        # Papers a topic's card lists on the home page; 0: all of them.
        # topic_card_papers: 5

        # With more authors than this, /authors/ links to a page per letter; 0: one page.
        # authors_per_page: 1000

        # Co-authors an author's page shows; 0: all of them.
        # coauthors_shown: 50

        """

    /// A small chart, so that the sample has a real figure.
    static let sampleFigure = """
        <svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
          <rect width="640" height="360" fill="#f6f7f9"/>
          <path d="M60 300H600M60 300V40" stroke="#5b6270" stroke-width="2" fill="none"/>
          <path d="M60 290C160 200 260 150 360 125S520 95 600 88" stroke="#2f6fde" stroke-width="4" fill="none"/>
          <path d="M60 290C160 240 260 205 360 180S520 150 600 140" stroke="#c2410c" stroke-width="4" fill="none" stroke-dasharray="10 8"/>
          <text x="330" y="340" font-family="sans-serif" font-size="18" fill="#2b2f36" text-anchor="middle">time</text>
          <text x="30" y="170" font-family="sans-serif" font-size="18" fill="#2b2f36" text-anchor="middle" transform="rotate(-90 30 170)">regret</text>
        </svg>

        """
}
