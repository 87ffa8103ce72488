import Foundation
import Mustache
import RoadmapMarkdown

/// Finds template keys that the view being rendered does not provide.
///
/// swift-mustache renders a missing key as an empty string, silently. This check walks a
/// template's tags (following sections, partials and template inheritance) against the view
/// value it is rendered with, and reports each unknown key at the template's `line:column`.
struct TemplateKeyCheck {
    /// Template name → (file path, source text).
    var sources: [String: (path: String, text: String)]
    /// Each template's tags, parsed once (a partial is walked wherever it is used, and every
    /// page template walks the same base); shared by the checks of a build.
    var parsed = ParsedTags()

    final class ParsedTags: @unchecked Sendable {
        private let lock = NSLock()
        private var tags: [String: [Tag]] = [:]

        func tags(of name: String, text: String) -> [Tag] {
            if let known = lock.withLock({ tags[name] }) { return known }
            let parsed = TemplateKeyCheck.tags(in: text)
            lock.withLock { tags[name] = parsed }
            return parsed
        }
    }

    func check(_ view: Any, template name: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        walk(name, stack: [view], depth: 0, diagnostics: &diagnostics, reported: &reported)
        return diagnostics
    }

    // MARK: - Tags

    enum TagKind { case variable, section, inverted, close, partial, parent, block, comment, unsupported }

    struct Tag {
        var kind: TagKind
        var name: String
        var location: SourceLocation
        /// Offset just past the tag.
        var end: String.Index
        var start: String.Index
    }

    /// The tags of a template, in order.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var index = text.startIndex
        var line = 1
        var lineStart = text.startIndex
        while let open = text.range(of: "{{", range: index..<text.endIndex) {
            for character in text[index..<open.lowerBound] where character == "\n" { line += 1 }
            if let lastNewline = text[index..<open.lowerBound].lastIndex(of: "\n") {
                lineStart = text.index(after: lastNewline)
            }
            let column = text.distance(from: lineStart, to: open.lowerBound) + 1
            let triple = text[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            guard let close = text.range(of: closer, range: open.upperBound..<text.endIndex) else { break }
            var body = Substring(text[open.upperBound..<close.lowerBound])
            if triple { body = body.dropFirst() }
            body = Substring(body.trimmingCharacters(in: .whitespaces))
            var kind = TagKind.variable
            if let sigil = body.first, !triple {
                switch sigil {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "<": kind = .parent
                case "$": kind = .block
                case "!": kind = .comment
                case "&": kind = .variable
                case "=", "%": kind = .unsupported
                default: break
                }
                if kind != .variable || sigil == "&" { body = body.dropFirst() }
            }
            var name = body.trimmingCharacters(in: .whitespaces)
            // A transform, `upper(name)`: check the name inside.
            if let paren = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: paren)..<name.index(before: name.endIndex)])
            }
            for character in text[open.lowerBound..<close.upperBound] where character == "\n" { line += 1 }
            if let lastNewline = text[open.lowerBound..<close.upperBound].lastIndex(of: "\n") {
                lineStart = text.index(after: lastNewline)
            }
            tags.append(Tag(kind: kind, name: name, location: SourceLocation(line: line, column: column),
                            end: close.upperBound, start: open.lowerBound))
            index = close.upperBound
        }
        return tags
    }

    // MARK: - Walking

    /// A context value that accepts any key (an empty list's element, a nil optional).
    private struct Unknown {}

    private func walk(_ name: String, stack: [Any], depth: Int, diagnostics: inout [Diagnostic], reported: inout Set<String>) {
        guard depth < 8, let source = sources[name] else { return }
        let tags = parsed.tags(of: name, text: source.text)
        var position = 0
        walkTags(tags, &position, until: nil, stack: stack, file: source.path, depth: depth,
                 diagnostics: &diagnostics, reported: &reported)
    }

    private func walkTags(
        _ tags: [Tag], _ position: inout Int, until closing: String?, stack: [Any], file: String, depth: Int,
        diagnostics: inout [Diagnostic], reported: inout Set<String>
    ) {
        while position < tags.count {
            let tag = tags[position]
            position += 1
            switch tag.kind {
            case .comment, .unsupported:
                continue
            case .close:
                if tag.name == closing { return }
            case .variable:
                _ = lookup(tag, in: stack, file: file, diagnostics: &diagnostics, reported: &reported)
            case .section, .inverted:
                let value = lookup(tag, in: stack, file: file, diagnostics: &diagnostics, reported: &reported)
                var inner = stack
                if tag.kind == .section, let value { inner.append(Self.sectionContext(value)) }
                walkTags(tags, &position, until: tag.name, stack: inner, file: file, depth: depth,
                         diagnostics: &diagnostics, reported: &reported)
            case .block:
                walkTags(tags, &position, until: tag.name, stack: stack, file: file, depth: depth,
                         diagnostics: &diagnostics, reported: &reported)
            case .partial:
                walk(tag.name, stack: stack, depth: depth + 1, diagnostics: &diagnostics, reported: &reported)
            case .parent:
                walkTags(tags, &position, until: tag.name, stack: stack, file: file, depth: depth,
                         diagnostics: &diagnostics, reported: &reported)
                walk(tag.name, stack: stack, depth: depth + 1, diagnostics: &diagnostics, reported: &reported)
            }
        }
    }

    /// What a section pushes: a list's first element, an optional's value, or the value itself.
    private static func sectionContext(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection || mirror.displayStyle == .set {
            return mirror.children.first?.value ?? Unknown()
        }
        if mirror.displayStyle == .optional {
            return mirror.children.first?.value ?? Unknown()
        }
        return value
    }

    /// Resolves a (dotted) key against the stack; reports it when no value has it.
    private func lookup(_ tag: Tag, in stack: [Any], file: String, diagnostics: inout [Diagnostic],
                        reported: inout Set<String>) -> Any?
    {
        if tag.name == "." { return stack.last }
        let parts = tag.name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for context in stack.reversed() {
            if context is Unknown { return Unknown() }
            guard var value = Self.child(first, of: context) else { continue }
            for part in parts.dropFirst() {
                if value is Unknown { return value }
                guard let next = Self.child(part, of: value) else {
                    report(tag, file: file, diagnostics: &diagnostics, reported: &reported)
                    return nil
                }
                value = next
            }
            return value
        }
        report(tag, file: file, diagnostics: &diagnostics, reported: &reported)
        return nil
    }

    private func report(_ tag: Tag, file: String, diagnostics: inout [Diagnostic], reported: inout Set<String>) {
        let key = "\(file):\(tag.location):\(tag.name)"
        guard reported.insert(key).inserted else { return }
        diagnostics.append(.error(
            "template.unknown-key", "template uses '\(tag.name)', which the page's view does not provide",
            file: file, at: tag.location))
    }

    private static func child(_ name: String, of value: Any) -> Any? {
        if let parent = value as? MustacheParent { return parent.child(named: name) }
        // A view: its stored property is read through the template lookup's table, not a Mirror.
        if let property = TemplateLookup.storedProperty(name, of: value) { return property }
        var mirror: Mirror? = Mirror(reflecting: value)
        while let current = mirror {
            if let match = current.children.first(where: { $0.label == name }) { return match.value }
            mirror = current.superclassMirror
        }
        return nil
    }
}

/// Remembers which templates have been checked in this build, and what was found.
final class TemplateKeyLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var checked: Set<String> = []
    private var found: [Diagnostic] = []

    /// Whether `template` still needs checking; marks it as checked.
    func claim(_ template: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return checked.insert(template).inserted
    }

    func record(_ diagnostics: [Diagnostic]) {
        lock.lock()
        found += diagnostics
        lock.unlock()
    }

    var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return found
    }
}
