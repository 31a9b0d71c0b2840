#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe that wakes a watcher thread blocked in `poll(2)` so it can stop.
final class WakeSignal: Sendable {
    /// Becomes readable once ``signal()`` was called.
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() throws(FileWatcherError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .systemError(String(cString: strerror(errno))) }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    /// Wakes the waiting thread (idempotent: the pipe stays readable).
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Waits until `descriptor` is readable, the signal fires, or `timeout` passes
    /// (`nil`: no timeout). Returns whether the signal fired.
    func wait(readable descriptor: Int32?, timeout: Duration?) -> (signalled: Bool, readable: Bool) {
        var fds = [pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)]
        if let descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        var milliseconds: Int32 = -1
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            let total = max(0, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            milliseconds = Int32(min(total, Int64(Int32.max)))
        }
        let result = poll(&fds, nfds_t(fds.count), milliseconds)
        guard result > 0 else { return (false, false) }
        return (fds[0].revents != 0, fds.count > 1 && fds[1].revents != 0)
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }
}
