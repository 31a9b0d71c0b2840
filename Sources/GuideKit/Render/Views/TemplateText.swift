import Mustache

/// A string as templates see it.
///
/// swift-mustache renders a plain `String` through several dynamic casts and
/// `String(describing:)`, and looks names up inside one with `Mirror`; a
/// `MustacheCustomRenderable` that is also a `MustacheParent` takes its short
/// path. Measured on the 10,000-paper guide, this is a large part of render time.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    var renderText: String { value }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { value.transform(name) }
}

/// `text` for a template.
func asText(_ value: String) -> Any {
    TemplateText(value)
}

/// Empty strings read as missing, so `{{#description_html}}…{{/description_html}}`
/// renders only when there is something to show.
func nonEmpty(_ value: String) -> Any? {
    value.isEmpty ? nil : TemplateText(value)
}

/// `true`, or missing: flags that templates test with `{{#flag}}`.
func flag(_ value: Bool) -> Any? {
    value ? true : nil
}

/// The fragments of `ids` (a derived HTML value each), one after the other: a
/// whole list in one lookup. Missing (nil) when there is nothing to join, like
/// every empty text, so that `{{#papers_html}}<ul>{{{.}}}</ul>{{/papers_html}}`
/// shows an empty list not at all.
func joined<Entity>(_ ids: [ID<Entity>], _ fragment: Derivation<String>, _ reader: Reader,
                    separator: String = "\n") -> TemplateText? {
    guard !ids.isEmpty else { return nil }
    let html = reader.joined(fragment, ids, separator: separator)
    return html.isEmpty ? nil : TemplateText(html)
}

func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}

/// "A", "A and B", "A, B and C".
func joinedNames(_ names: [String]) -> String {
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + names.last!
}
