import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Where a mention link may land: in running text only, never inside something that acts as a
/// title (a bold or emphasised label, a heading), a link or code.
@Suite struct MentionPositionTests {
    static let roadmap = """
        # Ops Engineer

        ## Core Competencies

        ### Technical Skills
        - Version Control
        - Container Orchestration

        ## Learning Roadmap

        ### Phase 1: Basics (2 weeks)

        #### Source Control (1 week)
        - **Version Control & CI/CD**
          - Topics:
            - Git workflows
        - Keep a clean history with version control.

        #### Runtime (1 week)
        - __Container Orchestration__
          - Topics:
            - Pods
        - Read `Version Control` notes and [Version Control](https://example.org/vc) docs.
        - Version Control ***and*** more.

        #### Habits (1 week)
        - *Version Control Hygiene*: small commits, **Container Orchestration** later.
        """

    /// The enriched page's rendered HTML of one module.
    static func html() throws -> String {
        try buildSingleRoadmap(roadmap).html
    }

    @Test func noMentionLinkInsideABoldTopicTitle() throws {
        let html = try Self.html()
        #expect(!html.contains("<strong><a href=\"#skill-version-control\""), "a link inside the bold topic title")
        #expect(!html.contains("<strong><a href=\"#skill-container-orchestration\""))
        #expect(html.contains("<strong>Version Control &amp; CI/CD</strong>"))
    }

    @Test func noMentionLinkInsideAnEmphasisedLabel() throws {
        let html = try Self.html()
        #expect(html.contains("<em>Version Control Hygiene</em>"))
        #expect(html.contains("<strong>Container Orchestration</strong> later."))
    }

    @Test func mentionInRunningTextIsStillLinked() throws {
        let html = try Self.html()
        // The first plain mention in the module's prose, outside the label.
        #expect(html.contains("Keep a clean history with <a href=\"#skill-version-control\" title=\"Version Control\">version control</a>."))
    }

    @Test func noMentionLinkInsideCodeOrALink() throws {
        let html = try Self.html()
        #expect(html.contains("<code>Version Control</code>"))
        #expect(html.contains("<a href=\"https://example.org/vc\">Version Control</a>"))
    }

    /// The linker's own record agrees with the page: every mention it made is in plain text.
    @Test func linkerRecordsNoMentionFromTitles() throws {
        let built = RoadmapBuilder().build(.init(
            source: "ops.md", sourcePath: "ops.md", frontMatter: FrontMatter(),
            document: MarkdownParser().parse(Self.roadmap))).0
        let enriched = RoadmapEnricher().enrich(built)
        let mentions = enriched.crossLinks.links.filter { $0.kind == .mentions }
        #expect(mentions.map(\.evidence).allSatisfy { $0.lowercased() == "version control" || $0.lowercased() == "container orchestration" })
        #expect(mentions.filter { $0.to == "skill-version-control" }.map(\.from) == ["source-control-1-week", "runtime-1-week"])
        #expect(!mentions.contains { $0.from == "habits-1-week" })
        #expect(!mentions.contains { $0.to == "skill-container-orchestration" })
    }
}
