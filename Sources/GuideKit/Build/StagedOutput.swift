import Foundation

/// The output folder, replaced as a whole: a build writes into a staging folder
/// beside it and swaps it in only when everything was written, so a failed
/// build leaves the previous site exactly as it was.
///
/// `guide` only ever replaces a folder it wrote itself, recognised by its
/// marker file; a non-empty folder without one is refused.
struct StagedOutput {
    static let markerName = OutputArtifacts.markerName
    static let markerText = "This folder is written by guide and replaced on every build.\n"

    let output: URL
    let staging: URL
    let displayPath: String

    init(output: URL, displayPath: String) throws(Diagnostic) {
        self.output = output.standardizedFileURL
        self.displayPath = displayPath
        try Self.checkOwnership(of: self.output, displayPath: displayPath)
        Self.removeLeftovers(of: self.output)
        staging = OutputArtifacts.stagingFolder(of: self.output)
        do {
            try FileOutput.makeDirectory(staging.path)
            try FileOutput.write(Self.markerText, to: staging.appendingPathComponent(Self.markerName).path)
        } catch {
            throw .error(displayPath, "cannot create the staging folder \(staging.path): \(error)")
        }
    }

    /// A folder may be replaced when it does not exist, is empty, or holds the marker (``OutputOwnership``).
    static func checkOwnership(of output: URL, displayPath: String) throws(Diagnostic) {
        switch OutputOwnership(of: output) {
        case .replaceable:
            return
        case .file:
            throw .error(displayPath, "the output path is a file, not a folder; choose another --output")
        case .foreign:
            throw .error(displayPath, "refusing to replace this folder: it is not empty and was not written by guide (it has no \(markerName) file). Choose another --output, or empty the folder yourself.")
        }
    }

    /// Staging and old folders of earlier runs that were interrupted.
    private static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where OutputArtifacts.isStagingOrOld(name: entry, of: output) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Swaps the staging folder in place of the output.
    func commit() throws(Diagnostic) {
        let fileManager = FileManager.default
        do {
            if fileManager.fileExists(atPath: output.path) {
                let old = OutputArtifacts.oldFolder(of: output)
                try fileManager.moveItem(at: output, to: old)
                try fileManager.moveItem(at: staging, to: output)
                try? fileManager.removeItem(at: old)
            } else {
                try FileOutput.makeDirectory(output.deletingLastPathComponent().path)
                try fileManager.moveItem(at: staging, to: output)
            }
        } catch {
            throw .error(displayPath, "cannot move the new site into place: \(error)")
        }
    }

    /// Drops the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
