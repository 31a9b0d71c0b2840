import Synchronization

/// The parts of large files that a session's rebuilds made, so that a part
/// made of the same texts as before is not made again: a guide's `papers.*`
/// hold every paper's citation (12 MB at 10,000 papers), and making their
/// parts again for one retitled paper took 6 ms of the render step's
/// processor time. Held by a build session (`BuildState`); a build that is
/// not rebuilt from has none.
final class FilePartCache: Sendable {
    /// A part, and what it was made of.
    struct Part: Sendable {
        var texts: [String]
        /// Whether it began the file, and whether it ended it: the head and
        /// the tail are in the first and the last part.
        var first: Bool
        var last: Bool
        var bytes: [UInt8]
    }

    /// By file (`key`), then by the id of the part's first item.
    private let files = Mutex<[String: [Int32: Part]]>([:])

    /// The part of `file` that begins with item `item` and holds `texts`:
    /// the one made before when it holds the same texts, else `make()`.
    func part(of file: String, startingWith item: Int32, texts: [String], first: Bool, last: Bool,
              make: () -> [UInt8]) -> [UInt8] {
        if let kept = files.withLock({ $0[file]?[item] }), kept.first == first, kept.last == last, kept.texts == texts {
            return kept.bytes
        }
        let bytes = make()
        files.withLock { $0[file, default: [:]][item] = Part(texts: texts, first: first, last: last, bytes: bytes) }
        return bytes
    }

    /// Forgets the files not in `files`: those of a guide the site no longer has.
    func keep(files kept: Set<String>) {
        files.withLock { files in files = files.filter { kept.contains($0.key) } }
    }

    /// The files it holds parts of.
    var heldFiles: Set<String> {
        files.withLock { Set($0.keys) }
    }

    /// Forgets the parts of `file` that begin with none of `items`.
    func keep(of file: String, partsStartingWith items: [Int32]) {
        let kept = Set(items)
        files.withLock { files in files[file] = files[file]?.filter { kept.contains($0.key) } }
    }
}
