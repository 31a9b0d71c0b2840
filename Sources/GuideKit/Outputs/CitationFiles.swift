/// The citation exports: beside each paper's page `cite.bib`, `cite.ris`
/// and `cite.json`; for each guide `papers.bib`, `papers.ris` and
/// `papers.json` with every paper of the guide, in the guide's order. Each is
/// made of the papers' texts (`Derivations.citationBibTeX`, …), as the paper page's are.
enum CitationFiles {
    enum Format: CaseIterable, Sendable {
        case bibtex, ris, cslJSON

        var fileExtension: String {
            switch self {
            case .bibtex: "bib"
            case .ris: "ris"
            case .cslJSON: "json"
            }
        }

        /// A file of citations, given as their texts (`text`), as bytes.
        func file(_ texts: [String]) -> [UInt8] {
            parts([0..<texts.count]) { Array(texts[$0]) }.joined
        }

        /// A file of citations in parts, `ranges` of them each (in order,
        /// together every citation), the texts of each part given by
        /// `texts(range)` as the part is made: a guide's may hold a hundred
        /// thousand, and the build writes them part by part. With `cache`,
        /// a part made of the same texts as before is not made again.
        func parts(_ ranges: [Range<Int>], cache: (parts: FilePartCache, file: String, first: (Range<Int>) -> Int32)? = nil,
                   _ texts: @escaping @Sendable (Range<Int>) -> [String]) -> FileParts {
            let count = ranges.last?.upperBound ?? 0
            let (head, separator, tail): (String, String, String) = switch self {
            case .bibtex: ("", "\n\n", count == 0 ? "" : "\n")
            // RIS records are separated by a blank line.
            case .ris: ("", "\r\n", "")
            case .cslJSON: count == 0 ? ("[]\n", "", "") : ("[\n", ",\n", "\n]\n")
            }
            let partCount = max(1, ranges.count)
            let ranges = ranges.isEmpty ? [0..<0] : ranges
            let make = { @Sendable (part: Int, texts: [String]) -> [UInt8] in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(texts.reduce(head.utf8.count + tail.utf8.count) { $0 + $1.utf8.count + separator.utf8.count })
                if part == 0 { bytes += head.utf8 }
                for (offset, var text) in texts.enumerated() {
                    if offset > 0 || part > 0 { bytes += separator.utf8 }
                    text.withUTF8 { bytes.append(contentsOf: $0) }
                }
                if part == partCount - 1 { bytes += tail.utf8 }
                return bytes
            }
            guard let cache else {
                return FileParts(count: partCount) { part in make(part, texts(ranges[part])) }
            }
            let firsts = ranges.map { $0.isEmpty ? -1 : cache.first($0) }
            cache.parts.keep(of: cache.file, partsStartingWith: firsts)
            let (parts, file) = (cache.parts, cache.file)
            return FileParts(count: partCount) { part in
                let texts = texts(ranges[part])
                return parts.part(of: file, startingWith: firsts[part], texts: texts, first: part == 0, last: part == partCount - 1) {
                    make(part, texts)
                }
            }
        }

        /// One citation in this format: the BibTeX entry without a final
        /// newline; the RIS record, its lines ended by CRLF, `ER` included; the
        /// CSL-JSON item, an object indented as an item of the array of a file.
        func text(_ citation: Citation) -> String {
            switch self {
            case .bibtex: BibTeX.entry(citation)
            case .ris: RIS.record(citation)
            case .cslJSON: CSLJSON.item(citation)
            }
        }
    }

    /// `papers/<slug>/cite.<ext>`: one paper.
    static func ofPaper(_ format: Format) -> OutputKind {
        let name = Routes.citationFileName(extension: format.fileExtension)
        return OutputKind(name: "cite.\(format.fileExtension)", page: nil, itemsOfGuide: { guide, reader in
            reader.papers(of: guide).map(\.raw)
        }, outputsOfItem: { paper, reader in
            [(paper, OutputPath(in: reader.title(PaperID(paper)).path, name: name))]
        }, render: { id, reader throws(Diagnostic) in
            .file(format.file(reader.citationText(of: PaperID(id), format).map { [$0] } ?? []))
        })
    }

    /// `<guide>/papers.<ext>`: every paper of the guide.
    static func ofGuide(_ format: Format) -> OutputKind {
        OutputKind(name: "papers.\(format.fileExtension)", page: nil, outputsOfGuide: { guide, reader in
            [(guide.raw, OutputPath(Routes.citations(prefix: reader.guide(guide).prefix, extension: format.fileExtension)))]
        }, render: { id, reader throws(Diagnostic) in
            // Each part reads its papers' texts as it is made, rather than from
            // a list of them all (24 MB at 100,000 papers), through a reader of
            // its own that records nothing; the texts are recorded here. (Every
            // paper has a citation. Reading each paper's `Citation` here, to
            // record it, took a fifth of a retitle's render at 10,000 papers.)
            let papers = reader.papers(of: GuideID(id))
            reader.recordReads(format.derivation, papers)
            let (snapshot, derivation) = (reader.snapshot, format.derivation)
            let cache = snapshot.fileParts.map { cache in
                (parts: cache, file: partsKey(format, of: GuideID(id)), first: { (range: Range<Int>) in papers[range.lowerBound].raw })
            }
            return .parts(format.parts(partRanges(papers), cache: cache) { range in
                Reader(snapshot, computing: nil, records: false).derived(derivation, papers[range]).map { $0! }
            })
        })
    }

    static let kinds: [OutputKind] = Format.allCases.map(ofPaper) + Format.allCases.map(ofGuide)

    /// What a guide's file in `format` is kept under in a `FilePartCache`.
    static func partsKey(_ format: Format, of guide: GuideID) -> String {
        "\(format.fileExtension) \(guide.raw)"
    }

    /// Forgets the parts of the files of every guide but `guides`: a guide
    /// removed while the site is previewed does not keep its parts (12 MB at
    /// 10,000 papers) for the rest of the session.
    static func keepParts(of guides: [GuideID], in cache: FilePartCache) {
        cache.keep(files: Set(guides.flatMap { guide in Format.allCases.map { partsKey($0, of: guide) } }))
    }

    /// Papers a part of a guide's file, on average, and at most.
    static let partSize = 256
    static let maximumPart = 4 * partSize

    /// A guide's papers cut into the parts of its files: a part begins at
    /// each paper whose id is a multiple of `partSize`, or after
    /// `maximumPart` papers. Ids are kept through edits, and a new paper gets
    /// a new one: a paper added or removed changes the part it is in, and
    /// the parts after it stay as they were (`FilePartCache`).
    static func partRanges(_ papers: [PaperID]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in papers.indices.dropFirst()
        where index - start == maximumPart || papers[index].raw % Int32(partSize) == 0 {
            ranges.append(start..<index)
            start = index
        }
        if start < papers.count { ranges.append(start..<papers.count) }
        return ranges
    }
}

extension CitationFiles.Format {
    /// The derived texts of this format.
    var derivation: Derivation<String> {
        switch self {
        case .bibtex: Derivations.citationBibTeX
        case .ris: Derivations.citationRIS
        case .cslJSON: Derivations.citationCSL
        }
    }
}

extension Reader {
    /// A paper's citation in `format` (`Derivations.citationBibTeX`, …).
    func citationText(of paper: PaperID, _ format: CitationFiles.Format) -> String? {
        derived(format.derivation, paper.raw)
    }
}
