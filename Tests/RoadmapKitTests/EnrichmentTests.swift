import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Reads a roadmap file as the pipeline does, up to the enrichment stage.
enum EnrichmentFixture {
    static let folder = TestPaths.fixtures.appendingPathComponent("enrichment")
    static let content = folder.appendingPathComponent("Content")

    static func roadmap(at url: URL, source: String) throws -> Roadmap {
        let text = try String(contentsOf: url, encoding: .utf8)
        let read = FrontMatterReader().read(text, file: url.path)
        return RoadmapBuilder().build(.init(
            source: source, sourcePath: url.path, frontMatter: read.frontMatter,
            document: MarkdownParser().parse(read.body))).0
    }

    static func seed() throws -> EnrichedRoadmap {
        let roadmap = try roadmap(at: TestPaths.seedContent.appendingPathComponent("mlops-engineer.md"), source: "mlops-engineer.md")
        return RoadmapEnricher().enrich(roadmap)
    }

    static func fixture(_ relative: String) throws -> EnrichedRoadmap {
        let roadmap = try roadmap(at: content.appendingPathComponent(relative), source: relative)
        let (glossary, _) = try ContentDiscovery().discover(in: content.path).readGlossary()
        return RoadmapEnricher(glossary: glossary).enrich(roadmap)
    }

    /// The enrichment of a roadmap as text, one fact a line: the golden form.
    static func describe(_ enriched: EnrichedRoadmap) -> String {
        func weeks(_ range: WeekRange) -> String {
            String(format: "%.2f–%.2f", range.minWeeks, range.maxWeeks)
        }
        var lines: [String] = ["# \(enriched.roadmap.title)"]
        lines.append("total: " + (enriched.timeline.total.map { "\($0.text(in: .english)) (\(weeks($0)) weeks)" } ?? "none"))
        for phase in enriched.timeline.phases {
            lines.append("phase \(phase.location.line) \(phase.title): length \(phase.length.map(weeks) ?? "none")"
                + "\(phase.isSummed ? " (summed)" : ""), start \(weeks(phase.start)), end \(weeks(phase.end))")
            for module in phase.modules {
                lines.append("  module \(module.location.line) \(module.title): length \(module.length.map(weeks) ?? "none"), "
                    + "start \(weeks(module.start)), end \(weeks(module.end))")
            }
        }
        for resource in enriched.resources {
            lines.append("resource \(resource.kind.rawValue) | \(resource.title) | \(resource.provider ?? "-") | "
                + "\(resource.cost.rawValue) | \(resource.author ?? "-") | \(resource.url ?? "-") | used at "
                + resource.uses.map { "\($0.location.line)#\($0.sectionID)" }.joined(separator: ", "))
        }
        for skill in enriched.crossLinks.skills {
            lines.append("skill \(skill.location.line) \(skill.title) [\(skill.group)\(skill.isSoft ? ", soft" : "")]: taught in "
                + "\(skill.taughtIn); practised in \(skill.practisedIn)")
        }
        for link in enriched.crossLinks.links {
            lines.append("link \(link.kind.rawValue): \(link.from) -> \(link.to) (\(link.evidence))")
        }
        for diagnostic in enriched.diagnostics {
            lines.append("diagnostic " + diagnostic.formatted(relativeTo: TestPaths.projectRoot.path))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Compares `text` with the golden file `name`, or rewrites it under UPDATE_GOLDENS=1.
    static func expectGolden(_ text: String, _ name: String) throws {
        let url = folder.appendingPathComponent("Expected").appendingPathComponent(name)
        if TestPaths.updatingGoldens {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(text == expected, "\(name) differs from its golden; UPDATE_GOLDENS=1 swift test rewrites it")
    }
}

@Suite struct SeedEnrichmentTests {
    @Test func timelineTotalsAndPhaseRanges() throws {
        let enriched = try EnrichmentFixture.seed()
        let total = try #require(enriched.timeline.total)
        #expect((total.minWeeks * 100).rounded() / 100 == 60.33)
        #expect((total.maxWeeks * 100).rounded() / 100 == 73.33)
        #expect(total.text(in: .english) == "14–17 months")
        #expect(enriched.roadmap.totalDuration?.text(in: .english) == "14–17 months")
        let starts = enriched.timeline.phases.map { (($0.start.minWeeks * 100).rounded() / 100, ($0.start.maxWeeks * 100).rounded() / 100) }
        #expect(starts.map(\.0) == [0, 4, 21.33, 43])
        #expect(starts.map(\.1) == [0, 4, 25.67, 51.67])
        // Modules run one after another from their phase's start.
        let phase2 = enriched.timeline.phases[2]
        #expect(phase2.modules.map { ($0.start.minWeeks * 100).rounded() / 100 } == [21.33, 33.33, 45.33])
    }

    @Test func twoInconsistentPhasesAreWarnedAtTheirHeadings() throws {
        let enriched = try EnrichmentFixture.seed()
        let lint = enriched.diagnostics.filter { $0.id.hasPrefix("duration.") }
        #expect(lint.map(\.id) == ["duration.modules-exceed-phase", "duration.modules-exceed-phase"])
        #expect(lint.map { $0.location } == [SourceLocation(line: 102, column: 1), SourceLocation(line: 140, column: 1)])
        #expect(lint.map { $0.notes.compactMap(\.location?.line) } == [[104, 116, 128], [142, 154, 166]])
        #expect(lint[0].message.contains("36 weeks") && lint[0].message.contains("5-6 months"))
        #expect(lint[1].message.contains("24 weeks") && lint[1].message.contains("4-5 months"))
        #expect(lint.allSatisfy { $0.severity == .warning })
    }

    @Test func resourceCountsProvidersAndCosts() throws {
        let resources = try EnrichmentFixture.seed().resources
        var counts: [ResourceKind: Int] = [:]
        for resource in resources { counts[resource.kind, default: 0] += 1 }
        #expect(counts == [.course: 11, .certification: 4, .book: 3, .tool: 4, .community: 4])
        func find(_ title: String) -> Resource? { resources.first { $0.title == title } }
        let ai = try #require(find("AI for Everyone"))
        #expect(ai.provider == "Coursera" && ai.author == "Andrew Ng" && ai.kind == .course)
        #expect(find("Kubernetes Fundamentals")?.provider == "edX")
        #expect(find("Kubernetes Fundamentals")?.cost == .freeToAudit)
        #expect(find("Docker Mastery")?.cost == .free)
        #expect(find("Docker Mastery")?.provider == "freeCodeCamp")
        #expect(find("Designing Machine Learning Systems")?.author == "Chip Huyen")
        #expect(find("Kubernetes Administrator (CKA)")?.provider == "The Linux Foundation")
        #expect(resources.allSatisfy { !$0.uses.isEmpty })
    }

    @Test func everyTechnicalSkillIsLinked() throws {
        let skills = try EnrichmentFixture.seed().crossLinks.skills
        let technical = skills.filter { $0.group == "Technical Skills" }
        #expect(technical.count == 8)
        for skill in technical {
            #expect(!(skill.taughtIn + skill.practisedIn).isEmpty, "\(skill.title) is linked to nothing")
        }
        #expect(!skills.contains { $0.diagnosticsWorthy })
    }

    @Test func seedGolden() throws {
        try EnrichmentFixture.expectGolden(EnrichmentFixture.describe(EnrichmentFixture.seed()), "seed.txt")
    }
}

extension Skill {
    /// A technical skill linked to nothing.
    var diagnosticsWorthy: Bool { !isSoft && taughtIn.isEmpty && practisedIn.isEmpty }
}

@Suite struct FixtureEnrichmentTests {
    static let fixtures = ["frontend-roadmap-sh.md", "more/devops.md", "more/zh-backend.md"]

    @Test(arguments: fixtures)
    func fixtureGolden(_ relative: String) throws {
        let name = relative.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".md", with: ".txt")
        try EnrichmentFixture.expectGolden(EnrichmentFixture.describe(EnrichmentFixture.fixture(relative)), name)
    }

    /// The messy fixtures build: no crash, no error, no broken internal link, and only the
    /// warnings a reader would agree with.
    @Test func messyFixturesBuildWithOnlyTheExpectedWarnings() throws {
        try withTemporaryFolder { folder in
            let report = try buildSite(content: EnrichmentFixture.content, output: folder.appendingPathComponent("Site"))
            #expect(report.succeeded, "\(report.diagnostics)")
            let warnings = report.diagnostics.filter { $0.severity == .warning && $0.id != "site.no-base-url" }
                .map { "\(($0.file as NSString).lastPathComponent):\($0.location?.line ?? 0) \($0.id)" }
            #expect(warnings == [
                "frontend-roadmap-sh.md:25 skill.untaught",
                "devops.md:13 skill.untaught",
                "devops.md:19 duration.modules-short-of-phase",
                "devops.md:31 duration.modules-exceed-phase",
            ])
        }
    }

    @Test func sameURLInTwoRoadmapsIsOneResourceWithBothUses() throws {
        try withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("Site")
            _ = try buildSite(content: EnrichmentFixture.content, output: site)
            let data = try Data(contentsOf: site.appendingPathComponent("resources.json"))
            let decoded = try JSONDecoder().decode(RoadmapDataWriter.ResourcesData.self, from: data)
            #expect(decoded.schema == 1)
            let mdn = decoded.resources.filter { $0.url == "https://developer.mozilla.org/en-US/docs/Web/HTML" }
            #expect(mdn.count == 1)
            #expect(Set(mdn.first?.usedIn.map(\.roadmap) ?? []) == ["frontend", "more/devops"])
            #expect(mdn.first?.usedIn.allSatisfy { $0.href.hasPrefix($0.roadmap + "/index.html#u-") } == true)
            // Each roadmap's own index links to the other roadmap's use, from its folder's depth.
            let devops = try String(contentsOf: site.appendingPathComponent("more/devops/resources.html"), encoding: .utf8)
            #expect(devops.contains("<li class=\"other-roadmap\"><a href=\"../../frontend/index.html#u-mdn-html-reference-"))
            let frontend = try String(contentsOf: site.appendingPathComponent("frontend/resources.html"), encoding: .utf8)
            #expect(frontend.contains("<li class=\"other-roadmap\"><a href=\"../more/devops/index.html#u-mdn-html-reference-"))
        }
    }

    /// A resource every roadmap uses does not make each roadmap's index list every roadmap.
    @Test func otherRoadmapsUsesAreCappedOnARoadmapsIndex() throws {
        try withTemporaryFolder { folder in
            var files: [String: String] = [:]
            for index in 1...6 {
                files["r\(index).md"] = "# R\(index)\n\n## Books\n\n- [Shared Book](https://books.acme-press.com/shared) by A. Author\n"
            }
            let content = folder.appendingPathComponent("Content")
            try writeFiles(files, in: content)
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try String(contentsOf: site.appendingPathComponent("r1/resources.html"), encoding: .utf8)
            #expect(page.components(separatedBy: "<li class=\"other-roadmap\">").count - 1 == EnrichmentPages.otherUsesShown + 1)
            #expect(page.contains("2 more uses elsewhere on the site</a>"))
            let siteWide = try String(contentsOf: site.appendingPathComponent("resources.html"), encoding: .utf8)
            #expect(siteWide.components(separatedBy: "/index.html#u-shared-book-").count - 1 == 6)
        }
    }

    @Test func dataFilesAreStableAndCarryTheSchema() throws {
        try withTemporaryFolder { folder in
            let a = folder.appendingPathComponent("A"), b = folder.appendingPathComponent("B")
            _ = try buildSite(content: EnrichmentFixture.content, output: a)
            _ = try buildSite(content: EnrichmentFixture.content, output: b)
            for path in ["resources.json", "more/devops/roadmap.json", "frontend/roadmap.json", "more/zh-backend/roadmap.json",
                         "more/devops/resources.html", "more/devops/timeline.html", "resources.html"] {
                let first = try Data(contentsOf: a.appendingPathComponent(path))
                #expect(first == (try Data(contentsOf: b.appendingPathComponent(path))), "\(path) differs between builds")
            }
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: a.appendingPathComponent("more/devops/roadmap.json")))
            let object = try #require(json as? [String: Any])
            #expect(object["schema"] as? Int == 1)
            for key in ["title", "slug", "source", "duration", "phases", "resources", "skills", "projects", "links"] {
                #expect(object[key] != nil, "roadmap.json has no '\(key)'")
            }
        }
    }
}

@Suite struct EnrichmentUnitTests {
    @Test(arguments: [
        ("(Free)", ResourceCost.free), ("(free)", .free), ("<sup>FREE</sup>", .free), ("(Free to audit)", .freeToAudit),
        ("free-to-audit", .freeToAudit), ("(Paid)", .paid), ("$49/month", .paid), ("7-day free trial", .paid),
        ("", .unknown), ("(O'Reilly)", .unknown), ("（免费）", .free), ("freedom", .unknown),
    ])
    func costFromNotes(_ notes: String, _ cost: ResourceCost) {
        #expect(ResourceExtractor.cost(in: notes) == cost)
    }

    @Test(arguments: [
        ("coursera.org", "Coursera"), ("edx.org", "edX"), ("aws.amazon.com", "AWS"), ("training.linuxfoundation.org", "The Linux Foundation"),
        ("youtu.be", "YouTube"), ("learn.microsoft.com", "Microsoft Learn"), ("example.org", "example.org"),
    ])
    func providerFromDomain(_ host: String, _ provider: String) {
        #expect(ResourceExtractor.provider(forHost: host) == provider)
    }

    @Test(arguments: [
        ("Tools and Platforms", ResourceKind.tool, true), ("Communities", .community, true), ("Technical Books", .book, true),
        ("Certifications", .certification, true), ("Documentation", .documentation, false), ("Online Communities", .community, true),
    ])
    func kindFromListTitle(_ title: String, _ kind: ResourceKind, _ isList: Bool) {
        #expect(ResourceExtractor.hint(from: title) == .init(kind: kind, isList: isList))
    }

    @Test(arguments: ["Community Engagement", "Learning Roadmap", "Key Outcomes", "Professional Networks", "Resources"])
    func titlesThatNameNoKindOfList(_ title: String) {
        #expect(ResourceExtractor.hint(from: title)?.isList != true)
    }

    @Test(arguments: [
        ("AI for Everyone by Andrew Ng", "AI for Everyone", "Andrew Ng"),
        ("Deep Learning Specialization", "Deep Learning Specialization", nil),
        ("Practical MLOps by Noah Gift (O'Reilly)", "Practical MLOps", "Noah Gift"),
    ])
    func courseTitleAndAuthorFromHeading(_ heading: String, _ title: String, _ author: String?) {
        let (t, a) = ResourceExtractor.splitAuthor(heading)
        #expect(t == title)
        #expect(a == author)
    }

    @Test(arguments: [
        ("Automated ML Pipeline", "ML pipeline automation"), ("Monitoring", "monitor"), ("CI/CD for ML", "ci-cd machine learning"),
        ("k8s", "Kubernetes"), ("Optimisation", "optimization"), ("Deployments", "deployment"), ("IaC", "Infrastructure as Code"),
        ("Accessibility", "accessible"),
    ])
    func normalisedMatching(_ a: String, _ b: String) {
        let normaliser = TermNormaliser()
        #expect(Set(normaliser.stems(a)) == Set(normaliser.stems(b)), "\(normaliser.stems(a)) vs \(normaliser.stems(b))")
    }

    @Test(arguments: [("Monitoring", "Monitor"), ("Systems", "System"), ("Testing", "Tests")])
    func stemsMeet(_ a: String, _ b: String) {
        #expect(TermNormaliser.stem(a.lowercased()) == TermNormaliser.stem(b.lowercased()))
    }

    @Test(arguments: [("Model", "Mode"), ("Container", "Contain"), ("Data", "Date")])
    func stemsStayApart(_ a: String, _ b: String) {
        #expect(TermNormaliser.stem(a.lowercased()) != TermNormaliser.stem(b.lowercased()))
    }

    @Test(arguments: [("MLflow", true), ("DVC", true), ("KubeFlow", true), ("Airflow", false), ("Documentation", false)])
    func singleWordTermsLinkOnlyWhenTheyAreNames(_ word: String, _ isName: Bool) {
        #expect(MentionLinker.looksLikeName(word) == isName)
    }

    @Test func glossaryAliasesAndVetoes() {
        let (glossary, diagnostics) = Glossary.parse("Observability: [monitoring, telemetry]\nHelm: nolink\n", file: "g.yml")
        #expect(diagnostics.isEmpty)
        #expect(glossary.aliases == ["monitoring": "observability", "telemetry": "observability"])
        #expect(glossary.vetoed == ["helm"])
        let more = glossary.adding(frontMatterAliases: ["k8s: Kubernetes", "Docker => nolink", "no separator"])
        #expect(more.aliases["k8s"] == "kubernetes")
        #expect(more.vetoed == ["helm", "docker"])
    }

    @Test func roadmapShPrefixGivesTheKindAndLeavesTheTitle() throws {
        let (html, report) = try buildSingleRoadmap("""
            # Go

            ## Basics

            - [@course@Tour of Go](https://go.dev/tour/) <sup>FREE</sup>
            - [@video@Go in 100 Seconds](https://www.youtube.com/watch?v=446E-r0rXHI)
            """)
        #expect(report.succeeded)
        #expect(html.contains(">Tour of Go</a>"))
        #expect(!html.contains("@course@"))
        #expect(html.contains("resources.html#r-tour-of-go-"))
        // "FREE" beside the link says the cost; the badge says the kind and is styled as free.
        #expect(html.contains(">course</a>"))
        #expect(html.contains("class=\"resource-ref cost-free\""))
    }

    @Test func resourceIDsAreUniqueEvenWhenTitlesRepeat() throws {
        var markdown = "# Links\n\n## Documentation\n\n"
        for index in 0..<400 { markdown += "- [Docs](https://docs\(index).dev/start)\n" }
        let (html, report) = try buildSingleRoadmap(markdown)
        #expect(report.succeeded, "\(report.diagnostics)")
        let ids = html.components(separatedBy: "href=\"resources.html#").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count == 400)
        #expect(Set(ids).count == 400)
    }

    /// Documents not shaped as skills + modules, or plans with weeks still to write, warn nothing.
    @Test(arguments: [
        "# Notes\n\n## Skills\n\n- Rust\n- Go\n- Haskell\n",
        "# Plan\n\n## Month 1\n\n### Week 1\n\n- Read\n\n### Week 2\n\n- Write\n",
        "# Awesome\n\n## Tools\n\n- [Ripgrep](https://github.com/BurntSushi/ripgrep) - search\n- [Issue](https://github.com/a/b/issues/1)\n",
        "# Guide\n\n## Getting Started\n\nGetting started is easy; next steps follow.\n\n## Phase 1 (2 weeks)\n\n### Getting Started (1 week)\n\n### Next Steps (1 week)\n",
    ])
    func noWarningsWhereAReaderWouldSeeNone(_ markdown: String) throws {
        let (html, report) = try buildSingleRoadmap(markdown)
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.severity == .warning && $0.id != "site.no-base-url" }
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(!html.contains("<a href=\"#getting-started-1-week\" title="))
    }

    @Test func vetoedTermIsNotLinked() throws {
        let markdown = """
            # Ops

            ## Skills

            - Helm Charts

            ## Phase 1: Basics (2 weeks)

            ### Helm Charts (2 weeks)

            - **Charts**
            """
        let (linked, _) = try buildSingleRoadmap(markdown)
        #expect(linked.contains("<a href=\"#helm-charts-2-weeks\">Helm Charts</a>"))
        let (vetoed, _) = try buildSingleRoadmap(markdown, extraFiles: ["glossary.yml": "Helm Charts: nolink\n"])
        #expect(!vetoed.contains("<a href=\"#helm-charts-2-weeks\">Helm Charts</a>"))
    }
}

/// A list of projects under a skills heading ("Basic Projects" under "Core Competencies") holds
/// projects, not skills: the skills table must not link to a skill anchor the page never gives
/// (issue 13's page that failed with `output.missing-fragment`, `#skill-problem-solving`).
@Suite struct ProjectsUnderSkillsTests {
    @Test func projectsUnderASkillsHeadingAreProjectsAndThePageBuilds() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": """
                ### Phase 1: DevOps & Cloud Foundations (4-5 months)

                ## Core Competencies

                #### Basic Projects

                - Problem-Solving

                """], in: content)
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(page.contains("<li id=\"problem-solving\" data-track=\"problem-solving\">Problem-Solving</li>"))
            #expect(!page.contains("#skill-problem-solving"))
        }
    }
}
