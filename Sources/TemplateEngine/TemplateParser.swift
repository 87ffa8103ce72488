/// Reads a template's text into its parse tree, in three steps: ``scan()`` cuts the text into
/// tags and text, ``markLines(_:)`` finds the lines that hold only tags (they leave no trace in
/// the output), and ``TreeBuilder`` nests sections, parents and blocks.
struct TemplateParser {
    /// The file errors name.
    let file: String
    let source: String

    func parse() throws(TemplateError) -> [TemplateNode] {
        var builder = TreeBuilder(file: file, items: Self.markLines(try scan()))
        return try builder.nodes()
    }

    // MARK: - Tags and text

    enum TagKind: Equatable {
        case variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters
    }

    struct Tag {
        var kind: TagKind
        /// What the tag holds after its sigil, without surrounding whitespace: usually a name.
        var content: String
        var position: TemplatePosition
        /// Whether the tag stands alone on its line (with only whitespace and other such tags).
        var standsAlone = false
        /// The whitespace before the tag on its line, when nothing else comes before it.
        var indentation: String?
        /// For a block tag standing alone on its line: the whitespace the next line starts with,
        /// the indentation of the block's content.
        var contentIndentation = ""
    }

    enum Piece {
        /// Text holding at most one line break, at its end.
        case text(Substring)
        case tag(Tag)
    }

    private func error(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(id: "template.syntax", message: message, file: file, position: position)
    }

    /// Cuts the source into text and tags, following set-delimiter tags (`{{=<% %>=}}`).
    func scan() throws(TemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var opener = "{{"
        var closer = "}}"
        var index = source.startIndex
        var line = 1
        var lineStart = source.startIndex
        func passOver(_ range: Range<String.Index>) {
            for position in source[range].indices where source[position].isLineBreak {
                line += 1
                lineStart = source.index(after: position)
            }
        }
        while index < source.endIndex {
            let tagStart = source[index...].firstRange(of: opener)?.lowerBound ?? source.endIndex
            Self.appendText(source[index..<tagStart], to: &pieces)
            passOver(index..<tagStart)
            guard tagStart < source.endIndex else { break }
            let position = TemplatePosition(line: line, column: source[lineStart..<tagStart].count + 1)
            var contentStart = source.index(tagStart, offsetBy: opener.count)
            var closing = closer
            let triple = source[contentStart...].hasPrefix("{")
            if triple {
                contentStart = source.index(after: contentStart)
                closing = "}" + closer
            }
            guard let end = source[contentStart...].firstRange(of: closing) else {
                throw error("this tag is never closed with '\(closing)'", at: position)
            }
            var tag = try tag(source[contentStart..<end.lowerBound], triple: triple, at: position)
            if tag.kind == .delimiters {
                (opener, closer) = try delimiters(tag.content, at: position)
                tag.content = ""
            }
            pieces.append(.tag(tag))
            passOver(tagStart..<end.upperBound)
            index = end.upperBound
        }
        return pieces
    }

    private static func appendText(_ text: Substring, to pieces: inout [Piece]) {
        var rest = text
        while let lineBreak = rest.firstIndex(where: \.isLineBreak) {
            let next = rest.index(after: lineBreak)
            pieces.append(.text(rest[..<next]))
            rest = rest[next...]
        }
        if !rest.isEmpty { pieces.append(.text(rest)) }
    }

    private static let sigils: [Character: TagKind] = [
        "#": .section, "^": .inverted, "/": .close, ">": .partial, "<": .parent, "$": .block, "!": .comment,
        "=": .delimiters, "&": .unescaped,
    ]

    /// The tag that `content` (what stands between the delimiters) makes.
    private func tag(_ content: Substring, triple: Bool, at position: TemplatePosition) throws(TemplateError) -> Tag {
        var kind = TagKind.variable
        var body = content
        if triple {
            kind = .unescaped
        } else if let first = content.first, let sigil = Self.sigils[first] {
            kind = sigil
            body = content.dropFirst()
        }
        let trimmed = String(body.trimmingTemplateWhitespace())
        switch kind {
        case .comment:
            break
        case .delimiters:
            guard trimmed.hasSuffix("=") else { throw error("a set-delimiter tag must end with '='", at: position) }
        default:
            guard !trimmed.isEmpty else { throw error("this tag has no name", at: position) }
            guard !trimmed.contains(where: \.isWhitespace) else {
                throw error("'\(trimmed)' is not a name: names have no spaces", at: position)
            }
        }
        return Tag(kind: kind, content: trimmed, position: position)
    }

    /// The two delimiters of a set-delimiter tag's content (`<% %>=`, its closing `=` included).
    private func delimiters(_ content: String, at position: TemplatePosition) throws(TemplateError) -> (String, String) {
        let parts = content.dropLast().split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("a set-delimiter tag holds two delimiters without '=', as in {{=<% %>=}}", at: position)
        }
        return (String(parts[0]), String(parts[1]))
    }

    // MARK: - Lines

    /// What the tree builder reads: text, tags and the starts of lines.
    enum Item {
        case text(String)
        case lineStart
        case tag(Tag)
    }

    /// Marks the tags that stand alone on their lines and drops those lines' whitespace and
    /// line break. A line stands alone when it holds only whitespace and one tag that renders
    /// nothing in place (not a variable), or several such tags that all belong to parents
    /// (`{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`). Every other line starts with a
    /// ``Item/lineStart``.
    static func markLines(_ pieces: [Piece]) -> [Item] {
        var lines: [[Piece]] = [[]]
        for piece in pieces {
            lines[lines.count - 1].append(piece)
            if case .text(let text) = piece, text.last?.isLineBreak == true { lines.append([]) }
        }
        var items: [Item] = []
        var open: [TagKind] = []
        for (number, line) in lines.enumerated() {
            let indentation = leadingWhitespace(line)
            if standsAlone(line, open: &open) {
                for case .tag(var tag) in line {
                    tag.standsAlone = true
                    tag.indentation = indentation
                    if tag.kind == .block, number + 1 < lines.count { tag.contentIndentation = leadingWhitespace(lines[number + 1]) }
                    items.append(.tag(tag))
                }
                continue
            }
            if !line.isEmpty { items.append(.lineStart) }
            var onlyWhitespaceBefore = true
            for piece in line {
                switch piece {
                case .text(let text):
                    items.append(.text(String(text)))
                    onlyWhitespaceBefore = onlyWhitespaceBefore && text.allSatisfy(\.isSpaceOrTab)
                case .tag(var tag):
                    if onlyWhitespaceBefore { tag.indentation = indentation }
                    onlyWhitespaceBefore = false
                    items.append(.tag(tag))
                }
            }
        }
        return items
    }

    /// Whether `line` stands alone; `open` holds the kinds of the sections, parents and blocks
    /// open before it, and is updated.
    private static func standsAlone(_ line: [Piece], open: inout [TagKind]) -> Bool {
        var tags = 0
        var allRenderNothing = true
        var allInParents = true
        var isBlank = true
        for piece in line {
            switch piece {
            case .text(let text):
                isBlank = isBlank && text.allSatisfy { $0.isSpaceOrTab || $0.isLineBreak }
            case .tag(let tag):
                tags += 1
                allRenderNothing = allRenderNothing && tag.kind != .variable && tag.kind != .unescaped
                allInParents = belongsToParent(tag, open: &open) && allInParents
            }
        }
        return isBlank && tags > 0 && allRenderNothing && (tags == 1 || allInParents)
    }

    /// The spaces and tabs a line starts with.
    private static func leadingWhitespace(_ line: [Piece]) -> String {
        guard case .text(let text)? = line.first else { return "" }
        return String(text.prefix(while: \.isSpaceOrTab))
    }

    /// Whether `tag` is a parent tag or stands directly inside a parent; `open` holds the kinds
    /// of the sections, parents and blocks open before it, and is updated.
    private static func belongsToParent(_ tag: Tag, open: inout [TagKind]) -> Bool {
        switch tag.kind {
        case .section, .inverted, .parent, .block:
            defer { open.append(tag.kind) }
            return tag.kind == .parent || open.last == .parent
        case .close:
            let closed = open.popLast()
            return closed == .parent || open.last == .parent
        default:
            return open.last == .parent
        }
    }
}

// MARK: - Nesting

extension TemplateParser {
    /// Nests the items of a template: sections, parents and blocks hold what stands between
    /// their opening and closing tags.
    struct TreeBuilder {
        let file: String
        let items: [Item]
        var index = 0

        /// The nodes up to `opener`'s closing tag (to the end of the template when nil).
        mutating func nodes(closing opener: Tag? = nil) throws(TemplateError) -> [TemplateNode] {
            var nodes: [TemplateNode] = []
            while index < items.count {
                let item = items[index]
                index += 1
                switch item {
                case .text(let text): nodes.append(.text(text))
                case .lineStart: nodes.append(.lineStart)
                case .tag(let tag):
                    if tag.kind == .close {
                        guard let opener else { throw error("'{{/\(tag.content)}}' closes nothing", at: tag.position) }
                        guard tag.content == opener.content else {
                            throw error("'{{/\(tag.content)}}' closes '\(Self.written(opener))', opened at "
                                + "\(opener.position.line):\(opener.position.column)", at: tag.position)
                        }
                        return nodes
                    }
                    if let node = try node(for: tag) { nodes.append(node) }
                }
            }
            if let opener { throw error("'\(Self.written(opener))' is never closed", at: opener.position) }
            return nodes
        }

        private mutating func node(for tag: Tag) throws(TemplateError) -> TemplateNode? {
            switch tag.kind {
            case .comment, .delimiters, .close:
                return nil
            case .variable, .unescaped:
                return .variable(try name(tag), escaped: tag.kind == .variable)
            case .section, .inverted:
                let name = try name(tag)
                return .section(name, inverted: tag.kind == .inverted, body: try nodes(closing: tag))
            case .partial:
                return .partial(Inclusion(name: tag.content, position: tag.position, indentation: Self.standaloneIndentation(tag)))
            case .parent:
                // Only the blocks inside a parent count: the text around them is left out.
                var blocks: [String: TemplateBlock] = [:]
                for case .block(let block) in try nodes(closing: tag) { blocks[block.name] = block }
                let inclusion = Inclusion(name: tag.content, position: tag.position, indentation: Self.standaloneIndentation(tag))
                return .parent(inclusion, blocks: blocks)
            case .block:
                var body = try nodes(closing: tag)
                if tag.standsAlone { body = Self.dedent(body, by: tag.contentIndentation) }
                if case .lineStart? = body.first { body.removeFirst() }
                return .block(TemplateBlock(
                    name: tag.content, position: tag.position, body: body,
                    indentation: tag.standsAlone ? tag.contentIndentation : tag.indentation ?? "", startsLine: tag.standsAlone))
            }
        }

        private static func standaloneIndentation(_ tag: Tag) -> String? {
            tag.standsAlone ? tag.indentation ?? "" : nil
        }

        private func name(_ tag: Tag) throws(TemplateError) -> TemplateName {
            if tag.content == "." { return TemplateName(parts: [], position: tag.position) }
            let parts = tag.content.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty) else { throw error("'\(tag.content)' is not a name", at: tag.position) }
            return TemplateName(parts: parts, position: tag.position)
        }

        private func error(_ message: String, at position: TemplatePosition) -> TemplateError {
            TemplateError(id: "template.syntax", message: message, file: file, position: position)
        }

        private static func written(_ tag: Tag) -> String {
            let sigil = switch tag.kind {
            case .inverted: "^"
            case .parent: "<"
            case .block: "$"
            default: "#"
            }
            return "{{\(sigil)\(tag.content)}}"
        }

        /// Block content without the indentation its lines have in the file (`prefix`), so
        /// that it takes the indentation of the place it is shown at.
        static func dedent(_ nodes: [TemplateNode], by prefix: String) -> [TemplateNode] {
            guard !prefix.isEmpty else { return nodes }
            func dropPrefix(_ text: String) -> String { text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text }
            var result: [TemplateNode] = []
            var atLineStart = false
            for node in nodes {
                switch node {
                case .text(let text) where atLineStart:
                    result.append(.text(dropPrefix(text)))
                case .section(let name, let inverted, let body):
                    result.append(.section(name, inverted: inverted, body: dedent(body, by: prefix)))
                case .partial(var inclusion):
                    inclusion.indentation = inclusion.indentation.map(dropPrefix)
                    result.append(.partial(inclusion))
                case .parent(var inclusion, let blocks):
                    inclusion.indentation = inclusion.indentation.map(dropPrefix)
                    result.append(.parent(inclusion, blocks: blocks))
                case .block(var block):
                    block.indentation = dropPrefix(block.indentation)
                    result.append(.block(block))
                default:
                    result.append(node)
                }
                if case .lineStart = node { atLineStart = true } else { atLineStart = false }
            }
            return result
        }
    }
}

extension Character {
    /// A line break as Mustache counts them: "\n" or "\r\n".
    var isLineBreak: Bool { self == "\n" || self == "\r\n" }

    /// Whitespace that indents a line.
    var isSpaceOrTab: Bool { self == " " || self == "\t" }
}

extension Substring {
    func trimmingTemplateWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = self[start...].lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
