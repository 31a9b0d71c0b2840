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

    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, replacing: Bool = false) throws(WriteError) {
        let code = replacing ? replaceReturningError(bytes, at: path) : writeReturningError(bytes, to: path)
        if code != 0 { throw WriteError(path: path, code: code) }
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

    /// The temporary name `replacing` writes `path` under before renaming it:
    /// a dot-file beside it (`papers/x/.index.html.guide-new`), never served.
    static func temporaryPath(for path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ".\(path)\(temporarySuffix)" }
        return "\(path[...slash]).\(path[path.utf8.index(after: slash)...])\(temporarySuffix)"
    }

    static let temporarySuffix = ".guide-new"

    /// Writes a temporary file beside `path` and renames it over `path`:
    /// a reader sees the old file or the new one, whole, never a mix, and a
    /// failure (a full disk, a kill) leaves the old file as it was.
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
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                return code
            }
            offset += written
        }
        return close(descriptor) == 0 ? 0 : errno
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

    /// The bytes at `path`, or nil when there is no such file.
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
