import Foundation
import Yams

/// An extra page as read from `Content/pages/<name>.md`: YAML front matter
/// between two `---` lines, then the Markdown body.
///
/// ```markdown
/// ---
/// title: About this site     # required
/// nav: 1                     # optional: its place in the navigation
/// guide: icml-2023           # optional: a guide's page, at /icml-2023/about/ on a site of several
/// description: Who we are.   # optional: the meta description (default: the title)
/// ---
/// We publish a guide to our papers at every conference …
/// ```
struct ExtraPageSource: Equatable, Sendable {
    /// The file name without `.md`: the last part of the page's address.
    var name: String
    /// How diagnostics name the file: `Content/pages/about.md`.
    var file: String
    var title: String
    /// The page's place in the navigation; nil: not in it.
    var nav: Int?
    /// The slug of the guide the page belongs to.
    var guide: String?
    /// Empty when the front matter has none.
    var description: String
    /// Markdown.
    var body: String
}

enum ExtraPageFile {
    static let knownKeys = ["title", "nav", "guide", "description"]

    /// What a page's file name may hold: it is the page's address.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The page in `bytes`, and the warnings of its front matter (unknown
    /// keys). `guides` are the slugs of the site's guides, which `guide:` may name.
    static func read(_ bytes: [UInt8], name: String, file: String, guides: [String]) throws(Diagnostic) -> (ExtraPageSource, [Diagnostic]) {
        let start = bytes.starts(with: SourceLines.byteOrderMark) ? SourceLines.byteOrderMark.count : 0
        guard let decoded = String(validating: bytes[start...], as: UTF8.self),
              !decoded.unicodeScalars.contains(where: SourceLines.isForbidden) else {
            throw SourceLines.firstUnreadable(in: bytes, file: file)
        }
        // One kind of line break, and one form of Unicode, as the guides have.
        let normalized = decoded.normalizedText
        let text = normalized.contains("\r")
            ? normalized.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : normalized
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool { line.trimmingSpaces == "---" }
        guard let first = lines.first, isFence(first) else {
            throw .error(file, line: 1, "a page starts with its front matter: a --- line, then title: and the other settings, then another --- line")
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            throw .error(file, line: 1, "the front matter that starts here is not closed: add a --- line after its last setting")
        }
        // The first line left empty, so that YAML's line numbers are the file's.
        let yaml = "\n" + lines[1..<close].joined(separator: "\n")
        var page = ExtraPageSource(name: name, file: file, title: "", nav: nil, guide: nil, description: "",
                                   body: lines[(close + 1)...].joined(separator: "\n"))
        var warnings: [Diagnostic] = []
        var hasTitle = false
        for entry in try YAMLMapping(yaml: yaml, file: file).entries {
            let (line, value) = (entry.line, entry.value)
            switch entry.key {
            case "title":
                guard let title = value.scalar?.string.trimmingSpaces, !title.isEmpty else {
                    throw .error(file, line: line, "title must be one line of text, like: title: About this site")
                }
                page.title = title
                hasTitle = true
            case "nav":
                guard let scalar = value.scalar, let order = Int(scalar.string.trimmingSpaces) else {
                    throw .error(file, line: line, "nav must be a whole number, the page's place in the navigation, like: nav: 1 (found \"\(value.scalar?.string ?? "")\"); leave it out to keep the page out of the navigation")
                }
                page.nav = order
            case "guide":
                let slug = value.scalar?.string.trimmingSpaces ?? ""
                guard guides.contains(slug) else {
                    throw .error(file, line: line, "guide \"\(slug)\" is not a guide of this site; write the slug of one of \(guides.sorted().joined(separator: ", ")) (the guide's file name without .txt)")
                }
                page.guide = slug
            case "description":
                guard let description = value.scalar?.string.trimmingSpaces else {
                    throw .error(file, line: line, "description must be text, like: description: Who we are and what we publish.")
                }
                page.description = description
            default:
                warnings.append(YAMLMapping.unknown(entry, known: knownKeys, file: file))
            }
        }
        guard hasTitle else {
            throw .error(file, line: 1, "the front matter has no title: add one, like: title: About this site")
        }
        return (page, warnings)
    }

    /// What a page's address would take from the site, by name: the site's own
    /// pages and files, and names kept for pages the site may have.
    static let siteRoutes: [String: String] = [
        "authors": "the authors' index", "careers": "the job postings", "search": "the search page",
        "papers": "the All papers list", "topics": "the topic pages", "assets": "the theme's styles and scripts",
        "images": "the figures' images", "schedule": "kept for the schedule", "my-list": "the reader's list of papers",
    ]
}

extension BuildSteps {
    /// The extra pages, read and checked, and the warnings of reading them.
    struct Pages: Sendable {
        var pages: [ExtraPageSource] = []
        var warnings: [Diagnostic] = []
    }

    /// Every page of `Content/pages/`: its front matter read, its name and
    /// `guide:` checked, its address checked against the site's own and the
    /// guides'. Every error of every page stops the build together.
    static func pages(_ content: ContentSource) throws(DiagnosticList) -> Pages {
        var result = Pages()
        var errors: [Diagnostic] = []
        let guides = content.guides.map(\.slug)
        let guideFiles = Dictionary(content.guides.map { ($0.slug, $0.displayPath) }, uniquingKeysWith: { a, _ in a })
        let multiple = guides.count > 1
        for file in content.pages {
            guard file.isPage else {
                result.warnings.append(.warning(file.displayPath,
                    "not a page, ignored: each extra page is a .md file in \(content.displayPath)/\(ContentSource.pagesFolder)/"))
                continue
            }
            let name = String(file.fileName.dropLast(".md".count))
            guard ExtraPageFile.isValidName(name) else {
                let suggestion = Slug.make(name)
                errors.append(.error(file.displayPath, "a page's file name is its address and may hold only lowercase letters, digits and hyphens: rename it\(suggestion.isEmpty ? "" : ", like \(suggestion).md")"))
                continue
            }
            do throws(Diagnostic) {
                let (page, warnings) = try ExtraPageFile.read(file.bytes, name: name, file: file.displayPath, guides: guides)
                result.warnings += warnings
                // Where it lives: /<name>/, or /<guide>/<name>/ on a site of several guides.
                let folder = multiple ? page.guide : nil
                let route = "/" + (folder.map { $0 + "/" } ?? "") + name + "/"
                if let taken = ExtraPageFile.siteRoutes[name] {
                    let owner = folder == nil ? "the site's own (\(taken))" : "the guide's own (\(taken))"
                    errors.append(.error(file.displayPath, line: 1, "this page's address \(route) is \(owner): rename the file"))
                } else if folder == nil, multiple, let guide = guideFiles[name] {
                    errors.append(.error(file.displayPath, line: 1, "this page's address \(route) is that of the guide \(guide): rename one of the two files"))
                } else {
                    result.pages.append(page)
                }
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw DiagnosticList(diagnostics: result.warnings + errors) }
        return result
    }
}
