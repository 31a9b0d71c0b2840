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

    /// CPU time spent in each half of the work, summed over threads.
    struct Timings: Sendable {
        var render: Duration = .zero
        var write: Duration = .zero
    }

    func write(pages: [PlannedPage], files: [PlannedFile], copies: [PlannedCopy], into root: URL) throws(Diagnostic) -> Timings {
        let rootPath = root.path
        @Sendable func absolute(_ path: String) -> String { rootPath + "/" + path }
        @Sendable func folder(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

        // Parent folders first (a handful: topics/, papers/, ...); each page then creates its own.
        let pageFolders = Set(pages.map { folder($0.path) })
        let parents = Set(pageFolders.map(folder) + files.map { folder($0.path) } + copies.map { folder($0.path) })
        do {
            for parent in parents.sorted() where !parent.isEmpty {
                try FileOutput.makeDirectory(absolute(parent))
            }
        } catch {
            throw .error(rootPath, "cannot create folder: \(error)")
        }

        let failure = Mutex<Diagnostic?>(nil)
        let timings = Mutex(Timings())
        let chunkCount = workers <= 1 ? 1 : min(pages.count, workers * 8)
        let chunkSize = max(1, (pages.count + max(chunkCount, 1) - 1) / max(chunkCount, 1))
        let clock = ContinuousClock()

        @Sendable func writeChunk(_ chunk: Int) {
            var local = Timings()
            let start = chunk * chunkSize
            let end = min(start + chunkSize, pages.count)
            guard start < end else { return }
            for page in pages[start..<end] {
                if failure.withLock({ $0 != nil }) { return }
                let renderStart = clock.now
                do {
                    let html = try renderer.render(page)
                    let writeStart = clock.now
                    local.render += writeStart - renderStart
                    let pageFolder = folder(page.path)
                    if !pageFolder.isEmpty { try FileOutput.makeDirectory(absolute(pageFolder)) }
                    try FileOutput.write(html, to: absolute(page.path))
                    local.write += clock.now - writeStart
                } catch let error as Diagnostic {
                    failure.withLock { $0 = $0 ?? error }
                } catch {
                    failure.withLock { $0 = $0 ?? .error(absolute(page.path), "cannot write: \(error)") }
                }
            }
            timings.withLock {
                $0.render += local.render
                $0.write += local.write
            }
        }

        if chunkCount <= 1 {
            writeChunk(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: chunkCount, execute: writeChunk)
        }
        if let error = failure.withLock({ $0 }) { throw error }

        let otherStart = clock.now
        do {
            for file in files {
                try FileOutput.write(file.bytes, to: absolute(file.path))
            }
            for copy in copies {
                guard let bytes = FileOutput.read(copy.source.path) else {
                    throw Diagnostic.error(copy.source.path, "cannot read this file to copy it into the site")
                }
                try FileOutput.write(bytes, to: absolute(copy.path))
            }
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error(rootPath, "cannot write: \(error)")
        }
        var result = timings.withLock { $0 }
        result.write += clock.now - otherStart
        return result
    }
}
