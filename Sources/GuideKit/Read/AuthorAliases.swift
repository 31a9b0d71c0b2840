import Foundation
import Yams

/// `Content/authors.yml`: name variants of one person, and people who share a name.
///
/// ```yaml
/// # A variant: every byline that says it means the person named on the right.
/// "Danielle C. Maddix": Danielle Maddix Robinson
/// # Two people with one name, kept apart per guide (guide slugs on the left).
/// Wei Wang:
///   icml-2023: Wei Wang (UCLA)
///   acl-2024: Wei Wang (Amazon)
/// ```
///
/// The same display name is the same person unless this file says otherwise.
public struct AuthorAliases: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var variant: String
        /// The person for every guide, or nil when the entry is per guide.
        var person: String?
        /// Guide slug → person.
        var byGuide: [String: String]
        var line: Int?
    }

    var entries: [String: Entry] = [:]
    /// The file, as diagnostics name it.
    var file: String = "authors.yml"

    public init() {}

    static func load(yaml: String, file: String) throws(Diagnostic) -> AuthorAliases {
        var aliases = AuthorAliases()
        aliases.file = file
        for entry in try YAMLMapping(yaml: yaml, file: file).entries {
            let variant = entry.key.trimmingSpaces
            guard !variant.isEmpty else { throw .error(file, line: entry.line, "a name variant must not be empty") }
            guard aliases.entries[variant] == nil else {
                throw .error(file, line: entry.line, "\"\(variant)\" is listed twice")
            }
            var alias = Entry(variant: variant, person: nil, byGuide: [:], line: entry.line)
            if let person = entry.value.scalar?.string.trimmingSpaces, !person.isEmpty {
                alias.person = person
            } else if let mapping = entry.value.mapping, !mapping.isEmpty {
                for (guide, person) in mapping {
                    guard let slug = guide.string?.trimmingSpaces, !slug.isEmpty,
                          let name = person.scalar?.string.trimmingSpaces, !name.isEmpty else {
                        throw .error(file, line: guide.mark?.line ?? entry.line,
                                     "expected `guide-slug: Person's name` lines under \"\(variant)\"")
                    }
                    alias.byGuide[slug] = name
                }
            } else {
                throw .error(file, line: entry.line,
                             "expected \"\(variant)\": Person's name, or lines `guide-slug: Person's name` under it")
            }
            aliases.entries[variant] = alias
        }
        return aliases
    }

    /// The person a byline name in `guide` means.
    func person(named name: String, in guide: String) -> String {
        // Most sites have no `authors.yml`: no name to hash then.
        guard !entries.isEmpty, let entry = entries[name] else { return name }
        return entry.byGuide[guide] ?? entry.person ?? name
    }

    /// The variants of this file among `names` (a guide's byline names).
    func variants(in names: [String]) -> Set<String> {
        entries.isEmpty ? [] : Set(names.filter { entries[$0] != nil })
    }

    /// Warnings for entries no byline uses (`used`: the variants some guide's
    /// bylines wrote, `variants(in:)`) and for guide slugs that name no guide.
    func warnings(used: Set<String>, guides: Set<String>) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for entry in entries.values.sorted(by: { ($0.line ?? 0, $0.variant) < ($1.line ?? 0, $1.variant) }) {
            if !used.contains(entry.variant) {
                warnings.append(.warning(file, line: entry.line, "\"\(entry.variant)\" matches no byline in any guide"))
            }
            let unknown = Set(entry.byGuide.keys).subtracting(guides)
            if !unknown.isEmpty {
                warnings.append(.warning(file, line: entry.line,
                    "no guide named \(unknown.sorted().joined(separator: ", ")) (a guide is named after its .txt file)"))
            }
        }
        return warnings
    }
}
