import TemplateEngine

/// Draws a ``RoadmapGraph`` as a static SVG through `partials/roadmap-graph.mustache`: this
/// works out the geometry (the view box, each node's box and wrapped label, each edge's curve)
/// and the partial writes the markup. Topics and subtopics are links to their sections, so the
/// drawing works without JavaScript, by keyboard and in print.
struct GraphDrawing {
    var graph: RoadmapGraph
    /// Names the drawing for assistive technology ("Frontend Developer").
    var title: String

    /// Space around the outermost nodes, in the graph's units.
    static let margin = 16.0
    /// The width the drawing is shown at, at most: the page's text column (46rem) inside its frame.
    static let columnWidth = 720.0
    /// The smallest scale it is shown at, so that labels stay readable; a wider graph scrolls
    /// sideways in its frame.
    static let minimumScale = 0.7
    /// A label's average character width, as a share of its font size (system sans-serif fonts).
    static let characterWidth = 0.56

    func view() -> GraphDrawingView? {
        let nodes = graph.nodes
        guard let first = nodes.first else { return nil }
        var minX = first.frame.x, minY = first.frame.y, maxX = first.frame.maxX, maxY = first.frame.maxY
        for node in nodes {
            minX = min(minX, node.frame.x)
            minY = min(minY, node.frame.y)
            maxX = max(maxX, node.frame.maxX)
            maxY = max(maxY, node.frame.maxY)
        }
        minX -= Self.margin
        minY -= Self.margin
        let width = maxX - minX + Self.margin, height = maxY - minY + Self.margin
        let scale = min(1, max(Self.minimumScale, Self.columnWidth / width))
        let frames = Dictionary(nodes.map { ($0.id, $0.frame) }, uniquingKeysWith: { first, _ in first })
        // Frames and rules under the edges, the edges under the boxes they join.
        let layers: [RoadmapGraph.NodeKind: Int] = [.section: 0, .line: 1, .title: 2, .label: 2, .paragraph: 2, .button: 3, .subtopic: 3, .topic: 3]
        let drawn = nodes.enumerated().sorted { (layers[$0.element.kind] ?? 3, $0.offset) < (layers[$1.element.kind] ?? 3, $1.offset) }
        let learning = nodes.filter { $0.anchor != nil }
        return GraphDrawingView(
            title: title,
            viewBox: [minX, minY, width, height].map(Self.number).joined(separator: " "),
            width: Self.number((width * scale).rounded()), height: Self.number((height * scale).rounded()),
            backgrounds: drawn.filter { (layers[$0.element.kind] ?? 3) < 3 }.map { Self.nodeView($0.element) },
            edges: graph.edges.compactMap { edge in
                guard let source = frames[edge.source], let target = frames[edge.target] else { return nil }
                return GraphEdgeView(path: Self.curve(from: source, to: target), dashed: edge.dashed)
            },
            nodes: drawn.filter { (layers[$0.element.kind] ?? 3) == 3 }.map { Self.nodeView($0.element) },
            topicCount: learning.filter { $0.kind == .topic }.count,
            subtopicCount: learning.filter { $0.kind == .subtopic }.count)
    }

    /// A number as SVG attributes take it: at most one decimal, no trailing zero ("12", "-10.5").
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let rest = abs(Int(tenths) % 10)
        if rest == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(rest)"
    }

    static func nodeView(_ node: RoadmapGraph.Node) -> GraphNodeView {
        let frame = node.frame
        var view = GraphNodeView(
            kind: node.kind.rawValue, name: node.label, href: node.anchor.map { "#" + $0 } ?? "",
            isLink: node.anchor != nil, isRule: node.kind == .line, isBox: node.kind != .line && node.kind != .title
                && node.kind != .label && node.kind != .paragraph,
            x: number(frame.x), y: number(frame.y), width: number(frame.width), height: number(frame.height),
            x1: "", y1: "", x2: "", y2: "", fontSize: "", textAnchor: "middle", lines: [])
        if node.kind == .line {
            let vertical = frame.height >= frame.width
            view.x1 = number(vertical ? frame.midX : frame.x)
            view.y1 = number(vertical ? frame.y : frame.midY)
            view.x2 = number(vertical ? frame.midX : frame.maxX)
            view.y2 = number(vertical ? frame.maxY : frame.midY)
            return view
        }
        let size = node.fontSize ?? defaultFontSize(node.kind)
        view.fontSize = number(size)
        let padding = node.kind == .paragraph ? 8.0 : 6.0
        let perLine = max(4, Int((frame.width - 2 * padding) / (size * characterWidth)))
        let lineHeight = size * 1.2
        let fitting = max(1, Int((frame.height - 4) / lineHeight))
        let lines = wrap(node.label, perLine: perLine, maxLines: fitting)
        let x: Double
        var baseline: Double
        if node.kind == .paragraph {
            view.textAnchor = "start"
            x = frame.x + padding
            baseline = frame.y + padding + size * 0.85
        } else {
            x = frame.midX
            baseline = frame.midY - Double(lines.count - 1) * lineHeight / 2 + size * 0.35
        }
        for line in lines {
            view.lines.append(GraphTextLineView(x: number(x), y: number(baseline), text: line))
            baseline += lineHeight
        }
        return view
    }

    static func defaultFontSize(_ kind: RoadmapGraph.NodeKind) -> Double {
        switch kind {
        case .title: 28
        case .paragraph: 14
        default: 17
        }
    }

    /// `text` in lines of at most `perLine` characters, broken between words (a longer word
    /// alone on its line), at most `maxLines` of them, the last cut with "…" when more is left.
    static func wrap(_ text: String, perLine: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= perLine {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        if last.count >= perLine { last = String(last.prefix(max(1, perLine - 1))).trimmingSpaces() }
        kept[maxLines - 1] = last + "…"
        return kept
    }

    /// A curve from the side of `source` that faces `target` to the side of `target` that
    /// faces back: bottom to top when one is more below the other than beside it, else side to side.
    static func curve(from source: RoadmapGraph.Frame, to target: RoadmapGraph.Frame) -> String {
        let start: (Double, Double), end: (Double, Double)
        let vertical: Bool
        let gapAcross = max(target.x - source.maxX, source.x - target.maxX)
        let gapDown = max(target.y - source.maxY, source.y - target.maxY)
        if gapAcross > gapDown, target.x >= source.maxX {
            (start, end, vertical) = ((source.maxX, source.midY), (target.x, target.midY), false)
        } else if gapAcross > gapDown, target.maxX <= source.x {
            (start, end, vertical) = ((source.x, source.midY), (target.maxX, target.midY), false)
        } else if target.y >= source.maxY {
            (start, end, vertical) = ((source.midX, source.maxY), (target.midX, target.y), true)
        } else if target.maxY <= source.y {
            (start, end, vertical) = ((source.midX, source.y), (target.midX, target.maxY), true)
        } else if target.x >= source.maxX {
            (start, end, vertical) = ((source.maxX, source.midY), (target.x, target.midY), false)
        } else if target.maxX <= source.x {
            (start, end, vertical) = ((source.x, source.midY), (target.maxX, target.midY), false)
        } else {
            return "M\(number(source.midX)) \(number(source.midY))L\(number(target.midX)) \(number(target.midY))"
        }
        let control1 = vertical ? (start.0, (start.1 + end.1) / 2) : ((start.0 + end.0) / 2, start.1)
        let control2 = vertical ? (end.0, (start.1 + end.1) / 2) : ((start.0 + end.0) / 2, end.1)
        return "M\(number(start.0)) \(number(start.1))C\(number(control1.0)) \(number(control1.1)) "
            + "\(number(control2.0)) \(number(control2.1)) \(number(end.0)) \(number(end.1))"
    }
}

/// A drawn roadmap, for `partials/roadmap-graph.mustache`: numbers in the graph's units, the
/// view box framing every node.
struct GraphDrawingView: Sendable, TemplateView {
    var title: String
    var viewBox: String
    /// The size it is shown at, in CSS pixels.
    var width: String
    var height: String
    /// Frames, rules and text, drawn first.
    var backgrounds: [GraphNodeView]
    var edges: [GraphEdgeView]
    /// Topics, subtopics and buttons, drawn over the edges.
    var nodes: [GraphNodeView]
    var topicCount: Int
    var subtopicCount: Int

    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "viewBox": .text(\.viewBox), "width": .text(\.width), "height": .text(\.height),
        "backgrounds": .list(\.backgrounds), "edges": .list(\.edges), "nodes": .list(\.nodes),
        "topicCount": .number(\.topicCount), "subtopicCount": .number(\.subtopicCount),
    ]
}

struct GraphEdgeView: Sendable, TemplateView {
    var path: String
    var dashed: Bool

    static let templateKeys: TemplateKeys<Self> = ["path": .text(\.path), "dashed": .flag(\.dashed)]
}

struct GraphNodeView: Sendable, TemplateView {
    /// `topic`, `subtopic`, `title`, `label`, `paragraph`, `section`, `button` or `line`.
    var kind: String
    /// The whole label (the drawn lines may be cut short).
    var name: String
    var href: String
    var isLink: Bool
    /// A rule from (x1, y1) to (x2, y2).
    var isRule: Bool
    /// A box behind the label.
    var isBox: Bool
    var x: String
    var y: String
    var width: String
    var height: String
    var x1: String
    var y1: String
    var x2: String
    var y2: String
    var fontSize: String
    /// `middle` or `start`.
    var textAnchor: String
    var lines: [GraphTextLineView]

    static let templateKeys: TemplateKeys<Self> = [
        "kind": .text(\.kind), "name": .text(\.name), "href": .text(\.href), "isLink": .flag(\.isLink),
        "isRule": .flag(\.isRule), "isBox": .flag(\.isBox), "x": .text(\.x), "y": .text(\.y), "width": .text(\.width),
        "height": .text(\.height), "x1": .text(\.x1), "y1": .text(\.y1), "x2": .text(\.x2), "y2": .text(\.y2),
        "fontSize": .text(\.fontSize), "textAnchor": .text(\.textAnchor), "lines": .list(\.lines),
    ]
}

struct GraphTextLineView: Sendable, TemplateView {
    var x: String
    var y: String
    var text: String

    static let templateKeys: TemplateKeys<Self> = ["x": .text(\.x), "y": .text(\.y), "text": .text(\.text)]
}
