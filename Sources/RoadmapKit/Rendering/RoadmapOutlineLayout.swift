/// Lays a roadmap in Markdown out as a ``RoadmapGraph``, for ``GraphDrawing`` to draw as it
/// draws a roadmap.sh graph: the phases in order down a path on the left, each phase's modules
/// on the path below it, indented, and each module's topics to its right, joined by dashed
/// lines. Durations the roadmap states go on a second line.
///
/// The path and the modules take the left 300 units, which a 375-pixel phone shows whole at
/// full size; the topics lie to their right, so that on a phone the drawing scrolls sideways to
/// them while the path reads without scrolling. The whole is 700 units wide at most (with the
/// drawing's margins), inside the text column, so a wide screen shows it at full size too.
struct RoadmapOutlineLayout {
    var roadmap: Roadmap

    // Geometry, in the drawing's units (CSS pixels at full size).
    /// The path's line, behind the phases and modules (which start at 0 and `moduleX`).
    static let pathX = 40.0
    static let phaseWidth = 300.0
    static let moduleX = 22.0
    static let topicsX = 328.0
    static let topicsWidth = 340.0
    static let columnGap = 8.0
    static let rowGap = 6.0
    static let moduleGap = 10.0
    static let phaseGap = 24.0
    static let ruleWidth = 3.0
    static let phaseFontSize = 16.0
    static let moduleFontSize = 15.0
    static let topicFontSize = 13.0
    /// Space above and below a box's text.
    static let verticalPadding = 8.0
    /// A module's topics go in two columns when there are at least this many and each fits on one line there.
    static let twoColumnTopics = 3

    /// The roadmap's drawing; nil for a roadmap without phases (a plain document).
    func graph() -> RoadmapGraph? {
        guard !roadmap.phases.isEmpty else { return nil }
        var nodes: [RoadmapGraph.Node] = []
        var edges: [RoadmapGraph.Edge] = []
        var y = 0.0
        var pathTop: Double?
        var pathBottom = 0.0
        for phase in roadmap.phases {
            if !phase.title.isEmpty {
                let (label, detail) = Self.label(phase.title, duration: phase.durationText)
                let height = Self.boxHeight(label, detail: detail, width: Self.phaseWidth, fontSize: Self.phaseFontSize, bold: true,
                                            maxLines: 3)
                let frame = RoadmapGraph.Frame(x: 0, y: y, width: Self.phaseWidth, height: height)
                nodes.append(.init(id: phase.id, kind: .phase, label: label, frame: frame, anchor: phase.id,
                                   fontSize: Self.phaseFontSize, detail: detail))
                pathTop = pathTop ?? frame.midY
                pathBottom = frame.midY
                y += height + (phase.modules.isEmpty ? 0 : Self.moduleGap)
            }
            for module in phase.modules {
                let (label, detail) = Self.label(module.title, duration: module.durationText)
                let width = Self.phaseWidth - Self.moduleX
                let height = Self.boxHeight(label, detail: detail, width: width, fontSize: Self.moduleFontSize, maxLines: 3)
                let frame = RoadmapGraph.Frame(x: Self.moduleX, y: y, width: width, height: height)
                nodes.append(.init(id: module.id, kind: .topic, label: label, frame: frame, anchor: module.id,
                                   fontSize: Self.moduleFontSize, detail: detail))
                pathTop = pathTop ?? frame.midY
                pathBottom = frame.midY
                let topicsHeight = placeTopics(module, top: y, nodes: &nodes, edges: &edges)
                y += max(height, topicsHeight) + Self.moduleGap
            }
            y += Self.phaseGap - (phase.modules.isEmpty ? 0 : Self.moduleGap)
        }
        guard !nodes.isEmpty else { return nil }
        // The path runs behind the phases and modules, seen in the gaps between them.
        if let pathTop, pathBottom > pathTop {
            nodes.append(.init(id: " path", kind: .line, label: "",
                               frame: .init(x: Self.pathX - Self.ruleWidth / 2, y: pathTop, width: Self.ruleWidth,
                                            height: pathBottom - pathTop)))
        }
        return RoadmapGraph(nodes: nodes, edges: edges)
    }

    /// Places a module's topics to its right, from `top` down, in rows of one or two; joins the
    /// first of each row to the module. Returns their height.
    private func placeTopics(_ module: Module, top: Double, nodes: inout [RoadmapGraph.Node],
                             edges: inout [RoadmapGraph.Edge]) -> Double
    {
        guard !module.topics.isEmpty else { return 0 }
        let halfWidth = (Self.topicsWidth - Self.columnGap) / 2
        let twoColumns = module.topics.count >= Self.twoColumnTopics && module.topics.allSatisfy {
            GraphDrawing.lines($0.title, width: halfWidth, fontSize: Self.topicFontSize, maxLines: 2).count == 1
        }
        let columns = twoColumns ? 2 : 1
        let width = twoColumns ? halfWidth : Self.topicsWidth
        var y = top
        var index = 0
        while index < module.topics.count {
            let row = module.topics[index..<min(index + columns, module.topics.count)]
            let height = row.map { Self.boxHeight($0.title, detail: nil, width: width, fontSize: Self.topicFontSize, maxLines: 3) }.max() ?? 0
            for (column, topic) in row.enumerated() {
                let frame = RoadmapGraph.Frame(x: Self.topicsX + Double(column) * (width + Self.columnGap), y: y,
                                               width: width, height: height)
                nodes.append(.init(id: topic.id, kind: .subtopic, label: topic.title, frame: frame, anchor: topic.id,
                                   fontSize: Self.topicFontSize))
            }
            edges.append(.init(source: module.id, target: row.first!.id, dashed: true, sideToSide: true))
            y += height + Self.rowGap
            index += columns
        }
        return y - Self.rowGap - top
    }

    /// A box's height for its label wrapped to `width` (at most `maxLines` lines) and its detail line.
    static func boxHeight(_ label: String, detail: String?, width: Double, fontSize: Double, bold: Bool = false,
                          maxLines: Int) -> Double {
        let lines = GraphDrawing.lines(label, width: width, fontSize: fontSize, bold: bold, maxLines: maxLines).count
        let detailHeight = detail == nil ? 0 : fontSize * GraphDrawing.detailScale * GraphDrawing.lineSpacing
        return (Double(lines) * fontSize * GraphDrawing.lineSpacing + detailHeight + 2 * verticalPadding).rounded()
    }

    /// What a box says: the title without the duration it states in brackets or after a dash
    /// ("DevOps Essentials (8 weeks)", "Python - 1 Month"), with the duration as its detail; a
    /// title that states it otherwise ("Learn SQL in 3 weeks") whole, without a detail; a
    /// title that does not state it, with the duration as its detail.
    static func label(_ title: String, duration: String?) -> (label: String, detail: String?) {
        guard let duration, !duration.isEmpty else { return (title, nil) }
        guard title.contains(duration) else { return (title, duration) }
        for (open, close) in Phase.durationBrackets {
            if let range = title.range(of: open + duration + close) {
                let rest = (title[..<range.lowerBound] + title[range.upperBound...]).trimmingSpaces()
                return rest.isEmpty ? (title, nil) : (rest, duration)
            }
        }
        if title.hasSuffix(duration) {
            let before = title.dropLast(duration.count)
            let trimmed = before.trimmingSpaces()
            if let last = trimmed.last, "-–—:|,·".contains(last) {
                let rest = trimmed.dropLast().trimmingSpaces()
                if !rest.isEmpty { return (rest, duration) }
            }
        }
        return (title, nil)
    }
}
