import ArgumentParser
import Foundation
import GuideKit

/// The folders every command works on.
struct SiteArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with the guide (.txt), site.yml and images/.", valueName: "DIR"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("Folder with the Mustache templates and assets/.", valueName: "DIR"))
    var templates = "Templates"

    @Option(name: .long, help: ArgumentHelp("Folder to write the site to; replaced on every build.", valueName: "DIR"))
    var output = "Output"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Where the site will live, e.g. https://example.org/guides/icml/ or /guides/icml/ (default: site.yml's base_url, else /).",
        valueName: "URL"))
    var baseURL: String?

    var buildOptions: BuildOptions {
        BuildOptions(contentDirectory: URL(fileURLWithPath: content),
                     templatesDirectory: URL(fileURLWithPath: templates),
                     outputDirectory: URL(fileURLWithPath: output),
                     baseURL: baseURL)
    }
}

/// Terminal output: diagnostics to standard error, results to standard output.
enum Terminal {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }
}
