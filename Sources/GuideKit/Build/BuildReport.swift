/// What a build did: pages per kind, files, warnings, and time per phase.
public struct BuildReport: Sendable {
    public struct Phase: Sendable {
        public var name: String
        public var duration: Duration
    }

    public var pageCounts: [PageKind: Int] = [:]
    public var otherFiles = 0
    public var warnings: [Diagnostic] = []
    public var phases: [Phase] = []
    public var outputDisplayPath = ""

    public var pageCount: Int { pageCounts.values.reduce(0, +) }
    public var total: Duration { phases.reduce(.zero) { $0 + $1.duration } }

    /// Three lines for the terminal: where, what, how long.
    public var summary: String {
        let kinds = PageKind.allCases.compactMap { kind in
            pageCounts[kind].map { "\($0) \(kind.rawValue)" }
        }.joined(separator: ", ")
        let timings = phases.map { "\($0.name) \(Self.milliseconds($0.duration))" }.joined(separator: ", ")
        var lines = [
            "Built \(pageCount) pages and \(otherFiles) other files into \(outputDisplayPath)/ in \(Self.milliseconds(total))",
            "  pages: \(kinds)",
            "  time:  \(timings)",
        ]
        let notes = warnings.filter { $0.severity == .note }.count
        let counts = [(warnings.count - notes, "warning"), (notes, "note")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        if !counts.isEmpty {
            lines.append("  \(counts.joined(separator: ", ")) (above)")
        }
        return lines.joined(separator: "\n")
    }

    static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms >= 100 ? "\(Int(ms.rounded())) ms" : "\((ms * 10).rounded() / 10) ms"
    }
}

/// A build that stopped: the step that failed, why, and what state that left
/// the output folder in (untouched, unless a rebuild failed while writing).
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var step: String
    public var diagnostics: [Diagnostic]
    /// What the output folder holds now, said after the errors.
    public var outputState = "nothing was written"

    public init(step: String, diagnostics: [Diagnostic]) {
        self.step = step
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }

    public var description: String {
        (errors.map(\.description) + ["build failed during \(step): \(outputState)"]).joined(separator: "\n")
    }
}

/// Files a rebuild wrote into the live site before one failed: each is whole,
/// old or new, but the site is a mix of the two builds.
struct PartialWrite: Error, Sendable {
    var error: Diagnostic
    var written: Int
    var total: Int

    /// What the output folder holds, for `BuildFailure.outputState`.
    func outputState(_ output: String) -> String {
        "\(output)/ has \(written) of the \(total) changed files written, each whole, and the others as they were; "
            + "the next rebuild writes the whole site again"
    }
}

/// Several errors found in one step, all reported together.
struct DiagnosticList: Error, Sendable {
    var diagnostics: [Diagnostic]
}
