/// Lays out planned pages with the site's templates.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    public func render(_ page: PlannedPage) throws(Diagnostic) -> String {
        guard let html = templates.render(page.context, template: page.template) else {
            throw .error("\(templates.displayPath)/\(page.template).mustache", "template missing while rendering \(page.path)")
        }
        return html
    }
}
