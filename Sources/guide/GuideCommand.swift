import ArgumentParser

@main
struct GuideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Publish a conference guide website from a plain-text guide.",
        discussion: """
        Put the guide text in Content/<name>.txt, figure images in Content/images/, \
        and templates in Templates/. `guide build` writes the site to Output/; \
        `guide serve` previews it with live reload while you edit.
        """,
        subcommands: [BuildCommand.self, ServeCommand.self],
        defaultSubcommand: nil)
}
