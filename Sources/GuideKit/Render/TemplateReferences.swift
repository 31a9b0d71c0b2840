import Foundation

/// Finds `{{> partial}}` and `{{< parent}}` tags that name a template that does
/// not exist. swift-mustache renders a missing partial as nothing; an author
/// who mistyped a name deserves an error with the position instead.
enum TemplateReferences {
    struct Missing {
        var line: Int
        var column: Int
        var message: String
    }

    /// Names of the partials and parents `text` uses.
    static func names(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let kind = rest.first, kind == ">" || kind == "<", let close = rest.range(of: "}}") else { continue }
            names.insert(rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingSpaces)
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// `name` and every template it uses, directly or through others.
    static func closure(of name: String, sources: [String: String]) -> Set<String> {
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let text = sources[next] else { continue }
            pending += names(in: text)
        }
        return seen
    }

    /// Whether rendering `template` may look up a variable named `word`: the
    /// word appears in it or in a template it uses. A dynamic partial or
    /// changed delimiters make that impossible to rule out, so they count too.
    static func mayRead(_ word: String, rendering template: String, sources: [String: String]) -> Bool {
        closure(of: template, sources: sources).contains { name in
            guard let text = sources[name] else { return name.hasPrefix("*") }
            return text.contains(word) || text.contains("{{=")
        }
    }

    static func missing(in text: String, available: some Collection<String>) -> Missing? {
        let names = Set(available)
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), let kind = text[text.index(index, offsetBy: 2)...].first,
               kind == ">" || kind == "<" {
                let nameStart = text.index(index, offsetBy: 3)
                if let close = text[nameStart...].range(of: "}}") {
                    let name = text[nameStart..<close.lowerBound].trimmingSpaces
                    if !name.isEmpty, !name.hasPrefix("*"), !names.contains(name) {
                        let what = kind == ">" ? "partial" : "parent template"
                        return Missing(line: line, column: column,
                                       message: "\(what) \"\(name)\" not found: no \(name).mustache in the templates folder")
                    }
                }
            }
            if text[index].isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return nil
    }
}
