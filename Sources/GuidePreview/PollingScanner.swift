/// Takes snapshots of the watched trees and compares them.
struct PollingScanner: Sendable {
    /// What is compared between two scans.
    struct Stamp: Sendable, Equatable {
        var isFolder: Bool
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    let filter: WatchFilter

    /// Every non-ignored file and folder under the roots (symlinks are not followed).
    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in filter.roots {
            guard let info = FileInfo(path: root), info.kind == .directory else { continue }
            scan(root, into: &result)
        }
        return result
    }

    private func scan(_ folder: String, into result: inout [String: Stamp]) {
        for name in DirectoryListing.names(in: folder) {
            let path = folder + "/" + name
            guard !filter.isIgnored(path), let info = FileInfo(path: path, followSymlinks: false) else { continue }
            let isFolder = info.kind == .directory
            result[path] = Stamp(
                isFolder: isFolder, size: info.size, seconds: info.modificationSeconds,
                nanoseconds: info.modificationNanoseconds, inode: info.inode)
            if isFolder { scan(path, into: &result) }
        }
    }

    /// Changes between two snapshots, sorted by path. Folder timestamps are not reported.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [WatchEvent] {
        var events: [WatchEvent] = []
        for (path, stamp) in new {
            guard let before = old[path] else {
                events.append(WatchEvent(path: path, kind: .created))
                continue
            }
            if before == stamp || (stamp.isFolder && before.isFolder && before.inode == stamp.inode) { continue }
            events.append(WatchEvent(path: path, kind: before.inode == stamp.inode ? .modified : .renamed))
        }
        for path in old.keys where new[path] == nil {
            events.append(WatchEvent(path: path, kind: .deleted))
        }
        return events.sorted { $0.path < $1.path }
    }
}
