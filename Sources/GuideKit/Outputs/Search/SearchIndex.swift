/// The search index, split so that a query fetches a few small files whatever
/// the site's size (`search.js` reads it):
///
/// - `search/meta.js`: how many documents and buckets, the guides' names, the
///   stop words, and the stamp of the other files (a hash of them all), which
///   the script adds to their URLs (`?v=…`), so that a browser never mixes files
///   of two builds from its cache. The script loads this file itself afresh;
/// - `search/t/<n>.js`, a bucket of terms (`SearchText.bucket`): each term with
///   its postings, the documents it is in and how much it weighs in each;
/// - `search/d/<n>.js`, a chunk of `chunkSize` documents' results
///   (`SearchDocument.record`), fetched only for results on screen.
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
    var meta: [UInt8]
    var buckets: [[UInt8]]
    var chunks: [[UInt8]]

    /// Documents a chunk of `search/d/`: 20 results on screen fetch at most
    /// 20 chunks, and a chunk of a large site is about 4 KB compressed.
    static let chunkSize = 64
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

    /// - Parameter groups: how many groups of buckets are made side by side,
    ///   each reading every document for the terms of its own buckets: the
    ///   index is one derived value, which would otherwise keep one processor
    ///   busy while the others wait (a third of an intro edit at 10,000 papers).
    init(_ documents: [SearchDocument], guides: [String], groups: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let bucketCount = Self.bucketCount(documents: documents.count)
        let groups = max(1, min(bucketCount, groups))
        let made = parallelMap(groups) { group in Self.buckets(documents, count: bucketCount, group: group, of: groups) }
        buckets = (0..<bucketCount).map { made[$0 % groups][$0 / groups] }
        chunks = stride(from: 0, to: documents.count, by: Self.chunkSize).map { start in
            var file = Array("guideSearchLoaded(\"d/\(start / Self.chunkSize)\",[".utf8)
            for index in start..<min(start + Self.chunkSize, documents.count) {
                if index > start { file.append(contentsOf: ",\n".utf8) }
                file += documents[index].record
            }
            file.append(contentsOf: "]);\n".utf8)
            return file
        }
        var hash: UInt64 = 0
        for file in buckets + chunks {
            hash = (hash &* 0x100_0000_01b3) ^ file.withUnsafeBufferPointer(ByteHash.of)
        }
        var meta = Array("guideSearchLoaded(\"meta\",{\"buckets\":\(bucketCount),\"chunk\":\(Self.chunkSize),\"documents\":\(documents.count),\"guides\":[".utf8)
        for (index, guide) in guides.enumerated() {
            if index > 0 { meta.append(UInt8(ascii: ",")) }
            JSONText.appendString(guide, to: &meta)
        }
        meta.append(contentsOf: "],\"stopWords\":[".utf8)
        for (index, word) in SearchText.stopWords.enumerated() {
            if index > 0 { meta.append(UInt8(ascii: ",")) }
            JSONText.appendString(word, to: &meta)
        }
        meta.append(contentsOf: "],\"stamp\":\"\(String(hash, radix: 36))\",\"version\":2});\n".utf8)
        self.meta = meta
    }

    /// The files of the buckets `group`, `group + groups`, … (of `count`), in that order.
    private static func buckets(_ documents: [SearchDocument], count: Int, group: Int, of groups: Int) -> [[UInt8]] {
        var postings: [String: PostingList] = [:]
        for (number, document) in documents.enumerated() {
            document.terms.forEach { term, weight in
                guard SearchText.bucket(ofUTF8: term, buckets: count) % groups == group else { return }
                postings[String(decoding: term, as: UTF8.self), default: PostingList()].append(number, weight: weight)
            }
        }
        var byBucket = [[String]](repeating: [], count: (count - group + groups - 1) / groups)
        for term in postings.keys { byBucket[SearchText.bucket(of: term, buckets: count) / groups].append(term) }
        return byBucket.enumerated().map { index, terms in
            var file = Array("guideSearchLoaded(\"t/\(index * groups + group)\",{".utf8)
            for (index, term) in terms.sorted().enumerated() {
                if index > 0 { file.append(UInt8(ascii: ",")) }
                JSONText.appendString(term, to: &file)
                file.append(contentsOf: ":\"".utf8)
                file += postings[term]!.bytes
                file.append(UInt8(ascii: "\""))
            }
            file.append(contentsOf: "});\n".utf8)
            return file
        }
    }

    /// A term's postings as written: the documents it is in, in order, each
    /// as its distance from the one before, times four, plus the weight.
    struct PostingList {
        private var last = -1
        private(set) var bytes: [UInt8] = []

        mutating func append(_ document: Int, weight: UInt8) {
            SearchIndexFiles.appendNumber((document - last) << 2 | Int(weight), to: &bytes)
            last = document
        }
    }

    /// `value` in the posting lists' base 32 (`digits`).
    static func appendNumber(_ value: Int, to list: inout [UInt8]) {
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
            + differing(old?.chunks ?? [], new?.chunks ?? [], .searchChunk)
        if old?.meta != new?.meta { facts.append(Fact(.searchMeta, 0)) }
        return facts
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
        let count = index(reader, part: Fact(.searchMeta, 0)).chunks.count
        return (0..<count).map { (Int32($0), OutputPath(Routes.searchChunk($0))) }
    }, render: { number, reader throws(Diagnostic) in
        .file(index(reader, part: Fact(.searchChunk, number)).chunks[Int(number)])
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
        documents += guides.map { SearchDocument.guide($0, reader) }
        for guide in guides {
            for topic in reader.topics(of: guide) { documents.append(reader.derived(Derivations.searchTopic, topic.raw)!) }
        }
        for letter in reader.derived(Derivations.authorIndex, SiteModel.siteID) ?? [] {
            for author in letter.authors { documents.append(reader.derived(Derivations.searchAuthor, author.raw)!) }
        }
        documents += reader.sitePages.map { SearchDocument.page($0, reader) }
        documents += reader.sitePostings.map { SearchDocument.posting($0, reader) }
        for guide in guides {
            for paper in reader.papers(of: guide) { documents.append(reader.derived(Derivations.searchPaper, paper.raw)!) }
        }
        return documents
    }
}

/// JSON text written directly, as bytes.
enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, UTF-8 kept.
    static func appendString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        defer { json.append(UInt8(ascii: "\"")) }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            json.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): json.append(contentsOf: #"\\"#.utf8)
            case 0x0A: json.append(contentsOf: #"\n"#.utf8)
            case 0x0D: json.append(contentsOf: #"\r"#.utf8)
            case 0x09: json.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20: json.append(contentsOf: String(format: "\\u%04x", byte).utf8)
            default: json.append(byte)
            }
        }
    }
}

import Foundation
