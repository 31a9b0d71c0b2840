import Testing

@testable import GuidePreview

@Suite struct PollingWatcherTests {
    let scenarios = WatcherScenarios(make: { try PollingWatcher(configuration: $0) }, pollInterval: .milliseconds(100))

    @Test func write() async throws { try await scenarios.write() }
    @Test func atomicRenameOver() async throws { try await scenarios.atomicRenameOver() }
    @Test func newSubfolder() async throws { try await scenarios.newSubfolder() }
    @Test func delete() async throws { try await scenarios.delete() }
    @Test func ignoresTemporaryFilesAndIgnoredFolders() async throws { try await scenarios.ignoresTemporaryFilesAndIgnoredFolders() }
    @Test func burstOfWritesIsCoalesced() async throws { try await scenarios.burstOfWritesIsCoalesced() }
    @Test func stopFinishesTheStream() async throws { try await scenarios.stopFinishesTheStream() }
    @Test func missingFolderIsAnError() { scenarios.missingFolderIsAnError() }

    @Test func snapshotDiff() {
        typealias Stamp = PollingScanner.Stamp
        let file = Stamp(isFolder: false, size: 1, seconds: 1, nanoseconds: 0, inode: 10)
        let folder = Stamp(isFolder: true, size: 0, seconds: 1, nanoseconds: 0, inode: 20)
        var touchedFolder = folder
        touchedFolder.seconds = 2
        var edited = file
        edited.size = 2
        var replaced = file
        replaced.inode = 11
        let old: [String: Stamp] = ["/s/a": file, "/s/b": file, "/s/c": file, "/s/d": folder, "/s/gone": file]
        let new: [String: Stamp] = ["/s/a": file, "/s/b": edited, "/s/c": replaced, "/s/d": touchedFolder, "/s/new": file]
        #expect(PollingScanner.changes(from: old, to: new) == [
            WatchEvent(path: "/s/b", kind: .modified),
            WatchEvent(path: "/s/c", kind: .renamed),
            WatchEvent(path: "/s/gone", kind: .deleted),
            WatchEvent(path: "/s/new", kind: .created),
        ])
    }
}
