import ArgumentParser
import Foundation
import GuideKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a project folder with a sample guide, ready to build.",
        discussion: """
        Writes DIR/Content/ with a short sample guide (<name>.txt), its settings \
        file (<name>.yml), a sample figure in images/, site.yml with every setting \
        explained (and base_url set with --base-url), and a .gitignore. The site uses the built-in theme; with \
        --templates, DIR/Templates/ gets a copy of it to edit. DIR must not exist \
        or be empty.
        """)

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "DIR"))
    var directory: String

    @Option(name: .long, help: ArgumentHelp(
        "The sample guide's title; its conference and year name the guide's file (default: \"A quick guide to our papers at ICML 2025\").",
        valueName: "TITLE"))
    var title: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Where the site will be published (https://example.org/guides/), written into site.yml; until it is set, builds warn that the sitemap and feeds need it.",
        valueName: "URL"))
    var baseURL: String?

    @Flag(name: .long, help: "Also write the built-in templates and assets into DIR/Templates/ to edit.")
    var templates = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let project = NewProject(title: title, baseURL: baseURL)
        do {
            _ = try project.write(to: folder)
            if templates { _ = try BuiltInTheme.export(to: folder.appendingPathComponent("Templates")) }
        } catch let error as Diagnostic {
            Terminal.printError(error.description)
            throw ExitCode.failure
        } catch {
            Terminal.printError("\(directory)/Templates: error: cannot write the templates (\(error.localizedDescription))")
            throw ExitCode.failure
        }
        Terminal.printLine("""
            Created \(directory)/ with a sample guide, Content/\(project.guideSlug).txt\(templates ? ", and the theme in Templates/" : ""). Next:

              cd \(Self.shellQuoted(directory))
              guide serve

            `guide serve` builds the site and previews it at http://127.0.0.1:8080 while you edit; `guide build` writes it to Output/.
            """)
    }

    /// `word` as one shell word.
    static func shellQuoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./+:@".contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the built-in theme.",
        subcommands: [ExportTemplatesCommand.self])
}

struct ExportTemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in templates and assets into a folder to edit.",
        discussion: """
        Writes every template (*.mustache) and asset (assets/…) of the built-in \
        theme. A project's Templates/ overrides the built-in theme file by file, \
        so you may delete the files you do not change: they keep following the \
        tool's theme. Files already in DIR are left as they are, and those that differ from \
        the built-in theme are listed: to bring one up to date with this \
        version of guide, export into a new folder and compare.
        """)

    @Argument(help: ArgumentHelp("The folder to write into (default: Templates).", valueName: "DIR"))
    var directory = "Templates"

    func run() throws {
        let result: BuiltInTheme.Export
        do {
            result = try BuiltInTheme.export(to: URL(fileURLWithPath: directory))
        } catch {
            Terminal.printError("\(directory): error: cannot write the templates (\(error.localizedDescription))")
            throw ExitCode.failure
        }
        func files(_ count: Int) -> String { count == 1 ? "1 file" : "\(count) files" }
        Terminal.printLine("Wrote \(files(result.written.count)) of the built-in theme into \(directory)/.")
        if !result.kept.isEmpty {
            let same = result.kept.count - result.differing.count
            Terminal.printLine("Kept \(files(result.kept.count)) already there, \(same) the same as the built-in theme's.")
        }
        if !result.differing.isEmpty {
            Terminal.printLine("""
                These differ from this version of guide's theme (edited, or exported from another version): \
                \(result.differing.joined(separator: ", ")). To compare them with it: guide templates export NEW, then diff -r \(directory) NEW.
                """)
        }
    }
}
