/// Watches folders recursively and reports coalesced batches of changes.
///
/// ```swift
/// let watcher = try makeFileWatcher(WatchConfiguration(paths: ["Content"], ignoredPaths: ["_site"]))
/// for await batch in watcher.batches {   // [WatchEvent], never empty
///     rebuild(changed: batch.map(\.path))
/// }
/// ```
/// Editor temporary files (`*~`, `.*.swp`, `.*.swx`, `4913`, `.#*`, `*.tmp`, ...) and
/// everything inside `.git` or an ignored folder are never reported.
public protocol FileWatcher: Sendable {
    /// Batches of changes, each path at most once per batch. Finishes after ``stop()``.
    /// Iterate it from one task only.
    var batches: AsyncStream<[WatchEvent]> { get }
    /// Stops watching and finishes ``batches``. Safe to call more than once.
    func stop()
}

/// Creates the watcher for this system: ``InotifyWatcher`` on Linux,
/// ``PollingWatcher`` when `polling` is true (`--poll`) or elsewhere.
public func makeFileWatcher(_ configuration: WatchConfiguration, polling: Bool = false) throws -> any FileWatcher {
    #if os(Linux)
    if !polling {
        return try InotifyWatcher(configuration: configuration)
    }
    #endif
    return try PollingWatcher(configuration: configuration)
}
