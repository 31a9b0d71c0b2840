import Foundation
import Yams

/// A guide's settings file beside it (`Content/icml-2023.yml`): what the title
/// does not say, or says otherwise.
///
/// ```yaml
/// conference: ICML
/// year: 2023
/// date: 2023-07-23      # ISO; orders the guides, newest first
/// location: Honolulu, Hawaii
/// organization: Amazon
/// ```
public struct GuideSettings: Hashable, Sendable {
    public var conference: String?
    public var year: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    public var location: String?
    public var organization: String?
    /// `papers:`: details of papers, by title as written in the guide.
    public var papers: [PaperEntry] = []

    public struct PaperEntry: Hashable, Sendable {
        public var title: String
        public var line: Int?
        public var details: PaperDetails
    }

    public init() {}

    static let knownKeys = ["conference", "year", "date", "location", "organization", "papers"]

    /// Reads a settings file; unknown keys are warnings.
    static func load(yaml: String, file: String) throws(Diagnostic) -> (GuideSettings, [Diagnostic]) {
        var settings = GuideSettings()
        var warnings: [Diagnostic] = []
        for entry in try YAMLMapping(yaml: yaml, file: file).entries {
            let (line, value) = (entry.line, entry.value)
            func text(_ what: String) throws(Diagnostic) -> String {
                guard let text = value.scalar?.string.trimmingSpaces, !text.isEmpty else {
                    throw .error(file, line: line, "\(entry.key) must be one line of text, like: \(what)")
                }
                return text
            }
            switch entry.key {
            case "conference": settings.conference = try text("conference: ICML")
            case "location": settings.location = try text("location: Honolulu, Hawaii")
            case "organization": settings.organization = try text("organization: Amazon")
            case "year":
                let year = try text("year: 2023")
                guard year.count == 4, year.allSatisfy(\.isASCII), year.allSatisfy(\.isNumber) else {
                    throw .error(file, line: line, "year must be a four-digit year, like: year: 2023 (found \"\(year)\")")
                }
                settings.year = year
            case "date":
                let date = try text("date: 2023-07-23")
                guard Self.isISODate(date) else {
                    throw .error(file, line: line, "date must be a date written YYYY-MM-DD, like: date: 2023-07-23 (found \"\(date)\")")
                }
                settings.date = date
            case "papers": settings.papers = try PaperDetailsReader.read(entry.value, file: file)
            default:
                warnings.append(YAMLMapping.unknown(entry, known: knownKeys, file: file))
            }
        }
        if let year = settings.year, let date = settings.date, !date.hasPrefix(year) {
            warnings.append(.warning(file, "the date \(date) is not in the year \(year); guides are ordered by the date"))
        }
        return (settings, warnings)
    }

    /// `YYYY-MM-DD`, a day that exists.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

extension GuideSettings {
    /// What the build used for the guide's conference and year when the title
    /// alone did not say it: taken from the settings file, overridden by it,
    /// or missing. Nil when the title said both and the settings agree.
    func eventSource(title event: Event, settingsFile: String) -> String? {
        var said: [String] = []
        for (what, fromTitle, fromSettings) in [("conference", event.conference, conference),
                                                ("year", event.year, year ?? date.map { String($0.prefix(4)) })] {
            switch (fromTitle, fromSettings) {
            case (nil, let set?): said.append("\(what) \"\(set)\" from \(settingsFile) (the title names none)")
            case (let title?, let set?) where title != set:
                said.append("\(what) \"\(set)\" from \(settingsFile) (the title says \"\(title)\")")
            case (nil, nil): said.append("no \(what): the title names none; add `\(what):` to \(settingsFile)")
            default: break
            }
        }
        return said.isEmpty ? nil : said.joined(separator: "; ")
    }
}
