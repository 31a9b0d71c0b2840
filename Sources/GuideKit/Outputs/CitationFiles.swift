/// The citation exports: beside each paper's page `cite.bib`, `cite.ris`
/// and `cite.json`; for each guide `papers.bib`, `papers.ris` and
/// `papers.json` with every paper of the guide, in the guide's order. Each is
/// made of the papers' `Derivations.citation`, the texts the paper page shows.
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

        /// A file of these citations, as bytes: a guide's may hold ten thousand,
        /// so it is sized before it is filled (building it as a string and
        /// copying that took a good part of a rebuild's render step).
        func file(_ citations: [CitationExports]) -> [UInt8] {
            let (head, separator, tail): (String, String, String) = switch self {
            case .bibtex: ("", "\n\n", citations.isEmpty ? "" : "\n")
            // RIS records are separated by a blank line.
            case .ris: ("", "\r\n", "")
            case .cslJSON: citations.isEmpty ? ("[]\n", "", "") : ("[\n", ",\n", "\n]\n")
            }
            let texts = citations.map(text)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(texts.reduce(head.utf8.count + tail.utf8.count) { $0 + $1.utf8.count + separator.utf8.count })
            bytes += head.utf8
            for (index, text) in texts.enumerated() {
                if index > 0 { bytes += separator.utf8 }
                var text = text
                text.withUTF8 { bytes.append(contentsOf: $0) }
            }
            bytes += tail.utf8
            return bytes
        }

        /// One citation in this format.
        func text(_ citation: CitationExports) -> String {
            switch self {
            case .bibtex: citation.bibtex
            case .ris: citation.ris
            case .cslJSON: citation.csl
            }
        }
    }

    /// `papers/<slug>/cite.<ext>`: one paper.
    static func ofPaper(_ format: Format) -> OutputKind {
        OutputKind(name: "cite.\(format.fileExtension)", page: nil, outputsOfGuide: { guide, reader in
            reader.papers(of: guide).map { ($0.raw, Routes.citation(paper: reader.title($0).path, extension: format.fileExtension)) }
        }, render: { id, reader throws(Diagnostic) in
            .file(format.file(reader.derived(Derivations.citation, id).map { [$0] } ?? []))
        })
    }

    /// `<guide>/papers.<ext>`: every paper of the guide.
    static func ofGuide(_ format: Format) -> OutputKind {
        OutputKind(name: "papers.\(format.fileExtension)", page: nil, outputsOfGuide: { guide, reader in
            [(guide.raw, Routes.citations(prefix: reader.guide(guide).prefix, extension: format.fileExtension))]
        }, render: { id, reader throws(Diagnostic) in
            let citations = reader.papers(of: GuideID(id)).compactMap { reader.derived(Derivations.citation, $0.raw) }
            return .file(format.file(citations))
        })
    }

    static let kinds: [OutputKind] = Format.allCases.map(ofPaper) + Format.allCases.map(ofGuide)
}
