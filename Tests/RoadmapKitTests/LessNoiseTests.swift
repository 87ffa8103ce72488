import Foundation
import Testing
@testable import RoadmapKit

/// Each fact said once, and nothing said where there is nothing to say (issue 14, "less
/// noise"): an unknown cost is left unsaid, and "not taught" is said of technical skills only.
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
}
