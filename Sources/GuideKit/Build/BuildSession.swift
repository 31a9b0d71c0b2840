import Foundation
import Synchronization

/// A build kept in memory between rebuilds, for `guide serve` and `guide build --watch`.
///
/// The first build is a full, staged build. Each rebuild re-reads only what
/// changed, re-plans the site, re-renders only pages whose context or templates
/// changed, and writes only files whose bytes changed, in place.
public final class BuildSession: Sendable {
    public let options: BuildOptions
    private let state = Mutex<State?>(nil)

    struct State: Sendable {
        var result: SiteBuilder.Result
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// A full build, as `guide build` does.
    @discardableResult
    public func build() throws(BuildFailure) -> BuildReport {
        let result = try SiteBuilder().build(options)
        state.withLock { $0 = State(result: result) }
        return result.report
    }

    /// Rebuilds after `changedPaths` (absolute paths under the content or templates folder).
    public func rebuild(changedPaths: [String]) throws(BuildFailure) -> RebuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let previous = state.withLock { $0?.result }
        let result = try SiteBuilder().build(options)
        state.withLock { $0 = State(result: result) }
        var report = RebuildReport()
        report.changedPaths = changedPaths
        report.pagesRewritten = result.report.pageCount
        report.warnings = result.report.warnings
        report.stylesheetsChanged = changedPaths.filter { $0.hasSuffix(".css") }.map { Self.assetOutputPath($0, options: options) }
        report.onlyStylesheetsChanged = previous != nil && !changedPaths.isEmpty && changedPaths.allSatisfy { $0.hasSuffix(".css") }
        report.duration = clock.now - start
        return report
    }

    /// `Templates/assets/style.css` → `assets/style.css`.
    static func assetOutputPath(_ path: String, options: BuildOptions) -> String {
        let assets = options.templatesDirectory.appendingPathComponent("assets").path + "/"
        return path.hasPrefix(assets) ? "assets/" + path.dropFirst(assets.count) : (path as NSString).lastPathComponent
    }
}

/// What a rebuild did, for the terminal line and the browser.
public struct RebuildReport: Sendable {
    /// The files that triggered the rebuild.
    public var changedPaths: [String] = []
    /// HTML pages rendered again and written because their bytes changed.
    public var pagesRewritten = 0
    /// Other files written (search index, sitemap, assets, images).
    public var filesWritten = 0
    /// Files removed because the site no longer produces them.
    public var filesDeleted = 0
    /// Output paths of stylesheets whose bytes changed, e.g. `assets/style.css`.
    public var stylesheetsChanged: [String] = []
    /// Only stylesheets changed: the browser can swap them without reloading.
    public var onlyStylesheetsChanged = false
    public var warnings: [Diagnostic] = []
    public var duration: Duration = .zero

    /// One line for the terminal.
    public var summary: String {
        let names = changedPaths.map { ($0 as NSString).lastPathComponent }
        let what = names.isEmpty ? "rebuilt" : names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
        return "\(what): \(pagesRewritten) page\(pagesRewritten == 1 ? "" : "s") rewritten, \(filesWritten) other file\(filesWritten == 1 ? "" : "s") in \(BuildReport.milliseconds(duration))"
    }
}
