import ArgumentParser
import Foundation
import GuideKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site in memory and report what to fix before publishing.",
        discussion: """
        Reports, with file:line where a guide line is the cause: every warning the \
        build has (missing images, lines read two ways, ...), links and anchors \
        inside the site that lead nowhere, paper titles repeated in a guide, and \
        author names that are probably one person spelled two ways. With \
        --external, also every link out of the site (HEAD, then GET). Nothing is \
        written: the output folder is left as it is.

        Exit status: 0 when nothing is wrong, 1 on errors (a broken link, a link \
        out of the site answering 404, or a build error), 2 on warnings with \
        --strict. --format json prints one object for tools.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteArguments

    @Flag(name: .long, help: "Also check every link out of the site (http and https).")
    var external = false

    @Flag(name: .long, help: "Exit with status 2 when there are warnings (and no errors).")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Output format: text or json.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each external link (with --external).", valueName: "SECONDS"))
    var timeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("External links checked at the same time (with --external).", valueName: "N"))
    var concurrency = 8

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds.") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        var diagnostics: [Diagnostic]
        var pages = 0
        var externalCount = 0
        do {
            let result = try SiteCheck.run(site.buildOptions)
            diagnostics = result.diagnostics
            pages = result.pageCount
            if external {
                externalCount = result.externalLinks.count
                diagnostics += await ExternalLinkChecker(concurrency: concurrency, timeout: timeout).check(result.externalLinks)
            }
        } catch {
            diagnostics = error.diagnostics
        }
        let counts = Dictionary(grouping: diagnostics, by: \.severity).mapValues(\.count)
        let (errors, warnings, notes) = (counts[.error] ?? 0, counts[.warning] ?? 0, counts[.note] ?? 0)
        switch format {
        case .text:
            Terminal.report(diagnostics)
            var summary = "Checked \(pages) pages"
            if external { summary += " and \(externalCount) external links" }
            summary += ": \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")"
            Terminal.printLine(summary)
        case .json:
            let report = CheckReport(pages: pages, externalLinks: external ? externalCount : nil,
                                     errors: errors, warnings: warnings, notes: notes,
                                     diagnostics: diagnostics.map(CheckReport.Entry.init))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.printLine(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if errors > 0 { throw ExitCode.failure }
        if strict, warnings > 0 { throw ExitCode(2) }
    }
}

/// `guide check --format json`.
struct CheckReport: Encodable {
    struct Entry: Encodable {
        var severity: String
        var file: String
        var line: Int?
        var column: Int?
        var message: String
        /// `file:line: severity: message`, as the text format prints it.
        var text: String

        init(_ diagnostic: Diagnostic) {
            (severity, file, line, column, message, text) = (diagnostic.severity.rawValue, diagnostic.file, diagnostic.line,
                                                             diagnostic.column, diagnostic.message, diagnostic.description)
        }
    }

    var pages: Int
    var externalLinks: Int?
    var errors: Int
    var warnings: Int
    var notes: Int
    var diagnostics: [Entry]
}
