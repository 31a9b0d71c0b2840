import Foundation

/// iCalendar (RFC 5545): a paper's `event.ics` and a guide's `schedule.ics`,
/// one `VEVENT` per paper with a start time.
///
/// Times are in UTC (`DTSTART:20230725T210000Z`), so no `VTIMEZONE` is
/// needed. Lines end with CRLF and are folded at 75 octets, never inside a
/// UTF-8 sequence; TEXT values escape `\ ; ,` and line breaks. Every value
/// comes from the content, so a rebuild writes the same bytes: `DTSTAMP`
/// (which RFC 5545 requires) is the guide's date at midnight UTC, else
/// January 1 of its year, else 1970-01-01.
enum ICalendar {
    /// An event without `ends` lasts this long.
    static let defaultDuration: TimeInterval = 60 * 60

    /// What one `VEVENT` says.
    struct Event: Equatable, Sendable {
        var uid: String
        var stamp: Date
        var starts: Date
        var ends: Date
        var summary: String
        var location: String
        var description: String
        /// The paper page's absolute URL; nil without an absolute base URL.
        var url: String?
    }

    /// A paper's event, folded, or nil when its details give no start time.
    static func event(paper id: PaperID, _ reader: Reader) -> String? {
        guard let details = reader.paper(id).details, let starts = details.starts else { return nil }
        let title = reader.title(id)
        let guide = reader.guide(title.guide)
        let site = reader.site
        let host = site.isAbsolute ? URLComponents(string: site.absoluteBase)?.host ?? "guide" : "guide"
        let names = reader.paper(id).authors.map { reader.author($0).name }
        var description: [String] = []
        if let session = details.session { description.append("Session: \(session)") }
        if !names.isEmpty { description.append("Authors: \(joinedNames(names))") }
        let event = Event(
            uid: "\(guide.slug)-\(title.slug)@\(host)", stamp: stamp(date: guide.date, year: guide.year),
            starts: starts.date, ends: details.ends?.date ?? starts.date.addingTimeInterval(defaultDuration),
            summary: title.title, location: [details.room ?? "", guide.location].filter { !$0.isEmpty }.joined(separator: ", "),
            description: description.joined(separator: "\n"), url: site.isAbsolute ? site.absoluteBase + title.path : nil)
        return lines(event)
    }

    /// The `VEVENT`'s content lines, folded, each ended by CRLF.
    static func lines(_ event: Event) -> String {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + text(event.uid),
            "DTSTAMP:" + utc(event.stamp),
            "DTSTART:" + utc(event.starts),
            "DTEND:" + utc(event.ends),
            "SUMMARY:" + text(event.summary),
        ]
        if !event.location.isEmpty { lines.append("LOCATION:" + text(event.location)) }
        if !event.description.isEmpty { lines.append("DESCRIPTION:" + text(event.description)) }
        if let url = event.url { lines.append("URL:" + url) }
        lines.append("END:VEVENT")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A calendar holding `events` (each as `lines` makes them); `name`, when
    /// given, is the name calendar applications show for it (`X-WR-CALNAME`).
    static func calendar(name: String?, events: [String]) -> String {
        var head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//guide//Conference guide//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
        if let name { head += fold("X-WR-CALNAME:" + text(name)) + "\r\n" }
        return head + events.joined() + "END:VCALENDAR\r\n"
    }

    /// A TEXT value (RFC 5545, 3.3.11): `\`, `;` and `,` escaped with a
    /// backslash, a line break (LF, CR or CRLF) as `\n`.
    static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { [0x5C, 0x3B, 0x2C, 0x0A, 0x0D].contains($0) }) else { return value }
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r", "\r\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A content line folded (RFC 5545, 3.1): no line longer than 75 octets,
    /// each continuation starting with one space, never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count + bytes.count / 74 * 3)
        var start = 0, limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { folded += [0x0D, 0x0A, 0x20] }
            folded += bytes[start..<end]
            start = end
            limit = 74
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// `20230725T210000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", c.year ?? 1970) + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z"
    }

    /// `DTSTAMP`: fixed by the content, so that rebuilds are byte for byte the same.
    static func stamp(date: String, year: String) -> Date {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents(year: 1970, month: 1, day: 1)
        if parts.count == 3 {
            (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        } else if let year = Int(year) {
            components.year = year
        }
        components.timeZone = TimeZone(identifier: "UTC")
        return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
}
