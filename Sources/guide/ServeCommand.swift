import ArgumentParser
import Foundation
import GuideKit
import GuidePreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild it while you edit.",
        discussion: """
        Builds the site into the output folder, serves that folder at \
        http://127.0.0.1:8080/ and watches the content and templates folders. \
        Every save rebuilds what changed and updates the open pages: a \
        stylesheet change is swapped in place, anything else reloads the page. \
        When the guide or a template has an error, the pages show it (with \
        file:line:column) over the last good site until you fix it.

        The preview is served at /: when the site's base URL has another path \
        (e.g. https://example.org/guides/icml/), serve builds with base URL / so \
        links work, and says so. Run `guide build` before publishing the output folder.

        Stop with Ctrl-C.
        """)

    @OptionGroup var site: SiteArguments

    @Option(name: .long, help: ArgumentHelp(
        "Address to listen on. 127.0.0.1 keeps the preview on this machine; 0.0.0.0 shows it to your network.",
        valueName: "ADDRESS"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on; 0 picks a free port (printed at start).", valueName: "PORT"))
    var port = 8080

    @OptionGroup var watch: WatchArguments

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 picks a free port).")
        }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
    }

    func run() async throws {
        if let error = site.missingFolderError {
            Terminal.printError(error)
            throw ExitCode.failure
        }
        let output = site.buildOptions.outputDirectory
        if let error = Self.foreignFolderError(output) {
            Terminal.printError(error)
            throw ExitCode.failure
        }

        // Listen first: a port in use fails before anything is built or written.
        let configuration = PreviewServerConfiguration(root: output.path, host: host, port: port)
        let server = PreviewServer(configuration: configuration)
        let serving = Task { try await server.run() }
        let boundPort: Int
        do {
            boundPort = try await server.boundPort()
        } catch {
            serving.cancel()
            _ = await serving.result
            Terminal.printError(Self.message(for: error, host: host, port: port))
            throw ExitCode.failure
        }
        if !configuration.isLoopback {
            Terminal.printError(
                "warning: listening on \(host): the preview is visible to other machines on your network. Use --host 127.0.0.1 to keep it on this machine.")
        }

        let watcher: any FileWatcher
        do {
            watcher = try makeFileWatcher(site.watchConfiguration, polling: watch.poll)
        } catch {
            Terminal.printError("error: \(error)")
            serving.cancel()
            _ = await serving.result
            throw ExitCode.failure
        }
        let signals = StopSignals { watcher.stop() }
        // If the server stops by itself (it should not), stop watching too.
        let serverWatch = Task {
            _ = await serving.result
            watcher.stop()
        }

        let site = self.site
        let reloader = server.reloader
        let loop = RebuildLoop(makeOptions: { PreviewBaseURL.options(for: site) },
                               report: Terminal.show, notify: { reloader.send($0) })
        await loop.buildFirst()
        let wildcard = ["0.0.0.0", "::", "[::]"].contains(host)
        Terminal.printLine("Serving at \(Self.url(host: host, port: boundPort))" + (wildcard ? " (listening on \(host))" : ""))
        Terminal.printLine("Watching \(site.watchedFolders) for changes. Press Ctrl-C to stop.")
        await loop.run(batches: watcher.batches)

        // Stopping: close the pages' event streams and the server, then exit 0.
        // Browsers may hold connections open: do not wait for them forever.
        serving.cancel()
        let watchdog = Task.detached {
            try await Task.sleep(for: .seconds(5))
            Terminal.printLine("Stopped.")
            Foundation.exit(0)
        }
        let result = await serving.result
        watchdog.cancel()
        serverWatch.cancel()
        signals.cancel()
        if case .failure(let error) = result, !(error is CancellationError) {
            Terminal.printError("error: the preview server stopped: \(error)")
            throw ExitCode.failure
        }
        Terminal.printLine("Stopped.")
    }

    /// `http://127.0.0.1:8080/`; for a wildcard address, the loopback URL to open here.
    static func url(host: String, port: Int) -> String {
        var shown = host
        if host == "0.0.0.0" || host.isEmpty { shown = "127.0.0.1" }
        if host == "::" || host == "[::]" { shown = "[::1]" }
        if shown.contains(":") && !shown.hasPrefix("[") { shown = "[\(shown)]" }
        return "http://\(shown):\(port)/"
    }

    static func message(for error: any Error, host: String, port: Int) -> String {
        switch error {
        case PreviewServerError.portInUse(let port):
            return "error: port \(port) is already in use (is another `guide serve` running?). Stop the other server, or choose another port with --port; --port 0 picks a free one."
        case let error as PreviewServerError:
            return "error: \(error.description)"
        default:
            return "error: cannot start the preview server on \(host):\(port): \(error)"
        }
    }

    /// The server would publish whatever is in the output folder: refuse a folder
    /// that guide did not write (the build refuses to replace it too).
    static func foreignFolderError(_ output: URL) -> String? {
        switch OutputOwnership(of: output) {
        case .replaceable:
            return nil
        case .file:
            return "\(DisplayFolder.of(output)): error: the output path is a file, not a folder; choose another --output"
        case .foreign:
            return "\(DisplayFolder.of(output)): error: refusing to serve and replace this folder: it is not empty and was not written by guide (it has no \(OutputArtifacts.markerName) file). Choose another --output."
        }
    }
}

/// The base URL `guide serve` builds with: the preview is served at `/`, so a
/// site whose base URL has another path is built with base URL `/` instead.
enum PreviewBaseURL {
    static func options(for site: SiteArguments) -> (options: BuildOptions, note: String?) {
        var options = site.buildOptions
        options.warnsAboutBaseURL = false
        let configured = site.baseURL ?? siteFileBaseURL(in: options.contentDirectory) ?? "/"
        let path = SiteConfig(baseURL: configured).basePath
        guard path != "/" else { return (options, nil) }
        options.baseURL = "/"
        let output = DisplayFolder.of(options.outputDirectory)
        let note = "Note: the base URL \(configured) has the path \(path); the preview is built with base URL / so that links work at the preview's address. Run `guide build` before publishing \(output)/."
        return (options, note)
    }

    /// `base_url` of `site.yml`, read as the build reads it; a broken file is the build's to report.
    static func siteFileBaseURL(in content: URL) -> String? {
        (try? SiteConfig.load(contentDirectory: content))?.baseURL
    }
}
