/// Why a watcher could not start; `description` is printable as is.
public enum FileWatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// inotify could not be initialised (the reason comes from `strerror`).
    case inotifyUnavailable(String)
    /// The kernel's limit of inotify watches was reached.
    case watchLimitReached
    /// A watched path is missing or not a folder.
    case notAFolder(String)
    /// An internal pipe could not be created.
    case systemError(String)

    public var description: String {
        switch self {
        case .inotifyUnavailable(let reason):
            "Cannot watch files with inotify (\(reason)). Use --poll to watch by polling."
        case .watchLimitReached:
            "Too many folders to watch with inotify (raise fs.inotify.max_user_watches, or use --poll)."
        case .notAFolder(let path):
            "Cannot watch \(path): not a folder."
        case .systemError(let reason):
            "Cannot start the file watcher: \(reason)"
        }
    }
}
