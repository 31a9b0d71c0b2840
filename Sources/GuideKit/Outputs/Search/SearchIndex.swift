/// The search index, split so that a query fetches a few small files whatever
/// the site's size (`search.js` reads it):
///
/// - `search/meta.js`: how many documents and buckets, the guides' names, the
///   stop words, and the stamp of the other files (a hash of them all), which
///   the script adds to their URLs (`?v=…`), so that a browser never mixes files
///   of two builds from its cache. The script loads this file itself afresh;
/// - `search/t/<n>.js`, a bucket of terms (`SearchText.bucket`): each term with
///   its postings, the documents it is in and how much it weighs in each;
/// - `search/d/<name>.js`, a chunk of documents' results
///   (`SearchDocument.record`), fetched only for results on screen. Chunks
///   are cut where the documents' records say (`cuts`), and named by them
///   (`chunkName`), not by number: a document added or removed changes its
///   own chunk, and the chunks after it keep their files and names, where
///   chunks of 64 numbered documents each were all written again (150–290
///   files at 10,000 papers for one paper added). `meta.js` lists them, each
///   as its count of documents and its name.
///
/// Each file is a script that hands its data to `guideSearchLoaded(name, data)`:
/// a page opened from disk may load a script, where browsers refuse `fetch`
/// of a `file://` URL. Documents are numbered guides first, then topics,
/// authors (A–Z), extra pages, postings, and papers last, each in the site's
/// order (`SearchDocument.Kind`).
///
/// A posting list is a string: per document, the distance from the previous
/// one's number, times four, plus the weight (`SearchDocument.Field`), in
/// base 32, most significant digit first, digits 32–63 (`-` and `_`, `A`–`Z`,
/// …) marking that more follow (`digits`). Most postings take one character.
struct SearchIndexFiles: Equatable, Sendable {
    /// The version of the index's format, in `meta.js`: the built-in
    /// `search.js` reads this one (its `FORMAT`) and says so when the index
    /// has another. Changed with any change to what `search.js` must read
    /// otherwise (the files, the posting lists, `SearchText`'s terms).
    static let format = 3

    var meta: [UInt8]
    var buckets: [[UInt8]]
    var chunks: [Chunk]
    /// What the files were made of, kept by a build that is rebuilt from
    /// (`update`); nil otherwise. Not compared: the files say it all.
    var terms: KeptTerms?

    static func == (a: SearchIndexFiles, b: SearchIndexFiles) -> Bool {
        a.meta == b.meta && a.buckets == b.buckets && a.chunks == b.chunks
    }

    /// Documents a chunk of `search/d/`, on average: 20 results on screen
    /// fetch at most 20 chunks, and a chunk of a large site is about 4 KB
    /// compressed. A power of two.
    static let chunkSize = 64
    /// Documents a chunk, at most: a run of documents that no record cuts.
    static let maximumChunk = 4 * chunkSize

    /// A file of `search/d/`: the results of `count` documents in a row.
    struct Chunk: Equatable, Sendable {
        var name: String
        var count: Int
        var file: [UInt8]
    }
    /// Documents a bucket, on average: the bucket count is the power of two
    /// nearest above documents ÷ this, so a bucket of a large site holds about
    /// 8 KB of postings.
    static let documentsPerBucket = 400
    /// The 64 digits of posting lists: JSON needs no escape for any.
    static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    static func bucketCount(documents: Int) -> Int {
        var count = 1
        while count * documentsPerBucket < documents { count *= 2 }
        return count
    }

    /// - Parameters:
    ///   - groups: how many groups of buckets are made side by side, each
    ///     reading every document for the terms of its own buckets: the index
    ///     is one derived value, which would otherwise keep one processor busy
    ///     while the others wait (a third of an intro edit at 10,000 papers).
    ///   - keepingTerms: keep what the files are made of, for `update`.
    init(_ documents: [SearchDocument], guides: [String], groups: Int = ProcessInfo.processInfo.activeProcessorCount,
         keepingTerms: Bool = false) {
        let bucketCount = Self.bucketCount(documents: documents.count)
        let groups = max(1, min(bucketCount, groups))
        let made = parallelMap(groups) { group in
            Self.terms(documents, buckets: bucketCount, group: group, of: groups).enumerated().map { index, terms in
                (terms: terms, file: Self.bucketFile(index * groups + group, terms))
            }
        }
        buckets = (0..<bucketCount).map { made[$0 % groups][$0 / groups].file }
        let records = documents.map(\.recordHash)
        chunks = Self.cuts(records).map { range in
            let name = Self.chunkName(records[range])
            return Chunk(name: name, count: range.count, file: Self.chunkFile(name, documents[range]))
        }
        let hashes = (buckets + chunks.map(\.file)).map { $0.withUnsafeBufferPointer(ByteHash.of) }
        meta = Self.metaFile(documents: documents.count, buckets: bucketCount, chunks: chunks, guides: guides, hashes: hashes)
        terms = keepingTerms
            ? SearchTerms(documents: documents, buckets: (0..<bucketCount).map { made[$0 % groups][$0 / groups].terms }, hashes: hashes)
                .handOn()
            : nil
    }

    /// The index of `documents`, made from this one's kept terms: the
    /// documents are lined up with those it was made of (`DocumentAlignment`),
    /// the postings of those that went or changed are taken out, the others
    /// numbered anew when documents were added or removed, and the postings of
    /// those that came or changed are put in; then the files they reach are
    /// made again; the documents are cut into chunks again, and a chunk of
    /// the same records as one before keeps its file. Nil when it kept no
    /// terms, when many documents changed, or when the number of buckets
    /// did: then the index is made anew.
    func update(_ documents: [SearchDocument], guides: [String]) -> SearchIndexFiles? {
        guard let kept = terms, kept.isCurrent, Self.bucketCount(documents: documents.count) == buckets.count,
              let alignment = DocumentAlignment(kept.terms.documents, documents, limit: max(64, documents.count / 16))
        else { return nil }
        let terms = kept.terms
        var dirtyBuckets = Set<Int>()
        func bucket(of term: String) -> Int {
            let bucket = term.withUTF8Bytes { SearchText.bucket(of: $0, buckets: buckets.count) }
            dirtyBuckets.insert(bucket)
            return bucket
        }
        // A document changed where it was, none renumbered: only the terms
        // that came, went or weigh otherwise in it move, and only their
        // buckets are made again (an intro's edit changes a few of its
        // hundreds of terms; a paper's retitle leaves its authors' names).
        let inPlace = alignment.renumbers ? [] : Set(alignment.removed).intersection(alignment.added)
        for number in alignment.removed {
            let removed = inPlace.contains(number) ? Self.difference(terms.documents[number], documents[number]) : terms.documents[number].terms.weights
            for term in removed.keys { terms.remove(number, from: term, in: bucket(of: term)) }
        }
        if alignment.renumbers {
            terms.renumber(alignment.newNumbers)
            dirtyBuckets = Set(buckets.indices)
        }
        for number in alignment.added {
            let added = inPlace.contains(number) ? Self.difference(documents[number], terms.documents[number]) : documents[number].terms.weights
            for (term, weight) in added { terms.add(number, weight: weight, to: term, in: bucket(of: term)) }
        }
        let documentsBefore = terms.documents
        terms.documents = documents
        releaseLater(documentsBefore)

        var updated = self
        // On every core: after a document is added or removed, every bucket is.
        let (remade, termBuckets) = (dirtyBuckets.sorted(), terms.buckets)
        let bucketFiles = parallelMap(remade.count) { Self.bucketFile(remade[$0], termBuckets[remade[$0]]) }
        for (bucket, file) in zip(remade, bucketFiles) {
            updated.buckets[bucket] = file
            terms.hashes[bucket] = file.withUnsafeBufferPointer(ByteHash.of)
        }
        // The chunks: those of the same records as before kept, with their hashes.
        var before: [String: Int] = [:]
        for (index, chunk) in chunks.enumerated() { before[chunk.name] = index }
        let records = documents.map(\.recordHash)
        let ranges = Self.cuts(records)
        var chunkHashes = [UInt64](repeating: 0, count: ranges.count)
        var made: [(index: Int, name: String)] = []
        updated.chunks = ranges.enumerated().map { index, range in
            let name = Self.chunkName(records[range])
            guard let old = before[name] else {
                made.append((index, name))
                return Chunk(name: name, count: range.count, file: [])
            }
            chunkHashes[index] = terms.hashes[buckets.count + old]
            return chunks[old]
        }
        let toMake = made
        let chunkFiles = parallelMap(toMake.count) { Self.chunkFile(toMake[$0].name, documents[ranges[toMake[$0].index]]) }
        for ((index, _), file) in zip(made, chunkFiles) {
            updated.chunks[index].file = file
            chunkHashes[index] = file.withUnsafeBufferPointer(ByteHash.of)
        }
        terms.hashes = Array(terms.hashes[..<buckets.count]) + chunkHashes
        updated.meta = Self.metaFile(documents: documents.count, buckets: buckets.count, chunks: updated.chunks, guides: guides,
                                     hashes: terms.hashes)
        updated.terms = terms.handOn()
        return updated
    }

    /// The terms of `document` that `other` does not have with the same weight.
    private static func difference(_ document: SearchDocument, _ other: SearchDocument) -> [String: UInt8] {
        let others = other.terms.weights
        return document.terms.weights.filter { others[$0.key] != $0.value }
    }

    /// The terms of the buckets `group`, `group + groups`, … (of `buckets`), in that order.
    private static func terms(_ documents: [SearchDocument], buckets: Int, group: Int, of groups: Int) -> [[String: [UInt32]]] {
        var byBucket = [[String: [UInt32]]](repeating: [:], count: (buckets - group + groups - 1) / groups)
        for (number, document) in documents.enumerated() {
            document.terms.forEach { term, weight in
                let bucket = SearchText.bucket(of: term, buckets: buckets)
                guard bucket % groups == group else { return }
                byBucket[bucket / groups][String(decoding: term, as: UTF8.self), default: []].append(SearchTerms.posting(number, weight))
            }
        }
        return byBucket
    }

    /// `search/t/<number>.js`: each term of the bucket, A–Z, with its postings.
    private static func bucketFile(_ number: Int, _ terms: [String: [UInt32]]) -> [UInt8] {
        var file = Array("guideSearchLoaded(\"t/\(number)\",{".utf8)
        digits.withUnsafeBufferPointer { digits in
            for (index, term) in terms.keys.sorted().enumerated() {
                if index > 0 { file.append(UInt8(ascii: ",")) }
                JSONText.appendString(term, to: &file)
                file.append(contentsOf: ":\"".utf8)
                var last = -1
                for posting in terms[term]! {
                    let document = Int(posting >> 2)
                    appendNumber((document - last) << 2 | Int(posting & 3), to: &file, digits: digits)
                    last = document
                }
                file.append(UInt8(ascii: "\""))
            }
        }
        file.append(contentsOf: "});\n".utf8)
        return file
    }

    /// `search/d/<name>.js`: the results of a chunk's documents.
    private static func chunkFile(_ name: String, _ documents: ArraySlice<SearchDocument>) -> [UInt8] {
        var file = Array("guideSearchLoaded(\"d/\(name)\",[".utf8)
        for (offset, document) in documents.enumerated() {
            if offset > 0 { file.append(contentsOf: ",\n".utf8) }
            file += document.record
        }
        file.append(contentsOf: "]);\n".utf8)
        return file
    }

    /// The chunks of documents whose records have these hashes: a chunk ends
    /// before each document whose hash is a multiple of `chunkSize` (in its
    /// high bits), so about every `chunkSize` documents, or after
    /// `maximumChunk` documents. Where a chunk ends depends on the records
    /// around it, not on where they are: a document added changes the chunk
    /// it joins (and splits it, when it begins a chunk itself), and the
    /// chunks after it stay as they were, as far as the next cut that no
    /// maximum made.
    static func cuts(_ hashes: [UInt64]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in hashes.indices.dropFirst() where index - start == maximumChunk || startsChunk(hashes[index]) {
            ranges.append(start..<index)
            start = index
        }
        if start < hashes.count { ranges.append(start..<hashes.count) }
        return ranges
    }

    /// Whether a document whose record has this hash begins a chunk.
    static func startsChunk(_ hash: UInt64) -> Bool {
        (hash >> 40) % UInt64(chunkSize) == 0
    }

    /// A chunk's name: a hash of its records' hashes, in base 36. Two chunks
    /// of one name have the same records (but once in about 2⁶⁴ pairs).
    static func chunkName(_ hashes: ArraySlice<UInt64>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for record in hashes { hash = (hash ^ record) &* 0x100_0000_01B3 }
        return String(hash, radix: 36)
    }

    /// `search/meta.js`, its stamp made of the other files' hashes, buckets
    /// first; each chunk as `[documents, name]`, in order.
    private static func metaFile(documents: Int, buckets: Int, chunks: [Chunk], guides: [String], hashes: [UInt64]) -> [UInt8] {
        var hash: UInt64 = 0
        for file in hashes { hash = (hash &* 0x100_0000_01b3) ^ file }
        var meta = Array("guideSearchLoaded(\"meta\",{\"buckets\":\(buckets),\"chunks\":[".utf8)
        for (index, chunk) in chunks.enumerated() {
            if index > 0 { meta.append(UInt8(ascii: ",")) }
            meta += "[\(chunk.count),\"\(chunk.name)\"]".utf8
        }
        meta += "],\"documents\":\(documents),\"guides\":[".utf8
        for (index, guide) in guides.enumerated() {
            if index > 0 { meta.append(UInt8(ascii: ",")) }
            JSONText.appendString(guide, to: &meta)
        }
        meta.append(contentsOf: "],\"stopWords\":[".utf8)
        for (index, word) in SearchText.stopWords.enumerated() {
            if index > 0 { meta.append(UInt8(ascii: ",")) }
            JSONText.appendString(word, to: &meta)
        }
        meta.append(contentsOf: "],\"stamp\":\"\(String(hash, radix: 36))\",\"version\":\(format)});\n".utf8)
        return meta
    }

    /// `value` in the posting lists' base 32 (`digits`).
    static func appendNumber(_ value: Int, to list: inout [UInt8]) {
        digits.withUnsafeBufferPointer { appendNumber(value, to: &list, digits: $0) }
    }

    /// `appendNumber(_:to:)` with the digits at hand: a bucket's file has
    /// thousands of numbers, and reaching the static array for each was a
    /// quarter of making it.
    static func appendNumber(_ value: Int, to list: inout [UInt8], digits: UnsafeBufferPointer<UInt8>) {
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            list.append(digits[(value >> shift) & 31 + 32])
            shift -= 5
        }
        list.append(digits[value & 31])
    }

    /// The parts that differ between two indexes, a fact each: a page or
    /// file that reads one bucket is not rendered again when another changes.
    static func changes(from old: SearchIndexFiles?, to new: SearchIndexFiles?) -> [Fact] {
        func differing(_ old: [[UInt8]], _ new: [[UInt8]], _ aspect: Aspect) -> [Fact] {
            (0..<max(old.count, new.count)).filter { $0 >= old.count || $0 >= new.count || old[$0] != new[$0] }
                .map { Fact(aspect, Int32($0)) }
        }
        var facts = differing(old?.buckets ?? [], new?.buckets ?? [], .searchBucket)
            + differing(old?.chunks.map(\.file) ?? [], new?.chunks.map(\.file) ?? [], .searchChunk)
        if old?.meta != new?.meta { facts.append(Fact(.searchMeta, 0)) }
        return facts
    }
}

/// What a search index was made of: its documents, and each bucket's terms
/// with their postings. A build that is rebuilt from keeps it, so that an
/// edit that changes some documents changes the postings of those alone
/// (`SearchIndexFiles.update`): hashing every term of every document again
/// took 10–20 ms of every edit at 10,000 papers.
///
/// A reference, handed on from an index to the index updated from it, which
/// changes it in place: the index updated from is still held (its files are
/// compared with the new ones), and as a value its terms were copied, each
/// bucket the update changed, then freed with it: 2–3 ms of an edit that
/// adds a document at 10,000 papers. It is changed only by `update`, which a
/// build runs on one thread; an index whose terms were handed on is made
/// anew if it is updated again (`KeptTerms.isCurrent`).
final class SearchTerms: @unchecked Sendable {
    var documents: [SearchDocument]
    /// By bucket: each term's postings (`posting`), in document order.
    var buckets: [[String: [UInt32]]]
    /// Each bucket file's hash, then each chunk file's, for the stamp.
    var hashes: [UInt64]
    /// How many times it was handed on.
    private(set) var generation = 0

    init(documents: [SearchDocument], buckets: [[String: [UInt32]]], hashes: [UInt64]) {
        (self.documents, self.buckets, self.hashes) = (documents, buckets, hashes)
    }

    /// Hands the terms on to the next index: the one they described can no
    /// longer be updated from them.
    func handOn() -> KeptTerms {
        generation += 1
        return KeptTerms(terms: self, generation: generation)
    }

    /// A document's number times four, plus the weight of the term in it.
    static func posting(_ document: Int, _ weight: UInt8) -> UInt32 {
        UInt32(document) << 2 | UInt32(weight)
    }

    func remove(_ document: Int, from term: String, in bucket: Int) {
        guard var postings = buckets[bucket].removeValue(forKey: term) else { return }
        let index = Self.place(of: document, in: postings)
        if index < postings.count, Int(postings[index] >> 2) == document { postings.remove(at: index) }
        if !postings.isEmpty { buckets[bucket][term] = postings }
    }

    func add(_ document: Int, weight: UInt8, to term: String, in bucket: Int) {
        var postings = buckets[bucket].removeValue(forKey: term) ?? []
        postings.insert(Self.posting(document, weight), at: Self.place(of: document, in: postings))
        buckets[bucket][term] = postings
    }

    /// Numbers every posting's document anew: `numbers[old]` is its new
    /// number (in the same order: `DocumentAlignment` keeps it). In place:
    /// a bucket's lists are its own.
    func renumber(_ numbers: [Int32]) {
        for bucket in buckets.indices {
            var index = buckets[bucket].values.startIndex
            while index != buckets[bucket].values.endIndex {
                buckets[bucket].values[index].withUnsafeMutableBufferPointer { postings in
                    for offset in postings.indices {
                        postings[offset] = UInt32(numbers[Int(postings[offset] >> 2)]) << 2 | (postings[offset] & 3)
                    }
                }
                buckets[bucket].values.formIndex(after: &index)
            }
        }
    }

    /// Where `document` is, or would go, in `postings`.
    private static func place(of document: Int, in postings: [UInt32]) -> Int {
        postings.partitionPoint { Int($0 >> 2) < document }
    }
}

/// An index's terms, as long as they are its own (`SearchTerms.handOn`).
struct KeptTerms: Sendable {
    let terms: SearchTerms
    let generation: Int

    var isCurrent: Bool { terms.generation == generation }
}

/// Documents of an index lined up with those of the index before, in order:
/// the documents equal to one before keep it (under their new number), and
/// the others were added (or changed), where those before were removed (or
/// changed). Walks both lists once; where they differ, it looks a few
/// documents ahead for the one it stands at, to tell an insertion or a
/// removal from a change. Equal documents are most often the same values
/// (`Derivations.searchPaper`), compared by their storage.
struct DocumentAlignment {
    /// By number before: the number now, or -1 for a document removed.
    var newNumbers: [Int32]
    /// Numbers before, of the documents removed or changed.
    var removed: [Int] = []
    /// Numbers now, of the documents added or changed.
    var added: [Int] = []
    /// Whether some document that stayed has another number now.
    private(set) var renumbers = false

    /// Nil when more than `limit` documents were added, removed or changed.
    init?(_ old: [SearchDocument], _ new: [SearchDocument], limit: Int, lookahead: Int = 8) {
        newNumbers = [Int32](repeating: -1, count: old.count)
        var (i, j) = (0, 0)
        while i < old.count, j < new.count {
            if old[i] == new[j] {
                newNumbers[i] = Int32(j)
                if i != j { renumbers = true }
                (i, j) = (i + 1, j + 1)
            } else if let ahead = (1...lookahead).first(where: { j + $0 < new.count && new[j + $0] == old[i] }) {
                added += j..<j + ahead
                j += ahead
            } else if let ahead = (1...lookahead).first(where: { i + $0 < old.count && old[i + $0] == new[j] }) {
                removed += i..<i + ahead
                i += ahead
            } else {
                removed.append(i)
                added.append(j)
                (i, j) = (i + 1, j + 1)
            }
            if removed.count + added.count > 2 * limit { return nil }
        }
        removed += i..<old.count
        added += j..<new.count
        if removed.count + added.count > 2 * limit { return nil }
    }
}

/// The index's files as outputs, each reading its part of the index
/// (`Derivations.searchIndex`).
enum SearchIndex {
    static let meta = OutputKind(name: "search index", page: nil, outputs: { _ in
        [(SiteModel.siteID, OutputPath(Routes.searchMeta))]
    }, render: { _, reader throws(Diagnostic) in
        .file(index(reader, part: Fact(.searchMeta, 0)).meta)
    })

    static let buckets = OutputKind(name: "search terms", page: nil, outputs: { reader in
        let count = index(reader, part: Fact(.searchMeta, 0)).buckets.count
        return (0..<count).map { (Int32($0), OutputPath(Routes.searchBucket($0))) }
    }, render: { number, reader throws(Diagnostic) in
        .file(index(reader, part: Fact(.searchBucket, number)).buckets[Int(number)])
    })

    static let chunks = OutputKind(name: "search results", page: nil, outputs: { reader in
        index(reader, part: Fact(.searchMeta, 0)).chunks.enumerated().map { (Int32($0), OutputPath(Routes.searchChunk($1.name))) }
    }, render: { number, reader throws(Diagnostic) in
        .file(index(reader, part: Fact(.searchChunk, number)).chunks[Int(number)].file)
    })

    static var kinds: [OutputKind] { [meta, buckets, chunks] }

    /// The index, recorded as read in `part` only. (The meta part changes with
    /// any file, for its stamp, so what reads the counts reads it.)
    static func index(_ reader: Reader, part: Fact) -> SearchIndexFiles {
        reader.derived(Derivations.searchIndex, SiteModel.siteID, part: part)!
    }

    /// Every document of the site, in the index's order.
    static func documents(_ reader: Reader) -> [SearchDocument] {
        let guides = reader.siteGuides
        var documents: [SearchDocument] = []
        reader.appendDerived(Derivations.searchGuide, guides, to: &documents)
        for guide in guides { reader.appendDerived(Derivations.searchTopic, reader.topics(of: guide), to: &documents) }
        for letter in reader.derived(Derivations.authorIndex, SiteModel.siteID) ?? [] {
            reader.appendDerived(Derivations.searchAuthor, letter.authors, to: &documents)
        }
        reader.appendDerived(Derivations.searchPage, reader.sitePages, to: &documents)
        reader.appendDerived(Derivations.searchPosting, reader.sitePostings, to: &documents)
        for guide in guides { reader.appendDerived(Derivations.searchPaper, reader.papers(of: guide), to: &documents) }
        return documents
    }
}

import Foundation
