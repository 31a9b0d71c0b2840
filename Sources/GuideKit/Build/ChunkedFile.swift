/// A generated file made of one chunk per entry between a head and a tail
/// (the search index's entries, the feed's, the sitemap's URLs), so that a
/// rebuild makes again only the chunks of what changed, then joins them.
struct ChunkedFile: Sendable {
    var path: String
    var head: [UInt8]
    var chunks: [[UInt8]]
    /// Written between two chunks, e.g. a JSON comma.
    var separator: [UInt8] = []
    /// Written after every chunk, e.g. the feed's timestamp of each entry.
    var afterEach: [UInt8] = []
    var tail: [UInt8]

    var file: PlannedFile {
        var bytes = head
        bytes.reserveCapacity(head.count + tail.count + chunks.reduce(0) { $0 + $1.count }
            + chunks.count * (separator.count + afterEach.count))
        for (index, chunk) in chunks.enumerated() {
            if index > 0 { bytes += separator }
            bytes += chunk
            bytes += afterEach
        }
        bytes += tail
        return PlannedFile(path: path, bytes: bytes)
    }
}
