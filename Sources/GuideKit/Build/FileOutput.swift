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

    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, inPlace: Bool = false) throws(WriteError) {
        let code = writeReturningError(bytes, to: path, inPlace: inPlace)
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

    /// 0, or the `errno` of the call that failed.
    ///
    /// `inPlace` rewrites an existing file's bytes and then cuts it to the new
    /// length, instead of truncating it first: truncating frees the file's
    /// blocks and writing allocates them again, which on ext4 with `discard`
    /// made rewriting a 10,000-paper guide's 6 MB feed take milliseconds.
    private static func writeReturningError(_ bytes: UnsafeRawBufferPointer, to path: String, inPlace: Bool = false) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (inPlace ? 0 : O_TRUNC), 0o644)
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
        if inPlace, ftruncate(descriptor, off_t(bytes.count)) != 0 {
            let code = errno
            close(descriptor)
            return code
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
