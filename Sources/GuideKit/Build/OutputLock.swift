import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `guide` at a time writes an output folder: a build, a watch or a
/// preview holds an exclusive `flock` on a lock file beside the folder
/// (`.Output.guide-lock`) while it may write there. The kernel lets go of it
/// when the process ends, however it ends, so a killed build never leaves
/// the folder locked. The file stays; it holds the last holder's process id.
public final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock of `output`, or throws naming the process that has it.
    public init(output: URL, displayPath: String) throws(Diagnostic) {
        let path = OutputArtifacts.lockFile(of: output).path
        do {
            try FileOutput.makeDirectory(output.standardizedFileURL.deletingLastPathComponent().path)
        } catch {
            throw .error(displayPath, "cannot create the folder of the output: \(error)")
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .error(displayPath, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw .error(displayPath, "another guide\(holder.map { " (process \($0))" } ?? "") is building or serving this folder; "
                         + "wait for it to finish or stop it, or choose another --output")
        }
        self.descriptor = descriptor
        var text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withUTF8 { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        close(descriptor)
    }

    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
