/// A template's source text and where it comes from.
public struct TemplateFile: Sendable {
    /// The name partials and parents use: its path under the templates folder without
    /// `.mustache` (`partials/header`).
    public var name: String
    /// The file errors name.
    public var path: String
    public var text: String

    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

/// A problem found in a template when it is loaded, at its file, line and column.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier: `template.syntax`, `template.unknown-key`, `template.wrong-kind`,
    /// `template.missing-partial`, `template.recursion`, `template.missing`, `template.unknown-string`.
    public var id: String
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int

    init(id: String, message: String, file: String, position: TemplatePosition) {
        self.id = id
        self.message = message
        self.file = file
        line = position.line
        column = position.column
    }

    public var description: String { "\(file):\(line):\(column): error: \(message) [\(id)]" }
}

/// Every problem found while loading templates.
public struct TemplateErrors: Error, Sendable {
    public var errors: [TemplateError]
}

/// Mustache templates, parsed once, compiled against the views they render.
public struct TemplateLibrary: Sendable {
    private let templates: [String: ParsedTemplate]
    private let strings: TemplateStrings

    /// Parses every file; throws the syntax errors of all of them. `strings` are the interface
    /// strings `{{t.…}}` shows.
    public init(_ files: [TemplateFile], strings: TemplateStrings = .none) throws(TemplateErrors) {
        var templates: [String: ParsedTemplate] = [:]
        var errors: [TemplateError] = []
        for file in files {
            do {
                let nodes = try TemplateParser(file: file.path, source: file.text).parse()
                templates[file.name] = ParsedTemplate(file: file.path, nodes: nodes)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors: errors) }
        self.templates = templates
        self.strings = strings
    }

    /// Whether there is a template of this name.
    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The template `name`, compiled for views of type `View`: every name it uses, in it and in
    /// its partials and parents, must be a key of the views in scope.
    public func compile<View: TemplateView>(_ name: String, for view: View.Type) throws(TemplateErrors) -> Template<View> {
        try compile(name, root: .of(View.self))
    }

    /// The template `name`, compiled with `root` as the type at the bottom of the context stack.
    func compile<Root>(_ name: String, root: ContextType) throws(TemplateErrors) -> Template<Root> {
        guard let template = templates[name] else {
            let position = TemplatePosition(line: 1, column: 1)
            throw TemplateErrors(errors: [
                TemplateError(id: "template.missing", message: "there is no template '\(name)'", file: name, position: position),
            ])
        }
        var compiler = TemplateCompiler(templates: templates, strings: strings)
        let nodes = compiler.compile(template.nodes, in: .init(stack: [root], file: template.file))
        guard compiler.errors.isEmpty else { throw TemplateErrors(errors: compiler.errors) }
        return Template(nodes: nodes, partials: compiler.partials)
    }
}

/// A template compiled for one type of view: rendering looks no names up.
public struct Template<Root>: Sendable {
    let nodes: [CompiledNode]
    let partials: [[CompiledNode]]

    /// The template rendered with `root` as its context.
    public func render(_ root: Root) -> String {
        var renderer = TemplateRenderer(partials: partials)
        renderer.render(nodes, in: ValueFrame(root, parent: nil))
        return renderer.output
    }
}
