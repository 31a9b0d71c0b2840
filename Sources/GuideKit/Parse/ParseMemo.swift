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
/// A value, kept in a `Shared` box by the results that used it and taken
/// out of it (`withLock`) while a parse uses it: a re-parse adds to it
/// instead of copying it, and works on it as a local value.
struct ParseMemo {
    /// The memo of the results that used it, locked while a parse uses it.
    final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var memo = ParseMemo()

        /// A memo for the next parse: this one, unless most of it is unused.
        var reusable: Shared? {
            withLock { $0.entries.count <= $0.blocksInUse + ParseMemo.maximumUnused ? self : nil }
        }

        func withLock<Result, Failure: Error>(_ body: (inout ParseMemo) throws(Failure) -> Result) throws(Failure) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return try body(&memo)
        }
    }

    /// One distinct block.
    struct Entry {
        /// Where the block's bytes are in `keyBytes`.
        var key: Range<Int>
        /// The next entry whose bytes have the same hash, or -1.
        var nextWithSameHash: Int32
        /// Trimmed, as `SourceLines` gives them.
        var lines: [String]
        /// Cut on first use: the header's and the postings' blocks never are.
        var items: [GuideItem]?
        /// The first line is a "Related content" line (`Block.startsWithMarker`).
        var startsWithMarker: Bool
    }

    private var entries: [Entry] = []
    /// The bytes of every entry's block, one after the other.
    private var keyBytes: [UInt8] = []
    private var entryByHash: [UInt64: Int32] = [:]
    /// Blocks in the last guide parsed with this memo.
    private var blocksInUse = 0
    /// Papers in the last guide parsed with this memo.
    var paperCount = 0

    /// Author names, matched as `String`s match (canonical equivalence).
    private var names = Interned()
    /// Every spelling of a personal name seen in a byline: its words and author.
    private var knownNames: [ExactString: (words: Int, info: AuthorKey)] = [:]
    var slugs = Interned()
    var titleKeys = Interned()

    static let maximumUnused = 10_000

    /// The entry for a block's bytes, decoding them if they are new; nil when they are not valid UTF-8.
    mutating func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = ByteHash.of(bytes)
        let first = entryByHash[hash] ?? -1
        var candidate = first
        while candidate >= 0 {
            let key = entries[Int(candidate)].key
            if keyBytes.withUnsafeBufferPointer({ Self.equal(UnsafeBufferPointer(rebasing: $0[key]), bytes) }) { return candidate }
            candidate = entries[Int(candidate)].nextWithSameHash
        }
        guard let lines = SourceLines.texts(in: bytes) else { return nil }
        let index = Int32(entries.count)
        keyBytes.append(contentsOf: bytes)
        entries.append(Entry(key: (keyBytes.count - bytes.count)..<keyBytes.count, nextWithSameHash: first, lines: lines,
                             startsWithMarker: LinePatterns.isRelatedContentMarker(lines[0])))
        entryByHash[hash] = index
        return index
    }

    /// Room for the blocks of a guide and what they name, when the memo is new.
    mutating func reserveCapacity(blocks: Int) {
        guard entries.isEmpty else { return }
        entries.reserveCapacity(blocks)
        keyBytes.reserveCapacity(blocks * 128)
        entryByHash.reserveCapacity(blocks)
        names.reserveCapacity(blocks)
        knownNames.reserveCapacity(blocks)
        slugs.reserveCapacity(blocks * 3 / 2)
        titleKeys.reserveCapacity(blocks)
    }

    func startsWithMarker(_ entry: Int32) -> Bool {
        entries[Int(entry)].startsWithMarker
    }

    func lines(_ entry: Int32) -> [String] {
        entries[Int(entry)].lines
    }

    mutating func items(_ entry: Int32) -> [GuideItem] {
        if let items = entries[Int(entry)].items { return items }
        let items = GuideItem.cut(entries[Int(entry)].lines, memo: &self)
        entries[Int(entry)].items = items
        return items
    }

    mutating func noteBlocksInUse(_ count: Int) {
        blocksInUse = count
    }

    // MARK: - Authors

    /// An author name as the parser's state machine needs it.
    struct AuthorKey: Sendable {
        /// The same for names that are equal as strings.
        var name: Int32
        /// The slug this spelling of the name makes.
        var slug: Int32
    }

    /// A name read in a byline: its number of words and the author it names,
    /// or nil when it is not a personal name (`AuthorList.wordCount(of:)`).
    /// Each spelling is read once.
    mutating func personalName(_ name: String) -> (words: Int, info: AuthorKey)? {
        if let known = knownNames[ExactString(name)] { return known }
        guard let words = AuthorList.wordCount(of: name) else { return nil }
        let key = AuthorKey(name: names.id(name), slug: slugs.id(Slug.make(name)))
        knownNames[ExactString(name)] = (words, key)
        return (words, key)
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

    mutating func reserveCapacity(_ capacity: Int) {
        strings.reserveCapacity(capacity)
        ids.reserveCapacity(capacity)
    }

    func existingID(_ string: String) -> Int32? {
        ids[string]
    }

    /// Reads an entry through `Dictionary`'s `default:` accessor, which stores the default when the key is absent: one lookup.
    private static func valueOrInsert(_ value: inout Int32) -> Int32 { value }
}

/// A string that equals another only with the same UTF-8 (not only canonically
/// equivalent), hashed as bytes (`ByteHash`): no normalisation to compare or hash it.
struct ExactString: Hashable {
    let string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (a: ExactString, b: ExactString) -> Bool {
        a.string.hasSameBytes(as: b.string)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(string.withUTF8Bytes(ByteHash.of))
    }
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

extension [UInt8] {
    /// The same bytes, compared with `memcmp` (`==` compares a byte at a time:
    /// 4% of an edit's rebuild on a 50-guide site, whose files are all compared).
    func hasSameBytes(as other: [UInt8]) -> Bool {
        withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in
                a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }
}
