/// One thing the search finds (a paper, topic, author, guide, extra page or
/// job posting): what its result shows, and the terms it is found by, each
/// with the weight of the best field it is in.
struct SearchDocument: Equatable, Sendable {
    /// The result as the search page's script reads it: the JSON array
    /// `[kind, title, url, detail, guide]`, `guide` "" on a site of one guide.
    var record: [UInt8]
    /// The hash of `record` (`ByteHash`), which cuts the index's chunks
    /// (`SearchIndexFiles.cuts`): made with the document, not by every
    /// rebuild for every document (2.4 ms of adding a paper at 10,000).
    var recordHash: UInt64
    /// Each term once, sorted.
    var terms: PackedTerms

    /// How much a match in a field counts (`search.js` ranks by the sum over
    /// the query's words): a title or a name above what a paper is filed
    /// under, and that above its description.
    enum Field: UInt8 {
        /// A text: description, abstract, intro, a posting's text and places.
        case text = 1
        /// What it is filed under: a paper's topic, a result's guide.
        case context = 2
        /// Its title, its name, a paper's authors.
        case title = 3
    }

    struct WeightedTerm: Equatable, Sendable {
        var term: String
        var weight: UInt8
    }

    /// Weighted terms in one buffer: for each, its weight, its length in
    /// UTF-8 bytes (LEB128) and its bytes. A build keeps every document until
    /// the index is made; as arrays of strings their terms took 64 MB at
    /// 100,000 papers, at the build's peak.
    struct PackedTerms: Equatable, Sendable {
        private var bytes: [UInt8] = []

        init(_ terms: [WeightedTerm]) {
            bytes.reserveCapacity(terms.reduce(0) { $0 + $1.term.utf8.count + 2 })
            for term in terms {
                bytes.append(term.weight)
                var length = term.term.utf8.count
                repeat {
                    bytes.append(UInt8(length & 0x7F) | (length > 0x7F ? 0x80 : 0))
                    length >>= 7
                } while length > 0
                bytes += term.term.utf8
            }
        }

        /// Each term with its weight.
        var weights: [String: UInt8] {
            var weights: [String: UInt8] = [:]
            forEach { term, weight in weights[String(decoding: term, as: UTF8.self)] = weight }
            return weights
        }

        /// Each term as its UTF-8 bytes, with its weight, without making a string of it.
        func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) {
            bytes.withUnsafeBufferPointer { bytes in
                var index = 0
                while index < bytes.count {
                    let weight = bytes[index]
                    index += 1
                    var length = 0, shift = 0
                    while true {
                        let byte = bytes[index]
                        index += 1
                        length |= Int(byte & 0x7F) << shift
                        shift += 7
                        if byte < 0x80 { break }
                    }
                    body(UnsafeBufferPointer(rebasing: bytes[index..<index + length]), weight)
                    index += length
                }
            }
        }
    }

    /// Kinds in the order their documents are numbered: on equal scores, a
    /// topic, author or guide comes before the papers it gathers.
    enum Kind: String, CaseIterable {
        case guide, topic, author, page, posting, paper
    }

    init(kind: Kind, title: String, url: String, detail: String, guide: String?, fields: [(String, Field)]) {
        var weights: [String: UInt8] = [:]
        for (text, field) in fields where !text.isEmpty {
            for term in SearchText.terms(text) where weights[term] ?? 0 < field.rawValue {
                weights[term] = field.rawValue
            }
        }
        terms = PackedTerms(weights.map { WeightedTerm(term: $0.key, weight: $0.value) }.sorted { $0.term < $1.term })
        // Links as the search page's folder reaches them (`SiteLinks`).
        let url = SiteLinks.resolve(url, from: Routes.file(of: Routes.search))
        var json: [UInt8] = []
        json.reserveCapacity(32 + title.utf8.count + url.utf8.count + detail.utf8.count)
        json.append(UInt8(ascii: "["))
        for (index, value) in [kind.rawValue, title, url, detail, guide ?? ""].enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            JSONText.appendString(value, to: &json)
        }
        json.append(UInt8(ascii: "]"))
        record = json
        recordHash = json.withUnsafeBufferPointer(ByteHash.of)
    }
}

extension SearchDocument {
    static func paper(_ id: PaperID, _ reader: Reader) -> SearchDocument {
        let title = reader.title(id)
        let paper = reader.paper(id)
        let authors = paper.authors.map { reader.author($0).name }
        let topic = paper.topic.map { reader.topic($0).title }
        var detail = joinedNames(authors)
        if let topic { detail += " · " + topic }
        let guide = guideName(title.guide, reader)
        return SearchDocument(kind: .paper, title: title.title, url: title.url, detail: detail, guide: guide, fields: [
            (title.title, .title), (authors.joined(separator: " "), .title), (topic ?? "", .context), (guide ?? "", .context),
            (SearchText.text(ofHTML: paper.descriptionHTML), .text), (paper.abstractText, .text),
        ])
    }

    static func topic(_ id: TopicID, _ reader: Reader) -> SearchDocument {
        let topic = reader.topic(id)
        let guide = guideName(topic.guide, reader)
        return SearchDocument(kind: .topic, title: topic.title, url: topic.url,
                              detail: count(reader.papers(of: id).count, "paper"), guide: guide, fields: [
            (topic.title, .title), (guide ?? "", .context), (SearchText.text(ofHTML: topic.descriptionHTML), .text),
        ])
    }

    static func author(_ id: AuthorID, _ reader: Reader) -> SearchDocument {
        let author = reader.author(id)
        return SearchDocument(kind: .author, title: author.name, url: author.url,
                              detail: count(reader.papers(of: id).count, "paper"), guide: nil, fields: [(author.name, .title)])
    }

    /// A guide's home page: found by its title, name, subtitle and intro.
    static func guide(_ id: GuideID, _ reader: Reader) -> SearchDocument {
        let guide = reader.guide(id)
        let text = reader.text(of: id)
        return SearchDocument(kind: .guide, title: guide.title, url: guide.url,
                              detail: count(reader.count(.papers, of: id), "paper"), guide: guideName(id, reader), fields: [
            (guide.title, .title), (guide.name, .title), (text.subtitle, .text), (SearchText.text(ofHTML: text.introHTML), .text),
        ])
    }

    /// An extra page: its title, its description as the detail, and its guide's
    /// name for a guide's page on a site of several.
    static func page(_ id: ExtraPageID, _ reader: Reader) -> SearchDocument {
        let page = reader.extraPage(id)
        let guide = page.guide.flatMap { guideName($0, reader) }
        return SearchDocument(kind: .page, title: page.title, url: page.url, detail: page.description, guide: guide, fields: [
            (page.title, .title), (page.description, .text), (SearchText.text(ofHTML: reader.text(of: id).bodyHTML), .text),
        ])
    }

    /// A job posting of the careers page, with its places as the detail.
    static func posting(_ id: PostingID, _ reader: Reader) -> SearchDocument {
        let posting = reader.posting(id)
        let places = posting.locations.joined(separator: " · ")
        let url = reader.site.links.url(Routes.careers) + "#" + posting.slug
        return SearchDocument(kind: .posting, title: posting.title, url: url, detail: places, guide: nil, fields: [
            (posting.title, .title), (places, .text), (SearchText.text(ofHTML: posting.textHTML), .text),
        ])
    }

    /// The guide's name, on a site of several guides.
    private static func guideName(_ guide: GuideID, _ reader: Reader) -> String? {
        reader.site.multipleGuides ? reader.guide(guide).name : nil
    }
}
