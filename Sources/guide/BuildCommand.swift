import ArgumentParser
import GuideKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        Reads the guide from the content folder, lays out every page with the \
        templates, and writes the complete site. The site is written beside the \
        output folder and swapped in at the end: a failed build leaves the previous \
        output exactly as it was. Exits 1 when the content or a template has an error.
        """)

    @OptionGroup var site: SiteArguments

    func run() throws {
        do {
            let result = try SiteBuilder().build(site.buildOptions)
            Terminal.report(result.report.warnings)
            print(result.report.summary)
        } catch {
            Terminal.report(error.diagnostics.filter { !$0.isError })
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
    }
}
