/// One change seen by a ``FileWatcher``.
public struct WatchEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happened to the path (after merging every change to it within one batch).
    public enum Kind: String, Sendable, Hashable {
        /// The path appeared.
        case created
        /// The contents or attributes changed.
        case modified
        /// The path was removed.
        case deleted
        /// The path was the source or the destination of a rename (an editor's atomic
        /// save shows up as `renamed` for the saved file). For ``PollingWatcher``: the
        /// path now names a different file (inode). Check whether the path exists.
        case renamed
    }

    /// Absolute path of the file or folder.
    public var path: String
    /// What happened to it.
    public var kind: Kind

    /// Creates an event.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    public var description: String { "\(kind.rawValue) \(path)" }
}
