#if os(Linux)
import Foundation
import Glibc

/// ``FileWatcher`` on Linux inotify. Watches every folder under the configured
/// paths (adding watches for folders created later), reads events on a
/// background thread and reports coalesced batches.
public final class InotifyWatcher: FileWatcher {
    /// Coalesced batches of changes; finishes after ``stop()``.
    public let batches: AsyncStream<[WatchEvent]>
    private let wake: WakeSignal

    /// Starts watching at once.
    /// - Throws: ``FileWatcherError`` if inotify is unavailable, a path is not a folder,
    ///   or the kernel's watch limit is reached.
    public init(configuration: WatchConfiguration) throws {
        let filter = try WatchFilter.checked(configuration)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw FileWatcherError.inotifyUnavailable(String(cString: strerror(errno)))
        }
        var loop = InotifyLoop(
            descriptor: descriptor,
            filter: filter,
            coalescer: ChangeCoalescer(debounce: configuration.debounce, settledDebounce: configuration.settledDebounce,
                                       maximumDelay: configuration.maximumDelay)
        )
        do {
            for root in filter.roots {
                try loop.watchTree(root, isRoot: true, reportContents: false)
            }
            wake = try WakeSignal()
        } catch {
            close(descriptor)
            throw error
        }
        let (stream, continuation) = AsyncStream.makeStream(of: [WatchEvent].self)
        batches = stream
        let wake = self.wake
        continuation.onTermination = { _ in wake.signal() }
        let prepared = loop
        let thread = Thread {
            var loop = prepared
            loop.run(wake: wake, continuation: continuation)
        }
        thread.name = "guide.inotify"
        thread.start()
    }

    /// Stops the background thread and finishes ``batches``.
    public func stop() {
        wake.signal()
    }
}

/// The watcher's state, owned by its background thread.
private struct InotifyLoop: Sendable {
    let descriptor: Int32
    let filter: WatchFilter
    var coalescer: ChangeCoalescer
    /// Watch descriptor → watched folder path.
    var folders: [Int32: String] = [:]

    init(descriptor: Int32, filter: WatchFilter, coalescer: ChangeCoalescer) {
        self.descriptor = descriptor
        self.filter = filter
        self.coalescer = coalescer
    }

    private static let folderMask = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Watches `folder` and every folder below it. With `reportContents`, everything
    /// found inside is reported as created (it may have appeared before the watch existed).
    mutating func watchTree(_ folder: String, isRoot: Bool, reportContents: Bool) throws(FileWatcherError) {
        guard !filter.isIgnored(folder) || isRoot else { return }
        let mask = Self.folderMask | (isRoot ? 0 : UInt32(IN_DONT_FOLLOW))
        let wd = inotify_add_watch(descriptor, folder, mask)
        if wd < 0 {
            if errno == ENOSPC { throw .watchLimitReached }
            return  // vanished meanwhile, or unreadable
        }
        folders[wd] = folder
        for name in DirectoryListing.names(in: folder) {
            let path = folder + "/" + name
            if filter.isIgnored(path) { continue }
            let info = FileInfo(path: path, followSymlinks: false)
            if reportContents, info != nil {
                coalescer.add(WatchEvent(path: path, kind: .created), at: .now)
            }
            if info?.kind == .directory {
                try watchTree(path, isRoot: false, reportContents: reportContents)
            }
        }
    }

    /// Reads and coalesces events until the wake signal fires, then closes the descriptor.
    mutating func run(wake: WakeSignal, continuation: AsyncStream<[WatchEvent]>.Continuation) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let timeout = coalescer.deadline.map { ContinuousClock.now.duration(to: $0) }
            let (signalled, readable) = wake.wait(readable: descriptor, timeout: timeout)
            if signalled { break }
            if readable { readEvents(into: &buffer) }
            if let batch = coalescer.flushIfDue(at: .now), !batch.isEmpty {
                continuation.yield(batch)
            }
        }
        close(descriptor)
        continuation.finish()
    }

    private mutating func readEvents(into buffer: inout [UInt8]) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }  // EAGAIN: drained
            var offset = 0
            let headerSize = 16
            while offset + headerSize <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                handle(wd: wd, mask: mask, name: name)
                offset += headerSize + length
            }
        }
    }

    private mutating func handle(wd: Int32, mask: UInt32, name: String) {
        func has(_ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
        let now = ContinuousClock.now
        if has(IN_Q_OVERFLOW) {
            // Events were lost: report every root as modified so the caller rebuilds everything.
            for root in filter.roots { coalescer.add(WatchEvent(path: root, kind: .modified), at: now) }
            return
        }
        guard let folder = folders[wd] else { return }
        if has(IN_IGNORED) {
            folders[wd] = nil
            return
        }
        if name.isEmpty {
            // The watched folder itself went away; its parent reports that, except for roots.
            if (has(IN_DELETE_SELF) || has(IN_MOVE_SELF)) && filter.roots.contains(folder) {
                coalescer.add(WatchEvent(path: folder, kind: .deleted), at: now)
            }
            return
        }
        let path = folder + "/" + name
        if filter.isIgnored(path) { return }
        let isFolder = has(IN_ISDIR)
        let kind: WatchEvent.Kind
        if has(IN_CREATE) {
            kind = .created
        } else if has(IN_DELETE) {
            kind = .deleted
        } else if has(IN_MOVED_FROM) || has(IN_MOVED_TO) {
            kind = .renamed
        } else if isFolder {
            return  // attribute changes of folders are noise
        } else {
            kind = .modified
        }
        coalescer.add(WatchEvent(path: path, kind: kind), at: now, settled: has(IN_CLOSE_WRITE) || has(IN_MOVED_TO))
        if isFolder && (has(IN_CREATE) || has(IN_MOVED_TO)) {
            try? watchTree(path, isRoot: false, reportContents: true)
        }
        if isFolder && has(IN_MOVED_FROM) {
            forgetTree(path)
        }
    }

    /// Drops the watches of a folder moved away (a move back in re-adds them).
    private mutating func forgetTree(_ folder: String) {
        for (wd, path) in folders where SitePath.isInside(path, root: folder) {
            inotify_rm_watch(descriptor, wd)
            folders[wd] = nil
        }
    }
}
#endif
