import Foundation

/// What parses of one guide share, so that a re-parse after an edit decodes
/// and cuts only the blocks whose bytes are new: each block seen so far,
/// keyed by its bytes, with its lines and items; and the strings those items
/// refer to by number (author names, slugs, normalised titles).
///
/// Everything in it depends on a block's bytes alone, never on where the
/// block is or what is around it, so an entry stays right for any guide that
/// has those bytes, and a parse that reuses the memo gives what a parse with
/// an empty one gives. It only grows: a parse starts a new memo once the old
/// one holds more unused blocks than `maximumUnused` (`reusable`).
///
/// A class, shared by the results that used it and locked while a parse uses
/// it: a re-parse adds to it instead of copying it.
final class ParseMemo: @unchecked Sendable {
    private let lock = NSLock()

    /// One distinct block.
    struct Entry {
        var hash: UInt64
        var bytes: [UInt8]
        /// The next entry whose bytes have the same hash, or -1.
        var nextWithSameHash: Int32
        /// Trimmed, as `SourceLines` gives them.
        var lines: [String]
        /// Cut on first use: the header's and the postings' blocks never are.
        var items: [GuideItem]?
    }

    private(set) var entries: [Entry] = []
    private var entryByHash: [UInt64: Int32] = [:]
    /// Blocks in the last guide parsed with this memo.
    private var blocksInUse = 0

    /// Author names, matched as `String`s match (canonical equivalence).
    private var names = Interned()
    /// For each name, the slug of the spelling it was first seen in.
    private var nameSlugs: [Int32] = []
    var slugs = Interned()
    var titleKeys = Interned()

    static let maximumUnused = 10_000

    /// A memo for the next parse: this one, unless most of it is unused.
    var reusable: ParseMemo? {
        withLock { entries.count <= blocksInUse + Self.maximumUnused ? self : nil }
    }

    func withLock<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The entry for a block's bytes, decoding them if they are new; nil when they are not valid UTF-8.
    func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = ByteHash.of(bytes)
        let first = entryByHash[hash] ?? -1
        var candidate = first
        while candidate >= 0 {
            if entries[Int(candidate)].bytes.withUnsafeBufferPointer({ Self.equal($0, bytes) }) { return candidate }
            candidate = entries[Int(candidate)].nextWithSameHash
        }
        guard let lines = SourceLines.texts(in: bytes) else { return nil }
        let index = Int32(entries.count)
        entries.append(Entry(hash: hash, bytes: Array(bytes), nextWithSameHash: first, lines: lines))
        entryByHash[hash] = index
        return index
    }

    func lines(_ entry: Int32) -> [String] {
        entries[Int(entry)].lines
    }

    func items(_ entry: Int32) -> [GuideItem] {
        if let items = entries[Int(entry)].items { return items }
        let items = GuideItem.cut(entries[Int(entry)].lines, memo: self)
        entries[Int(entry)].items = items
        return items
    }

    func noteBlocksInUse(_ count: Int) {
        blocksInUse = count
    }

    // MARK: - Authors

    /// An author name as the parser's state machine needs it.
    struct AuthorKey: Sendable {
        /// The same for names that are equal as strings.
        var name: Int32
        /// The slug of this spelling of the name.
        var slug: Int32
    }

    func author(_ name: String) -> AuthorKey {
        let id = names.id(name)
        if Int(id) == nameSlugs.count {
            nameSlugs.append(slugs.id(Slug.make(name)))
        }
        // An equal name in another form ("e\u{301}" for "é") may make another slug.
        let slug = names[id].hasSameBytes(as: name) ? nameSlugs[Int(id)] : slugs.id(Slug.make(name))
        return AuthorKey(name: id, slug: slug)
    }

    var nameCount: Int { names.count }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let first = a.baseAddress, let second = b.baseAddress else { return true }
        return memcmp(first, second, a.count) == 0
    }
}

/// Strings numbered in order of first appearance; equal strings (as `String`s
/// compare) get the same number.
struct Interned {
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    var count: Int { strings.count }

    subscript(id: Int32) -> String { strings[Int(id)] }

    /// The number of `string`, numbering it if it is new.
    mutating func id(_ string: String) -> Int32 {
        let next = Int32(strings.count)
        let id = Self.valueOrInsert(&ids[string, default: next])
        if id == next { strings.append(string) }
        return id
    }

    func existingID(_ string: String) -> Int32? {
        ids[string]
    }

    /// Reads an entry through `Dictionary`'s `default:` accessor, which stores the default when the key is absent: one lookup.
    private static func valueOrInsert(_ value: inout Int32) -> Int32 { value }
}

extension String {
    /// The same UTF-8, not only canonically equivalent.
    func hasSameBytes(as other: String) -> Bool {
        withUTF8Bytes { a in
            other.withUTF8Bytes { b in
                a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }
}
