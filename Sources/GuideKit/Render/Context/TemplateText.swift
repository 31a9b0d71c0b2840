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
