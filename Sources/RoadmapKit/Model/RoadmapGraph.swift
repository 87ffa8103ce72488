/// A roadmap as a drawing: boxes where a layout placed them and the lines between them. A
/// roadmap.sh graph (`<name>.json`) gives one as its author drew it; a roadmap in Markdown gets
/// one from ``RoadmapOutlineLayout`` (its phases down a path, their modules and topics beside
/// them). The page draws either with ``GraphDrawing``.
public struct RoadmapGraph: Sendable, Hashable {
    /// What a node is in the drawing.
    public enum NodeKind: String, Sendable, Hashable {
        /// A learning item: a link to its section, trackable.
        case topic, subtopic
        /// A stop along the path of a roadmap in Markdown: a link to its section (trackable
        /// when it has no modules).
        case phase
        /// Text only: a title over the drawing, a label, a paragraph.
        case title, label, paragraph
        /// A framed group of other nodes, or a button to somewhere else (drawn, not linked).
        case section, button
        /// A straight rule, along the node's longer side.
        case line
    }

    public struct Frame: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public var midX: Double { x + width / 2 }
        public var midY: Double { y + height / 2 }
        public var maxX: Double { x + width }
        public var maxY: Double { y + height }
    }

    public struct Node: Sendable, Hashable {
        /// The graph's own id (roadmap.sh: the part of a topic file's name after `@`).
        public var id: String
        public var kind: NodeKind
        public var label: String
        public var frame: Frame
        /// The anchor of its section on the page, once the model is built (topics and subtopics).
        public var anchor: String?
        /// The label's size in the graph's units, when the graph sets one.
        public var fontSize: Double?
        /// A second, smaller line under the label: the duration the roadmap states ("8 weeks").
        public var detail: String?

        public init(id: String, kind: NodeKind, label: String, frame: Frame, anchor: String? = nil, fontSize: Double? = nil,
                    detail: String? = nil) {
            self.id = id
            self.kind = kind
            self.label = label
            self.frame = frame
            self.anchor = anchor
            self.fontSize = fontSize
            self.detail = detail
        }
    }

    public struct Edge: Sendable, Hashable {
        public var source: String
        public var target: String
        /// Drawn dashed (roadmap.sh draws the lines to subtopics so).
        public var dashed: Bool
        /// Drawn from the source's right side to the target's left side however far apart they
        /// are in height (a module to the topics laid out on its right), instead of between
        /// the sides that face each other most.
        public var sideToSide: Bool

        public init(source: String, target: String, dashed: Bool, sideToSide: Bool = false) {
            self.source = source
            self.target = target
            self.dashed = dashed
            self.sideToSide = sideToSide
        }
    }

    /// In the order keyboard focus visits them (a model's graph: the page's order).
    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The learning items, topics and subtopics (and a Markdown roadmap's phases), in the graph's order.
    public var learningNodes: [Node] { nodes.filter { $0.kind == .topic || $0.kind == .subtopic || $0.kind == .phase } }

    /// The topics in reading order, each with its subtopics in reading order. A subtopic belongs
    /// to the topic an edge joins it to (the nearest such topic when there are several), else to
    /// the topic nearest to it; subtopics of a graph without topics are topics of their own.
    public func outline() -> [(topic: Node, subtopics: [Node])] {
        func readingOrder(_ a: Node, _ b: Node) -> Bool {
            (a.frame.y, a.frame.x, a.id) < (b.frame.y, b.frame.x, b.id)
        }
        let topics = nodes.filter { $0.kind == .topic }.sorted(by: readingOrder)
        let subtopics = nodes.filter { $0.kind == .subtopic }.sorted(by: readingOrder)
        guard !topics.isEmpty else { return subtopics.map { ($0, []) } }
        let topicIndex = Dictionary(topics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var joined: [String: [Int]] = [:]
        for edge in edges {
            if let topic = topicIndex[edge.source] { joined[edge.target, default: []].append(topic) }
            if let topic = topicIndex[edge.target] { joined[edge.source, default: []].append(topic) }
        }
        func distance(_ a: Node, _ b: Node) -> Double {
            let dx = a.frame.midX - b.frame.midX, dy = a.frame.midY - b.frame.midY
            return dx * dx + dy * dy
        }
        var members = Array(repeating: [Node](), count: topics.count)
        for subtopic in subtopics {
            let candidates = joined[subtopic.id] ?? Array(topics.indices)
            let nearest = candidates.min { (distance(topics[$0], subtopic), $0) < (distance(topics[$1], subtopic), $1) }
            if let nearest { members[nearest].append(subtopic) }
        }
        return topics.indices.map { (topics[$0], members[$0]) }
    }
}
