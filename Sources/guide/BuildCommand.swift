import ArgumentParser
import Foundation
import GuideKit
import GuidePreview

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        Reads the guide from the content folder, lays out every page with the \
        templates, and writes the complete site. The site is written beside the \
        output folder and swapped in at the end: a failed build leaves the previous \
        output exactly as it was. Exits 1 when the content or a template has an error.

        With --watch, keeps running after the first build and rebuilds what changed \
        whenever a file in the content or templates folder is saved, printing one \
        line per rebuild; errors are printed and watching goes on. Stop with Ctrl-C.
        """)

    @OptionGroup var site: SiteArguments

    @Flag(name: .long, help: "Keep watching the content and templates folders and rebuild on every change.")
    var watch = false

    @OptionGroup var watchOptions: WatchArguments

    func validate() throws {
        if watchOptions.poll && !watch {
            throw ValidationError("--poll only applies with --watch.")
        }
    }

    func run() async throws {
        if watch {
            try await runWatching()
            return
        }
        do {
            let result = try SiteBuilder().build(site.buildOptions)
            Terminal.report(result.report.warnings)
            print(result.report.summary)
            Self.keepUntilExit(result)
        } catch {
            Terminal.report(error.diagnostics.filter { !$0.isError })
            Terminal.printError(error.description)
            throw ExitCode.failure
        }
    }

    /// The last build, never freed: the process ends right after it, and freeing
    /// a large site's plan object by object (tens of thousands of page contexts)
    /// took longer than the operating system takes to reclaim it all at exit.
    nonisolated(unsafe) private static var finishedBuild: SiteBuilder.Result?

    private static func keepUntilExit(_ result: SiteBuilder.Result) {
        finishedBuild = result
    }

    /// `guide build --watch`: the rebuild loop of `guide serve`, without the server.
    private func runWatching() async throws {
        if let error = site.missingFolderError {
            Terminal.printError(error)
            throw ExitCode.failure
        }
        let watcher: any FileWatcher
        do {
            // Started before the first build so that saves made during it are not missed.
            watcher = try makeFileWatcher(site.watchConfiguration, polling: watchOptions.poll)
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode.failure
        }
        let signals = StopSignals { watcher.stop() }
        defer { signals.cancel() }
        let options = site.buildOptions
        let loop = RebuildLoop(makeOptions: { (options, nil) }, report: Terminal.show)
        await loop.buildFirst()
        Terminal.printLine("Watching \(site.watchedFolders) for changes. Press Ctrl-C to stop.")
        await loop.run(batches: watcher.batches)
        Terminal.printLine("Stopped.")
    }
}
