import ArgumentParser
import Foundation
import GuideKit

@main
struct GuideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Publish a conference guide website from a plain-text guide.",
        discussion: """
        Start a project with `guide new DIR`. Put each guide's text in \
        Content/<name>.txt and figure images in Content/images/. `guide build` \
        writes the site to Output/; `guide serve` previews it with live reload \
        while you edit; `guide check` reports what to fix before publishing. The \
        templates are built in; a Templates/ folder overrides them file by file \
        (`guide templates export Templates` writes them out to edit).
        """,
        version: GuideVersion.current,
        subcommands: [NewCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, TemplatesCommand.self],
        defaultSubcommand: nil)

    /// Runs the command line; a mistyped command gets the closest one
    /// suggested (ArgumentParser does this for options, not for commands).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"]
            if !names.contains(first) {
                var message = "Error: Unknown command '\(first)'."
                if let closest = EditDistance.closest(to: first, among: names) { message += " Did you mean '\(closest)'?" }
                message += "\nUsage: guide <subcommand>\n  See 'guide --help' for the commands.\n"
                FileHandle.standardError.write(Data(message.utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        await main(nil)
    }
}
