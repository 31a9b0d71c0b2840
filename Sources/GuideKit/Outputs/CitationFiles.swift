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
            parts(count: texts.count) { Array(texts[$0]) }.joined
        }

        /// A file of `count` citations in parts of a few hundred, the texts of
        /// each part given by `texts(range)` as the part is made: a guide's may
        /// hold a hundred thousand, and the build writes them part by part.
        func parts(count: Int, _ texts: @escaping @Sendable (Range<Int>) -> [String]) -> FileParts {
            let (head, separator, tail): (String, String, String) = switch self {
            case .bibtex: ("", "\n\n", count == 0 ? "" : "\n")
            // RIS records are separated by a blank line.
            case .ris: ("", "\r\n", "")
            case .cslJSON: count == 0 ? ("[]\n", "", "") : ("[\n", ",\n", "\n]\n")
            }
            let perPart = 256
            let partCount = max(1, (count + perPart - 1) / perPart)
            return FileParts(count: partCount) { part in
                let range = part * perPart..<min((part + 1) * perPart, count)
                var texts = texts(range)
                var bytes: [UInt8] = []
                bytes.reserveCapacity(texts.reduce(head.utf8.count + tail.utf8.count) { $0 + $1.utf8.count + separator.utf8.count })
                if part == 0 { bytes += head.utf8 }
                for (offset, index) in range.enumerated() {
                    if index > 0 { bytes += separator.utf8 }
                    texts[offset].withUTF8 { bytes.append(contentsOf: $0) }
                }
                if part == partCount - 1 { bytes += tail.utf8 }
                return bytes
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
            return .parts(format.parts(count: papers.count) { range in
                Reader(snapshot, computing: nil, records: false).derived(derivation, papers[range]).map { $0! }
            })
        })
    }

    static let kinds: [OutputKind] = Format.allCases.map(ofPaper) + Format.allCases.map(ofGuide)
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
