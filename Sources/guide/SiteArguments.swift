import ArgumentParser
import Foundation
import GuideKit
import GuidePreview

/// The folders every command works on.
struct SiteArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with the guide (.txt), site.yml and images/.", valueName: "DIR"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp(
        "Folder whose Mustache templates and assets/ override the built-in theme, file by file (default: Templates, when it exists).",
        valueName: "DIR"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Folder to write the site to; replaced on every build.", valueName: "DIR"))
    var output = "Output"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Where the site will live, e.g. https://example.org/guides/icml/ or /guides/icml/, or relative to open it from disk (default: site.yml's base_url, else /).",
        valueName: "URL"))
    var baseURL: String?

    var buildOptions: BuildOptions {
        BuildOptions(contentDirectory: URL(fileURLWithPath: content),
                     templatesDirectory: URL(fileURLWithPath: templates ?? "Templates"),
                     outputDirectory: URL(fileURLWithPath: output),
                     baseURL: baseURL, templatesRequired: templates != nil)
    }
}

/// Options of the commands that watch the content and templates folders
/// (`guide serve`, `guide build --watch`).
struct WatchArguments: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Watch for changes by polling the folders instead of using inotify (for network drives, containers and VMs where changes are not reported)."))
    var poll = false
}

extension SiteArguments {
    /// What to watch: the content folder and the templates folder when there
    /// is one (else the site uses the built-in theme), never the output folder.
    var watchConfiguration: WatchConfiguration {
        let options = buildOptions
        return WatchConfiguration(paths: [options.contentDirectory.path] + (hasTemplatesFolder ? [options.templatesDirectory.path] : []),
                                  ignoredPaths: [options.outputDirectory.path])
    }

    var hasTemplatesFolder: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: buildOptions.templatesDirectory.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// What the watch line names: "Content/ and Templates/", or "Content/".
    var watchedFolders: String {
        let options = buildOptions
        return "\(DisplayFolder.of(options.contentDirectory))/"
            + (hasTemplatesFolder ? " and \(DisplayFolder.of(options.templatesDirectory))/" : "")
    }

    /// A readable error when a folder to watch is missing, else `nil`.
    var missingFolderError: String? {
        let options = buildOptions
        for (url, name, flag) in [(options.contentDirectory, "content", "--content")]
            + (templates != nil ? [(options.templatesDirectory, "templates", "--templates")] : []) {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) || !isFolder.boolValue {
                return "\(DisplayFolder.of(url)): error: \(name) folder not found: create it or pass \(flag) DIR"
            }
        }
        return nil
    }
}

/// Folders as the author typed them: relative to the working folder when inside it.
enum DisplayFolder {
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        if path == current { return "." }
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
        return path
    }
}

/// Terminal output: diagnostics to standard error, results to standard output.
enum Terminal {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints a line to standard output at once, also when it is a pipe
    /// (long-running commands are read line by line by editors, scripts and tests).
    static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    /// What the rebuild loop reports: diagnostics and errors to standard error, the rest to standard output.
    static func show(_ message: RebuildLoopMessage) {
        if message.isDiagnostic { printError(message.text) } else { printLine(message.text) }
    }
}
