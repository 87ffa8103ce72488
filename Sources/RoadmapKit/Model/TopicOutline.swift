import RoadmapMarkdown

/// A roadmap.sh folder's topic files as one document: each file parsed on its own (so a fence
/// left open in one cannot swallow the next), its lines numbered after the roadmap's own file
/// and the previous topics', its headings moved under the page's (a topic's to level 2, a
/// subtopic's to level 3, their sub-headings below). ``TopicLines`` maps the lines back to
/// the files for diagnostics.
struct TopicOutline: Sendable {
    /// Where a part's heading is in the composed document, and what it is.
    struct Entry: Sendable {
        var heading: SourceLocation
        var role: TopicParts.Role
        var nodeID: String?
    }

    var document: MarkdownDocument
    var entries: [Entry]
    var lines: TopicLines
    var graph: RoadmapGraph?

    static let topicLevel = 2
    static let subtopicLevel = 3

    /// `main` is the roadmap's own file parsed, `mainLineCount` its number of lines.
    static func compose(main: MarkdownDocument, mainLineCount: Int, topics: TopicParts, mainPath: String) -> TopicOutline {
        var blocks = main.blocks
        var limits = main.limits
        var wasDepthLimited = main.wasDepthLimited
        var entries: [Entry] = []
        var segments: [TopicLines.Segment] = []
        // A part's line n is line `offset + n` of the whole; line `offset` itself is left empty.
        var offset = mainLineCount + 1
        for part in topics.parts {
            let parsed = MarkdownParser().parse(part.text)
            let level = part.role == .topic ? topicLevel : subtopicLevel
            var partBlocks = parsed.blocks.map { $0.movingLines(by: offset) }
            let heading: SourceLocation
            if let first = partBlocks.first, case .heading(let own) = first.kind {
                heading = first.range.start
                let shift = level - own
                partBlocks[0].kind = .heading(level: level)
                for index in partBlocks.indices.dropFirst() {
                    guard case .heading(let other) = partBlocks[index].kind else { continue }
                    partBlocks[index].kind = .heading(level: min(6, max(level + 1, other + shift)))
                }
            } else {
                // A file without a heading (or a node without a file): the graph's label is its heading.
                heading = SourceLocation(line: offset, column: 1)
                let range = SourceRange(start: heading, end: heading)
                partBlocks.insert(MarkdownNode(kind: .heading(level: level), range: range,
                                               children: [MarkdownNode(kind: .text(part.label), range: range)]), at: 0)
            }
            blocks += partBlocks
            limits += parsed.limits.map { limit in
                var moved = limit
                moved.location.line += offset
                return moved
            }
            wasDepthLimited = wasDepthLimited || parsed.wasDepthLimited
            entries.append(Entry(heading: heading, role: part.role, nodeID: part.nodeID))
            segments.append(TopicLines.Segment(offset: offset, file: part.file?.path ?? topics.graphFile?.path ?? mainPath))
            offset += part.text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } + 1
        }
        var root = main.root
        root.children = blocks
        return TopicOutline(
            document: MarkdownDocument(root: root, wasDepthLimited: wasDepthLimited, limits: limits),
            entries: entries, lines: TopicLines(mainPath: mainPath, segments: segments), graph: topics.graph)
    }

    /// The roadmap's one phase (named later, as the roadmap): each topic a module, each subtopic
    /// a topic of the module before it. Marks the topics' sections as modules, and gives the
    /// graph's nodes the anchors of their sections.
    func phases(roots: inout [Section], headingIDs: [SourceLocation: String]) -> (Phase, RoadmapGraph?) {
        var modules: [Module] = []
        var anchorOfNode: [String: String] = [:]
        var titles: [String: String] = [:]
        for root in roots { root.forEachSection { titles[$0.id] = $0.title } }
        for entry in entries {
            guard let id = headingIDs[entry.heading] else { continue }
            let title = titles[id] ?? id
            if let node = entry.nodeID { anchorOfNode[node] = id }
            if entry.role == .subtopic, !modules.isEmpty {
                modules[modules.count - 1].topics.append(Topic(id: id, title: title, location: entry.heading, subtopics: []))
            } else {
                modules.append(Module(id: id, title: title, location: entry.heading, durationText: nil, duration: nil,
                                      durationLocation: nil, topics: []))
            }
        }
        let moduleIDs = Set(modules.map(\.id))
        func mark(_ sections: inout [Section]) {
            for index in sections.indices {
                if moduleIDs.contains(sections[index].id) { sections[index].role = .module }
                mark(&sections[index].children)
            }
        }
        mark(&roots)
        // The nodes in the page's order, so that keyboard focus goes through the drawing as
        // through the page: topic, its subtopics, the next topic.
        var graph = graph
        if graph != nil {
            let pageOrder = Dictionary(entries.enumerated().compactMap { index, entry in entry.nodeID.map { ($0, index) } },
                                       uniquingKeysWith: { first, _ in first })
            for index in graph!.nodes.indices {
                graph!.nodes[index].anchor = anchorOfNode[graph!.nodes[index].id]
            }
            graph!.nodes = graph!.nodes.enumerated()
                .sorted { (pageOrder[$0.element.id] ?? -1, $0.offset) < (pageOrder[$1.element.id] ?? -1, $1.offset) }
                .map(\.element)
        }
        let phase = Phase(id: "top", title: "", location: SourceLocation(line: 1, column: 1), durationText: nil,
                          duration: nil, durationLocation: nil, modules: modules)
        return (phase, graph)
    }
}

/// Which file a line of a roadmap.sh folder's composed document is in (``TopicOutline``), so
/// that diagnostics name the topic file and its line.
public struct TopicLines: Sendable, Hashable {
    struct Segment: Sendable, Hashable {
        /// The part's line n is line `offset + n` of the whole.
        var offset: Int
        var file: String
    }

    var mainPath: String
    var segments: [Segment]

    /// The diagnostic at its topic file and line, when it is about a line of one.
    func locate(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.file == mainPath, let location = diagnostic.location,
              let segment = segments.last(where: { $0.offset <= location.line })
        else { return diagnostic }
        var moved = diagnostic
        moved.file = segment.file
        moved.location = SourceLocation(line: max(1, location.line - segment.offset), column: location.column)
        moved.notes = diagnostic.notes.map(locate)
        return moved
    }
}

extension MarkdownNode {
    /// The node with every line number `lines` further on.
    func movingLines(by lines: Int) -> MarkdownNode {
        var moved = self
        moved.range.start.line += lines
        moved.range.end.line += lines
        moved.children = children.map { $0.movingLines(by: lines) }
        return moved
    }
}
