#if canImport(Glibc)
import Glibc
#endif

/// Files read into the site must lie inside the folder they come from once
/// symbolic links are followed: a figure that links to `/etc/passwd` would
/// otherwise publish it. Links inside `Content/` or `Templates/` are fine.
enum ContainedFile {
    /// Throws unless `path`, links followed, lies inside `folder` (links followed too).
    /// A path that does not exist passes: reading it reports that.
    static func check(_ path: String, inside folder: String, displayPath: String, folderDisplayPath: String) throws(Diagnostic) {
        guard let real = realPath(path) else { return }
        let root = realPath(folder) ?? folder
        guard !real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return }
        throw .error(displayPath, "a symbolic link to \(real), outside \(folderDisplayPath)/: guide reads nothing outside the content and templates folders into the site; copy the file in instead")
    }

    /// realpath(3): the absolute path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
