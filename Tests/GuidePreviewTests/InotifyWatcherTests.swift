#if os(Linux)
import Testing

@testable import GuidePreview

@Suite struct InotifyWatcherTests {
    let scenarios = WatcherScenarios(make: { try InotifyWatcher(configuration: $0) }, pollInterval: .milliseconds(250))

    @Test func write() async throws { try await scenarios.write() }
    @Test func atomicRenameOver() async throws { try await scenarios.atomicRenameOver() }
    @Test func newSubfolder() async throws { try await scenarios.newSubfolder() }
    @Test func delete() async throws { try await scenarios.delete() }
    @Test func ignoresTemporaryFilesAndIgnoredFolders() async throws { try await scenarios.ignoresTemporaryFilesAndIgnoredFolders() }
    @Test func burstOfWritesIsCoalesced() async throws { try await scenarios.burstOfWritesIsCoalesced() }
    @Test func stopFinishesTheStream() async throws { try await scenarios.stopFinishesTheStream() }
    @Test func missingFolderIsAnError() { scenarios.missingFolderIsAnError() }

    @Test func factoryPicksInotifyUnlessPolling() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let native = try makeFileWatcher(WatchConfiguration(paths: [folder.path]))
        defer { native.stop() }
        #expect(native is InotifyWatcher)
        let polling = try makeFileWatcher(WatchConfiguration(paths: [folder.path]), polling: true)
        defer { polling.stop() }
        #expect(polling is PollingWatcher)
    }
}
#endif
