import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The timeline tells what the roadmap states: modules that run past their phase are marked with
/// the duration check's words, and the timeline page's table says every length in one unit.
@Suite struct TruthfulTimelineTests {
    /// Two phases: the first holds its modules (4 + 4 weeks in 2 months), the second does not
    /// (6 + 6 + 6 weeks in 3 months, 13 weeks: the second module ends at 12, the third at 18).
    static let overflowing = """
        # Plan

        ## Phase 1: Basics (2 months)

        ### Tools (4 weeks)

        ### Habits (4 weeks)

        ## Phase 2: Depth (3 months)

        ### Theory (6 weeks)

        ### Practice (6 weeks)

        ### Capstone (6 weeks)
        """

    @Test func theTimelineMarksWhatTheDurationCheckWarnsOf() throws {
        let roadmap = RoadmapShapesTests.roadmap(markdown: Self.overflowing)
        let warnings = DurationConsistencyCheck().check(roadmap)
        #expect(warnings.map(\.id) == ["duration.modules-exceed-phase"])
        let timeline = TimelineBuilder().build(roadmap)
        #expect(timeline.phases.map(\.overflow) == [nil, warnings.first?.message])
        // Only the module that ends past the phase's 13 weeks, even at its fewest weeks.
        #expect(timeline.phases[1].modules.map { $0.overflow != nil } == [false, false, true])
        #expect(timeline.phases[1].modules[2].overflow == warnings.first?.message)
        #expect(timeline.phases[0].modules.allSatisfy { $0.overflow == nil })
    }

    @Test func theSeedsOverflowingModulesAreTheLastOfPhasesTwoAndThree() throws {
        let timeline = TimelineBuilder().build(try SeedModelTests.seed())
        let marked = timeline.phases.flatMap(\.modules).filter { $0.overflow != nil }.map(\.title)
        #expect(marked == ["Monitoring & Maintenance (12 weeks)", "Security & Compliance (8 weeks)"])
        #expect(timeline.phases.map { $0.overflow != nil } == [false, false, true, true])
    }

    @Test func theChartsMarkTheOverflowAndReachPastThePhase() throws {
        let timeline = TimelineBuilder().build(RoadmapShapesTests.roadmap(markdown: Self.overflowing))
        let page = TimelineSVG(timeline: timeline, includeModules: true, idPrefix: "page-", strings: .english).render()
        let rows = page.components(separatedBy: "<g class=").dropFirst()
        #expect(rows.count == 7)
        // The phase and its last module are marked, in words and with an overflow bar; no other row.
        let marked = rows.filter { $0.hasPrefix("\"tl-phase tl-overflows\"") || $0.hasPrefix("\"tl-module tl-overflows\"") }
        #expect(marked.count == 2)
        #expect(marked[0].contains("its\u{00A0}modules\u{00A0}overflow\u{00A0}it") && marked[0].contains("tl-over"))
        #expect(marked[1].contains("Capstone") && marked[1].contains("⚠\u{00A0}overflows\u{00A0}its\u{00A0}phase"))
        #expect(marked[1].contains("class=\"tl-over\""))
        #expect(rows.filter { $0.contains("tl-over\"") }.count == 2)
        // Where the phase ends at the latest: 8.7 + 13 weeks of the 26.7 the chart spans (to the
        // capstone's end, past the phase's), a dashed line.
        #expect(page.contains("<line class=\"tl-phase-end\" x1=\"81.25%\""))
        // The overview marks the phase alone, with its modules' overflow bar.
        let overview = TimelineSVG(timeline: timeline, includeModules: false, idPrefix: "overview-", strings: .english).render()
        #expect(overview.components(separatedBy: "tl-overflows").count - 1 == 1)
        #expect(overview.contains("class=\"tl-over\""))
        // A roadmap whose modules fit is drawn without a mark.
        let fitting = TimelineBuilder().build(RoadmapShapesTests.roadmap(markdown: "# P\n\n## Phase 1: A (2 weeks)\n\n### B (1 week)\n\n### C (1 week)\n"))
        let plain = TimelineSVG(timeline: fitting, includeModules: true, idPrefix: "page-", strings: .english).render()
        #expect(!plain.contains("tl-over") && !plain.contains("⚠") && !plain.contains("tl-phase-end"))
    }

    @Test func thePagesSayTheCheckSentenceAndMarkTheTableRows() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: TestPaths.seedContent, output: output)
            let warnings = report.diagnostics.filter { $0.id == "duration.modules-exceed-phase" }.map(\.message)
            #expect(warnings.count == 2)
            let notes = warnings.map { HTMLEscaping.escape($0.prefix(1).uppercased() + $0.dropFirst() + ".") }
            for page in ["mlops-engineer/index.html", "mlops-engineer/timeline.html"] {
                let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
                for note in notes {
                    #expect(html.contains("<span class=\"tl-overflow-mark\" aria-hidden=\"true\">⚠</span> " + note + "</p>"), "\(page)")
                }
            }
            let timeline = try String(contentsOf: output.appendingPathComponent("mlops-engineer/timeline.html"), encoding: .utf8)
            let markedRows = try RoadmapShFolderTests.matches(
                ##"data-plan-module="([^"]+)"></td></tr>"##,
                in: timeline.components(separatedBy: "\n").filter { $0.contains("⚠ overflows its phase") }.joined(separator: "\n"))
            #expect(markedRows == ["monitoring--maintenance-12-weeks", "security--compliance-8-weeks"])
            // One unit throughout the table: the seed states most lengths in weeks.
            let cells = try RoadmapShFolderTests.matches(##"<td>(?:after )?([^<]+?)(?: <span[^<]*</span>)?</td>"##, in: timeline)
            let lengths = cells.filter { $0 != "at the start" }
            #expect(lengths.count == 13 + 11 + 13)
            #expect(lengths.allSatisfy { $0.hasSuffix(" weeks") }, "\(lengths.filter { !$0.hasSuffix(" weeks") })")
            #expect(timeline.contains("<td>17–22 weeks</td><td>after 4 weeks</td><td>after 21–26 weeks</td>"))
        }
    }

    @Test func aTableTakesTheUnitMostOfItsLengthsAreStatedIn() {
        let month = DurationValue(text: "2 months", unit: .month, minimum: 2, maximum: 2)
        let week = DurationValue(text: "3 weeks", unit: .week, minimum: 3, maximum: 3)
        let day = DurationValue(text: "5 days", unit: .day, minimum: 5, maximum: 5)
        #expect(DurationFormatting.commonUnit(of: [month, week, week]) == .week)
        #expect(DurationFormatting.commonUnit(of: [month, month, week]) == .month)
        #expect(DurationFormatting.commonUnit(of: [month, week]) == .month, "a tie goes to the longer unit")
        #expect(DurationFormatting.commonUnit(of: [day, day, week]) == .day)
        #expect(DurationFormatting.commonUnit(of: []) == .week)
    }

    @Test(arguments: [
        (4.0, 4.0, DurationUnit.week, "4 weeks"),
        (1.0, 1.0, .week, "1 week"),
        (52.0 / 3, 65.0 / 3, .week, "17–22 weeks"),
        (8.0, 8.0, .month, "2 months"),
        (6.0, 6.0, .month, "1.5 months"),
        (52.0 * 4.25, 52.0 * 4.25, .year, "4.5 years"),
        (52.0 / 12 * 14, 52.0 / 12 * 17, .month, "14–17 months"),
        (1.0, 2.0, .day, "7–14 days"),
    ] as [(Double, Double, DurationUnit, String)])
    func aRangeIsSaidInTheTablesUnit(minWeeks: Double, maxWeeks: Double, unit: DurationUnit, text: String) {
        #expect(DurationFormatting.describe(WeekRange(minWeeks: minWeeks, maxWeeks: maxWeeks), in: unit, strings: .english) == text)
    }

    @Test func aLengthStatedInAnotherUnitIsSaidAsStatedToo() {
        let roadmap = RoadmapShapesTests.roadmap(markdown: """
            # Plan

            ## Phase 1: Basics

            | Course | Duration |
            | --- | --- |
            | Tools | 3 weeks |
            | Habits | 2 weeks |
            | Theory | 1 month |
            """)
        let timeline = TimelineBuilder().build(roadmap)
        let modules = timeline.phases.flatMap(\.modules)
        #expect(modules.count == 3)
        let rows = modules.map { EnrichmentPages.timelineRow($0, number: nil, unit: .week, strings: .english) }
        #expect(rows.map(\.length) == ["3 weeks", "2 weeks", "4 weeks"])
        // The month is said in weeks, and as stated below it, since the title does not say it.
        #expect(rows.map(\.stated) == ["", "", "1 month"])
    }
}
