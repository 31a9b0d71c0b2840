import Foundation
import Yams

/// Reads `papers:` of a guide's settings file: a map from paper title to its
/// details. An unknown field or a malformed URL, DOI, arXiv id or time is an
/// error with its line; whether each title names a paper is checked when
/// the guide is assembled (`PaperDetailsMatch`).
///
/// ```yaml
/// papers:
///   "Thompson sampling with diffusion generative prior":
///     pdf: https://arxiv.org/pdf/2301.05182
///     arxiv: "2301.05182"
///     starts: 2023-07-25T11:00:00-10:00
/// ```
enum PaperDetailsReader {
    static func read(_ node: Node, file: String) throws(Diagnostic) -> [GuideSettings.PaperEntry] {
        if node.null != nil { return [] }
        guard let papers = node.mapping else {
            throw .error(file, line: node.mark?.line, "papers must map each paper's title to its details, like:\n  papers:\n    \"The paper's title\":\n      pdf: https://…")
        }
        var entries: [GuideSettings.PaperEntry] = []
        var lines: [String: Int?] = [:]
        for (key, value) in papers {
            let line = key.mark?.line
            guard let title = key.string?.trimmingSpaces, !title.isEmpty else {
                throw .error(file, line: line, "each paper under papers: is named by its title as written in the guide")
            }
            if let first = lines[title] {
                throw .error(file, line: line, "\"\(title)\" is given twice under papers:\(first.map { " (first on line \($0))" } ?? "")")
            }
            lines[title] = line
            entries.append(.init(title: title, line: line, details: try details(value, of: title, line: line, file: file)))
        }
        return entries
    }

    private static func details(_ node: Node, of title: String, line: Int?, file: String) throws(Diagnostic) -> PaperDetails {
        var details = PaperDetails()
        if node.null != nil { return details }
        guard let fields = node.mapping else {
            throw .error(file, line: node.mark?.line ?? line, "the details of \"\(title)\" must be `field: value` lines (\(PaperDetails.fields.joined(separator: ", ")))")
        }
        var starts: (EventTime, Int?)?
        for (key, value) in fields {
            let name = key.string ?? ""
            let line = value.mark?.line ?? key.mark?.line
            guard let text = value.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw .error(file, line: line, "\(name) of \"\(title)\" must be a value, like: \(example(name))")
            }
            func single() throws(Diagnostic) -> String {
                guard !text.contains("\n") else { throw .error(file, line: line, "\(name) must be one line") }
                return text
            }
            switch name {
            case "url", "pdf", "code", "video", "slides", "poster":
                guard isWebURL(text) else {
                    throw .error(file, line: line, "\(name) must be a web address starting with https:// or http://, like: \(example(name)) (found \"\(text)\")")
                }
                switch name {
                case "url": details.url = text
                case "pdf": details.pdf = text
                case "code": details.code = text
                case "video": details.video = text
                case "slides": details.slides = text
                default: details.poster = text
                }
            case "doi":
                let doi = text.hasPrefix("https://doi.org/") ? String(text.dropFirst("https://doi.org/".count)) : text
                guard isDOI(doi) else {
                    throw .error(file, line: line, "doi must be a DOI such as 10.48550/arXiv.2301.05182 (found \"\(text)\")")
                }
                details.doi = doi
            case "arxiv":
                guard isArXivID(text) else {
                    throw .error(file, line: line, "arxiv must be an arXiv identifier such as \"2301.05182\" or \"math/0211159\", in quotes (found \"\(text)\")")
                }
                details.arxiv = text
            case "starts", "ends":
                guard let time = EventTime(text) else {
                    throw .error(file, line: line, "\(name) must be a date and time with its offset from UTC, like: \(example(name)) (found \"\(text)\")")
                }
                if name == "starts" { details.starts = time; starts = (time, line) } else { details.ends = time }
            case "award": details.award = try single()
            case "session": details.session = try single()
            case "room": details.room = try single()
            case "abstract": details.abstract = text
            default:
                throw .error(file, line: key.mark?.line, "unknown field \"\(name)\" for \"\(title)\" (known: \(PaperDetails.fields.joined(separator: ", ")))")
            }
        }
        if let ends = details.ends {
            guard let (starts, _) = starts else {
                throw .error(file, line: line, "\"\(title)\" has ends but no starts; give the time it starts too")
            }
            guard ends.date > starts.date else {
                throw .error(file, line: line, "\"\(title)\" ends (\(ends.text)) before it starts (\(starts.text))")
            }
        }
        return details
    }

    static func example(_ field: String) -> String {
        switch field {
        case "arxiv": "\"2301.05182\""
        case "doi": "10.48550/arXiv.2301.05182"
        case "starts": "2023-07-25T11:00:00-10:00"
        case "ends": "2023-07-25T12:30:00-10:00"
        case "award": "Outstanding paper"
        case "session": "Poster session 3"
        case "room": "Exhibit Hall 1"
        case "abstract": "a paragraph of Markdown"
        default: "https://example.org/\(field)"
        }
    }

    /// An absolute http(s) URL with a host and no spaces.
    static func isWebURL(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// "10." then a registrant code of digits (dots allowed), "/", and a suffix.
    static func isDOI(_ text: String) -> Bool {
        text.wholeMatch(of: #/10\.\d{4,9}(\.\d+)*\/\S+/#) != nil
    }

    /// New style "2301.05182" (4 or 5 digits after the dot) or old style "math/0211159", with an optional version.
    static func isArXivID(_ text: String) -> Bool {
        text.wholeMatch(of: #/\d{4}\.\d{4,5}(v\d+)?/#) != nil || text.wholeMatch(of: #/[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?/#) != nil
    }
}
