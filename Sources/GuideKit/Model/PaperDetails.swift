import Foundation

/// What a guide's settings file says of one paper, beyond the guide text
/// (`papers:` in `Content/<guide>.yml`, keyed by the paper's title): its
/// links, abstract, award and session. Every field is optional.
public struct PaperDetails: Hashable, Sendable {
    /// The paper's own page.
    public var url: String?
    public var pdf: String?
    /// "2301.05182", "math/0211159"; its page is `https://arxiv.org/abs/<id>`.
    public var arxiv: String?
    /// "10.48550/arXiv.2301.05182"; its page is `https://doi.org/<doi>`.
    public var doi: String?
    public var code: String?
    public var video: String?
    public var slides: String?
    public var poster: String?
    public var award: String?
    public var session: String?
    public var starts: EventTime?
    public var ends: EventTime?
    public var room: String?
    /// Markdown, as written.
    public var abstract: String?

    public init() {}

    /// The fields a settings file may give, in the order pages show links.
    static let fields = ["url", "pdf", "arxiv", "doi", "code", "video", "slides", "poster",
                         "award", "session", "starts", "ends", "room", "abstract"]

    /// The links a paper page shows as buttons, in this order: (kind, label, URL).
    var links: [(kind: String, label: String, url: String)] {
        [("paper", "Paper", url), ("pdf", "PDF", pdf), ("arxiv", "arXiv", arxiv.map { "https://arxiv.org/abs/\($0)" }),
         ("doi", "DOI", doi.map { "https://doi.org/\($0)" }), ("code", "Code", code), ("video", "Video", video),
         ("slides", "Slides", slides), ("poster", "Poster", poster)]
            .compactMap { kind, label, url in url.map { (kind, label, $0) } }
    }
}

/// A date and time with its offset from UTC, as written (`2023-07-25T11:00:00-10:00`).
public struct EventTime: Hashable, Sendable {
    /// As written in the settings file.
    public var text: String
    public var date: Date
    /// Seconds east of UTC, as written.
    public var offset: Int

    /// ISO 8601 with seconds optional and an offset (`Z`, `+02:00`); nil otherwise.
    public init?(_ text: String) {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$"#
        guard let match = text.wholeMatch(of: try! Regex(pattern)), GuideSettings.isISODate(String(text.prefix(10))) else { return nil }
        func number(_ index: Int) -> Int? {
            match.output[index].substring.flatMap { Int($0) }
        }
        guard let year = number(1), let month = number(2), let day = number(3), let hour = number(4), let minute = number(5),
              hour < 24, minute < 60, (number(6) ?? 0) < 60, let zone = match.output[7].substring else { return nil }
        var offset = 0
        if zone != "Z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let parts = zone.dropFirst().split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, parts[0] <= 14, parts[1] < 60 else { return nil }
            offset = sign * (parts[0] * 3600 + parts[1] * 60)
        }
        var components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: number(6) ?? 0)
        components.timeZone = TimeZone(secondsFromGMT: offset)
        guard let date = Calendar(identifier: .gregorian).date(from: components) else { return nil }
        (self.text, self.date, self.offset) = (text, date, offset)
    }

    /// The local day as written: "2023-07-25".
    public var day: String { String(text.prefix(10)) }
    /// The local time as written: "11:00".
    public var time: String { String(text.dropFirst(11).prefix(5)) }
}
