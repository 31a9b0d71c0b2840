import Foundation
import Mustache

/// The site's Mustache templates: the built-in theme's, overridden by those
/// in `Templates/`, and checked once per build: every page kind has its template, every partial and parent that a
/// template names exists, no template uses itself or nests too deep, and
/// errors name `file:line:column`.
public struct TemplateSet: Sendable {
    /// The page templates the planner renders; each must exist.
    public static let pageTemplates = ["home", "topic", "papers", "paper", "authors", "author", "careers", "search", "page", "my-list", "404"]

    let library: MustacheLibrary
    /// Template name → file text, kept to tell rebuilds which templates changed.
    public let sources: [String: String]
    /// How diagnostics name the templates folder.
    public let displayPath: String

    /// Prepended to every template so `{{x}}` uses `HTMLEscaper`. swift-mustache
    /// resets the content type in each partial, so each file needs its own.
    private static let contentTypePrefix = "{{%CONTENT_TYPE:\(HTMLEscaper.contentTypeName)}}"

    /// The built-in theme's templates, overridden file by file by those in
    /// `directory` (`BuiltInTheme`).
    /// - Parameters:
    ///   - directory: the project's templates folder.
    ///   - displayPath: how diagnostics name that folder (e.g. `Templates`).
    ///   - required: whether a missing folder is an error (it was named on
    ///     the command line) rather than a project using the built-in theme.
    public init(directory: URL, displayPath: String, required: Bool = false) throws(Diagnostic) {
        _ = HTMLEscaper.registered
        var sources = BuiltInTheme.templates
        var files = Dictionary(uniqueKeysWithValues: sources.keys.map { ($0, "\(BuiltInTheme.displayPath)/\($0).mustache") })
        for (name, text) in try Self.projectTemplates(in: directory, displayPath: displayPath, required: required) {
            sources[name] = text
            files[name] = "\(displayPath)/\(name).mustache"
        }
        try self.init(sources: sources, files: files, displayPath: displayPath)
    }

    /// The `.mustache` files at the top of `directory`, name → text; none when
    /// the folder does not exist and is not `required`.
    private static func projectTemplates(in directory: URL, displayPath: String, required: Bool) throws(Diagnostic) -> [String: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            var isFolder: ObjCBool = false
            if !required, !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) { return [:] }
            throw .error(displayPath, "cannot read the templates folder (\(Self.reason(error))); use --templates DIR")
        }
        var sources: [String: String] = [:]
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let path = directory.appendingPathComponent(file)
            try ContainedFile.check(path.path, inside: directory.path, displayPath: "\(displayPath)/\(file)", folderDisplayPath: displayPath)
            guard let data = FileManager.default.contents(atPath: path.path),
                  let text = String(data: data, encoding: .utf8) else {
                throw .error("\(displayPath)/\(file)", "cannot read the template as UTF-8 text")
            }
            // In Normal Form C, as the content's texts are: a page is all of one form, the one the Web expects.
            sources[String(file.dropLast(".mustache".count))] = text.normalizedText
        }
        return sources
    }

    /// Templates given as text, name → Mustache source; `files` names the
    /// file each came from, for diagnostics (default: `displayPath/<name>.mustache`).
    public init(sources: [String: String], files: [String: String] = [:], displayPath: String = "Templates") throws(Diagnostic) {
        _ = HTMLEscaper.registered
        var templates: [String: MustacheTemplate] = [:]
        let uses = sources.mapValues(TemplateReferences.names(in:))
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = files[name] ?? "\(displayPath)/\(name).mustache"
            // Before swift-mustache sees it: it crashes or hangs on some of these.
            if let problem = TemplateReferences.problem(in: name, sources: sources, uses: uses) {
                throw .error(file, line: problem.line, column: problem.column, problem.message)
            }
            do {
                templates[name] = try MustacheTemplate(string: Self.contentTypePrefix + text)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? Self.contentTypePrefix.count : 0)
                throw .error(file, line: line, column: max(column, 1), Self.describe(error.error))
            } catch {
                throw .error(file, "\(error)")
            }
        }
        let missing = Self.pageTemplates.filter { templates[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\($0).mustache" }.joined(separator: ", ")
            throw .error(displayPath, "missing page template\(missing.count == 1 ? "" : "s"): \(names)")
        }
        library = MustacheLibrary(templates: templates)
        self.sources = sources
        self.displayPath = displayPath
    }

    /// Whether a template of that name exists.
    func contains(_ name: String) -> Bool {
        sources[name] != nil
    }

    /// Renders one page; `context` is looked up through `MustacheParent`.
    func render(_ context: Any, template: String) -> String? {
        library.render(context, withTemplate: template)
    }

    /// swift-mustache reports where, not what: say what is wrong in words.
    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect:
            return "this closing tag {{/…}} does not match the section that is open"
        case .unfinishedName:
            return "this tag is not finished: expected a name and then }}"
        case .expectedSectionEnd:
            return "a section is never closed: expected {{/name}} before the end of the file"
        case .invalidSetDelimiter:
            return "invalid set-delimiter tag: expected {{=<% %>=}}"
        case .transformAppliedToInheritanceSection:
            return "a transform such as first() cannot be used on an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "inside {{<parent}} … {{/parent}} only {{$block}} overrides may appear"
        case .invalidConfigVariableSyntax:
            return "invalid {{%…}} tag: expected {{%NAME:VALUE}}"
        case .unrecognisedConfigVariable:
            return "unknown {{%…}} setting"
        @unknown default:
            return "\(error)"
        }
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
