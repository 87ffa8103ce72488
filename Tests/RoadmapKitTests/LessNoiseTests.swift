import Foundation
import Testing
@testable import RoadmapKit

/// Each fact said once, and nothing said where there is nothing to say (issue 14, "less
/// noise"): an unknown cost is left unsaid, a cost the author states beside a link is not
/// repeated in its badge, a phase's duration is not said twice in the overview, the summary is
/// not shown above the paragraph it comes from, links with the same text are told apart, and
/// "not taught" is said of technical skills only.
@Suite struct LessNoiseTests {
    static let roadmap = """
        # Noise

        ## Core Competencies

        ### Technical Skills

        - Docker
        - Quantum Annealing

        ### Soft Skills

        - Communication

        ## Phase 1: Basics (4 weeks)

        ### Docker Basics (2 weeks)

        - [Docker docs](https://docs.docker.com/get-started/) (Free)
        - [Container course](https://learn.acme-academy.io/containers)

        ### Compose (2 weeks)

        - Compose files
        """

    @Test func anUnknownCostIsLeftUnsaid() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["noise.md": Self.roadmap], in: content)
            let site = folder.appendingPathComponent("Site")
            #expect(try buildSite(content: content, output: site).succeeded)
            let index = try String(contentsOf: site.appendingPathComponent("noise/resources.html"), encoding: .utf8)
            #expect(index.contains("<span class=\"cost-badge cost-free\">Free</span>"))
            #expect(!index.contains("<span class=\"cost-badge cost-unknown\">"))
            #expect(index.components(separatedBy: "class=\"cost-badge").count - 1 == 1)
        }
    }

    @Test func onlyATechnicalSkillIsSaidToBeTaughtNowhere() throws {
        let (html, report) = try buildSingleRoadmap(Self.roadmap, name: "noise.md")
        #expect(report.succeeded)
        #expect(html.contains("Quantum Annealing<span class=\"xref\"><span class=\"xref-none\">Not taught in any module (check the roadmap)</span></span>"))
        #expect(html.contains(">Communication</li>"))
        #expect(html.components(separatedBy: "Not taught in any module").count - 1 == 1)
    }

    @Test func aCostTheAuthorStatesIsNotRepeatedInTheBadge() throws {
        let (html, report) = try buildSingleRoadmap(Self.roadmap, name: "noise.md")
        #expect(report.succeeded)
        // "(Free)" follows the Docker docs link: its badge says the kind only.
        #expect(html.contains("href=\"resources.html#r-docker-docs"))
        let badge = try #require(html.range(of: "id=\"u-docker-docs"))
        let badgeText = html[badge.upperBound...].prefix { $0 != "<" }.split(separator: ">").last.map(String.init) ?? ""
        #expect(badgeText == "documentation", "badge text: \(badgeText)")
        #expect(!html.contains("· free</a> (Free)"))
    }

    @Test func thePhaseOverviewSaysTheDurationOnce() throws {
        let (html, _) = try buildSingleRoadmap(Self.roadmap, name: "noise.md")
        #expect(html.contains("<span class=\"phase-title\">Phase 1: Basics</span></a> <span class=\"badge\">4 weeks</span>"))
    }

    @Test func aSummaryFromThePageIsNotShownAboveIt() throws {
        let fromBody = "# Guide\n\n## About\n\nA guide to containers, from the first image to the cluster.\n\n## Phase 1: Basics (4 weeks)\n\n- Images\n"
        let (html, _) = try buildSingleRoadmap(fromBody, name: "guide.md")
        #expect(!html.contains("class=\"lead\""))
        let body = try #require(html.range(of: "<body"))
        #expect(html[body.lowerBound...].components(separatedBy: "A guide to containers").count - 1 == 1)
        let fromFrontMatter = "---\ndescription: Containers in four weeks.\n---\n" + fromBody
        let (withLead, _) = try buildSingleRoadmap(fromFrontMatter, name: "guide.md")
        #expect(withLead.contains("<p class=\"lead\">Containers in four weeks.</p>"))
    }

    /// Twenty more projects: a word shared by three projects is then no longer common
    /// (CrossLinker links a portfolio project only through words few projects share).
    static let fillerProjects = ["lexer", "parser", "compiler", "linker", "shell", "kernel", "router", "proxy", "cache",
                                 "queue", "scheduler", "crawler", "renderer", "debugger", "profiler", "tracer",
                                 "emulator", "editor", "browser", "database"]
        .map { "    - Write a \($0)" }.joined(separator: "\n")

    @Test func projectsWithTheSameTitleAreToldApartByTheirModule() throws {
        let roadmap = """
            # Twins

            ## Learning Roadmap

            ### Phase 1: Data (4 weeks)

            #### Feature Engineering (2 weeks)
            - **Features**
              - Topics:
                - Feature stores
              - Projects:
                - Implement feature store

            #### Platform Work (2 weeks)
            - **Platform**
              - Topics:
                - Serving
              - Projects:
                - Implement feature store

            #### Other Work (2 weeks)
            - **Other**
              - Projects:
            \(Self.fillerProjects)

            ## Practical Experience

            ### Required Projects Portfolio

            1. Feature Store Implementation
               - Feature serving
            """
        let (html, _) = try buildSingleRoadmap(roadmap, name: "twins.md")
        let grows = try #require(html.range(of: "Grows from</span>"))
        let line = String(html[grows.upperBound...].prefix { $0 != "\n" })
            .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(line.contains("Implement feature store (Feature Engineering)"), "\(line)")
        #expect(line.contains("Implement feature store (Platform Work)"), "\(line)")
    }
}
