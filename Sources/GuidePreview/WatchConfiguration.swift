/// Settings shared by ``InotifyWatcher`` and ``PollingWatcher``.
public struct WatchConfiguration: Sendable {
    /// Folders watched recursively (relative paths are taken from the current directory).
    public var paths: [String]
    /// Folders never watched nor reported, e.g. the output folder.
    public var ignoredPaths: [String]
    /// Quiet time after the last change before a batch is reported. An editor's
    /// save (write a temporary file, sync, rename) takes a few milliseconds; every
    /// millisecond here is added to what the author waits for after saving.
    public var debounce: Duration
    /// Quiet time after a change that completes a save (inotify reports a file
    /// closed after writing, or renamed into place): nothing more is coming,
    /// so the rebuild starts almost at once. Polling cannot tell, and uses `debounce`.
    public var settledDebounce: Duration
    /// Longest time a change waits, so a continuous stream of changes still yields batches.
    public var maximumDelay: Duration
    /// Interval between scans of ``PollingWatcher``.
    public var pollInterval: Duration

    /// Creates a configuration; only `paths` is required.
    public init(
        paths: [String],
        ignoredPaths: [String] = [],
        debounce: Duration = .milliseconds(30),
        settledDebounce: Duration = .milliseconds(2),
        maximumDelay: Duration = .milliseconds(500),
        pollInterval: Duration = .milliseconds(250)
    ) {
        self.paths = paths
        self.ignoredPaths = ignoredPaths
        self.debounce = debounce
        self.settledDebounce = settledDebounce
        self.maximumDelay = maximumDelay
        self.pollInterval = pollInterval
    }
}
