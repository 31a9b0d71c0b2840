import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output folder, replaced as a whole: a build writes into a staging folder
/// beside it and swaps it in only when everything was written, so a failed
/// build leaves the previous site exactly as it was.
///
/// The swap is one `renameat2(RENAME_EXCHANGE)` where the file system has it:
/// the folder is the old site or the new one at every instant. Elsewhere it is
/// two renames, and a build killed between them leaves the old site beside
/// the folder, which the next build puts back.
///
/// `guide` only ever replaces a folder it wrote itself, recognised by its
/// marker file; a non-empty folder without one is refused, and so is a
/// leftover without one. The caller holds the folder's `OutputLock`.
struct StagedOutput {
    static let markerName = OutputArtifacts.markerName
    static let markerText = "This folder is written by guide and replaced on every build.\n"

    let output: URL
    let staging: URL
    let displayPath: String

    /// Call `recoverLeftovers` first.
    init(output: URL, displayPath: String) throws(Diagnostic) {
        self.output = output.standardizedFileURL
        self.displayPath = displayPath
        staging = OutputArtifacts.stagingFolder(of: self.output)
        try Self.checkOwnership(of: self.output, displayPath: displayPath)
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

    /// The staging and old folders of earlier runs that were interrupted:
    /// when the output folder is missing, the newest old site is put back;
    /// the others are removed if guide wrote them (they hold the marker, or
    /// nothing). Returns what it could not do, or did not dare to.
    static func recoverLeftovers(of output: URL, displayPath: String) -> [Diagnostic] {
        let output = output.standardizedFileURL
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        // Not this process's own: its spare folder lives as long as it does.
        let names = ((try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { OutputArtifacts.processID(ofLeftover: $0, of: output).map { $0 != getpid() } ?? false }
        var warnings: [Diagnostic] = []
        var ours: [URL] = []
        for name in names.sorted() {
            let folder = parent.appendingPathComponent(name)
            let entries = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
            if entries.isEmpty || entries.contains(markerName) {
                ours.append(folder)
            } else {
                warnings.append(.warning(folder.path, "left alone: named like a leftover of guide, but guide did not write it (it has no \(markerName) file)"))
            }
        }
        if !fileManager.fileExists(atPath: output.path) {
            let oldSites = ours.filter { $0.lastPathComponent.hasPrefix(OutputArtifacts.oldPrefix(of: output)) }
            if let newest = oldSites.max(by: { modified($0) < modified($1) }) {
                do {
                    try fileManager.moveItem(at: newest, to: output)
                    ours.removeAll { $0 == newest }
                    warnings.append(.warning(displayPath, "a build was interrupted while swapping in its site; the site before it was put back from \(newest.lastPathComponent)"))
                } catch {
                    warnings.append(.warning(newest.path, "the site from before an interrupted build is here and could not be put back: \(TemplateSet.reason(error))"))
                    ours.removeAll { $0 == newest }
                }
            }
        }
        for folder in ours {
            do {
                try removeSite(folder)
            } catch {
                warnings.append(.warning(folder.path, "cannot remove this leftover of an earlier build: \(TemplateSet.reason(error)); remove it yourself"))
            }
        }
        return warnings
    }

    /// Removes a folder guide wrote, its marker last: a removal cut short (a
    /// kill) leaves a folder the next build still knows as its own.
    static func removeSite(_ folder: URL) throws {
        let fileManager = FileManager.default
        for entry in try fileManager.contentsOfDirectory(atPath: folder.path) where entry != markerName {
            try fileManager.removeItem(at: folder.appendingPathComponent(entry))
        }
        try fileManager.removeItem(at: folder)
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// Swaps the staging folder in place of the output; returns a warning when
    /// the previous site could not be removed afterwards.
    func commit() throws(Diagnostic) -> [Diagnostic] {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            do {
                try FileOutput.makeDirectory(output.deletingLastPathComponent().path)
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                throw .error(displayPath, "cannot move the new site into place: \(error)")
            }
            return []
        }
        // After the exchange the staging folder holds the previous site;
        // after two renames, the old folder does.
        let previous: URL
        if FileOutput.exchange(staging.path, output.path) {
            previous = staging
        } else {
            previous = OutputArtifacts.oldFolder(of: output)
            do {
                try fileManager.moveItem(at: output, to: previous)
            } catch {
                throw .error(displayPath, "cannot move the previous site aside: \(error)")
            }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                try? fileManager.moveItem(at: previous, to: output)
                throw .error(displayPath, "cannot move the new site into place: \(error)")
            }
        }
        do {
            try Self.removeSite(previous)
        } catch {
            return [.warning(previous.path, "the previous site is left here: \(TemplateSet.reason(error)); the next build tries again, or remove it yourself")]
        }
        return []
    }

    /// This process's spare folder beside `output` (`FileOutput.replace`),
    /// made with the marker the first time; nil when it cannot be made.
    static func makeSpareFolder(of output: URL) -> String? {
        let folder = OutputArtifacts.spareFolder(of: output).path
        let marker = folder + "/" + markerName
        if FileManager.default.fileExists(atPath: marker) { return folder }
        do {
            try FileOutput.makeDirectory(folder)
            try FileOutput.write(markerText, to: marker)
        } catch {
            return nil
        }
        return folder
    }

    /// Drops the staging folder after a failure.
    func discard() {
        try? Self.removeSite(staging)
    }
}
