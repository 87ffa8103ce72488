import TemplateEngine

/// Draws a ``RoadmapGraph`` as a static SVG through `partials/roadmap-graph.mustache`: this
/// works out the geometry (the view box, each node's box and wrapped label, each edge's curve)
/// and the partial writes the markup. Topics and subtopics are links to their sections, so the
/// drawing works without JavaScript, by keyboard and in print.
struct GraphDrawing {
    var graph: RoadmapGraph
    /// Names the drawing for assistive technology ("Frontend Developer").
    var title: String
    /// The anchors of the page's trackable items: their nodes show the learner's state
    /// (`data-status-of`, which the page's script turns into `data-status`).
    var trackable: Set<String> = []
    /// Whether the graph is a roadmap in Markdown laid out by ``RoadmapOutlineLayout`` (its
    /// caption names phases, modules and topics) rather than a roadmap.sh graph.
    var isOutline = false

    /// Space around the outermost nodes, in the graph's units.
    static let margin = 16.0
    /// The width the drawing is shown at, at most: the page's text column (46rem) inside its frame.
    static let columnWidth = 720.0
    /// The smallest scale it is shown at, so that labels stay readable; a wider graph scrolls
    /// sideways in its frame.
    static let minimumScale = 0.7
    /// A label's average character width, as a share of its font size (system sans-serif fonts);
    /// a wide character (CJK, emoji) counts twice.
    static let characterWidth = 0.56
    /// The same for bold text (a phase's label).
    static let boldCharacterWidth = 0.62
    /// Space between a box's side and its text.
    static let padding = 6.0
    /// A line's height, as a share of its font size.
    static let lineSpacing = 1.2
    /// A detail line's font size (a duration under the label), as a share of the label's.
    static let detailScale = 0.8

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
        let drawn = nodes.enumerated().sorted { (Self.layer($0.element.kind), $0.offset) < (Self.layer($1.element.kind), $1.offset) }
        let learning = nodes.filter { $0.anchor != nil }
        return GraphDrawingView(
            title: title,
            viewBox: [minX, minY, width, height].map(Self.number).joined(separator: " "),
            width: Self.number((width * scale).rounded()), height: Self.number((height * scale).rounded()),
            backgrounds: drawn.filter { Self.layer($0.element.kind) < Self.boxLayer }.map { Self.nodeView($0.element) },
            edges: graph.edges.compactMap { edge in
                guard let source = frames[edge.source], let target = frames[edge.target] else { return nil }
                let path = edge.sideToSide ? Self.sideToSide(from: source, to: target) : Self.curve(from: source, to: target)
                return GraphEdgeView(path: path, dashed: edge.dashed)
            },
            nodes: drawn.filter { Self.layer($0.element.kind) == Self.boxLayer }.map { Self.nodeView($0.element, trackable: trackable) },
            isOutline: isOutline,
            phaseCount: learning.filter { $0.kind == .phase }.count,
            topicCount: learning.filter { $0.kind == .topic }.count,
            subtopicCount: learning.filter { $0.kind == .subtopic }.count)
    }

    /// The layer a kind of node is drawn in: frames and rules under the edges, the edges under
    /// the boxes they join (``boxLayer``).
    static func layer(_ kind: RoadmapGraph.NodeKind) -> Int {
        switch kind {
        case .section: 0
        case .line: 1
        case .title, .label, .paragraph: 2
        case .button, .subtopic, .topic, .phase: boxLayer
        }
    }

    static let boxLayer = 3

    /// A number as SVG attributes take it: at most one decimal, no trailing zero ("12", "-10.5").
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let rest = abs(Int(tenths) % 10)
        if rest == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(rest)"
    }

    static func nodeView(_ node: RoadmapGraph.Node, trackable: Set<String> = []) -> GraphNodeView {
        let frame = node.frame
        var view = GraphNodeView(
            kind: node.kind.rawValue, name: node.detail.map { node.label + ", " + $0 } ?? node.label,
            href: node.anchor.map { "#" + $0 } ?? "", isLink: node.anchor != nil,
            statusOf: node.anchor.flatMap { trackable.contains($0) ? $0 : nil } ?? "",
            isRule: node.kind == .line, isBox: node.kind != .line && node.kind != .title
                && node.kind != .label && node.kind != .paragraph,
            x: number(frame.x), y: number(frame.y), width: number(frame.width), height: number(frame.height),
            x1: "", y1: "", x2: "", y2: "", fontSize: "", isStart: false, hasTitle: true, lines: [])
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
        let padding = node.kind == .paragraph ? 8.0 : Self.padding
        let lineHeight = size * lineSpacing
        let detailHeight = node.detail == nil ? 0 : size * detailScale * lineSpacing
        let fitting = max(1, Int((frame.height - 4 - detailHeight) / lineHeight))
        let lines = wrap(node.label, perLine: perLine(width: frame.width, padding: padding, fontSize: size, bold: node.kind == .phase),
                         maxLines: fitting)
        // The drawn text names the node when it is the whole name on one line (browsers join the
        // lines of a text without a space between them: "Version ControlSystems").
        view.hasTitle = lines.count > 1 || view.name != lines.first
        let x: Double
        var baseline: Double
        if node.kind == .paragraph {
            view.isStart = true
            x = frame.x + padding
            baseline = frame.y + padding + size * 0.85
        } else {
            x = frame.midX
            baseline = frame.midY - (Double(lines.count - 1) * lineHeight + detailHeight) / 2 + size * 0.35
        }
        for line in lines {
            view.lines.append(GraphTextLineView(x: number(x), y: number(baseline), text: line, isDetail: false))
            baseline += lineHeight
        }
        if let detail = node.detail {
            baseline += detailHeight - lineHeight
            view.lines.append(GraphTextLineView(x: number(x), y: number(baseline), text: detail, isDetail: true))
        }
        return view
    }

    /// How many narrow characters fit on a line of a box `width` wide.
    static func perLine(width: Double, padding: Double = padding, fontSize: Double, bold: Bool = false) -> Int {
        max(4, Int((width - 2 * padding) / (fontSize * (bold ? boldCharacterWidth : characterWidth))))
    }

    /// A label's lines in a box `width` wide, as the drawing writes them.
    static func lines(_ label: String, width: Double, fontSize: Double, bold: Bool = false, maxLines: Int) -> [String] {
        wrap(label, perLine: perLine(width: width, fontSize: fontSize, bold: bold), maxLines: maxLines)
    }

    static func defaultFontSize(_ kind: RoadmapGraph.NodeKind) -> Double {
        switch kind {
        case .title: 28
        case .paragraph: 14
        default: 17
        }
    }

    /// `text` in lines of at most `perLine` narrow characters (a wide one, CJK or emoji, counts
    /// as two), broken between words (a longer word alone on its line; a word of wide
    /// characters, which CJK text writes without spaces, between any two of them), at most
    /// `maxLines` of them, the last cut with "…" when more is left.
    static func wrap(_ text: String, perLine: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        func add(_ piece: Substring, width: Int) {
            if current.isEmpty {
                current = String(piece)
                currentWidth = width
            } else if currentWidth + 1 + width <= perLine {
                current += " " + piece
                currentWidth += 1 + width
            } else {
                lines.append(current)
                current = String(piece)
                currentWidth = width
            }
        }
        for word in text.split(separator: " ") {
            let width = displayWidth(word)
            guard width > perLine, width > word.count else {
                add(word, width: width)
                continue
            }
            // Wide characters: as many as fit on each line.
            var start = word.startIndex
            var pieceWidth = 0
            var index = word.startIndex
            while index < word.endIndex {
                let characterWidth = displayWidth(word[index...index])
                if pieceWidth + characterWidth > perLine, index > start {
                    add(word[start..<index], width: pieceWidth)
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                    start = index
                    pieceWidth = 0
                }
                pieceWidth += characterWidth
                index = word.index(after: index)
            }
            add(word[start...], width: pieceWidth)
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        while displayWidth(last[...]) >= perLine, last.count > 1 { last.removeLast() }
        last = last.trimmingSpaces()
        kept[maxLines - 1] = last + "…"
        return kept
    }

    /// A text's width in narrow characters: a CJK character or an emoji counts as two.
    static func displayWidth(_ text: Substring) -> Int {
        text.reduce(0) { width, character in
            guard let scalar = character.unicodeScalars.first, scalar.value >= 0x1100 else { return width + 1 }
            return width + (SearchTokenizer.isCJK(scalar) || scalar.properties.isEmojiPresentation ? 2 : 1)
        }
    }

    /// A curve from the right side of `source` to the left side of `target`.
    static func sideToSide(from source: RoadmapGraph.Frame, to target: RoadmapGraph.Frame) -> String {
        let middle = (source.maxX + target.x) / 2
        return "M\(number(source.maxX)) \(number(source.midY))C\(number(middle)) \(number(source.midY)) "
            + "\(number(middle)) \(number(target.midY)) \(number(target.x)) \(number(target.midY))"
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
    /// Drawn from a roadmap in Markdown: phases (`phase` nodes), modules (`topic`) and topics (`subtopic`).
    var isOutline: Bool
    var phaseCount: Int
    var topicCount: Int
    var subtopicCount: Int

    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "viewBox": .text(\.viewBox), "width": .text(\.width), "height": .text(\.height),
        "backgrounds": .list(\.backgrounds), "edges": .list(\.edges), "nodes": .list(\.nodes),
        "isOutline": .flag(\.isOutline), "phaseCount": .number(\.phaseCount),
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
    /// The accessible name: the whole label (the drawn lines may be cut short) and its detail.
    var name: String
    var href: String
    var isLink: Bool
    /// The anchor of the trackable item the node stands for, whose state it shows; "" for none.
    var statusOf: String
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
    /// Whether its text starts at its left side (a paragraph) rather than being centred.
    var isStart: Bool
    /// Whether it needs a `<title>` to be named: when its text is cut short or leaves out its detail.
    var hasTitle: Bool
    var lines: [GraphTextLineView]

    static let templateKeys: TemplateKeys<Self> = [
        "kind": .text(\.kind), "name": .text(\.name), "href": .text(\.href), "isLink": .flag(\.isLink),
        "statusOf": .text(\.statusOf),
        "isRule": .flag(\.isRule), "isBox": .flag(\.isBox), "x": .text(\.x), "y": .text(\.y), "width": .text(\.width),
        "height": .text(\.height), "x1": .text(\.x1), "y1": .text(\.y1), "x2": .text(\.x2), "y2": .text(\.y2),
        "fontSize": .text(\.fontSize), "isStart": .flag(\.isStart), "hasTitle": .flag(\.hasTitle), "lines": .list(\.lines),
    ]
}

struct GraphTextLineView: Sendable, TemplateView {
    var x: String
    var y: String
    var text: String
    /// The node's detail (a duration), written smaller under its label.
    var isDetail: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "x": .text(\.x), "y": .text(\.y), "text": .text(\.text), "isDetail": .flag(\.isDetail),
    ]
}
