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

        /// A file of these citations.
        func file(_ citations: [CitationExports]) -> String {
            switch self {
            case .bibtex: citations.isEmpty ? "" : citations.map(\.bibtex).joined(separator: "\n\n") + "\n"
            // RIS records are separated by a blank line.
            case .ris: citations.map(\.ris).joined(separator: "\r\n")
            case .cslJSON: CSLJSON.array(citations.map(\.csl))
            }
        }
    }

    /// `papers/<slug>/cite.<ext>`: one paper.
    static func ofPaper(_ format: Format) -> OutputKind {
        OutputKind(name: "cite.\(format.fileExtension)", page: nil, outputsOfGuide: { guide, reader in
            reader.papers(of: guide).map { ($0.raw, Routes.citation(paper: reader.title($0).path, extension: format.fileExtension)) }
        }, render: { id, reader throws(Diagnostic) in
            .file(Array(format.file(reader.derived(Derivations.citation, id).map { [$0] } ?? []).utf8))
        })
    }

    /// `<guide>/papers.<ext>`: every paper of the guide.
    static func ofGuide(_ format: Format) -> OutputKind {
        OutputKind(name: "papers.\(format.fileExtension)", page: nil, outputsOfGuide: { guide, reader in
            [(guide.raw, Routes.citations(prefix: reader.guide(guide).prefix, extension: format.fileExtension))]
        }, render: { id, reader throws(Diagnostic) in
            let citations = reader.papers(of: GuideID(id)).compactMap { reader.derived(Derivations.citation, $0.raw) }
            return .file(Array(format.file(citations).utf8))
        })
    }

    static let kinds: [OutputKind] = Format.allCases.map(ofPaper) + Format.allCases.map(ofGuide)
}
