import Dispatch
import Foundation
import Synchronization

/// Renders pages and writes them, with generated files and copies, under a root
/// folder. Pages are rendered and written in parallel chunks: each page's HTML
/// goes to disk as soon as it exists, so memory stays flat however large the site.
struct SiteWriter: Sendable {
    let renderer: PageRenderer
    /// Threads to use; 1 gives a sequential build (the parallel build must match it byte for byte).
    let workers: Int
    /// Whether to hash every file written, for rebuilds to tell what changed.
    var hashesOutput = true

    /// CPU time spent in each half of the work, summed over threads.
    struct Timings: Sendable {
        var render: Duration = .zero
        var write: Duration = .zero
    }

    /// What was written: timings, and a hash of every file's bytes by path, so
    /// a later rebuild can tell which files really changed.
    struct Written: Sendable {
        var timings = Timings()
        var hashes: [String: Int] = [:]
    }

    /// Writes everything under `root` (a fresh staging folder).
    func write(pages: [PlannedPage], files: [PlannedFile], copies: [PlannedCopy], into root: URL) throws(Diagnostic) -> Written {
        let output = OutputFolder(root: root)
        try output.makeParentFolders(of: pages.map(\.path) + files.map(\.path) + copies.map(\.path))
        let failure = Mutex<Diagnostic?>(nil)
        let written = Mutex(Written())
        let clock = ContinuousClock()

        forEachChunk(of: pages.count, workers: workers) { range in
            var local = Written()
            for page in pages[range] {
                if failure.withLock({ $0 != nil }) { return }
                let renderStart = clock.now
                do {
                    let html = try renderer.render(page)
                    let writeStart = clock.now
                    local.timings.render += writeStart - renderStart
                    try output.write(html, to: page.path, makingFolder: true)
                    if hashesOutput { local.hashes[page.path] = OutputFolder.hash(html) }
                    local.timings.write += clock.now - writeStart
                } catch let error as Diagnostic {
                    failure.withLock { $0 = $0 ?? error }
                } catch {
                    failure.withLock { $0 = $0 ?? .error(output.absolute(page.path), "cannot write: \(error)") }
                }
            }
            written.withLock {
                $0.timings.render += local.timings.render
                $0.timings.write += local.timings.write
                $0.hashes.merge(local.hashes) { first, _ in first }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }

        let otherStart = clock.now
        var result = written.withLock { $0 }
        for file in files {
            try output.write(file.bytes, to: file.path)
            if hashesOutput { result.hashes[file.path] = OutputFolder.hash(file.bytes) }
        }
        for copy in copies {
            let bytes = try Self.read(copy)
            try output.write(bytes, to: copy.path)
            if hashesOutput { result.hashes[copy.path] = OutputFolder.hash(bytes) }
        }
        result.timings.write += clock.now - otherStart
        return result
    }

    /// Renders pages in parallel, in memory, in the order given.
    func render(_ pages: [PlannedPage]) throws(Diagnostic) -> [String] {
        let failure = Mutex<Diagnostic?>(nil)
        nonisolated(unsafe) var html = [String](repeating: "", count: pages.count)
        html.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            forEachChunk(of: pages.count, workers: workers) { range in
                for index in range {
                    do { output[index] = try renderer.render(pages[index]) }
                    catch { failure.withLock { $0 = $0 ?? error as? Diagnostic } }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return html
    }

    static func read(_ copy: PlannedCopy) throws(Diagnostic) -> [UInt8] {
        guard let bytes = FileOutput.read(copy.source.path) else {
            throw .error(copy.source.path, "cannot read this file to copy it into the site")
        }
        return bytes
    }
}

/// Files under an output root, written with `FileOutput`.
struct OutputFolder: Sendable {
    let root: URL
    /// Rewrite existing files in place (`FileOutput`), as rebuilds do; a build
    /// into a fresh folder has none.
    var rewritesInPlace = false
    private var rootPath: String { root.path }

    func absolute(_ path: String) -> String { rootPath + "/" + path }

    /// `papers/x/index.html` → `papers/x` (paths here are relative and normalised).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Creates the folders that hold the page folders and files (a handful:
    /// `topics/`, `papers/`, ...); each page creates its own folder as it is written.
    func makeParentFolders(of paths: [String]) throws(Diagnostic) {
        let parents = Set(paths.map { Self.folder(of: Self.folder(of: $0)) } + paths.map(Self.folder(of:)).filter { !$0.contains("/") })
        do {
            for parent in parents.sorted() where !parent.isEmpty {
                try FileOutput.makeDirectory(absolute(parent))
            }
        } catch {
            throw .error(rootPath, "cannot create folder: \(error)")
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
            try FileOutput.write(bytes, to: absolute(path), inPlace: rewritesInPlace)
        } catch {
            return .failure(.error(absolute(path), "cannot write: \(error)"))
        }
        return .success(())
    }

    /// Removes a file and, when that leaves it empty, its folder (`papers/old-slug/`).
    func remove(_ path: String) {
        unlink(absolute(path))
        let folder = Self.folder(of: path)
        if !folder.isEmpty { rmdir(absolute(folder)) }
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
