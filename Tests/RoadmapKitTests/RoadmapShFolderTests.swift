import Foundation
import Testing
@testable import RoadmapKit

/// roadmap.sh content folders (`<name>.md`, `<name>.json`, `content/<topic>@<id>.md`) built as
/// one roadmap each. Fixtures/roadmapsh: `git/` (10 topic files and a graph, written by hand),
/// `sql/` (a graph of the older `mockup` format: file order), `notes.md` (an ordinary roadmap).
/// Fixtures/roadmapsh-large: `devops/`, 202 topic files and their graph, from its `generate.py`.
@Suite struct RoadmapShFolderTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("roadmapsh")
    static let large = TestPaths.fixtures.appendingPathComponent("roadmapsh-large")

    /// The small fixture's `git/` roadmap as the model reads it.
    static func gitModel() throws -> (Roadmap, [Diagnostic]) {
        let inventory = try ContentDiscovery().discover(in: fixture.appendingPathComponent("Content").path)
        let file = try #require(inventory.roadmaps.first { $0.relativePath == "git/git.md" })
        let document = try PreparedDocument.read(file, topicFolder: inventory.topicFolders[file.relativePath])
        let (roadmap, diagnostics) = RoadmapBuilder().build(document)
        return (roadmap, document.diagnostics + diagnostics)
    }

    static func build<T>(_ content: URL, _ body: (URL, BuildReport) throws -> T) throws -> T {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content.appendingPathComponent("Content"), output: output)
            return try body(output, report)
        }
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func discoveryTakesTheTopicFilesIntoTheirRoadmap() throws {
        let inventory = try ContentDiscovery().discover(in: Self.fixture.appendingPathComponent("Content").path)
        #expect(inventory.roadmaps.map(\.relativePath) == ["git/git.md", "notes.md", "sql/sql.md"])
        #expect(inventory.topicFolders["git/git.md"]?.graph?.relativePath == "git/git.json")
        #expect(inventory.topicFolders["git/git.md"]?.topics.count == 10)
        // Natural order of the file names: 2 before 10.
        #expect(inventory.topicFolders["sql/sql.md"]?.topics.map(\.relativePath) == [
            "sql/content/1-what-is-sql@q1.md", "sql/content/2-select@q2.md", "sql/content/10-joins@q3.md",
        ])
        // The graphs are read, not reported as files left out.
        #expect(inventory.skipped.isEmpty)
    }

    @Test func topicsAndSubtopicsFollowTheGraph() throws {
        let (roadmap, _) = try Self.gitModel()
        #expect(roadmap.slug == "git")
        #expect(roadmap.title == "Git and GitHub")
        #expect(roadmap.summary == "Step by step guide to version control with Git and collaboration on GitHub")
        #expect(roadmap.phases.count == 1)
        #expect(roadmap.phases.first?.id == "top")
        #expect(roadmap.phases.first?.title == "Git and GitHub")
        // Top to bottom, then left to right; "Undoing Changes" sits beside Branching but is joined
        // to Basic Workflow by an edge; "Viewing History" has no edge and goes to the nearest topic.
        let outline = roadmap.modules.map { module in [module.title] + module.topics.map { "  " + $0.title } }
        #expect(outline == [
            ["Version Control", "  Why Version Control?"],
            ["Installing Git", "  git config"],
            ["Basic Workflow", "  Staging Area", "  Viewing History", "  Undoing Changes"],
            ["Branching", "  Merge vs Rebase"],
        ])
        #expect(roadmap.modules.map(\.id) == ["version-control", "installing-git", "basic-workflow", "branching"])
        // Sections: topics at level 2, subtopics and a topic's own sub-headings at level 3.
        let installing = try #require(roadmap.sections.first { $0.id == "installing-git" })
        #expect(installing.role == .module)
        #expect(installing.heading.level == 2)
        #expect(installing.children.map { "\($0.heading.level) \($0.title)" } == ["3 Checking the installation", "3 git config"])
        // Every topic and subtopic node of the graph links to its section.
        let graph = try #require(roadmap.graph)
        let anchors = Dictionary(uniqueKeysWithValues: graph.learningNodes.map { ($0.id, $0.anchor) })
        #expect(anchors == [
            "vc1": "version-control", "vc2": "why-version-control", "in1": "installing-git", "in2": "git-config",
            "wf1": "basic-workflow", "wf2": "staging-area", "wf3": "viewing-history", "wf4": "undoing-changes",
            "br1": "branching", "br2": "merge-vs-rebase",
        ])
        // The checklist node is not drawn; the title, rule and paragraph are.
        #expect(graph.nodes.map(\.kind).filter { $0 != .topic && $0 != .subtopic } == [.title, .line, .paragraph])
    }

    @Test func problemsAreReportedInTheTopicFile() throws {
        try Self.build(Self.fixture) { _, report in
            let missing = report.diagnostics.filter { $0.id == "link.missing-file" }
            #expect(missing.count == 1)
            #expect(missing.first?.file.hasSuffix("git/content/staging-area@wf2.md") == true)
            #expect(missing.first?.location?.line == 4)
            #expect(missing.first?.location?.column == 5)
        }
    }

    @Test func theDrawingLinksToTheSections() throws {
        try Self.build(Self.fixture) { site, report in
            #expect(report.succeeded)
            #expect(report.roadmapCount == 3)
            let html = try String(contentsOf: site.appendingPathComponent("git/index.html"), encoding: .utf8)
            let figure = try #require(try Self.matches(##"(<figure class="roadmap-graph"[\s\S]*?</figure>)"##, in: html).first)
            let links = try Self.matches(##"<a class="rg-node rg-(?:sub)?topic" href="#([^"]+)" data-status-of="[^"]+">"##, in: figure)
            #expect(links.count == 10)
            // Each shows the state of the item it links to.
            #expect(try Self.matches(##"href="#[^"]+" data-status-of="([^"]+)""##, in: figure) == links)
            let ids = Set(try Self.matches(##" id="([^"]+)""##, in: html))
            for anchor in links { #expect(ids.contains(anchor), "#\(anchor) is not on the page") }
            // The topics and subtopics are the page's trackable items, as modules and topics are.
            let tracked = try Self.matches(##"<h[23] id="[^"]+" data-track="([^"]+)""##, in: html)
            #expect(tracked == links)
            #expect(html.contains("<span>4 topics</span>") && html.contains("<span>6 subtopics</span>"))
            // No phase list: the drawing is the outline. No inline style or script in it.
            #expect(!html.contains("class=\"phase-overview\""))
            #expect(!figure.contains("style=") && !figure.contains("<script"))
            // The drawing, as the partial writes it.
            let golden = Self.fixture.appendingPathComponent("Expected/git-graph.html")
            if TestPaths.updatingGoldens { try (figure + "\n").write(to: golden, atomically: true, encoding: .utf8) }
            #expect(figure + "\n" == (try String(contentsOf: golden, encoding: .utf8)))
        }
    }

    @Test func anOlderGraphFallsBackToFileOrder() throws {
        try Self.build(Self.fixture) { site, _ in
            let html = try String(contentsOf: site.appendingPathComponent("sql/index.html"), encoding: .utf8)
            // Without a graph of its own, it is drawn as a roadmap in Markdown is: its topics as modules.
            #expect(html.contains("<figure class=\"roadmap-graph roadmap-outline\""))
            #expect(try Self.matches(##"<a class="rg-node rg-topic" href="#([^"]+)""##, in: html) == ["what-is-sql", "select", "joins"])
            #expect(try Self.matches(##"<h2 id="[^"]+" data-track="([^"]+)""##, in: html) == ["what-is-sql", "select", "joins"])
            #expect(html.contains("<span>3 topics</span>"))
            // The ordinary roadmap beside the folders is still one of its own; no topic file is.
            let pages = try filesUnder(site).keys.filter { $0.hasSuffix("/index.html") }.sorted()
            #expect(pages == ["git/index.html", "notes/index.html", "sql/index.html"])
        }
    }

    @Test func aFolderOfTwoHundredTopicFilesIsOneRoadmap() throws {
        try Self.build(Self.large) { site, report in
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(report.roadmapCount == 1)
            #expect(report.diagnostics.map(\.id) == ["site.no-base-url"])
            let html = try String(contentsOf: site.appendingPathComponent("devops/index.html"), encoding: .utf8)
            let topics = try Self.matches(##"<h2 id="[^"]+" data-track="([^"]+)""##, in: html)
            let subtopics = try Self.matches(##"<h3 id="[^"]+" data-track="([^"]+)""##, in: html)
            #expect(topics.count == 25)
            #expect(subtopics.count == 177)
            #expect(Array(topics.prefix(5)) == ["learn-a-language", "operating-systems", "terminal-knowledge",
                                                "version-control-systems", "vcs-hosting"])
            #expect(topics.last == "site-reliability-engineering")
            // The first topic's subtopics row by row, left then right; "Rust" has no edge and
            // belongs to the topic nearest to it.
            let first = try #require(try Self.matches(##"(<h2 id="learn-a-language"[\s\S]*?)<h2 "##, in: html).first)
            #expect(try Self.matches(##"<h3 id="([^"]+)""##, in: first) == [
                "python", "javascript--nodejs", "go", "bash-scripting", "ruby", "powershell", "rust",
            ])
            let drawn = try Self.matches(##"<a class="rg-node rg-(?:sub)?topic" href="#([^"]+)""##, in: html)
            #expect(Set(drawn) == Set(topics + subtopics))
            // Resources with the kinds their roadmap.sh prefixes give.
            let index = try JSONSerialization.jsonObject(
                with: Data(contentsOf: site.appendingPathComponent("resources.json"))) as? [String: Any]
            let resources = index?["resources"] as? [[String: Any]] ?? []
            let kinds = Dictionary(grouping: resources, by: { $0["kind"] as? String ?? "" }).mapValues(\.count)
            #expect(Set(kinds.keys) == ["documentation", "article", "video", "course", "tool"])
            let kubernetes = resources.first { $0["title"] as? String == "Kubernetes Explained" }
            #expect(kubernetes?["kind"] as? String == "video")
            #expect(kubernetes?["url"] as? String == "https://www.youtube.com/watch?v=bee0cb05f85")
        }
    }

    @Test(arguments: [
        ("Version Control", 20, 2, ["Version Control"]),
        ("Why Version Control is worth it", 12, 3, ["Why Version", "Control is", "worth it"]),
        ("Why Version Control is worth it", 12, 2, ["Why Version", "Control is…"]),
        ("Supercalifragilistic", 8, 1, ["Supercalifragilistic"]),
    ])
    func labelsWrapBetweenWords(label: String, perLine: Int, maxLines: Int, lines: [String]) {
        #expect(GraphDrawing.wrap(label, perLine: perLine, maxLines: maxLines) == lines)
    }

    @Test func numbersAreWrittenShort() {
        #expect([12, 12.5, -10.5, -0.5, 0.04, 1234.56].map(GraphDrawing.number) == ["12", "12.5", "-10.5", "-0.5", "0", "1234.6"])
    }
}
