/// A compiled template's piece: every name is already resolved to a closure that reads it.
enum CompiledNode: Sendable {
    case text(String)
    /// Appends the current indentation (a line start inside an indented partial or block).
    case indent
    case value(@Sendable (ContextFrame) -> String, escaped: Bool)
    case section(@Sendable (ContextFrame, (ContextFrame) -> Void) -> Void, body: [CompiledNode])
    case inverted(@Sendable (ContextFrame) -> Bool, body: [CompiledNode])
    /// A compiled partial, by its index in the template's partials. Its lines are indented by
    /// `indentation` more; nil renders them without indentation (an inline partial).
    case partial(Int, indentation: String?)
    /// Nodes whose lines are indented by `indentation` more; nil renders them without indentation.
    case include([CompiledNode], indentation: String?)
    /// One of an interface string's plural forms, as the count read from the context chooses.
    case choice(@Sendable (ContextFrame) -> Int, forms: [[CompiledNode]])
}

/// Renders compiled nodes into one output string.
struct TemplateRenderer {
    let partials: [[CompiledNode]]
    var output = ""
    /// Added at each line start of an indented partial or block.
    private var indentation = ""

    init(partials: [[CompiledNode]]) { self.partials = partials }

    mutating func render(_ nodes: [CompiledNode], in frame: ContextFrame) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .indent:
                output += indentation
            case .value(let read, let escaped):
                if escaped {
                    HTMLEscaping.append(read(frame), to: &output)
                } else {
                    output += read(frame)
                }
            case .section(let each, let body):
                each(frame) { render(body, in: $0) }
            case .inverted(let isFalsey, let body):
                if isFalsey(frame) { render(body, in: frame) }
            case .partial(let index, let indentation):
                render(partials[index], in: frame, indentedBy: indentation)
            case .include(let nodes, let indentation):
                render(nodes, in: frame, indentedBy: indentation)
            case .choice(let choose, let forms):
                render(forms[choose(frame)], in: frame)
            }
        }
    }

    private mutating func render(_ nodes: [CompiledNode], in frame: ContextFrame, indentedBy more: String?) {
        let outer = indentation
        indentation = more.map { outer + $0 } ?? ""
        render(nodes, in: frame)
        indentation = outer
    }
}

/// HTML escaping of `{{value}}`: `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`. The site's
/// own HTML text is escaped with it too (RoadmapKit's `HTMLEscaping.escape(_:into:)`).
public enum HTMLEscaping {
    public static func append(_ text: String, to output: inout String) {
        let bytes = text.utf8Span.span
        // Most text has none of the five: one pass over its bytes finds that, and it is copied whole.
        var special = false
        for index in bytes.indices where isSpecial(bytes[index]) {
            special = true
            break
        }
        guard special else {
            output += text
            return
        }
        var runStart = text.utf8.startIndex
        var index = runStart
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            if isSpecial(byte) {
                output += text[runStart..<index]
                output += entity(byte)
                runStart = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        output += text[runStart...]
    }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    private static func entity(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
    }
}
