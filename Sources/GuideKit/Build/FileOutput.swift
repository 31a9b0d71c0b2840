import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files with POSIX calls: Foundation's `Data.write` syncs every file to
/// disk on Linux, several times slower for thousands of small pages.
enum FileOutput {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(WriteError) {
        let code = writeReturningError(bytes, to: path)
        if code != 0 { throw WriteError(path: path, code: code) }
    }

    /// Replaces the file at `path` whole: readers see the old file or the
    /// new one, never a mix, and a failure (a full disk, a kill) leaves the
    /// old one as it was.
    ///
    /// A file goes through its spare in `spares` (outside the site) when
    /// there is that folder: the new version is written over the previous
    /// version kept there, then the two are swapped with
    /// `renameat2(RENAME_EXCHANGE)`. Writing over an existing file instead of
    /// a new one saves allocating its inode and blocks, and freeing the old
    /// ones (with ext4's `discard`): 3 ms for a 6 MB feed; and where thousands
    /// of files were deleted lately, ext4 takes about 0.2 ms to make each new
    /// one, so a rebuild that rewrites the 300 files of a renumbered search
    /// index took 50–85 ms to write them, and takes 5–12 ms through their
    /// spares. The spares, the previous version of each file the session
    /// rewrote, go with the session (`BuildSession`): one that rewrites every
    /// page keeps the site twice on disk until it ends.
    ///
    /// - Parameters:
    ///   - path: the file's path relative to `root`, the output folder.
    ///   - spares: the spare folder (`OutputArtifacts.spareFolder`), when there is one.
    static func replace(_ bytes: UnsafeRawBufferPointer, at path: String, in root: String, spares: String?) throws(WriteError) {
        let absolute = root + "/" + path
        var code: Int32 = -1
        if let spares {
            // "acl-2024/feed.xml" → "acl-2024%2Ffeed.xml": one flat folder of spares.
            // (Split and joined: Foundation's `replacingOccurrences` took 5% of a rebuild's write step.)
            let spare = spares + "/" + path.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "%2F")
            code = replaceThroughSpare(bytes, at: absolute, spare: spare)
        }
        // No spare, or a file system without the exchange: a temporary file renamed over.
        if code != 0 { code = replaceReturningError(bytes, at: absolute) }
        if code != 0 { throw WriteError(path: absolute, code: code) }
    }

    static func write(_ text: String, to path: String) throws(WriteError) {
        var text = text
        let code = text.withUTF8 { writeReturningError(UnsafeRawBufferPointer($0), to: path) }
        if code != 0 { throw WriteError(path: path, code: code) }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let code = bytes.withUnsafeBytes { writeReturningError($0, to: path) }
        if code != 0 { throw WriteError(path: path, code: code) }
    }

    /// Writes a file part by part, each part made as it is written.
    static func write(_ parts: FileParts, to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }
        for index in 0..<parts.count {
            let code = parts.part(index).withUnsafeBytes { writeAll($0, to: descriptor) }
            if code != 0 {
                close(descriptor)
                throw WriteError(path: path, code: code)
            }
        }
        if close(descriptor) != 0 { throw WriteError(path: path, code: errno) }
    }

    /// The temporary name `replace` writes `path` under before renaming it:
    /// a dot-file beside it (`papers/x/.index.html.guide-new`), never served.
    static func temporaryPath(for path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ".\(path)\(temporarySuffix)" }
        return "\(path[...slash]).\(path[path.utf8.index(after: slash)...])\(temporarySuffix)"
    }

    static let temporarySuffix = ".guide-new"

    /// 0, or -1 when the spare cannot be used (the caller falls back).
    private static func replaceThroughSpare(_ bytes: UnsafeRawBufferPointer, at path: String, spare: String) -> Int32 {
        // Only a file is exchanged: the exchange would as readily move a
        // folder that stands where the file goes out of the site.
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG { return -1 }
        guard overwriteUnopened(bytes, spare) else {
            unlink(spare)
            return -1
        }
        if exchange(spare, path) { return 0 }
        // A new file: nothing to exchange with.
        if errno == ENOENT, rename(spare, path) == 0 { return 0 }
        unlink(spare)
        return -1
    }

    /// Writes `bytes` over the spare, only while nobody else has it open:
    /// the spare is the version the site showed before, and a reader that
    /// opened it then (a slow download) must still read it whole. A write
    /// lease (`F_SETLEASE`) is granted only to a file no one else has open.
    private static func overwriteUnopened(_ bytes: UnsafeRawBufferPointer, _ spare: String) -> Bool {
        let descriptor = open(spare, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let setLease: Int32 = 1024, writeLease: Int32 = 1, noLease: Int32 = 2  // F_SETLEASE, F_WRLCK, F_UNLCK (Linux)
        guard fcntl(descriptor, setLease, writeLease) == 0 else { return false }
        defer { _ = fcntl(descriptor, setLease, noLease) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return ftruncate(descriptor, off_t(bytes.count)) == 0
    }

    /// Writes a temporary file beside `path` and renames it over `path`.
    private static func replaceReturningError(_ bytes: UnsafeRawBufferPointer, at path: String) -> Int32 {
        let temporary = temporaryPath(for: path)
        let code = writeReturningError(bytes, to: temporary)
        guard code == 0 else {
            unlink(temporary)
            return code
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            return code
        }
        return 0
    }

    /// 0, or the `errno` of the call that failed.
    private static func writeReturningError(_ bytes: UnsafeRawBufferPointer, to path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return errno }
        let code = writeAll(bytes, to: descriptor)
        if code != 0 {
            close(descriptor)
            return code
        }
        return close(descriptor) == 0 ? 0 : errno
    }

    /// Writes every byte to an open file; the error code, or 0.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Creates `path` and its parents; an existing folder is fine.
    static func makeDirectory(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw WriteError(path: path, code: errno) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw WriteError(path: path, code: ENOENT) }
        try makeDirectory(parent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw WriteError(path: path, code: errno) }
    }

    /// Swaps two paths in one step with Linux's `renameat2(RENAME_EXCHANGE)`;
    /// false where the C library or the file system lacks it (nothing moved then).
    /// Looked up at run time: Swift's Glibc module does not declare it.
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let renameat2 = Self.renameat2 else { return false }
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

    /// The bytes at `path`, or nil when there is no such file.
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
