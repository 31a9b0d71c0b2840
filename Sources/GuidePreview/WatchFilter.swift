#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides which paths a watcher ignores: editor temporary files, `.git`
/// folders, and the configured ignored folders (e.g. the output folder).
struct WatchFilter: Sendable {
    /// Watched folders, absolute and normalized.
    let roots: [String]
    /// Ignored folders, absolute and normalized.
    let ignoredFolders: [String]

    init(configuration: WatchConfiguration) {
        roots = configuration.paths.map(Self.normalize)
        ignoredFolders = configuration.ignoredPaths.map(Self.normalize)
    }

    /// A filter whose every root is an existing folder, as both watchers require.
    static func checked(_ configuration: WatchConfiguration) throws -> WatchFilter {
        let filter = WatchFilter(configuration: configuration)
        for root in filter.roots where FileInfo(path: root)?.kind != .directory {
            throw FileWatcherError.notAFolder(root)
        }
        return filter
    }

    /// Whether changes to `path` (absolute, normalized) are ignored.
    func isIgnored(_ path: String) -> Bool {
        if ignoredFolders.contains(where: { SitePath.isInside(path, root: $0) }) { return true }
        let root = roots.first { SitePath.isInside(path, root: $0) }
        let relative = root.map { path.utf8.count > $0.utf8.count ? String(path.dropFirst($0.count)) : "" } ?? path
        let components = relative.split(separator: "/")
        if components.contains(".git") { return true }
        guard let name = components.last else { return false }
        return Self.isEditorTemporary(String(name))
    }

    /// Names editors use for swap, backup and temporary files.
    static func isEditorTemporary(_ name: String) -> Bool {
        if name == "4913" || name == ".DS_Store" { return true }  // vim's write test, Finder
        if name.hasSuffix("~") || name.hasSuffix(".tmp") { return true }  // backups, temp files
        if name.hasPrefix(".#") { return true }  // Emacs lock files
        if name.hasPrefix("#") && name.hasSuffix("#") && name.count > 1 { return true }  // Emacs auto-save
        if name.hasPrefix("."), name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") {
            return true  // vim swap files
        }
        if name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___") { return true }  // JetBrains
        return false
    }

    /// Makes a path absolute (from the current directory) and removes `.`, `..` and repeated slashes.
    static func normalize(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count) != nil
                ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/"
            full = cwd + "/" + path
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
