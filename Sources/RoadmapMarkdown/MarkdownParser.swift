import CCmarkGFM
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses Markdown with cmark-gfm and copies the tree into immutable ``MarkdownNode`` values.
///
/// This file is the only place in the project that touches cmark-gfm's C pointers: every
/// object it creates is freed before `parse` returns, and no pointer leaves it.
public struct MarkdownParser: Sendable {
    /// GFM extensions attached to every parser.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Nesting deeper than this is flattened into its text, so that walkers of the tree never
    /// exhaust a thread's stack on hostile input (`>>>>>>…` ten thousand deep).
    public static let maximumDepth = 96

    public init() {}

    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// Serialises cmark-gfm's inline pass. cmark-gfm 0.29 keeps the inline parser's special
    /// characters in one process-wide table: `cmark_parser_finish` adds the attached extensions'
    /// characters (`:` and `w` for autolinks, `~` for strikethrough) before its inline pass and
    /// removes them after it, so a parser finishing on another thread could strip them
    /// mid-pass (github/cmark-gfm#176, never merged). Block parsing (`cmark_parser_feed`) does
    /// not touch the table and still runs in parallel.
    private static let inlinePass = Mutex(())

    /// Parses `source` into a document. Never fails: any byte sequence is some Markdown. Input
    /// on which cmark-gfm would take time growing faster than its size is not given to it
    /// whole (``InputBounds``): the document's `limits` say what was done instead.
    public func parse(_ source: String) -> MarkdownDocument {
        let limits = InputBounds.review(source)
        if limits.contains(where: { $0.action == .notParsed }) {
            return MarkdownDocument(root: MarkdownNode(kind: .document, range: Self.emptyRange), limits: limits)
        }
        let tables = !limits.contains { $0.action == .tablesAsText }
        var document = parse(source, extensions: Self.extensionNames.filter { tables || $0 != "table" })
        document.limits = limits
        return document
    }

    private func parse(_ source: String, extensions: [String]) -> MarkdownDocument {
        _ = Self.registration
        // No CMARK_OPT_VALIDATE_UTF8: a Swift String is valid UTF-8 already (cmark still
        // replaces NUL bytes, which it does whatever the options).
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            return MarkdownDocument(root: MarkdownNode(kind: .document, range: Self.emptyRange))
        }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            guard let ext = cmark_find_syntax_extension(name) else { continue }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var text = source
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    cmark_parser_feed(parser, base, chars.count)
                }
            }
        }
        nonisolated(unsafe) var finished: OpaquePointer?
        Self.inlinePass.withLock { _ in finished = cmark_parser_finish(parser) }
        guard let root = finished else {
            return MarkdownDocument(root: MarkdownNode(kind: .document, range: Self.emptyRange))
        }
        defer { cmark_node_free(root) }
        return Self.copyTree(root, source: text)
    }

    private static let emptyRange = SourceRange(
        start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))

    // MARK: - Copying the tree

    private struct Frame {
        var kind: MarkdownKind
        var range: SourceRange
        var children: [MarkdownNode] = []
        /// Where in the source the children placed so far end, for an autolink without a
        /// position (``AutolinkPlacer``).
        var cursor: SourceLocation?
        /// Where this node moves its parent's `cursor` to (at least): after its end; a text
        /// only to its start (cmark keeps the old end of a text the autolink extension split);
        /// nil for a node that has its parent's position.
        var advance: SourceLocation?
    }

    /// Copies the tree without recursion (a walk over first-child / next / parent links).
    private static func copyTree(_ root: OpaquePointer, source: String) -> MarkdownDocument {
        var limited = false
        var footnoteDefinitions = 0
        var stack: [Frame] = []
        var autolinks = AutolinkPlacer(source: source)
        /// A frame for `node`. Nodes cmark gives no position (breaks, some texts) take their
        /// parent's, but an autolink is placed where its text is (``AutolinkPlacer``); footnote
        /// definitions are numbered as cmark numbers their references.
        func frame(for node: OpaquePointer) -> Frame {
            var nodeKind = kind(of: node)
            if case .footnoteDefinition = nodeKind {
                footnoteDefinitions += 1
                nodeKind = .footnoteDefinition(label: String(footnoteDefinitions))
            }
            var nodeRange = range(of: node)
            var advance: SourceLocation? = cmark_node_get_type(node) == CMARK_NODE_TEXT
                ? nodeRange.start : SourceLocation(line: nodeRange.end.line, column: nodeRange.end.column + 1)
            if nodeRange.start.line == 0, let parent = stack.last {
                if cmark_node_get_type(node) == CMARK_NODE_LINK, let cursor = parent.cursor {
                    nodeRange = autolinks.range(of: flattenedText(node), from: cursor)
                    advance = SourceLocation(line: nodeRange.end.line, column: nodeRange.end.column + 1)
                } else {
                    nodeRange = parent.range
                    advance = nil
                }
            }
            var frame = Frame(kind: nodeKind, range: nodeRange, advance: advance)
            // Room for every child at once, rather than growing the array child by child.
            var childCount = 0
            var child = cmark_node_first_child(node)
            while let sibling = child {
                childCount += 1
                child = cmark_node_next(sibling)
            }
            if childCount > 0 { frame.children.reserveCapacity(childCount) }
            return frame
        }
        stack.append(frame(for: root))
        var current = root
        while true {
            // Descend into the first child when there is one.
            if let child = cmark_node_first_child(current) {
                if stack.count >= maximumDepth {
                    limited = true
                    stack[stack.count - 1].children = [
                        MarkdownNode(kind: .text(flattenedText(current)), range: range(of: current))
                    ]
                } else {
                    current = child
                    stack.append(frame(for: child))
                    continue
                }
            }
            // Close finished nodes until one has a next sibling.
            while true {
                guard let finished = stack.popLast() else { break }
                let node = MarkdownNode(kind: finished.kind, range: finished.range, children: finished.children)
                if stack.isEmpty {
                    return MarkdownDocument(root: node, wasDepthLimited: limited)
                }
                stack[stack.count - 1].children.append(node)
                if let advance = finished.advance {
                    stack[stack.count - 1].cursor = max(stack[stack.count - 1].cursor ?? advance, advance)
                }
                if let next = cmark_node_next(current) {
                    current = next
                    stack.append(frame(for: next))
                    break
                }
                guard let parent = cmark_node_parent(current) else { break }
                current = parent
            }
        }
    }

    /// The text of a subtree, gathered with cmark's own (iterative) iterator.
    private static func flattenedText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var out = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let inner = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(inner)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                out += string(cmark_node_get_literal(inner))
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK || type == CMARK_NODE_PARAGRAPH {
                out += " "
            }
        }
        return out
    }

    private static func range(of node: OpaquePointer) -> SourceRange {
        SourceRange(
            start: SourceLocation(
                line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
            end: SourceLocation(
                line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func kind(of node: OpaquePointer) -> MarkdownKind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            if let type = cmark_node_get_type_string(node), strcmp(type, "tasklist") == 0 {
                return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            }
            return .item(task: nil)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition(label: string(cmark_node_get_literal(node)))
        case CMARK_NODE_TEXT:
            // Only a text with a colon can hold a `:shortcode:`.
            guard let literal = cmark_node_get_literal(node) else { return .text("") }
            let text = String(cString: literal)
            return .text(strchr(literal, 0x3A) == nil ? text : EmojiShortcodes.replacing(in: text))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: string(cmark_node_get_literal(node)))
        default:
            break
        }
        // Extension nodes have no public enum value: name them by their type string.
        let name = string(cmark_node_get_type_string(node))
        switch name {
        case "table":
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [TableAlignment] = []
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for index in 0..<columns {
                    switch raw[index] {
                    case UInt8(ascii: "l"): alignments.append(.left)
                    case UInt8(ascii: "c"): alignments.append(.center)
                    case UInt8(ascii: "r"): alignments.append(.right)
                    default: alignments.append(.none)
                    }
                }
            }
            return .table(alignments: alignments)
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .unknown(name)
        }
    }
}

/// Places the autolinks cmark-gfm 0.29.0.gfm.6 gives no position: its autolink extension
/// positions the first it finds in a text, but neither the later ones nor, after an e-mail
/// address, the text that follows. Such a link is placed where its text (the source's own: an
/// autolink holds no escape or entity) next occurs in the source after the siblings before it,
/// on their line. Without this, every such link had the paragraph's position, and what a page
/// places after a link by its position (resource badges, with their ids) went after each.
struct AutolinkPlacer {
    let source: String
    /// The source's bytes and where each of its lines starts, made when the first such link
    /// is placed (few documents have one).
    private var lines: (bytes: [UInt8], starts: [Int])?

    init(source: String) { self.source = source }

    /// The range of an autolink whose text is `text`, found on `cursor`'s line from its column
    /// on (at the cursor when it is not there).
    mutating func range(of text: String, from cursor: SourceLocation) -> SourceRange {
        let lines = self.lines ?? Self.lines(of: source)
        self.lines = lines
        let needle = Array(text.utf8)
        var column = cursor.column
        if cursor.line >= 1, cursor.line <= lines.starts.count, !needle.isEmpty {
            let lineStart = lines.starts[cursor.line - 1]
            let lineEnd = cursor.line < lines.starts.count ? lines.starts[cursor.line] : lines.bytes.count
            var offset = lineStart + cursor.column - 1
            while offset + needle.count <= lineEnd {
                if lines.bytes[offset..<(offset + needle.count)].elementsEqual(needle) {
                    column = offset - lineStart + 1
                    break
                }
                offset += 1
            }
        }
        return SourceRange(start: SourceLocation(line: cursor.line, column: column),
                           end: SourceLocation(line: cursor.line, column: column + max(needle.count, 1) - 1))
    }

    /// The bytes of `text`, and the offset each of its lines starts at: after `\n`, `\r\n` or
    /// `\r`, as cmark ends lines.
    static func lines(of text: String) -> (bytes: [UInt8], starts: [Int]) {
        let bytes = Array(text.utf8)
        var starts = [0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            if bytes[index] == 0x0A || bytes[index] == 0x0D { starts.append(index + 1) }
            index += 1
        }
        return (bytes, starts)
    }
}
