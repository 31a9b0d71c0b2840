import Yams

/// A YAML settings file read as `key: value` lines, each with its line number,
/// for the settings readers (`site.yml`, a guide's settings, `authors.yml`).
struct YAMLMapping {
    struct Entry {
        var key: String
        var line: Int?
        var value: Node
    }

    var entries: [Entry]

    /// The entries of `yaml`; none for an empty file. Errors name the file, line and column.
    init(yaml: String, file: String) throws(Diagnostic) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.diagnostic(error, file: file)
        } catch {
            throw .error(file, "\(error)")
        }
        guard let node else {
            entries = []
            return
        }
        guard let mapping = node.mapping else {
            throw .error(file, line: node.mark?.line, "expected settings as `key: value` lines")
        }
        try Self.checkCharacters(node, file: file)
        entries = mapping.map { Entry(key: $0.key.string ?? "", line: $0.key.mark?.line, value: $0.value) }
    }

    /// YAML keeps control characters out of a file but lets an escape
    /// (`"\f"`) put them in a value; no page or feed can hold them.
    private static func checkCharacters(_ node: Node, file: String) throws(Diagnostic) {
        switch node {
        case .scalar(let scalar):
            if let forbidden = scalar.string.unicodeScalars.first(where: SourceLines.isForbidden) {
                throw .error(file, line: node.mark?.line, column: node.mark?.column,
                             "this value holds \(SourceLines.describe(forbidden)), which cannot appear on a web page or in a feed")
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                try checkCharacters(key, file: file)
                try checkCharacters(value, file: file)
            }
        case .sequence(let sequence):
            for element in sequence { try checkCharacters(element, file: file) }
        case .alias:
            break
        }
    }

    /// "unknown setting "x" is ignored (known: a, b)".
    static func unknown(_ entry: Entry, known: [String], file: String) -> Diagnostic {
        .warning(file, line: entry.line, "unknown setting \"\(entry.key)\" is ignored (known: \(known.sorted().joined(separator: ", ")))")
    }

    private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return .error(file, line: mark.line, column: mark.column, "invalid YAML: \(problem)")
        default:
            return .error(file, "invalid YAML: \(error)")
        }
    }
}
