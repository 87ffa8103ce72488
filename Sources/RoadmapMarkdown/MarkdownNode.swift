/// A position in a source file, 1-based, as cmark-gfm reports it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The span of source a node was parsed from.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }
}

/// Column alignment of a GFM table.
public enum TableAlignment: String, Hashable, Sendable {
    case none, left, center, right
}

/// What a node is, with the data that kind carries.
public enum MarkdownKind: Hashable, Sendable {
    case document
    case blockQuote
    case list(ordered: Bool, start: Int, tight: Bool)
    /// A list item; `task` is nil for an ordinary item, or whether a task item is checked.
    case item(task: Bool?)
    case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    case paragraph
    case heading(level: Int)
    case thematicBreak
    case footnoteDefinition(label: String)
    case table(alignments: [TableAlignment])
    case tableRow(isHeader: Bool)
    case tableCell
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
    case emphasis
    case strong
    case strikethrough
    case link(destination: String, title: String)
    case image(source: String, title: String)
    case footnoteReference(label: String)
    /// A node type this wrapper does not know, by its cmark type string.
    case unknown(String)

    /// Whether the node is a block (as opposed to inline content).
    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
             .thematicBreak, .footnoteDefinition, .table, .tableRow, .tableCell:
            return true
        default:
            return false
        }
    }
}

/// An immutable Markdown node copied out of cmark-gfm's tree.
public struct MarkdownNode: Hashable, Sendable {
    public var kind: MarkdownKind
    public var range: SourceRange
    public var children: [MarkdownNode]

    public init(kind: MarkdownKind, range: SourceRange, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }

    /// The text a reader sees, without markup: inline code and text joined, breaks as spaces.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    public func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s):
            out += s
        case .softBreak, .lineBreak:
            out += " "
        case .codeBlock(_, let literal):
            out += literal
        case .htmlInline, .htmlBlock, .footnoteReference:
            break
        default:
            Self.appendPlainText(of: children, to: &out)
        }
    }

    /// The plain text of `nodes`, read in place through the array: a `for child in children`
    /// loop would copy each node (its strings and children retained, then released).
    private static func appendPlainText(of nodes: [MarkdownNode], to out: inout String) {
        for index in nodes.indices {
            if nodes[index].kind.isBlock, !out.isEmpty, out.last != " " { out += " " }
            switch nodes[index].kind {
            case .text(let s), .code(let s):
                out += s
            case .softBreak, .lineBreak:
                out += " "
            case .codeBlock(_, let literal):
                out += literal
            case .htmlInline, .htmlBlock, .footnoteReference:
                break
            default:
                appendPlainText(of: nodes[index].children, to: &out)
            }
        }
    }
}

/// A parsed Markdown document.
public struct MarkdownDocument: Hashable, Sendable {
    /// The `document` node.
    public var root: MarkdownNode
    /// Whether nesting deeper than ``MarkdownParser/maximumDepth`` was flattened to text.
    public var wasDepthLimited: Bool
    /// Bounds the input went over before parsing, and what was done about each.
    public var limits: [MarkdownLimit]

    public init(root: MarkdownNode, wasDepthLimited: Bool = false, limits: [MarkdownLimit] = []) {
        self.root = root
        self.wasDepthLimited = wasDepthLimited
        self.limits = limits
    }

    /// The top-level blocks.
    public var blocks: [MarkdownNode] { root.children }
}
