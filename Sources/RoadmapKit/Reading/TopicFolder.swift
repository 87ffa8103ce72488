import Foundation

/// A roadmap.sh content folder, published as one roadmap: `<name>.md` (its front matter),
/// `<name>.json` (its graph, optional) and `content/<topic>@<id>.md`, one file a topic, whose
/// `<id>` is the graph node's id.
public struct TopicFolder: Sendable, Hashable {
    /// `<name>.md`, the roadmap's own file.
    public var main: SourceFile
    /// `<name>.json` beside it, when there is one.
    public var graph: SourceFile?
    /// `content/*@*.md`, in natural order of their names.
    public var topics: [SourceFile]

    /// The roadmap.sh folders among the inventory's files: their topic files are no roadmaps of
    /// their own any more, and their graph files are read, not reported as left out.
    static func collect(in inventory: inout ContentInventory) {
        var topicsByFolder: [String: [SourceFile]] = [:]
        for file in inventory.roadmaps {
            guard let folder = folderHoldingContent(of: file.relativePath) else { continue }
            topicsByFolder[folder, default: []].append(file)
        }
        guard !topicsByFolder.isEmpty else { return }
        let markdownByPath = Dictionary(inventory.roadmaps.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let skippedByPath = Dictionary(inventory.skipped.map { ($0.file.relativePath, $0.file) }, uniquingKeysWith: { first, _ in first })
        var taken: Set<String> = []
        var graphs: Set<String> = []
        for (folder, topics) in topicsByFolder {
            let prefix = folder.isEmpty ? "" : folder + "/"
            let own = inventory.roadmaps.filter {
                $0.relativePath.hasPrefix(prefix) && !$0.relativePath.dropFirst(prefix.count).contains("/")
            }
            // `<name>.md` beside `<name>.json`; else the one named like the folder; else the only one.
            let stem = { (file: SourceFile) in String(Slugger.stemAndFolder(file.relativePath).stem) }
            let withGraph = own.first { skippedByPath[prefix + stem($0) + ".json"] != nil }
            let folderName = (folder as NSString).lastPathComponent
            guard let main = withGraph ?? own.first(where: { stem($0) == folderName }) ?? (own.count == 1 ? own.first : nil),
                  markdownByPath[main.relativePath] != nil
            else { continue }
            let graph = skippedByPath[prefix + stem(main) + ".json"]
            let sorted = topics.map { (NaturalSortKey(($0.relativePath as NSString).lastPathComponent), $0) }
                .sorted { $0.0 < $1.0 }.map(\.1)
            inventory.topicFolders[main.relativePath] = TopicFolder(main: main, graph: graph, topics: sorted)
            taken.formUnion(sorted.map(\.relativePath))
            if let graph { graphs.insert(graph.relativePath) }
        }
        inventory.roadmaps.removeAll { taken.contains($0.relativePath) }
        inventory.skipped.removeAll { graphs.contains($0.file.relativePath) }
    }

    /// The folder whose `content/` holds the file, when it is a topic file (`content/<topic>@<id>.md`).
    private static func folderHoldingContent(of relativePath: String) -> String? {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[parts.count - 2] == "content", parts[parts.count - 1].contains("@") else { return nil }
        return parts.dropLast(2).joined(separator: "/")
    }

    /// The graph node id a topic file names: what follows the last `@` of `internet@VlNNwIEDWqQXtqkHWJYzC.md`.
    static func nodeID(of file: SourceFile) -> String {
        let stem = Slugger.stemAndFolder(file.relativePath).stem
        return stem.lastIndex(of: "@").map { String(stem[stem.index(after: $0)...]) } ?? String(stem)
    }

    /// The folder's topics read in the order the roadmap gives them: as its graph lays them out,
    /// else in file order (a graph of an older format, without `nodes`, or none).
    func read() -> (TopicParts, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var graph: RoadmapGraph?
        if let file = self.graph, let data = FileManager.default.contents(atPath: file.path) {
            let (read, problems) = RoadmapShGraphReader.read(data, file: file.path)
            graph = read
            diagnostics += problems
        }
        var texts: [String: (SourceFile, String)] = [:]
        for file in topics {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                diagnostics.append(.warning("content.unreadable", "cannot read this topic file", file: file.path))
                continue
            }
            let (text, encoding) = SourceText.decode(data, file: file.path)
            diagnostics += encoding
            texts[file.relativePath] = (file, text)
        }
        var parts: [TopicParts.Part] = []
        var used: Set<String> = []
        if let graph {
            let fileOfNode = Dictionary(topics.map { (Self.nodeID(of: $0), $0.relativePath) }, uniquingKeysWith: { first, _ in first })
            func part(_ node: RoadmapGraph.Node, _ role: TopicParts.Role) -> TopicParts.Part {
                if let path = fileOfNode[node.id], let (file, text) = texts[path] {
                    used.insert(path)
                    return TopicParts.Part(file: file, text: text, role: role, nodeID: node.id, label: node.label)
                }
                // A node without a file of its own: its label is its section.
                return TopicParts.Part(file: nil, text: "", role: role, nodeID: node.id, label: node.label)
            }
            for (topic, subtopics) in graph.outline() {
                parts.append(part(topic, .topic))
                parts += subtopics.map { part($0, .subtopic) }
            }
        }
        // Topic files no graph node names (or all of them, without a graph), in file order.
        for file in topics where !used.contains(file.relativePath) {
            guard let (file, text) = texts[file.relativePath] else { continue }
            parts.append(TopicParts.Part(file: file, text: text, role: .topic, nodeID: nil,
                                         label: ReadableName.ofRoadmapFile(relativePath: file.relativePath, path: file.path)))
        }
        return (TopicParts(graph: graph, graphFile: self.graph, parts: parts), diagnostics)
    }
}

/// A roadmap.sh folder's topics, read and in order, for the model (``RoadmapBuilder``).
struct TopicParts: Sendable, Hashable {
    enum Role: Sendable, Hashable {
        case topic, subtopic
    }

    struct Part: Sendable, Hashable {
        /// Nil for a graph node without a topic file.
        var file: SourceFile?
        var text: String
        var role: Role
        /// The graph node it is (nil for a topic file no node names).
        var nodeID: String?
        /// What the graph calls it, or its file's name made readable; its heading when the file has none.
        var label: String
    }

    var graph: RoadmapGraph?
    var graphFile: SourceFile?
    var parts: [Part]
}

/// Reads a roadmap.sh graph (`<name>.json`): `nodes` with `id`, `type`, `data.label`,
/// `position` and a size (`width`/`height`, `measured` or `style`), and `edges` joining their
/// ids. A file of an older format (a `mockup` of `controls`) has no nodes: nil, so the topics
/// come in file order.
enum RoadmapShGraphReader {
    static func read(_ data: Data, file: String) -> (RoadmapGraph?, [Diagnostic]) {
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            return (nil, [.warning("roadmapsh.graph", "the roadmap's graph is not valid JSON; its topics follow in file order", file: file)])
        }
        guard let root = object as? [String: Any], let nodeList = root["nodes"] as? [Any] else { return (nil, []) }
        var nodes: [RoadmapGraph.Node] = []
        for case let entry as [String: Any] in nodeList {
            guard let id = entry["id"] as? String, let type = entry["type"] as? String, let kind = kinds[type],
                  entry["hidden"] as? Bool != true,
                  let position = entry["position"] as? [String: Any],
                  let x = number(position["x"]), let y = number(position["y"])
            else { continue }
            let data = entry["data"] as? [String: Any] ?? [:]
            let label = (data["label"] as? String ?? "").squeezingWhitespace()
            let (width, height) = size(of: entry) ?? defaultSize(kind)
            guard width > 0, height > 0, kind == .line || kind == .section || !label.isEmpty else { continue }
            let style = data["style"] as? [String: Any]
            nodes.append(RoadmapGraph.Node(
                id: id, kind: kind, label: label, frame: .init(x: x, y: y, width: width, height: height),
                fontSize: number(style?["fontSize"])))
        }
        let ids = Set(nodes.map(\.id))
        var edges: [RoadmapGraph.Edge] = []
        for case let entry as [String: Any] in root["edges"] as? [Any] ?? [] {
            guard let source = entry["source"] as? String, let target = entry["target"] as? String,
                  ids.contains(source), ids.contains(target), source != target
            else { continue }
            let style = entry["style"] as? [String: Any]
            let dashArray = style?["strokeDasharray"] as? String ?? ""
            let edgeStyle = (entry["data"] as? [String: Any])?["edgeStyle"] as? String
            let dashed = edgeStyle == "dashed" || edgeStyle == "dotted" || (!dashArray.isEmpty && dashArray != "0")
            edges.append(RoadmapGraph.Edge(source: source, target: target, dashed: dashed))
        }
        guard nodes.contains(where: { $0.kind == .topic || $0.kind == .subtopic }) else {
            return (nil, [.warning("roadmapsh.graph", "the roadmap's graph has no topic or subtopic nodes; its topics follow in file order", file: file)])
        }
        return (RoadmapGraph(nodes: nodes, edges: edges), [])
    }

    /// roadmap.sh's node types, as drawn here; others (check lists, link groups, legends) are left out.
    static let kinds: [String: RoadmapGraph.NodeKind] = [
        "topic": .topic, "subtopic": .subtopic, "title": .title, "label": .label, "paragraph": .paragraph,
        "section": .section, "button": .button, "vertical": .line, "horizontal": .line,
    ]

    private static func number(_ value: Any?) -> Double? {
        guard let double = (value as? NSNumber)?.doubleValue else { return nil }
        return double.isFinite ? double : nil
    }

    /// `width`/`height`, else `measured`, else `style` (editors of different years wrote each).
    private static func size(of entry: [String: Any]) -> (Double, Double)? {
        for source in [entry, entry["measured"] as? [String: Any], entry["style"] as? [String: Any]] {
            if let source, let width = number(source["width"]), let height = number(source["height"]) { return (width, height) }
        }
        return nil
    }

    private static func defaultSize(_ kind: RoadmapGraph.NodeKind) -> (Double, Double) {
        switch kind {
        case .line: (20, 100)
        case .title: (280, 68)
        default: (200, 44)
        }
    }
}
