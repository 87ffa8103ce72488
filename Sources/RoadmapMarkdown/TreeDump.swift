extension MarkdownNode {
    /// An indented text dump of the tree, one node a line with its source range, for tests.
    public func dump() -> String {
        var lines: [String] = []
        dump(into: &lines, depth: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    private func dump(into lines: inout [String], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        lines.append("\(indent)\(summary) @\(range)")
        for child in children { child.dump(into: &lines, depth: depth + 1) }
    }

    private var summary: String {
        func quoted(_ s: String) -> String {
            var out = "\""
            for c in s {
                switch c {
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\"": out += "\\\""
                default: out.append(c)
                }
            }
            return out + "\""
        }
        switch kind {
        case .document: return "document"
        case .blockQuote: return "blockQuote"
        case .list(let ordered, let start, let tight):
            return "list ordered=\(ordered) start=\(start) tight=\(tight)"
        case .item(let task): return task.map { "item task=\($0)" } ?? "item"
        case .codeBlock(let info, let literal): return "codeBlock info=\(quoted(info)) \(quoted(literal))"
        case .htmlBlock(let html): return "htmlBlock \(quoted(html))"
        case .paragraph: return "paragraph"
        case .heading(let level): return "heading level=\(level)"
        case .thematicBreak: return "thematicBreak"
        case .footnoteDefinition(let label): return "footnoteDefinition \(quoted(label))"
        case .table(let alignments): return "table [\(alignments.map(\.rawValue).joined(separator: ","))]"
        case .tableRow(let header): return "tableRow header=\(header)"
        case .tableCell: return "tableCell"
        case .text(let s): return "text \(quoted(s))"
        case .softBreak: return "softBreak"
        case .lineBreak: return "lineBreak"
        case .code(let s): return "code \(quoted(s))"
        case .htmlInline(let s): return "htmlInline \(quoted(s))"
        case .emphasis: return "emphasis"
        case .strong: return "strong"
        case .strikethrough: return "strikethrough"
        case .link(let destination, let title): return "link \(quoted(destination)) title=\(quoted(title))"
        case .image(let source, let title): return "image \(quoted(source)) title=\(quoted(title))"
        case .footnoteReference(let label): return "footnoteReference \(quoted(label))"
        case .unknown(let name): return "unknown \(name)"
        }
    }
}
