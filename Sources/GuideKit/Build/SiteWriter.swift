import Dispatch
import Foundation
import Synchronization

/// Renders outputs with a `Reader` each and writes them under a root folder.
/// A full build renders and writes in parallel chunks: each page's HTML goes
/// to disk as soon as it exists, so memory stays flat however large the site.
struct SiteWriter: Sendable {
    let renderer: OutputRenderer
    /// Threads to use; 1 gives a sequential build (the parallel build must match it byte for byte).
    let workers: Int
    /// Whether to hash every file written and keep every output's reads, for a `BuildSession`'s rebuilds.
    var keepsState = false

    /// CPU time spent in each half of the work, summed over threads.
    struct Timings: Sendable {
        var render: Duration = .zero
        var write: Duration = .zero
    }

    /// What was written: timings, and with `keepsState` a hash of every file's
    /// bytes by path and the reads of every output (by index).
    struct Written: Sendable {
        var timings = Timings()
        var hashes: [String: Int] = [:]
        var reads: [[Fact]] = []
    }

    /// Renders and writes every output and copy under `root` (a fresh staging folder).
    func write(_ outputs: OutputSequence, copies: [PlannedCopy], into root: URL) throws(Diagnostic) -> Written {
        let output = OutputFolder(root: root)
        try output.makeParentFolders(of: outputs, copies: copies)
        let failure = Mutex<Diagnostic?>(nil)
        let written = Mutex(Written())
        let clock = ContinuousClock()
        nonisolated(unsafe) var reads = [[Fact]](repeating: [], count: keepsState ? outputs.count : 0)
        reads.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let reads = buffer
            forEachChunk(of: outputs.count, workers: workers) { range in
                var local = Written()
                for index in range {
                    if failure.withLock({ $0 != nil }) { return }
                    let item = outputs[index]
                    let renderStart = clock.now
                    do throws(Diagnostic) {
                        let (rendered, facts) = try renderer.render(item)
                        let writeStart = clock.now
                        local.timings.render += writeStart - renderStart
                        let hash = try output.write(rendered, to: item.path, hashing: keepsState)
                        if keepsState {
                            local.hashes[item.path] = hash
                            reads[index] = facts
                        }
                        local.timings.write += clock.now - writeStart
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                    }
                }
                written.withLock {
                    $0.timings.render += local.timings.render
                    $0.timings.write += local.timings.write
                    $0.hashes.merge(local.hashes) { first, _ in first }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }

        let copyStart = clock.now
        var result = written.withLock { $0 }
        result.reads = reads
        for copy in copies {
            let bytes = try Self.read(copy)
            try output.write(bytes, to: copy.path)
            if keepsState { result.hashes[copy.path] = OutputFolder.hash(bytes) }
        }
        result.timings.write += clock.now - copyStart
        return result
    }

    /// Renders outputs in parallel, in memory, in the order given, with their
    /// reads; a file in parts comes joined.
    func render(_ outputs: [Output]) throws(Diagnostic) -> [(RenderedOutput, [Fact])] {
        let failure = Mutex<Diagnostic?>(nil)
        let results = parallelMap(outputs.count) { index -> (RenderedOutput, [Fact])? in
            do throws(Diagnostic) {
                let (rendered, facts) = try renderer.render(outputs[index])
                return (rendered.joined, facts)
            }
            catch { failure.withLock { $0 = $0 ?? error }; return nil }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.map { $0! }
    }

    static func read(_ copy: PlannedCopy) throws(Diagnostic) -> [UInt8] {
        if let bytes = copy.builtIn { return bytes }
        try ContainedFile.check(copy.source.path, inside: copy.folder.path, displayPath: copy.displayPath,
                                folderDisplayPath: copy.folderDisplayPath)
        guard let bytes = FileOutput.read(copy.source.path) else {
            throw .error(copy.displayPath, "cannot read this file to copy it into the site")
        }
        return bytes
    }
}

/// Renders one output with a fresh `Reader`: its bytes and what it read.
struct OutputRenderer: Sendable {
    let snapshot: SiteSnapshot
    let records: Bool

    func render(_ output: Output) throws(Diagnostic) -> (RenderedOutput, [Fact]) {
        let reader = Reader(snapshot, records: records)
        let rendered = try OutputKind.all[output.kind].render(output.subject, reader)
        return (rendered, records ? reader.facts : [])
    }
}

/// Files under an output root, written with `FileOutput`.
struct OutputFolder: Sendable {
    let root: URL
    /// Replace each file whole (`FileOutput.replace`), as rebuilds into the
    /// live site do; a build into a fresh staging folder need not.
    var replacesFiles = false
    /// Where large files' previous versions are kept to be written over
    /// (`OutputArtifacts.spareFolder`), when it exists.
    var spareFolder: String?
    private var rootPath: String { root.path }

    func absolute(_ path: String) -> String { rootPath + "/" + path }

    /// `papers/x/index.html` → `papers/x` (paths here are relative and normalised).
    static func folder(of path: String) -> String {
        String(folder(of: Substring(path)))
    }

    static func folder(of path: Substring) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return path[..<slash]
    }

    /// Creates the folders that hold the page folders and files (a handful:
    /// `topics/`, `papers/`, ...); each page creates its own folder as it is written.
    /// One path at a time, kept only when its folder is new: at 100,000
    /// papers, a list of every path (or of every folder) took 76 MB at the
    /// build's peak.
    func makeParentFolders(of outputs: OutputSequence, copies: [PlannedCopy]) throws(Diagnostic) {
        var parents: Set<Substring> = []
        func add(folder: Substring) {
            parents.insert(folder.contains("/") ? Self.folder(of: folder) : folder)
        }
        for output in outputs {
            let location = output.location
            if !location.folder.isEmpty, !location.name.contains("/") {
                // A file in a route's folder (`papers/x/`): that folder, without making the file's path.
                add(folder: location.folder.dropLast())
            } else {
                add(folder: Self.folder(of: Substring(output.path)))
            }
        }
        for copy in copies { add(folder: Self.folder(of: Substring(copy.path))) }
        do {
            for parent in parents.sorted() where !parent.isEmpty {
                try FileOutput.makeDirectory(absolute(String(parent)))
            }
        } catch {
            throw .error(rootPath, "cannot create folder: \(error)")
        }
    }

    /// Writes a rendered output, making its folder; returns its hash when `hashing`, else 0.
    func write(_ rendered: RenderedOutput, to path: String, hashing: Bool) throws(Diagnostic) -> Int {
        switch rendered {
        case .page(let html):
            try write(html, to: path, makingFolder: true)
            return hashing ? Self.hash(html) : 0
        case .file(let bytes):
            try write(bytes, to: path)
            return hashing ? Self.hash(bytes) : 0
        case .parts(let parts) where hashing || replacesFiles:
            return try write(.file(parts.joined), to: path, hashing: hashing)
        case .parts(let parts):
            do {
                try FileOutput.write(parts, to: absolute(path))
            } catch {
                throw .error(absolute(path), "cannot write: \(error)")
            }
            return 0
        }
    }

    func write(_ text: String, to path: String, makingFolder: Bool = false) throws(Diagnostic) {
        var text = text
        try text.withUTF8 { write(UnsafeRawBufferPointer($0), to: path, makingFolder: makingFolder) }.get()
    }

    func write(_ bytes: [UInt8], to path: String, makingFolder: Bool = true) throws(Diagnostic) {
        try bytes.withUnsafeBytes { write($0, to: path, makingFolder: makingFolder) }.get()
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to path: String, makingFolder: Bool) -> Result<Void, Diagnostic> {
        do {
            let folder = Self.folder(of: path)
            if makingFolder, !folder.isEmpty { try FileOutput.makeDirectory(absolute(folder)) }
            if replacesFiles {
                try FileOutput.replace(bytes, at: path, in: rootPath, spares: spareFolder)
            } else {
                try FileOutput.write(bytes, to: absolute(path))
            }
        } catch {
            return .failure(.error(absolute(path), "cannot write: \(error)"))
        }
        return .success(())
    }

    /// A file a rebuild may write.
    struct Item: Sendable {
        var path: String
        var content: RenderedOutput
        var isPage: Bool

        var hash: Int {
            switch content {
            case .page(let html): OutputFolder.hash(html)
            case .file(let bytes): OutputFolder.hash(bytes)
            case .parts(let parts): OutputFolder.hash(parts.joined)
            }
        }
    }

    /// Writes `items` in parallel; the first failure, if any, is thrown after
    /// all have been tried, with how many were written.
    func write(_ items: [Item], workers: Int) throws(PartialWrite) {
        let failure = Mutex<(first: Diagnostic?, count: Int)>((nil, 0))
        forEachChunk(of: items.count, workers: workers) { range in
            for item in items[range] {
                do throws(Diagnostic) {
                    _ = try write(item.content, to: item.path, hashing: false)
                } catch {
                    failure.withLock { $0 = ($0.first ?? error, $0.count + 1) }
                }
            }
        }
        let (first, failed) = failure.withLock { $0 }
        if let first { throw PartialWrite(error: first, written: items.count - failed, total: items.count) }
    }

    /// Removes a file and the folders that leaves empty (`papers/old-slug/`, a removed guide's `acl-2024/`).
    func remove(_ path: String) {
        unlink(absolute(path))
        var folder = Self.folder(of: path)
        while !folder.isEmpty, rmdir(absolute(folder)) == 0 {
            folder = Self.folder(of: folder)
        }
    }

    /// Tells whether a file's bytes changed between builds (`ByteHash`: several
    /// times faster than `Hasher` on the megabytes of a large site's feed).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        Int(truncatingIfNeeded: ByteHash.of(bytes.assumingMemoryBound(to: UInt8.self)))
    }

    static func hash(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    static func hash(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { hash($0) }
    }
}
