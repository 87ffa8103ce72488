import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The drawn roadmap of a roadmap in Markdown (``RoadmapOutlineLayout`` through ``GraphDrawing``):
/// Fixtures/drawing has a five-node roadmap (`five-nodes.md`: two phases, three modules) and a
/// 127-node one (`long-road.md`: six phases, 24 modules, 97 topics); every shape of
/// Fixtures/shapes with phases is drawn too.
@Suite struct RoadmapDrawingTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("drawing")

    static func roadmap(_ name: String, in folder: URL = fixture) throws -> Roadmap {
        try EnrichmentFixture.roadmap(at: folder.appendingPathComponent("Content/\(name).md"), source: "\(name).md")
    }

    /// The learning nodes' anchors in the order the drawing lists them (keyboard order).
    static func drawnOrder(_ graph: RoadmapGraph) -> [String] { graph.learningNodes.compactMap(\.anchor) }

    /// The phases, modules and topics in document order: what the drawing must show, in that order.
    static func outlineOrder(_ roadmap: Roadmap) -> [String] {
        roadmap.phases.flatMap { phase in [phase.id] + phase.modules.flatMap { [$0.id] + $0.topics.map(\.id) } }
    }

    /// Pairs of boxes that overlap (touching edges do not).
    static func overlaps(_ graph: RoadmapGraph) -> [(String, String)] {
        let boxes = graph.learningNodes
        var found: [(String, String)] = []
        for (index, a) in boxes.enumerated() {
            for b in boxes[(index + 1)...] {
                let apart = a.frame.maxX <= b.frame.x || b.frame.maxX <= a.frame.x || a.frame.maxY <= b.frame.y
                    || b.frame.maxY <= a.frame.y
                if !apart { found.append((a.id, b.id)) }
            }
        }
        return found
    }

    @Test func fiveNodesInOrderEachALinkWithItsName() throws {
        let roadmap = try Self.roadmap("five-nodes")
        let graph = try #require(RoadmapOutlineLayout(roadmap: roadmap).graph())
        #expect(graph.learningNodes.map(\.kind) == [.phase, .topic, .topic, .phase, .topic])
        #expect(Self.drawnOrder(graph) == [
            "phase-1-markup-and-style-2-weeks", "html-1-week", "css-1-week", "phase-2-scripting-3-weeks",
            "javascript-3-weeks",
        ])
        #expect(Self.overlaps(graph).isEmpty)
        let view = try #require(GraphDrawing(graph: graph, title: roadmap.title, trackable: Set(roadmap.trackable.map(\.id)),
                                             isOutline: true).view())
        // The names a screen reader announces: the title without its bracketed duration, then the duration.
        #expect(view.nodes.map(\.name) == [
            "Phase 1: Markup and Style, 2 weeks", "HTML, 1 week", "CSS, 1 week", "Phase 2: Scripting, 3 weeks",
            "JavaScript, 3 weeks",
        ])
        #expect(view.nodes.map(\.href) == Self.drawnOrder(graph).map { "#" + $0 })
        // The modules are trackable; the phases, which have modules, are not.
        #expect(view.nodes.map(\.statusOf) == ["", "html-1-week", "css-1-week", "", "javascript-3-weeks"])
        // Drawn whole: the label on one line, the duration on a second, smaller one.
        #expect(view.nodes[1].lines.map(\.text) == ["HTML", "1 week"])
        #expect(view.nodes[1].lines.map(\.isDetail) == [false, true])
        #expect(view.nodes.allSatisfy { $0.hasTitle }, "each name says the duration the text shows on a second line")
        #expect((view.phaseCount, view.topicCount, view.subtopicCount) == (2, 3, 0))
    }

    @Test func aHundredAndTwentySevenNodesStayInOrderApartAndInsideTheColumn() throws {
        let roadmap = try Self.roadmap("long-road")
        let graph = try #require(RoadmapOutlineLayout(roadmap: roadmap).graph())
        #expect(graph.learningNodes.count == 127)
        #expect(graph.learningNodes.filter { $0.kind == .phase }.count == 6)
        #expect(graph.learningNodes.filter { $0.kind == .topic }.count == 24)
        #expect(graph.learningNodes.filter { $0.kind == .subtopic }.count == 97)
        #expect(Self.drawnOrder(graph) == Self.outlineOrder(roadmap))
        #expect(Set(Self.drawnOrder(graph)).isSubset(of: Set(roadmap.anchors)), "every node links to a section of the page")
        #expect(Self.overlaps(graph).isEmpty)
        // Each module is joined to the first topic of each row of its topics.
        let python = try #require(roadmap.modules.first { $0.title.hasPrefix("Programming in Python") })
        #expect(graph.edges.filter { $0.source == python.id }.map(\.target) == [
            python.topics[0].id, python.topics[2].id, python.topics[4].id,
        ])
        let view = try #require(GraphDrawing(graph: graph, title: roadmap.title, isOutline: true).view())
        // Shown at full size inside the text column, the path and modules inside a phone's width.
        #expect(Double(view.width) ?? 0 <= 720)
        let leftColumn = graph.learningNodes.filter { $0.kind != .subtopic }.map(\.frame.maxX).max() ?? 0
        #expect(leftColumn + GraphDrawing.margin <= 335)
        // Vertical order follows reading order: each phase and module starts below the one before.
        let spine = graph.learningNodes.filter { $0.kind != .subtopic }.map(\.frame.y)
        #expect(spine == spine.sorted())
    }

    @Test func longLabelsWrapInsideTheirBoxes() throws {
        let roadmap = try Self.roadmap("long-road")
        let graph = try #require(RoadmapOutlineLayout(roadmap: roadmap).graph())
        let view = try #require(GraphDrawing(graph: graph, title: roadmap.title, isOutline: true).view())
        for (node, drawn) in zip(graph.learningNodes, view.nodes) {
            let size = node.fontSize ?? 17
            let lines = drawn.lines.filter { !$0.isDetail }
            #expect(!lines.isEmpty)
            // Every line is short enough for its box, so no label spills over its frame.
            let perLine = GraphDrawing.perLine(width: node.frame.width, fontSize: size, bold: node.kind == .phase)
            #expect(lines.allSatisfy { GraphDrawing.displayWidth($0.text[...]) <= perLine }, "\(node.label)")
            #expect(!lines.contains { $0.text.hasSuffix("…") }, "the box is tall enough for the whole label: \(node.label)")
            // Named by its text only when that is its whole name on one line: browsers join a
            // text's lines without a space.
            #expect(drawn.hasTitle == (lines.count > 1 || drawn.name != lines.first?.text), "\(node.label)")
        }
    }

    struct Shape: Sendable, CustomTestStringConvertible {
        var name: String
        var nodes: Int
        var testDescription: String { name }
    }

    /// Every shape with phases is drawn: its phases, modules and their topics.
    static let shapes: [Shape] = [
        Shape(name: "numbered-headings", nodes: 6), Shape(name: "step-headings", nodes: 8), Shape(name: "weeks", nodes: 4),
        Shape(name: "days", nodes: 5), Shape(name: "months-weeks", nodes: 11), Shape(name: "tracks", nodes: 14),
        Shape(name: "heading-durations", nodes: 6), Shape(name: "duration-table", nodes: 13),
        Shape(name: "dated-list", nodes: 10),
    ]

    @Test(arguments: shapes)
    func everyShapeIsDrawn(_ shape: Shape) throws {
        let roadmap = try Self.roadmap(shape.name, in: RoadmapShapesTests.fixture)
        let graph = try #require(RoadmapOutlineLayout(roadmap: roadmap).graph())
        #expect(graph.learningNodes.count == shape.nodes)
        #expect(Self.drawnOrder(graph) == Self.outlineOrder(roadmap))
        #expect(Set(Self.drawnOrder(graph)).isSubset(of: Set(roadmap.anchors)))
        #expect(Self.overlaps(graph).isEmpty)
        // The trackable items drawn show their state; a phase without modules is one of them.
        let view = try #require(GraphDrawing(graph: graph, title: roadmap.title, trackable: Set(roadmap.trackable.map(\.id)),
                                             isOutline: true).view())
        let tracked = Set(roadmap.trackable.map(\.id))
        #expect(view.nodes.allSatisfy { $0.statusOf.isEmpty != tracked.contains(String($0.href.dropFirst())) })
    }

    @Test(arguments: ["never-phases", "checklist"])
    func aDocumentWithoutPhasesIsNotDrawn(_ name: String) throws {
        let roadmap = try Self.roadmap(name, in: RoadmapShapesTests.fixture)
        #expect(RoadmapOutlineLayout(roadmap: roadmap).graph() == nil)
    }

    @Test(arguments: [
        ("DevOps Essentials (8 weeks)", "8 weeks", "DevOps Essentials", "8 weeks"),
        ("Phase 1: Basics [2 weeks]", "2 weeks", "Phase 1: Basics", "2 weeks"),
        ("Python - 1 Month", "1 Month", "Python", "1 Month"),
        ("Django: 4 weeks", "4 weeks", "Django", "4 weeks"),
        ("Learn SQL in 3 weeks", "3 weeks", "Learn SQL in 3 weeks", nil),
        ("第一阶段：基础（3个月）", "3个月", "第一阶段：基础", "3个月"),
        ("Intro to Python", "14 weeks", "Intro to Python", "14 weeks"),
        ("Week 1", nil, "Week 1", nil),
        ("(2 weeks)", "2 weeks", "(2 weeks)", nil),
    ] as [(String, String?, String, String?)])
    func aLabelStatesItsDurationOnce(title: String, duration: String?, label: String, detail: String?) {
        let drawn = RoadmapOutlineLayout.label(title, duration: duration)
        #expect(drawn.label == label)
        #expect(drawn.detail == detail)
    }

    @Test func wideCharactersCountTwiceAndBreakBetweenThemselves() {
        #expect(GraphDrawing.displayWidth("机器学习"[...]) == 8)
        #expect(GraphDrawing.displayWidth("ML 基础"[...]) == 7)
        #expect(GraphDrawing.wrap("机器学习工程基础", perLine: 8, maxLines: 3) == ["机器学习", "工程基础"])
        #expect(GraphDrawing.wrap("Learn 机器学习工程", perLine: 8, maxLines: 3) == ["Learn", "机器学习", "工程"])
        #expect(GraphDrawing.wrap("机器学习工程基础", perLine: 8, maxLines: 1) == ["机器学…"])
    }

    /// The page: the drawing opens it, every link goes to a section, the page's own anchors.
    @Test func theSeedPageOpensWithItsDrawing() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: TestPaths.seedContent, output: output)
            #expect(report.succeeded)
            let html = try String(contentsOf: output.appendingPathComponent("mlops-engineer/index.html"), encoding: .utf8)
            let figure = try #require(html.range(of: #"<figure class="roadmap-graph roadmap-outline""#))
            #expect(html.range(of: #"<div class="roadmap-content">"#).map { figure.lowerBound < $0.lowerBound } == true)
            #expect(html.contains(#"<link rel="stylesheet" href="../assets/graph.css">"#))
            let hrefs = try RoadmapShFolderTests.matches(##"<a class="rg-node rg-[a-z]+" href="#([^"]+)""##, in: html)
            #expect(hrefs.count == 4 + 9 + 10)
            let ids = Set(try RoadmapShFolderTests.matches(##" id="([^"]+)""##, in: html))
            #expect(hrefs.allSatisfy(ids.contains))
            let tracked = Set(try RoadmapShFolderTests.matches(##"data-track="([^"]+)""##, in: html))
            // The drawing's nodes of trackable items (the contents list's entries carry it too).
            let drawing = html[figure.lowerBound...].components(separatedBy: "</figure>")[0]
            let statusOf = try RoadmapShFolderTests.matches(##"data-status-of="([^"]+)""##, in: drawing)
            #expect(statusOf.count == 9 + 10)
            #expect(Set(statusOf).isSubset(of: tracked))
            // A page without phases has neither a drawing nor its styles.
            let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!home.contains("graph.css"))
        }
    }
}
