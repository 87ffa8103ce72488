import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The shapes a reader takes as steps (Tests/RoadmapKitTests/Fixtures/shapes), each read with the
/// phases, modules and trackable items a reader would count, and what is never a phase.
@Suite struct RoadmapShapesTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("shapes")

    static func roadmap(_ name: String) throws -> Roadmap {
        try EnrichmentFixture.roadmap(at: fixture.appendingPathComponent("Content/\(name).md"), source: "\(name).md")
    }

    static func roadmap(markdown: String) -> Roadmap {
        RoadmapBuilder().build(.init(
            source: "t.md", sourcePath: "t.md", frontMatter: FrontMatter(), document: MarkdownParser().parse(markdown))).0
    }

    struct Counts: Sendable, CustomTestStringConvertible {
        var name: String
        var phases: Int
        var modules: Int
        var trackable: Int
        var testDescription: String { name }
    }

    /// What a reader counts in each fixture: the steps (phases), what each is made of (modules),
    /// and everything there is to mark (modules, topics, task-list items, steps without modules).
    static let counts: [Counts] = [
        Counts(name: "numbered-headings", phases: 6, modules: 0, trackable: 6),
        Counts(name: "step-headings", phases: 3, modules: 5, trackable: 5),
        Counts(name: "weeks", phases: 4, modules: 0, trackable: 10),
        Counts(name: "days", phases: 5, modules: 0, trackable: 5),
        Counts(name: "months-weeks", phases: 3, modules: 8, trackable: 8),
        Counts(name: "tracks", phases: 3, modules: 9, trackable: 11),
        Counts(name: "heading-durations", phases: 4, modules: 2, trackable: 5),
        Counts(name: "duration-table", phases: 4, modules: 9, trackable: 9),
        Counts(name: "dated-list", phases: 3, modules: 7, trackable: 7),
        Counts(name: "never-phases", phases: 0, modules: 0, trackable: 0),
        Counts(name: "checklist", phases: 0, modules: 0, trackable: 10),
    ]

    @Test(arguments: counts)
    func aReaderCountsThePhasesModulesAndTrackableItems(_ expected: Counts) throws {
        let roadmap = try Self.roadmap(expected.name)
        #expect(roadmap.phases.count == expected.phases, "\(roadmap.phases.map(\.title))")
        #expect(roadmap.modules.count == expected.modules, "\(roadmap.modules.map(\.title))")
        #expect(roadmap.trackable.count == expected.trackable, "\(roadmap.trackable.map(\.title))")
        #expect(roadmap.trackable.map(\.location) == roadmap.trackable.map(\.location).sorted(), "in document order")
        #expect(Set(roadmap.trackable.map(\.id)).count == roadmap.trackable.count, "ids are unique")
    }

    @Test func numberedHeadingsAreStepsAndTheirLicenceIsNot() throws {
        let roadmap = try Self.roadmap("numbered-headings")
        #expect(roadmap.phases.map(\.title) == [
            "1. GIT", "2. Learn one programming language", "3. Learn Linux & Scripting", "4. Learn Networking & Security",
            "5. Learn Containers and Kubernetes", "6. Learn Software Engineering Practices",
        ])
        // Steps without modules are what a learner marks.
        #expect(roadmap.trackable.map(\.kind) == Array(repeating: .phase, count: 6))
        #expect(roadmap.trackable.map(\.id) == roadmap.phases.map(\.id))
    }

    @Test func tracksOfNumberedStepsAreThePhasesAndTheStepsTheirModules() throws {
        let roadmap = try Self.roadmap("tracks")
        #expect(roadmap.phases.map(\.title) == ["🧩 LLM Fundamentals", "🧑‍🔬 The LLM Scientist", "👷 The LLM Engineer"])
        #expect(roadmap.phases.map { $0.modules.count } == [3, 4, 2])
        #expect(roadmap.modules.first?.topics.map(\.title) == ["Linear Algebra", "Calculus"])
        #expect(roadmap.trackable.prefix(3).map(\.kind) == [.module, .topic, .topic])
    }

    @Test func monthsOverWeeksAndRunsOfDays() throws {
        let months = try Self.roadmap("months-weeks")
        #expect(months.phases.map(\.title) == ["Month 1", "Month 2", "Month 3"])
        #expect(months.phases.map { $0.modules.map(\.title) } == [
            ["Week 1", "Week 2", "Week 3", "Week 4"], ["Week 5", "Week 6"], ["Week 7", "Week 8"],
        ])
        let days = try Self.roadmap("days")
        #expect(days.phases.map(\.title) == ["Day 1 - Setup", "Day 2 - Variables", "Day 3 - Ownership", "Day 4 - Structs",
                                             "Day 5 - Enums and match"])
        #expect(days.phases.map(\.durationText) == ["Day 1", "Day 2", "Day 3", "Day 4", "Day 5"])
        let steps = try Self.roadmap("step-headings")
        #expect(steps.phases.map { $0.modules.map(\.title) } == [["HTML", "CSS"], ["Language fundamentals", "The DOM"], ["React"]])
    }

    @Test func headingsWithADurationAnywhereArePhases() throws {
        let roadmap = try Self.roadmap("heading-durations")
        #expect(roadmap.phases.map(\.title) == [
            "Python - 1 Month", "Django (4 weeks)", "Learn SQL in 3 weeks", "Deployment — about 2 weeks",
        ])
        #expect(roadmap.phases.map(\.durationText) == ["1 Month", "4 weeks", "3 weeks", "2 weeks"])
    }

    @Test func rowsOfADurationTableAreModulesWithTheirDurations() throws {
        let roadmap = try Self.roadmap("duration-table")
        #expect(roadmap.phases.map(\.title) == ["Intro CS", "Core programming", "Core math", "Study schedule"])
        #expect(roadmap.modules.map(\.title) == [
            "Introduction to Computer Science and Programming using Python", "Systematic Program Design",
            "Class-based Program Design", "Programming Languages, Part A", "Calculus 1A: Differentiation",
            "Mathematics for Computer Science", "Recursion", "Trees", "Graphs",
        ])
        #expect(roadmap.modules.map { $0.duration?.maxWeeks } == [14, 13, 13, 5, 13, 13, 2, 2, 1])
        #expect(roadmap.modules.map(\.location.line) == [11, 17, 18, 19, 25, 26, 32, 33, 34])
        // Each row is anchored, so the page can put a progress control in it.
        #expect(roadmap.modules.allSatisfy { roadmap.itemAnchors[$0.location] == $0.id })
    }

    @Test func datedListsAreModulesOfTheSectionTheyAreIn() throws {
        let roadmap = try Self.roadmap("dated-list")
        #expect(roadmap.phases.map(\.title) == ["Learning DevOps", "Learn a Programming Language", "Knowing Linux Basics"])
        #expect(roadmap.modules.map(\.title).first == "Day 1 > Introduction")
        #expect(roadmap.modules.map(\.durationText) == ["Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7"])
    }

    @Test func weeksWithTasksCountTheTasksInTheirPhase() throws {
        let roadmap = try Self.roadmap("weeks")
        #expect(roadmap.trackable.map(\.kind) == [.phase, .task, .task, .phase, .task, .task, .phase, .task, .phase, .task])
        #expect(roadmap.trackable.filter { $0.phaseID == roadmap.phases[1].id }.map(\.title)
                == ["Week 2: Python for data", "pandas basics", "Set up a virtual environment"])
        let data = RoadmapDataBlock.json(for: roadmap)
        #expect(data.contains(#""items":["week-1-sql-refresher","finish-the-sqlbolt-lessons","write-20-window-function-queries"]"#))
    }

    @Test func everyTaskListItemIsTrackableNestedOnesIncluded() throws {
        let roadmap = try Self.roadmap("checklist")
        #expect(roadmap.phases.isEmpty)
        #expect(roadmap.trackable.map(\.title) == [
            "Arrays", "Implement a dynamic array", "Know the cost of insertion at the front", "Linked Lists", "Hash tables",
            "Binary search", "Sorting", "Quicksort", "Merge sort", "Sleep well",
        ])
        #expect(roadmap.trackable.allSatisfy { $0.kind == .task && $0.phaseID == nil })
    }

    @Test func neverPhasesStayPlainSections() throws {
        let roadmap = try Self.roadmap("never-phases")
        #expect(roadmap.phases.isEmpty, "\(roadmap.phases.map(\.title))")
        #expect(roadmap.allSections.allSatisfy { $0.role == .section })
    }

    @Test(arguments: [
        "License", "LICENSE", "📄 License", "License: MIT", "Licence", "Contributing", "🤝 Contributing", "How to contribute",
        "Table of Contents", "Contents", "Acknowledgements", "Acknowledgments", "Support", "Show your support",
        "Star History", "⭐ Star History", "Part 1 – YouTube Tutorial", "Lecture playlist", "Code of Conduct",
    ])
    func neverAPhase(_ title: String) {
        #expect(RoadmapBuilder.isNeverPhase(title), "\(title)")
    }

    @Test(arguments: [
        "Support Vector Machines", "Licensing models for SaaS", "Contributing to open source as a learning project",
        "Phase 1: Foundations", "1. GIT", "Week 2", "Video processing with OpenCV",
    ])
    func mayBeAPhase(_ title: String) {
        #expect(!RoadmapBuilder.isNeverPhase(title), "\(title)")
    }

    @Test(arguments: [
        ("1. GIT", 1), ("12. Learn Software Engineering Practices", 12), ("2) Docker", 2), ("03 - Networking", 3),
        ("4: Kubernetes", 4), ("🚀 5. Deploy", 5), ("6、数据库", 6),
    ])
    func headingNumber(_ title: String, _ number: Int) {
        #expect(RoadmapBuilder.headingNumber(title) == number)
    }

    @Test(arguments: ["2024 Review", "3D Modelling", "1.5 Things", "100 Days of Code", "Python 3", "Step 1", "10x Engineer"])
    func notANumberedHeading(_ title: String) {
        #expect(RoadmapBuilder.headingNumber(title) == nil)
    }

    /// Numbered headings out of order are two lists, not a run of steps; a lone one is not a phase.
    @Test(arguments: [
        "# Guide\n\n## 2. Usage\n\n## 1. Install\n",
        "# Guide\n\n## 1. Introduction\n\n## Usage\n",
        "# Guide\n\n## Setup\n\n### 1. Install\n\n## Usage\n\n### 1. Run\n",
    ])
    func numberedHeadingsThatAreNotARun(_ markdown: String) {
        #expect(Self.roadmap(markdown: markdown).phases.isEmpty)
    }

    /// A lone period heading ("Week 6A" among topics) is not a phase: periods are phases as a run.
    @Test func aLonePeriodIsNotAPhase() {
        let roadmap = Self.roadmap(markdown: "# CS\n\n## Core\n\n### Week 6A\n\n## Advanced\n\n## Final project\n")
        #expect(roadmap.phases.isEmpty)
    }

    @Test func aPhaseWithDatedItemsTakesThemAsModules() {
        let roadmap = Self.roadmap(markdown: """
            # Plan

            ## Phase 1: Web basics

            - Week 1: HTML
            - Week 2: CSS
            - Weeks 3-4: JavaScript

            ## Phase 2: Backend

            ### Databases
            """)
        #expect(roadmap.phases.map { $0.modules.map(\.title) } == [["Week 1: HTML", "Week 2: CSS", "Weeks 3-4: JavaScript"], ["Databases"]])
        #expect(roadmap.phases[0].modules.map { $0.duration?.maxWeeks } == [1, 1, 2])
    }

    @Test(arguments: [
        // Lengths stated in each cell.
        (["14 weeks", "6 weeks", "-"], "Duration", [14, 6, nil]),
        // Bare numbers under a plural unit, not following on: lengths.
        (["3", "2", "4"], "Weeks", [3, 2, 4]),
        (["3", "2"], "Duration (weeks)", [3, 2]),
        // Following on from 1, or under a singular unit: periods of a schedule.
        (["1-2", "3-4", "5"], "Weeks", [2, 2, 1]),
        (["1", "2", "3"], "Week", [1, 1, 1]),
        (["1", "2"], "Day", [1.0 / 7, 1.0 / 7]),
        // No unit to read bare numbers with.
        (["3", "4"], "Duration", [nil, nil]),
    ] as [([String], String, [Double?])])
    func durationColumnCells(_ cells: [String], header: String, weeks: [Double?]) {
        func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
        let durations: [Double?] = RoadmapBuilder().rowDurations(cells, header: header).map { rounded($0?.maxWeeks) }
        let expected: [Double?] = weeks.map(rounded)
        #expect(durations == expected)
    }

    @Test func aTableWithoutADurationColumnIsNotASchedule() {
        let roadmap = Self.roadmap(markdown: """
            # Tools

            ## Editors

            | Name | Platform |
            | --- | --- |
            | VS Code | all |
            | Vim | all |
            """)
        #expect(roadmap.phases.isEmpty)
    }

    /// Adding a task or a section keeps every other item's anchor: anchors come from titles, and
    /// tasks are anchored after every other item.
    @Test func anchorsOfOtherItemsStayWhenTasksAndSectionsAreAdded() throws {
        let url = Self.fixture.appendingPathComponent("Content/weeks.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let before = Self.roadmap(markdown: text)
        let edited = text
            .replacingOccurrences(of: "- [ ] Star schema vs snowflake", with: "- [ ] Read about data vaults\n- [ ] Star schema vs snowflake")
            .replacingOccurrences(of: "## Notes", with: "## Week 5: Review\n\n- [ ] Finish the SQLBolt lessons again\n\n## Notes")
        let after = Self.roadmap(markdown: edited)
        let afterIDs = Dictionary(after.trackable.map { ($0.title, $0.id) }, uniquingKeysWith: { a, _ in a })
        for item in before.trackable { #expect(afterIDs[item.title] == item.id, "\(item.title)") }
        #expect(after.trackable.count == before.trackable.count + 3)
    }

    /// The page lets a learner mark exactly the items roadmap.json lists, in the same order.
    @Test func thePageAndRoadmapJSONAgreeOnWhatIsTrackable() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: Self.fixture.appendingPathComponent("Content"), output: output)
            #expect(report.succeeded)
            for expected in Self.counts {
                let page = try String(contentsOf: output.appendingPathComponent("\(expected.name)/index.html"), encoding: .utf8)
                let marked = page.components(separatedBy: " data-track=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                let data = try Data(contentsOf: output.appendingPathComponent("\(expected.name)/roadmap.json"))
                let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let trackable = try #require(json["trackable"] as? [[String: Any]])
                #expect(trackable.count == expected.trackable, "\(expected.name)")
                #expect(marked == trackable.map { $0["id"] as? String }, "\(expected.name)")
                #expect(trackable.allSatisfy { $0["title"] is String && $0["line"] is Int && $0["kind"] is String })
            }
            // A row of a duration table carries its control in its first cell.
            let table = try String(contentsOf: output.appendingPathComponent("duration-table/index.html"), encoding: .utf8)
            #expect(table.contains(#"<tr><td id="systematic-program-design" data-track="systematic-program-design" class="align-left">"#))
        }
    }
}
