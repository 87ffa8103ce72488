import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Roadmaps written by other people, in the shapes public ones take (Tests/RoadmapKitTests/Fixtures/messy):
/// checklists, roadmap.sh topics, awesome lists, Chinese, week-by-week plans, HTML headers, CRLF and a
/// byte-order mark, front matter of every shape, hostile content. The build copes with all of it.
@Suite struct MessyRoadmapTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("messy")

    /// Every warning the fixture gives, as `file:line id`; each is one a careful reader agrees with.
    static let expectedWarnings = [
        "awesome-devops.md:56 link.missing-file",  // contributing.md is in the repository, not the site
        "coding-interview-checklist.md:39 link.missing-anchor",  // a stale table of contents entry
        "coding-interview-checklist.md:135 link.missing-file",
        "coding-interview-checklist.md:136 link.missing-file",
        "coding-interview-checklist.md:140 link.missing-file",
        "data-scientist.md:4 front-matter.tabs",
        "data-scientist.md:35 duration.modules-short-of-phase",  // 6 weeks of modules in a 4-month phase
        "data-scientist.md:61 skill.untaught",  // Data Visualisation: no module, phase or project says it
        "fm-invalid.md:3 front-matter.yaml",
        "fm-list.md:2 front-matter.not-a-mapping",
        "ml-engineer-readme.md:9 link.missing-file",  // the raw-HTML badge links LICENSE, not in the site
        "security-hostile.md:8 link.missing-file",  // <img src="x" onerror=…>: no file x
        "security-hostile.md:14 duration.modules-short-of-phase",
        "security-hostile.md:16 link.unsafe-scheme",
        "security-hostile.md:17 link.unsafe-scheme",
        "security-hostile.md:18 link.unsafe-scheme",
        "security-hostile.md:20 link.missing-file",
        "security-hostile.md:21 link.unsafe-scheme",  // <a href="javascript:…"> in raw HTML
    ]

    static func model(_ site: URL, _ slug: String) throws -> [String: Any] {
        let data = try Data(contentsOf: site.appendingPathComponent("\(slug)/roadmap.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func messyRoadmapsBuildWithOnlyTheWarningsAReaderAgreesWith() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: Self.fixture.appendingPathComponent("Content"), output: output)
            #expect(report.succeeded)
            #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty,
                    "\(formatted(report.diagnostics.filter { $0.severity == .error }, relativeTo: Self.fixture))")
            let warnings = report.diagnostics.filter { $0.severity == .warning && $0.id != "site.no-base-url" }
                .map { "\(($0.file as NSString).lastPathComponent):\($0.location?.line ?? 0) \($0.id)" }
            #expect(warnings.sorted() == Self.expectedWarnings.sorted())

            // Titles: front matter (YAML, TOML, CRLF), an HTML <h1>, a heading with badges.
            let titles = try ["backend-topics", "security-hostile", "ml-engineer-readme", "frontend-zh", "awesome-devops",
                              "data-scientist", "fm-dashes-only"].map { try Self.model(output, $0)["title"] as? String }
            #expect(titles == ["Backend Developer Topics", "Security Engineer Roadmap", "🤖 Machine Learning Engineer Roadmap",
                               "前端学习路线（2024版）", "Awesome DevOps", "Data Scientist Roadmap", "Thematic Break First"])

            // Durations: Chinese brackets and period headings; "Resources" is not a module.
            let zh = try Self.model(output, "frontend-zh")
            let zhPhases = try #require(zh["phases"] as? [[String: Any]])
            #expect(zhPhases.map { ($0["duration"] as? [String: Any])?["text"] as? String } == ["4周", "1个月", "8周"])
            let ds = try #require(try Self.model(output, "data-scientist")["phases"] as? [[String: Any]])
            #expect(ds.flatMap { ($0["modules"] as? [[String: Any]] ?? []).map { $0["title"] as? String } }
                    == ["Statistics\u{200B} Basics (6 weeks)", "SQL (6 weeks)", "Modelling (6 weeks)", "NLP", "Computer Vision"])
            // A skill only a phase's title names is taught by that phase.
            let skills = try #require(try Self.model(output, "data-scientist")["skills"] as? [[String: Any]])
            let machineLearning = try #require(skills.first { $0["title"] as? String == "Machine Learning" })
            #expect(machineLearning["taughtIn"] as? [String] == [try #require(ds[1]["id"] as? String)])
            let checklist = try Self.model(output, "coding-interview-checklist")
            #expect((checklist["phases"] as? [Any])?.isEmpty == true, "(5 videos), 8-12 hours a day, 1 week: no phases")

            // Resources: kinds a reader would give them.
            func kinds(_ slug: String) throws -> [String: String] {
                let resources = try #require(try Self.model(output, slug)["resources"] as? [[String: Any]])
                return Dictionary(resources.map { ($0["title"] as! String, $0["kind"] as! String) }) { a, _ in a }
            }
            let ciu = try kinds("coding-interview-checklist")
            #expect(ciu["Dynamic Arrays (video)"] == "video")
            #expect(ciu["CS 61B - Linked Lists 1 (video)"] == "video")
            let awesome = try kinds("awesome-devops")
            #expect(awesome["Jenkins"] == "tool" && awesome["Pulumi"] == "tool", "under Tools › CI/CD")
            #expect(try kinds("ml-engineer-readme")["Khan Academy"] != nil, "a table cell's provider link keeps its text")
        let zhKinds = try kinds("frontend-zh")
        #expect(zhKinds["JavaScript高级程序设计"] == "book" && zhKinds["你不知道的JavaScript"] == "book", "推荐书籍 lists books")
        #expect(zhKinds["掘金"] == "community", "学习社区 lists communities")

            // Every page's links and fragments resolve (the build's own check found none broken), and
            // nothing from the hostile roadmap runs.
            let hostile = try String(contentsOf: output.appendingPathComponent("security-hostile/index.html"), encoding: .utf8)
            for needle in ["alert(1)", "alert(2)", "onerror", "javascript:", "document.cookie", "display: none"] {
                #expect(!hostile.contains(needle), "\(needle)")
            }
            #expect(hostile.contains("&lt;script&gt;alert(3)&lt;/script&gt;"))
        }
    }

    @Test func buildsOfTheMessyFixtureAreByteIdentical() throws {
        try withTemporaryFolder { folder in
            let content = Self.fixture.appendingPathComponent("Content")
            _ = try buildSite(content: content, output: folder.appendingPathComponent("A"))
            _ = try buildSite(content: content, output: folder.appendingPathComponent("B"))
            let a = try filesUnder(folder.appendingPathComponent("A")), b = try filesUnder(folder.appendingPathComponent("B"))
            #expect(a.keys.sorted() == b.keys.sorted())
            for (path, data) in a { #expect(b[path] == data, "\(path)") }
        }
    }

    // MARK: - Links

    @Test func anchorWithAVariationSelectorIsAnAnchorNotAFile() {
        // GitHub's anchor of "⚙️ Setup" is U+FE0F then "-setup"; "#" and U+FE0F make one Character.
        let anchor = "\u{FE0F}-setup"
        #expect(Slugger.githubSlug("⚙️ Setup") == anchor)
        let resolver = LinkResolver(sourcePath: "a.md", ownAnchors: [anchor], pages: [:], assets: [], pageFolder: "a")
        #expect(resolver.resolve("#" + anchor) == .href("#" + anchor))
        let (_, report) = try! buildSingleRoadmap("# T\n\n- [Setup](#\u{FE0F}-setup)\n\n## ⚙️ Setup\n")
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.allSatisfy { $0.id == "site.no-base-url" })
    }

    @Test(arguments: ["CONTRIBUTING.md", "./LICENSE", "images/logo.png", "../other/README.md"])
    func linkToAFileOutsideTheSiteIsKeptAsTextWithAWarning(target: String) throws {
        let (html, report) = try buildSingleRoadmap("# T\n\nRead [the guide](\(target)) first.\n")
        #expect(report.succeeded)
        let warning = try #require(report.diagnostics.first { $0.id.hasPrefix("link.") })
        #expect(warning.severity == .warning)
        #expect(warning.location == .init(line: 3, column: 6))
        #expect(html.contains("Read the guide first."))
    }

    @Test func anchorsRawHTMLDefinesAreKeptAndTemplateIDsAreNotTakenTwice() throws {
        let (html, report) = try buildSingleRoadmap("""
        <a name="top"></a>

        # T

        - [Setup](#install) and [FAQ](#faq-anchor) and [up](#top)

        <a name="install"></a>
        ## Setup

        <h2 id="faq-anchor">FAQ</h2>

        ## Top
        """)
        #expect(report.diagnostics.allSatisfy { $0.id == "site.no-base-url" }, "\(report.diagnostics)")
        #expect(html.contains("<a id=\"install\"></a>") && html.contains("<a id=\"faq-anchor\"></a>"))
        #expect(html.contains("href=\"#install\"") && html.contains("href=\"#top\""))
        #expect(html.components(separatedBy: "id=\"top\"").count == 2, "one element with id top")
        #expect(html.contains("<h2 id=\"top-1\""), "a heading 'Top' does not take the page's id")
    }

    @Test func everyIDInTheTemplatesIsReservedFromHeadings() throws {
        let folders = [TestPaths.templates, TestPaths.templates.appendingPathComponent("partials")]
        var ids: Set<String> = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                for part in text.components(separatedBy: " id=\"").dropFirst() {
                    let id = String(part.prefix { $0 != "\"" })
                    if !id.contains("{{") { ids.insert(id) }
                }
            }
        }
        #expect(!ids.isEmpty)
        #expect(ids.subtracting(RoadmapBuilder.pageIDs).sorted() == [])
    }

    @Test func readmesInFoldersArePublishedUnderTheirFolderNames() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["index.md": "# Home roadmap\n", "resources.md": "# Resources\n",
                            "ciu/README.md": "Some notes without a heading, long enough.\n",
                            "ml/readme.md": "# ML\n\n[CIU](../ciu/README.md) and [web](../web/)\n", "web/index.md": "# Web\n"],
                           in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            for slug in ["ciu", "ml", "web", "index-roadmap", "resources-roadmap"] {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(slug)/index.html").path), "\(slug)")
            }
            #expect(try Self.model(output, "ciu")["title"] as? String == "Ciu")  // the folder's name, made readable
            #expect(try String(contentsOf: output.appendingPathComponent("ml/index.html"), encoding: .utf8)
                .contains("href=\"../ciu/index.html\""))
            #expect(try String(contentsOf: output.appendingPathComponent("ml/index.html"), encoding: .utf8)
                .contains("href=\"../web/index.html\""), "a link to a folder is a link to its README")
        }
    }

    // MARK: - Front matter

    @Test func frontMatterShapes() {
        let reader = FrontMatterReader()
        let toml = reader.read("+++\ntitle = \"Sec \\\"Roadmap\\\"\"\nweight = 3\ndraft = false\n[params]\ntitle = \"no\"\n+++\n# X\n", file: "t.md")
        #expect(toml.frontMatter.title == "Sec \"Roadmap\"")
        #expect(toml.frontMatter.order == 3)
        #expect(toml.body.hasPrefix("\n\n\n\n\n\n\n# X"), "fence lines blanked, positions kept")

        let crlf = reader.read("\u{FEFF}---\r\ntitle: Windows\r\n---\r\n# X\r\n", file: "c.md")
        #expect(crlf.frontMatter.title == "Windows")
        #expect(crlf.diagnostics.isEmpty)

        let tabs = reader.read("---\ntitle:\tT\ntags:\n\t- a\n---\n", file: "t.md")
        #expect(tabs.frontMatter.title == "T")
        #expect(tabs.diagnostics.map(\.id) == ["front-matter.tabs"])
        #expect(tabs.diagnostics.first?.location == .init(line: 4, column: 1))

        let rule = reader.read("---\n\nIntro text.\n\n# Title\n", file: "r.md")
        #expect(rule.diagnostics.isEmpty, "a thematic break, not unterminated front matter")
        #expect(rule.body.contains("Intro text."))

        let setext = reader.read("---\nA roadmap heading\n---\n\nBody.\n", file: "s.md")
        #expect(setext.diagnostics.isEmpty)
        #expect(setext.body.contains("A roadmap heading"), "prose between rules is kept")
        // The prose line decides, not the body's first line after the closing rule.
        let keyLikeBody = reader.read("---\nSome prose here\n---\nNote: read this first.\n", file: "k.md")
        #expect(keyLikeBody.diagnostics.isEmpty, "a setext heading, not front matter that is not a mapping")
        #expect(keyLikeBody.body.hasPrefix("---\nSome prose here\n---\n"), "the rules and prose are kept as Markdown")

        let loose = reader.read("---\ntitle: Data: The Roadmap\norder: \"3\"\ntags: [a, b\n---\n# D\n", file: "l.md")
        #expect(loose.diagnostics.map(\.id) == ["front-matter.yaml"])
        #expect(loose.diagnostics.first?.severity == .warning)
        #expect(loose.frontMatter.title == "Data: The Roadmap", "the plain key: value lines of invalid YAML are read")
        #expect(loose.frontMatter.order == 3)

        // Fence and YAML lines become empty lines; the rest of the file is kept byte for byte.
        let unicode = reader.read("---\ntitle: Café ☕\n---\n# é\u{301}\n\nText\n", file: "u.md")
        #expect(unicode.frontMatter.title == "Café ☕")
        #expect(unicode.body == "\n\n\n# é\u{301}\n\nText\n")
        let noFinalNewline = reader.read("---\ntitle: T\n---", file: "n.md")
        #expect(noFinalNewline.frontMatter.title == "T")
        #expect(noFinalNewline.body == "\n\n")
        let dots = reader.read("---\ntitle: D\n...\nBody\n", file: "d.md")
        #expect(dots.frontMatter.title == "D")
        #expect(dots.body == "\n\n\nBody\n")

        let empty = reader.read("---\n---\n# E\n", file: "e.md")
        #expect(empty.diagnostics.isEmpty)
        #expect(empty.frontMatter.lineCount == 2)
    }

    // MARK: - Model

    static func roadmap(_ markdown: String) -> Roadmap {
        RoadmapBuilder().build(.init(source: "m.md", sourcePath: "m.md", frontMatter: FrontMatter(),
                                     document: MarkdownParser().parse(markdown))).0
    }

    @Test func titleFromAnHTMLHeaderAndHeadingsWithoutBadges() {
        let html = Self.roadmap("<p align=\"center\"><img src=\"x.png\"></p>\n\n<h1 align=\"center\">My <b>Roadmap</b></h1>\n\nTable of Contents\n=================\n\n- [A](#a)\n\n## A\n")
        #expect(html.title == "My Roadmap")
        #expect(html.preamble.allSatisfy { if case .htmlBlock(let text) = $0.kind { !text.contains("<h1") } else { true } })
        #expect(html.allSections.map(\.title) == ["Table of Contents", "A"])

        let badges = Self.roadmap("# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re) ![b](https://b.svg)\n")
        #expect(badges.title == "Awesome X")
        #expect(Self.roadmap("## Phase 1: A <b>&</b>  B (2 weeks)\n## Phase 2 (1 week)\n").phases.first?.title == "Phase 1: A & B (2 weeks)")
    }

    @Test func summaryIsNotABadgeLine() {
        let roadmap = Self.roadmap("""
        # Awesome X

        > A curated list of awesome things to learn, with notes.

        [![Join the chat at Gitter](https://badges.gitter.im/a.svg)](https://gitter.im/a) ![GitHub stars](https://img.shields.io/s)

        ## Contents
        """)
        #expect(roadmap.summary == "A curated list of awesome things to learn, with notes.")
    }

    @Test func boldLedItemWithDetailsAfterAColonIsATopicButAFieldIsNot() {
        let roadmap = Self.roadmap("""
        ## Phase 1 (4 weeks)

        ### Databases (4 weeks)

        - **SQL**: joins, indexes
        - **Indexes:** B-trees
        - **Duration**: 4 weeks
        - **Platform**: Coursera
        - **Key Outcomes**:
          - one
        """)
        #expect(roadmap.phases.first?.modules.first?.topics.map(\.title) == ["SQL", "Indexes"])
    }

    @Test func aFirstHeadingThatIsOneOfThePhasesIsNotTheTitle() {
        let roadmap = Self.roadmap("# Month 1\n\n## Week 1\n\n# Month 2\n\n## Week 5\n")
        #expect(roadmap.titleHeading == nil)
        #expect(roadmap.phases.map(\.title) == ["Month 1", "Month 2"])
        #expect(Self.roadmap("# Phase 1 Study Guide\n\n## Week 1\n").title == "Phase 1 Study Guide", "a lone level-one heading is the title")
    }

    @Test func emojiShortcodesAreLeftOutOfAnchorsAsOnGitHub() {
        let roadmap = Self.roadmap("# T\n\n## :book: Books\n\n## Time: 10:30 to 12:00\n\n## :+1: Thanks\n")
        #expect(roadmap.allSections.map(\.id) == ["-books", "time-1030-to-1200", "-thanks"])
        // The title shows the emoji, as GitHub does.
        #expect(roadmap.allSections.first?.title == "📖 Books")
    }

    @Test func resourceSectionsUnderAPhaseAreNotModules() {
        let roadmap = Self.roadmap("## Phase 1 (4 weeks)\n\n### SQL (4 weeks)\n\n- x\n\n### 📚 Resources\n\n- [R](https://r.org)\n\n### Further Reading\n")
        #expect(roadmap.phases.first?.modules.map(\.title) == ["SQL (4 weeks)"])
    }

    @Test func resourceKindsTitlesAndAuthors() {
        let roadmap = Self.roadmap("""
        ## Tools

        ### CI/CD

        - [Jenkins](https://www.jenkins.io/) - automation server.

        ## Videos and more

        - [ ] [Dynamic Arrays (video)](https://www.coursera.org/lecture/ds/dynamic-arrays)
        - [ ] [Sedgewick - Mergesort (5 videos)](https://www.coursera.org/learn/algorithms-part1/home/week/3)
        - [Think Stats](https://greenteapress.com/thinkstats2/) by Allen B. Downey (free)
        - [![logo](https://www.docker.com/logo.png) Docker Docs](https://docs.docker.com/)

        ## Python for Data (4 weeks)

        Topic | Resource
        --- | ---
        Statistics | [Khan Academy](https://www.khanacademy.org/math/statistics-probability)
        """)
        let mentions = ResourceExtractor().extract(roadmap)
        let byTitle = Dictionary(mentions.map { ($0.title, $0) }) { a, _ in a }
        #expect(byTitle["Jenkins"]?.kind == .tool)
        #expect(byTitle["Dynamic Arrays (video)"]?.kind == .video)
        #expect(byTitle["Sedgewick - Mergesort (5 videos)"]?.kind == .video)
        #expect(byTitle["Think Stats"]?.author == "Allen B. Downey")
        #expect(byTitle["Docker Docs"] != nil, "an icon's alt text is not part of the title")
        #expect(byTitle["Khan Academy"] != nil && byTitle["Python for Data"] == nil)
        #expect(ResourceExtractor.authorName("Chip Huyen. O'Reilly") == "Chip Huyen")
        #expect(ResourceExtractor.authorName("J. R. R. Tolkien") == "J. R. R. Tolkien")
    }

    // MARK: - Durations

    static let cjkCases: [(String, String, Double, Double)] = [
        ("第一阶段：HTML 与 CSS（4周）", "4周", 4, 4),
        ("第二阶段：JavaScript 基础（1个月）", "1个月", 52.0 / 12, 52.0 / 12),
        ("进阶 (3-4周)", "3-4周", 3, 4),
        ("基礎（約2週間）", "2週間", 2, 2),
        ("1단계 (6개월)", "6개월", 26, 26),
        ("冲刺（10天左右）", "10天", 10.0 / 7, 10.0 / 7),
    ]

    @Test(arguments: cjkCases)
    func cjkBracketDurations(heading: String, text: String, minWeeks: Double, maxWeeks: Double) throws {
        let value = try #require(DurationParser().headingDuration(heading))
        #expect(value.text == text)
        #expect(abs(value.minWeeks - minWeeks) < 0.001 && abs(value.maxWeeks - maxWeeks) < 0.001)
    }

    @Test(arguments: ["前端学习路线（2024版）", "《JavaScript高级程序设计》（第4版）", "回顾（2024年）", "React 18", "第1周：HTML 基础"])
    func cjkNearMissesStateNoDuration(heading: String) {
        #expect(DurationParser().headingDuration(heading) == nil)
    }

    @Test func aCalendarYearIsNotAPeriodOrAPhase() {
        #expect(DurationParser().periodDuration("Year 2024 Review") == nil)
        #expect(DurationParser().periodDuration("Year 2: Specialise")?.maxWeeks == 52)
        #expect(!RoadmapBuilder.namesPhase("Year 2024 Review"))
        #expect(RoadmapBuilder.namesPhase("Year 2: Specialise"))
    }

    @Test func cjkPeriodHeadings() {
        #expect(DurationParser().periodDuration("第1周：HTML 基础")?.minWeeks == 1)
        #expect(DurationParser().periodDuration("第3-4周：响应式")?.maxWeeks == 2)
        #expect(DurationParser().periodDuration("第2版说明") == nil)
    }
}
