import Foundation

/// Whether `guide` may replace an output folder (and `guide serve` publish it):
/// only a folder that does not exist, is empty, or holds the marker file that
/// every build writes. The one place for that rule, used by the build,
/// `guide serve` and the rebuild loop.
public enum OutputOwnership: Sendable, Equatable {
    /// The folder does not exist, is empty, or holds ``OutputArtifacts/markerName``.
    case replaceable
    /// The path is a file, not a folder.
    case file
    /// A folder that is not empty and has no marker file: `guide` did not write it.
    case foreign

    /// Looks at `output` on disk.
    public init(of output: URL) {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isFolder) else {
            self = .replaceable
            return
        }
        guard isFolder.boolValue else {
            self = .file
            return
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        self = entries.isEmpty || entries.contains(OutputArtifacts.markerName) ? .replaceable : .foreign
    }
}

/// Names of what a build writes in and beside the output folder: the marker
/// file inside it, and the staging and old folders beside it (`.Output.guide-staging-<pid>`,
/// `.Output.guide-old-<pid>` for an output folder named `Output`).
public enum OutputArtifacts {
    /// The file, inside the output folder, that marks a folder written by `guide`.
    public static let markerName = ".guide-output"

    /// Start of the name of the folder a build writes before swapping it in: `.Output.guide-staging-`.
    public static func stagingPrefix(of output: URL) -> String {
        ".\(output.standardizedFileURL.lastPathComponent).guide-staging-"
    }

    /// Start of the name the previous output is moved to while the new one is moved in: `.Output.guide-old-`.
    public static func oldPrefix(of output: URL) -> String {
        ".\(output.standardizedFileURL.lastPathComponent).guide-old-"
    }

    /// Start of the name of the folder where a rebuild keeps the previous
    /// versions of large files, to write the next version over (`FileOutput`): `.Output.guide-spare-`.
    public static func sparePrefix(of output: URL) -> String {
        ".\(output.standardizedFileURL.lastPathComponent).guide-spare-"
    }

    /// The spare folder of the process `processID`, beside `output`.
    public static func spareFolder(of output: URL, processID: Int32 = getpid()) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(sparePrefix(of: output) + "\(processID)")
    }

    /// The staging folder of the process `processID`, beside `output`.
    public static func stagingFolder(of output: URL, processID: Int32 = getpid()) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(stagingPrefix(of: output) + "\(processID)")
    }

    /// The folder the previous output is moved to by the process `processID`, beside `output`.
    public static func oldFolder(of output: URL, processID: Int32 = getpid()) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(oldPrefix(of: output) + "\(processID)")
    }

    /// The lock file beside `output` (`OutputLock`): `.Output.guide-lock`.
    public static func lockFile(of output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".\(output.standardizedFileURL.lastPathComponent).guide-lock")
    }

    /// Whether `name` (a name in the output folder's parent, not a path) is
    /// named as one of `output`'s staging, old or spare folders: a prefix and a process id.
    public static func isStagingOrOld(name: String, of output: URL) -> Bool {
        processID(ofLeftover: name, of: output) != nil
    }

    /// The process id in the name of one of `output`'s staging, old or spare folders.
    static func processID(ofLeftover name: String, of output: URL) -> Int32? {
        for prefix in [stagingPrefix(of: output), oldPrefix(of: output), sparePrefix(of: output)] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int32(digits)
        }
        return nil
    }

    /// Whether the absolute `path` is something the build writes: the output
    /// folder, a file in it, or a staging or old folder beside it (or a file in one).
    public static func isArtifact(_ path: String, of output: URL) -> Bool {
        let output = output.standardizedFileURL
        if path == output.path || path.hasPrefix(output.path + "/") { return true }
        if path == lockFile(of: output).path { return true }
        let parent = output.deletingLastPathComponent()
        return [stagingPrefix(of: output), oldPrefix(of: output), sparePrefix(of: output)]
            .contains { path.hasPrefix(parent.appendingPathComponent($0).path) }
    }
}
