import Foundation
import PackagePlugin

/// Builds the package's `Templates/` folder into GuideKit as its built-in
/// theme: every file (templates and assets) is an input, so editing, adding
/// or removing one makes the next build embed the folder again.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInThemeFiles.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in theme",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [templates.path(), output.path()],
            inputFiles: Self.files(under: templates),
            outputFiles: [output])]
    }

    /// Every file under `folder`, dot-files left out.
    static func files(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }
}
