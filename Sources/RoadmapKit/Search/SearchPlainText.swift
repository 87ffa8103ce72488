import RoadmapMarkdown

/// A node's plain text as ``MarkdownNode/appendPlainText(to:)`` makes it (text and code as they
/// are, a space for a line break and between blocks), written to bytes: the search walk reads
/// the text of every section and topic, and a `String` grown piece by piece cost more than the
/// rest of its work.
enum SearchPlainText {
    static func append(_ node: MarkdownNode, to out: inout [UInt8]) {
        switch node.kind {
        case .text(let text), .code(let text):
            appendString(text, to: &out)
        case .softBreak, .lineBreak:
            out.append(0x20)
        case .codeBlock(_, let literal):
            appendString(literal, to: &out)
        case .htmlInline, .htmlBlock, .footnoteReference:
            break
        default:
            append(node.children, to: &out)
        }
    }

    /// The text of `nodes`, read in place through the array: a `for child in` loop would copy
    /// each node on the way down.
    private static func append(_ nodes: [MarkdownNode], to out: inout [UInt8]) {
        for index in nodes.indices {
            if nodes[index].kind.isBlock, let last = out.last, last != 0x20 { out.append(0x20) }
            switch nodes[index].kind {
            case .text(let text), .code(let text):
                appendString(text, to: &out)
            case .softBreak, .lineBreak:
                out.append(0x20)
            case .codeBlock(_, let literal):
                appendString(literal, to: &out)
            case .htmlInline, .htmlBlock, .footnoteReference:
                break
            default:
                append(nodes[index].children, to: &out)
            }
        }
    }

    /// `node`'s plain text.
    static func of(_ node: MarkdownNode) -> String {
        var out: [UInt8] = []
        append(node, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }
}
