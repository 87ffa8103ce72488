import Foundation
import Testing
@testable import RoadmapKit

/// What a roadmap's header and home-page card say: the title without the badges READMEs put
/// beside it, and its counts in words (singular at one, left out at zero).
@Suite struct RoadmapHeaderTests {
    @Test(arguments: [
        (0, 0, nil, []),
        (1, 1, "4 weeks", ["1 phase", "1 module", "4 weeks"]),
        (3, 0, nil, ["3 phases"]),
        (0, 2, "", ["2 modules"]),
    ] as [(Int, Int, String?, [String])])
    func factsAreCountedInWords(phases: Int, modules: Int, duration: String?, expected: [String]) {
        #expect(RoadmapFacts.make(phaseCount: phases, moduleCount: modules, totalDuration: duration, strings: .english) == expected)
    }

    @Test func titleBadgesAndZeroCountsAreLeftOut() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "awesome.md": """
                # Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re) ![Build](https://ci.example/b.svg) [docs](https://example.org)

                - [One](https://example.org/one)
                """,
                "plan.md": "# Plan\n\n## Phase 1: Basics (4 weeks)\n\n### Module A (4 weeks)\n\n- a topic\n",
            ], in: content)
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let awesome = try String(contentsOf: site.appendingPathComponent("awesome/index.html"), encoding: .utf8)
            #expect(awesome.contains(#"<h1 id="top">Awesome Things <a href="https://example.org">docs</a></h1>"#))
            #expect(!awesome.contains("remote-image"))
            #expect(!awesome.contains("0 phases") && !awesome.contains(#"<p class="facts">"#))
            let plan = try String(contentsOf: site.appendingPathComponent("plan/index.html"), encoding: .utf8)
            #expect(plan.contains("<span>1 phase</span>") && plan.contains("<span>1 module</span>"))
            let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(home.contains("<span>1 phase</span>") && !home.contains("0 phases"))
        }
    }

    /// A README's opening tagline, or the first paragraph of a first section, is its summary:
    /// the home card shows it, and the page shows it once, where the author put it, not again
    /// (cut short) as a lead above it.
    @Test func anOpeningSummaryIsNotShownTwice() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "readme.md": "# Awesome Things\n\n> A curated list of awesome things to learn.\n\n## Books\n\n- x\n",
                "plan.md": "# Plan\n\n## Summary\n\nA plan that says what it is in its first section.\n",
            ], in: content)
            let site = folder.appendingPathComponent("Site")
            #expect(try buildSite(content: content, output: site).succeeded)
            let readme = try String(contentsOf: site.appendingPathComponent("readme/index.html"), encoding: .utf8)
            #expect(readme.components(separatedBy: "A curated list of awesome things to learn.").count == 3, "meta description and the quote")
            #expect(!readme.contains(#"<p class="lead">"#))
            let plan = try String(contentsOf: site.appendingPathComponent("plan/index.html"), encoding: .utf8)
            #expect(!plan.contains(#"<p class="lead">"#))
            let body = try #require(plan.range(of: "<body"))
            #expect(plan[body.lowerBound...].components(separatedBy: "A plan that says what it is").count == 2)
            let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(home.contains("<p>A curated list of awesome things to learn.</p>"))
        }
    }
}
