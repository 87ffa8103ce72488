/// Compiles parsed templates against the types on the context stack: every name is resolved
/// here (innermost context first, then along dotted names), partials are compiled where they
/// are included, and parents are expanded with their blocks replaced. Problems are collected in
/// ``errors`` with their file and position.
struct TemplateCompiler {
    /// Every parsed template, by name.
    let templates: [String: ParsedTemplate]
    /// The interface strings `{{t.…}}` shows.
    let strings: TemplateStrings
    /// The compiled partials, which ``CompiledNode/partial(_:indentation:)`` refers to by index.
    private(set) var partials: [[CompiledNode]] = []
    private(set) var errors: [TemplateError] = []
    private var partialIndex: [PartialKey: Int] = [:]

    init(templates: [String: ParsedTemplate], strings: TemplateStrings = .none) {
        self.templates = templates
        self.strings = strings
    }

    /// The first part of the names that show interface strings: `{{t.header.search}}`.
    static let stringsRoot = "t"

    /// What the nodes being compiled are compiled in.
    struct Scope {
        /// The types on the context stack, outermost first.
        var stack: [ContextType]
        /// The file the nodes come from.
        var file: String
        /// Whether the lines may be indented when rendered (inside an indented partial or block).
        var indented = false
        /// The blocks that the templates extending this one replace.
        var blocks: [String: Override] = [:]
        /// How many parents enclose these nodes.
        var parentDepth = 0
    }

    /// A block's replacement content, from the file that defines it.
    struct Override {
        var block: TemplateBlock
        var file: String
    }

    /// A partial is compiled once for each stack it is included with (a recursive partial meets
    /// its own key again and stops). Only the first occurrence of each type counts: names
    /// resolve to the innermost context of a type that has them.
    private struct PartialKey: Hashable {
        var name: String
        var types: [ObjectIdentifier]
        var indented: Bool
    }

    /// Parents include parents: beyond this depth they are taken to include each other endlessly.
    static let maximumParentDepth = 50

    mutating func compile(_ nodes: [TemplateNode], in scope: Scope) -> [CompiledNode] {
        var compiled: [CompiledNode] = []
        for node in nodes {
            switch node {
            case .text(let text):
                compiled.appendText(text)
            case .lineStart:
                if scope.indented { compiled.append(.indent) }
            case .variable(let name, let escaped) where name.parts.first == Self.stringsRoot:
                compiled.appendNodes(interfaceString(name, escaped: escaped, in: scope))
            case .section(let name, _, _) where name.parts.first == Self.stringsRoot:
                report("template.wrong-kind", "'\(name.text)' is an interface string: show it with {{\(name.text)}}", scope.file,
                       name.position)
            case .variable(let name, let escaped):
                guard let access = resolve(name, in: scope) else { continue }
                guard let text = access.text else {
                    report("template.wrong-kind", "'\(name.text)' is \(access.kind): open it as a section, {{#\(name.text)}}", scope.file, name.position)
                    continue
                }
                compiled.append(.value(text, escaped: escaped))
            case .section(let name, inverted: true, let body):
                guard let access = resolve(name, in: scope) else { continue }
                compiled.append(.inverted(access.isFalsey, body: compile(body, in: scope)))
            case .section(let name, inverted: false, let body):
                guard let access = resolve(name, in: scope) else { continue }
                var inner = scope
                if let pushed = access.pushes { inner.stack.append(pushed) }
                compiled.append(.section(access.each, body: compile(body, in: inner)))
            case .partial(let inclusion):
                guard let index = partial(inclusion, in: scope) else { continue }
                compiled.append(.partial(index, indentation: inclusion.indentation))
            case .parent(let inclusion, let blocks):
                compiled.appendNodes(parent(inclusion, blocks: blocks, in: scope))
            case .block(let block):
                compiled.appendNodes(expand(block, in: scope))
            }
        }
        return compiled
    }

    // MARK: - Names

    /// The access of `name`: its first part from the innermost type on the stack that has it
    /// (`.` is the innermost value itself), the other parts from the values found.
    private mutating func resolve(_ name: TemplateName, in scope: Scope, forString string: (key: String, source: String)? = nil) -> Access? {
        // A placeholder of an interface string says which string names it.
        let unknown = string.map { "interface string '\($0.key)' (\($0.source)) names an unknown key '{\(name.text)}'" }
        guard let first = name.parts.first else {
            let current = scope.stack[scope.stack.count - 1]
            guard let access = current.key(".") else {
                report("template.wrong-kind", "'.' is a \(current.name): name one of its keys", scope.file, name.position)
                return nil
            }
            return access
        }
        guard var access = scope.stack.reversed().lazy.compactMap({ $0.key(first) }).first else {
            let names = scope.stack.reversed().map(\.name).joined(separator: " or ")
            report("template.unknown-key", (unknown ?? "unknown key '\(name.text)'") + ": no key '\(first)' in \(names)",
                   scope.file, name.position)
            return nil
        }
        for (index, part) in name.parts.enumerated().dropFirst() {
            let before = name.parts[..<index].joined(separator: ".")
            guard let member = access.member else {
                report("template.wrong-kind", "'\(before)' is \(access.kind), which has no keys", scope.file, name.position)
                return nil
            }
            guard let next = member(part) else {
                report("template.unknown-key",
                       (unknown ?? "unknown key '\(name.text)'") + ": '\(before)' is \(access.kind), which has no key '\(part)'",
                       scope.file, name.position)
                return nil
            }
            access = next
        }
        return access
    }

    // MARK: - Interface strings

    /// `{{t.key}}`: the string's text (escaped with the tag), its placeholders read from the
    /// context here; a string with plural forms chooses one by its first number placeholder.
    private mutating func interfaceString(_ name: TemplateName, escaped: Bool, in scope: Scope) -> [CompiledNode] {
        let key = name.parts.dropFirst().joined(separator: ".")
        guard !key.isEmpty, let string = strings.string(key) else {
            report("template.unknown-string", "unknown interface string '\(name.text)': no string '\(key)' in the language file",
                   scope.file, name.position)
            return []
        }
        var count: (@Sendable (ContextFrame) -> Int)?
        var forms: [[CompiledNode]] = []
        for pieces in string.forms {
            var nodes: [CompiledNode] = []
            for piece in pieces {
                switch piece {
                case .text(let text):
                    if escaped {
                        var html = ""
                        HTMLEscaping.append(text, to: &html)
                        nodes.appendText(html)
                    } else {
                        nodes.appendText(text)
                    }
                case .placeholder(let placeholder):
                    let parts = placeholder.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    let valueName = TemplateName(parts: parts, position: name.position)
                    guard let access = resolve(valueName, in: scope, forString: (key, string.source)) else { continue }
                    guard let text = access.text else {
                        report("template.wrong-kind", "interface string '\(key)' (\(string.source)) shows '{\(placeholder)}', "
                                   + "which is \(access.kind) here", scope.file, name.position)
                        continue
                    }
                    if count == nil, let number = access.number { count = number }
                    nodes.append(.value(text, escaped: escaped))
                }
            }
            forms.append(nodes)
        }
        guard forms.count > 1 else { return forms.first ?? [] }
        guard let count else {
            report("template.wrong-kind", "interface string '\(key)' (\(string.source)) has plural forms but no number "
                       + "among its placeholders here to choose one by", scope.file, name.position)
            return []
        }
        let form = string.form
        let last = forms.count - 1
        return [.choice({ min(max(form(count($0)), 0), last) }, forms: forms)]
    }

    // MARK: - Partials, parents and blocks

    /// The index of `inclusion`'s partial compiled for this scope, compiling it the first time.
    private mutating func partial(_ inclusion: Inclusion, in scope: Scope) -> Int? {
        guard let template = template(inclusion, kind: "partial", in: scope) else { return nil }
        var types: [ObjectIdentifier] = []
        for type in scope.stack.reversed() where !types.contains(type.id) { types.append(type.id) }
        let indented = inclusion.indentation.map { scope.indented || !$0.isEmpty } ?? false
        let key = PartialKey(name: inclusion.name, types: types, indented: indented)
        if let index = partialIndex[key] { return index }
        let index = partials.count
        partialIndex[key] = index
        partials.append([])
        partials[index] = compile(template.nodes, in: Scope(stack: scope.stack, file: template.file, indented: indented))
        return index
    }

    /// The parent template named by `inclusion`, compiled in place with `blocks` replacing its
    /// own. Blocks replaced by the templates that extend this one win over `blocks`.
    private mutating func parent(_ inclusion: Inclusion, blocks: [String: TemplateBlock], in scope: Scope) -> [CompiledNode] {
        guard let template = template(inclusion, kind: "parent", in: scope) else { return [] }
        guard scope.parentDepth < Self.maximumParentDepth else {
            report("template.recursion", "parent '\(inclusion.name)' includes itself endlessly", scope.file, inclusion.position)
            return []
        }
        var inner = Scope(stack: scope.stack, file: template.file, parentDepth: scope.parentDepth + 1)
        inner.indented = inclusion.indentation.map { scope.indented || !$0.isEmpty } ?? false
        inner.blocks = blocks.mapValues { Override(block: $0, file: scope.file) }.merging(scope.blocks) { _, outer in outer }
        let nodes = compile(template.nodes, in: inner)
        if !inner.indented && !scope.indented { return nodes }
        return [.include(nodes, indentation: inclusion.indentation)]
    }

    /// A block where it stands: its replacement, if a template extending this one has one, or
    /// its own content; compiled with the context stack of this place.
    private mutating func expand(_ block: TemplateBlock, in scope: Scope) -> [CompiledNode] {
        let content = scope.blocks[block.name] ?? Override(block: block, file: scope.file)
        var inner = scope
        inner.file = content.file
        inner.indented = scope.indented || !block.indentation.isEmpty
        let body = block.startsLine ? [.lineStart] + content.block.body : content.block.body
        let nodes = compile(body, in: inner)
        if !inner.indented { return nodes }
        return [.include(nodes, indentation: block.indentation)]
    }

    private mutating func template(_ inclusion: Inclusion, kind: String, in scope: Scope) -> ParsedTemplate? {
        guard let template = templates[inclusion.name] else {
            report("template.missing-partial", "there is no template '\(inclusion.name)' for this \(kind)", scope.file,
                   inclusion.position)
            return nil
        }
        return template
    }

    private mutating func report(_ id: String, _ message: String, _ file: String, _ position: TemplatePosition) {
        let error = TemplateError(id: id, message: message, file: file, position: position)
        // A partial included with several views reports its problem once.
        if !errors.contains(where: { $0.file == file && $0.line == position.line && $0.column == position.column }) {
            errors.append(error)
        }
    }
}

/// A parsed template and the file it comes from.
struct ParsedTemplate: Sendable {
    var file: String
    var nodes: [TemplateNode]
}

extension [CompiledNode] {
    /// Appends text, joined to the text before it.
    mutating func appendText(_ text: String) {
        if case .text(let previous)? = last {
            self[count - 1] = .text(previous + text)
        } else if !text.isEmpty {
            append(.text(text))
        }
    }

    /// Appends nodes, joining text to the text before it.
    mutating func appendNodes(_ nodes: [CompiledNode]) {
        for node in nodes {
            if case .text(let text) = node { appendText(text) } else { append(node) }
        }
    }
}
