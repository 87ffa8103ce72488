import Foundation
import Testing
import RoadmapMarkdown
@testable import RoadmapKit

/// The roadmap page's hierarchy (issue 14, "a page with hierarchy"): phases and modules are
/// sections of their own class, a module's content is the body its button folds, the contents
/// list the modules with the anchor whose state they show, and the page numbers the phases only
/// when their titles do not.
@Suite struct PageHierarchyTests {
    static let roadmap = """
        # Hierarchy

        ## About

        ### Audience

        Anyone.

        ## Learning Path

        ### Phase 1: Basics (4 weeks)

        #### Shell (2 weeks)

        - **Pipes**: joining commands

        ##### Exercises

        Practise.

        #### Git (2 weeks)

        - **Branches**

        ### Phase 2: Services (4 weeks)

        #### Docker (4 weeks)

        - **Images**
        """

    @Test func phasesAndModulesAreSectionsAndAModulesContentIsItsBody() throws {
        let (html, report) = try buildSingleRoadmap(Self.roadmap, name: "hierarchy.md")
        #expect(report.succeeded)
        let content = try #require(html.components(separatedBy: "<div class=\"roadmap-content\">").last)
        // In document order: each module's section holds its heading, then its body with its
        // blocks and sub-sections; the phase's section closes after its last module.
        let expectedOrder = [
            "<h2 id=\"learning-path\">",
            "<section class=\"phase\">\n<h3 id=\"phase-1-basics-4-weeks\">",
            "<section class=\"module\">\n<h4 id=\"shell-2-weeks\" data-track=\"shell-2-weeks\">",
            "</h4>\n<div class=\"module-body\">\n",
            "<li id=\"pipes\" data-track=\"pipes\">",
            "<h5 id=\"exercises\">",
            "</div>\n</section>\n<section class=\"module\">\n<h4 id=\"git-2-weeks\"",
            "</div>\n</section>\n</section>\n<section class=\"phase\">\n<h3 id=\"phase-2-services-4-weeks\">",
            "<section class=\"module\">\n<h4 id=\"docker-4-weeks\"",
            "</div>\n</section>\n</section>\n",
        ]
        var rest = Substring(content)
        for piece in expectedOrder {
            let found = try #require(rest.range(of: piece), "\(piece) comes next")
            rest = rest[found.upperBound...]
        }
        // Sections that are neither phase nor module are not wrapped.
        #expect(content.components(separatedBy: "<section class=\"phase\">").count - 1 == 2)
        #expect(content.components(separatedBy: "<section class=\"module\">").count - 1 == 3)
        #expect(!content.contains("<section class=\"phase\">\n<h2 id=\"about\""))
        #expect(content.contains("<h2 id=\"about\">About"))
    }

    @Test func theContentsListTheModulesWithTheAnchorWhoseStateTheyShow() throws {
        let (html, _) = try buildSingleRoadmap(Self.roadmap, name: "hierarchy.md")
        let toc = try #require(html.components(separatedBy: "<nav class=\"toc\"").last?.components(separatedBy: "</nav>").first)
        #expect(toc.contains("<a href=\"#shell-2-weeks\" data-status-of=\"shell-2-weeks\">Shell (2 weeks)</a>"))
        #expect(toc.contains("<a href=\"#docker-4-weeks\" data-status-of=\"docker-4-weeks\">Docker (4 weeks)</a>"))
        // Two levels of ordinary headings, the phases untracked, no deeper ordinary heading.
        #expect(toc.contains("<a href=\"#audience\">Audience</a>"))
        #expect(toc.contains("<a href=\"#phase-1-basics-4-weeks\">Phase 1: Basics (4 weeks)</a>"))
        #expect(!toc.contains("#exercises"))
        #expect(toc.components(separatedBy: "data-status-of=").count - 1 == 3)
    }

    @Test(arguments: [
        (["Phase 1: Basics", "Phase 2: Services"], true),
        (["Foundation Phase (4 weeks)", "Phase 1: DevOps"], true),
        (["Month 1", "Month 2"], true),
        (["1. Git", "2. Docker"], true),
        (["第一阶段：基础", "第二阶段：进阶"], true),
        (["Foundations", "Deployment (4 weeks)"], false),
        (["Python - 1 Month", "Django - 2 Months"], false),
        (["Week 3-4: Testing"], true),
    ])
    func thePageNumbersPhasesOnlyWhenTheirTitlesDoNot(titles: [String], numberThemselves: Bool) {
        let phases = titles.map {
            Phase(id: "x", title: $0, location: RoadmapMarkdown.SourceLocation(line: 1, column: 1), durationText: nil, duration: nil,
                  durationLocation: nil, modules: [])
        }
        #expect(RoadmapPageRenderer.phasesNumberThemselves(phases) == numberThemselves)
    }

    @Test func theOverviewNumbersPhasesWhoseTitlesDoNot() throws {
        let numbered = """
            # Plain

            ## Foundations (4 weeks)

            ### Shell (2 weeks)

            ## Deployment (4 weeks)

            ### Docker (4 weeks)
            """
        let (plain, _) = try buildSingleRoadmap(numbered, name: "plain.md")
        #expect(plain.contains("<li><a href=\"#foundations-4-weeks\"><span class=\"phase-number\">1</span> <span class=\"phase-title\">"))
        #expect(plain.contains("<div class=\"roadmap-layout\">"))
        let (selfNumbered, _) = try buildSingleRoadmap(Self.roadmap, name: "hierarchy.md")
        #expect(selfNumbered.contains("<li><a href=\"#phase-1-basics-4-weeks\"><span class=\"phase-title\">"))
        #expect(!selfNumbered.contains("class=\"phase-number\""))
        #expect(selfNumbered.contains("<div class=\"roadmap-layout phases-self-numbered\">"))
    }
}
