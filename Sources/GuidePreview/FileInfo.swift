#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` says about a file, plus `realpath(3)`.
struct FileInfo: Sendable, Equatable {
    /// The kind of file system entry.
    enum Kind: Sendable, Equatable {
        case regular
        case directory
        case symbolicLink
        case other
    }

    var kind: Kind
    var size: Int
    /// Modification time, whole seconds since 1970.
    var modificationSeconds: Int
    /// Nanoseconds part of the modification time.
    var modificationNanoseconds: Int
    var inode: UInt64
    var device: UInt64

    /// Reads the information with `stat` (or `lstat` when `followSymlinks` is false).
    /// Returns `nil` when the path does not exist or cannot be read.
    init?(path: String, followSymlinks: Bool = true) {
        var st = stat()
        let result = followSymlinks ? stat(path, &st) : lstat(path, &st)
        guard result == 0 else { return nil }
        self.init(st)
    }

    /// What `fstat` says about an open file: the file that will be read, even
    /// if its path is meanwhile renamed over by a rebuild.
    init?(descriptor: Int32) {
        var st = stat()
        guard fstat(descriptor, &st) == 0 else { return nil }
        self.init(st)
    }

    private init(_ st: stat) {
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        size = Int(st.st_size)
        #if canImport(Darwin)
        modificationSeconds = Int(st.st_mtimespec.tv_sec)
        modificationNanoseconds = Int(st.st_mtimespec.tv_nsec)
        #else
        modificationSeconds = Int(st.st_mtim.tv_sec)
        modificationNanoseconds = Int(st.st_mtim.tv_nsec)
        #endif
        inode = UInt64(st.st_ino)
        device = UInt64(st.st_dev)
    }

    /// A strong validator built from inode, size and modification time.
    /// `variant` distinguishes transformed representations (e.g. HTML with the reload script).
    func entityTag(variant: String? = nil) -> String {
        let base = [
            String(inode, radix: 16), String(size, radix: 16),
            String(modificationSeconds, radix: 16), String(modificationNanoseconds, radix: 16),
        ].joined(separator: "-")
        return "\"" + base + (variant.map { "-" + $0 } ?? "") + "\""
    }

    /// The canonical absolute path (symlinks, `.` and `..` resolved), or `nil` if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
