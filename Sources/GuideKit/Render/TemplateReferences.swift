import Foundation

/// What the templates say about each other and about their shape, checked
/// before swift-mustache parses or renders them, for the mistakes it would
/// not report: a `{{> partial}}` or `{{< parent}}` that names no template (it
/// renders nothing), a template that uses itself, directly or through others
/// (endless recursion), sections nested past any sane depth, and a template
/// too large for its parser (both of which it handles by crashing or hanging).
enum TemplateReferences {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// A `{{…}}` tag that opens or closes a section or names another template.
    struct Tag {
        /// `#`, `^`, `$`, `<` open a section; `/` closes one; `>` is a partial.
        var kind: UInt8
        var name: String
        var line: Int
        var column: Int

        var opensSection: Bool { kind == UInt8(ascii: "#") || kind == UInt8(ascii: "^") || kind == UInt8(ascii: "$") || kind == UInt8(ascii: "<") }
        /// The template it names, when it names one (not a dynamic `{{>*name}}`).
        var template: String? {
            (kind == UInt8(ascii: ">") || kind == UInt8(ascii: "<")) && !name.hasPrefix("*") && !name.isEmpty ? name : nil
        }
    }

    /// Deeper nesting than any real page needs; swift-mustache parses and
    /// renders sections by recursion, and 10,000 levels overflow its stack.
    static let maximumDepth = 100
    /// swift-mustache's parser takes time that grows with the square of a
    /// template's size (128 KB of tags takes over two seconds); real templates
    /// are a few KB.
    static let maximumSize = 100_000

    /// The structural tags of `text`, with 1-based lines and columns (in
    /// characters), up to a set-delimiter tag `{{=…=}}`, past which tags are
    /// no longer `{{…}}`.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        return text.withUTF8Bytes { bytes -> [Tag] in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                    let kind = bytes[index + 2]
                    if kind == UInt8(ascii: "=") { return tags }
                    if "#^$</>".utf8.contains(kind) {
                        var end = index + 3
                        while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) { end += 1 }
                        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 3)..<min(end, bytes.count)]), as: UTF8.self)
                        tags.append(Tag(kind: kind, name: String(name.trimmingSpaces), line: line, column: column))
                    }
                }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            return tags
        }
    }

    /// Names of the partials and parents `text` uses.
    static func names(in text: String) -> Set<String> {
        Set(tags(in: text).compactMap(\.template))
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

    /// The first problem of the template `name` among `sources`: too large,
    /// nested too deep, naming a template that does not exist, or using itself.
    /// - Parameter uses: the templates each template names (`names(in:)`), found once for all.
    static func problem(in name: String, sources: [String: String], uses: [String: Set<String>]) -> Problem? {
        guard let text = sources[name] else { return nil }
        if text.utf8.count > maximumSize {
            return Problem(line: 1, column: 1, message: "the template is \(text.utf8.count / 1000) KB, over the limit of \(maximumSize / 1000) KB: "
                           + "split it into partials, or move large styles and scripts into Templates/assets/")
        }
        var depth = 0
        for tag in tags(in: text) {
            if tag.opensSection {
                depth += 1
                if depth > maximumDepth {
                    return Problem(line: tag.line, column: tag.column, message: "sections nest more than \(maximumDepth) deep here")
                }
            } else if tag.kind == UInt8(ascii: "/") {
                depth = max(0, depth - 1)
            }
            guard let used = tag.template else { continue }
            guard sources[used] != nil else {
                let what = tag.kind == UInt8(ascii: ">") ? "partial" : "parent template"
                return Problem(line: tag.line, column: tag.column,
                               message: "\(what) \"\(used)\" not found: no \(used).mustache in the templates folder")
            }
            if let cycle = path(from: used, to: name, uses: uses) {
                let chain = ([name] + cycle).joined(separator: " → ")
                return Problem(line: tag.line, column: tag.column,
                               message: "\"\(name)\" uses itself (\(chain)): rendering it would never end")
            }
        }
        return nil
    }

    /// The templates from `start` to `target` through what each uses, both
    /// included, or nil when `start` does not lead to `target`.
    private static func path(from start: String, to target: String, uses: [String: Set<String>]) -> [String]? {
        var cameFrom: [String: String] = [start: start]
        var pending = [start]
        while !pending.isEmpty {
            let current = pending.removeFirst()
            if current == target {
                var path = [current]
                while let previous = cameFrom[path[0]], previous != path[0] { path.insert(previous, at: 0) }
                return path
            }
            for next in (uses[current] ?? []).sorted() where cameFrom[next] == nil {
                cameFrom[next] = current
                pending.append(next)
            }
        }
        return nil
    }
}
