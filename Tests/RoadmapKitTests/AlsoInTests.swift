import Foundation
import Testing
@testable import RoadmapKit

/// Skills and tools several roadmaps list link to each other's entries ("Also in").
@Suite struct AlsoInTests {
    static let content = TestPaths.fixtures.appendingPathComponent("also-in").appendingPathComponent("Content")

    @Test func sharedSkillsAndToolsLinkToTheOtherRoadmapsEntries() throws {
        try withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: Self.content, output: site)
            // The rendered-link check passed: every "Also in" fragment exists on its page.
            #expect(report.succeeded, "\(report.diagnostics)")
            let data = try String(contentsOf: site.appendingPathComponent("data-engineer/index.html"), encoding: .utf8)
            #expect(data.contains("<a href=\"../ml-engineer/index.html#skill-container-orchestration\">ML Engineer › Container Orchestration</a>"))
            #expect(data.contains("<a href=\"../ml-engineer/index.html#skill-version-control\">"))
            // Tools match on normalised titles: "Docker (free)" is "Docker".
            #expect(data.contains("Docker</a></span>"))
            #expect(data.contains("../ml-engineer/index.html#u-docker-"))
            #expect(data.contains("../ml-engineer/index.html#u-apache-airflow-"))
            // Listed by one roadmap only: no "Also in".
            let skillLine = try #require(data.components(separatedBy: "\n").first { $0.contains("id=\"skill-stream-processing\"") })
            #expect(!skillLine.contains("also-in"))
            #expect(!data.contains("#u-dbt"))
            let ml = try String(contentsOf: site.appendingPathComponent("ml-engineer/index.html"), encoding: .utf8)
            #expect(ml.contains("<a href=\"../data-engineer/index.html#skill-container-orchestration\">Data Engineer "))
            #expect(!ml.contains("#u-mlflow"))
        }
    }

    @Test func roadmapJSONListsAlsoInLinks() throws {
        try withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("Site")
            _ = try buildSite(content: Self.content, output: site)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("ml-engineer/roadmap.json")))
            let links = try #require((json as? [String: Any])?["links"] as? [[String: String]])
            let alsoIn = links.filter { $0["kind"] == "also-in" }
            #expect(alsoIn.contains { $0["from"] == "skill-version-control" && $0["to"] == "../data-engineer/index.html#skill-version-control" })
            #expect(alsoIn.contains { $0["from"] == "skill-container-orchestration" && $0["to"] == "../data-engineer/index.html#skill-container-orchestration" })
            #expect(alsoIn.filter { ($0["from"] ?? "").hasPrefix("u-") }.count == 2)  // Docker, Apache Airflow
            #expect(!alsoIn.contains { $0["from"] == "skill-model-serving" })
        }
    }

    /// Every roadmap lists the skill: each entry shows the next few in site order (wrapping
    /// round) and how many more, so pages stay small however many roadmaps share it.
    @Test func linksPerEntryAreCappedAndGoRoundTheSite() throws {
        try withTemporaryFolder { folder in
            var files: [String: String] = [:]
            for index in 1...7 {
                files["r\(index).md"] = "---\norder: \(index)\n---\n# R\(index)\n\n## Skills\n\n- Container Orchestration\n\n## Tools\n\n- Docker\n"
            }
            let content = folder.appendingPathComponent("Content")
            try writeFiles(files, in: content)
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            func targets(_ slug: String) throws -> [String] {
                let page = try String(contentsOf: site.appendingPathComponent("\(slug)/index.html"), encoding: .utf8)
                let line = try #require(page.components(separatedBy: "\n").first { $0.contains("id=\"skill-container-orchestration\"") })
                return line.components(separatedBy: "<a href=\"../").dropFirst().filter { !$0.hasPrefix("search.html") }
                    .map { String($0.prefix { $0 != "/" }) }
            }
            #expect(try targets("r1") == ["r2", "r3", "r4"])
            #expect(try targets("r6") == ["r7", "r1", "r2"])
            let page = try String(contentsOf: site.appendingPathComponent("r1/index.html"), encoding: .utf8)
            #expect(page.contains("<a href=\"../search.html?q=Container%20Orchestration\">3 more roadmaps</a>"))
            #expect(SharedTermIndex.shown == 3)
        }
    }

    @Test func indexOrdersBySiteOrderAndSkipsUnsharedTerms() {
        let listings = ["b", "a", "c"].map { slug in
            SharedTermReader.Listing(slug: slug, title: slug.uppercased(), order: nil, terms: [
                SharedTerm(key: "skill:kubernet", anchor: "skill-k-\(slug)", title: "Kubernetes"),
                SharedTerm(key: "skill:\(slug)only", anchor: "skill-own", title: "Own"),
            ])
        }
        let index = SharedTermIndex(listings, hasSearchPage: false)
        let alsoIn = index.alsoIn(slug: "c", terms: listings[2].terms)
        #expect(alsoIn.count == 1)
        #expect(alsoIn.first?.targets.map(\.slug) == ["a", "b"])
        #expect(alsoIn.first?.targets.map(\.href) == ["../a/index.html#skill-k-a", "../b/index.html#skill-k-b"])
        #expect(alsoIn.first?.more == 0)
        #expect(index.alsoIn(slug: "nowhere", terms: listings[0].terms).isEmpty)
    }

    /// The first pass, a line scan, reads the same skills and tools, with the same anchors, as
    /// the page gets from the parsed document.
    @Test func firstPassAgreesWithTheEnrichment() throws {
        for name in ["data-engineer.md", "ml-engineer.md"] {
            let url = Self.content.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            let read = FrontMatterReader().read(text, file: url.path)
            let document = PreparedDocument(file: SourceFile(relativePath: name, path: url.path), frontMatter: read.frontMatter,
                                            body: read.body, slug: Slugger.pageSlug(relativePath: name, frontMatter: read.frontMatter),
                                            diagnostics: [])
            let listing = SharedTermScanner().listing(document)
            let roadmap = try EnrichmentFixture.roadmap(at: url, source: name)
            let enriched = RoadmapEnricher().enrich(roadmap)
            let anchors = Set(enriched.roadmap.anchors)
            #expect(!listing.terms.isEmpty)
            for term in listing.terms { #expect(anchors.contains(term.anchor), "\(term.anchor) is not on the page") }
            let skillIDs = enriched.crossLinks.skills.map(\.id)
            #expect(listing.terms.filter { $0.key.hasPrefix("skill:") }.map(\.anchor) == skillIDs)
        }
    }

    /// Where the line scan reads an entry the page does not have (a list in an indented code
    /// block), the page still gets the anchor other pages link to: no broken link.
    @Test func aGuessTheScanGotWrongNeverBreaksALink() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "a.md": "# A\n\n## Skills\n\n- Docker Swarm\n\n## Tools\n\n- Docker\n",
                "b.md": "# B\n\n## Skills\n\nAs code:\n\n    - Docker Swarm\n\n## Notes\n\nNothing else.\n",
            ], in: content)
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let a = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(a.contains("<a href=\"../b/index.html#skill-docker-swarm\">"))
            let b = try String(contentsOf: site.appendingPathComponent("b/index.html"), encoding: .utf8)
            #expect(b.contains("<span class=\"also-in-target\" id=\"skill-docker-swarm\"></span>"))
        }
    }

    @Test(arguments: [
        ("- **Docker**: containers", "Docker"), ("1. [Airflow](https://airflow.apache.org) (free)", "Airflow"),
        ("* [ ] Kubernetes - orchestration", "Kubernetes"), ("- `dbt` [docs]", "dbt"),
    ])
    func scannerReadsItemTitles(_ line: String, _ title: String) throws {
        let item = try #require(SharedTermScanner.listItem(Substring(line)))
        #expect(SharedTermScanner.toolTitle(item.1).0 == title)
    }

    /// A term the glossary vetoes (`nolink`) is not linked between roadmaps either.
    @Test func vetoedTermIsNotLinkedAcrossRoadmaps() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let roadmap = "## Skills\n\n- Docker Swarm\n- Version Control\n"
            try writeFiles(["a.md": "# A\n\n" + roadmap, "b.md": "# B\n\n" + roadmap, "glossary.yml": "Docker Swarm: nolink\n"],
                           in: content)
            let site = folder.appendingPathComponent("Site")
            #expect(try buildSite(content: content, output: site).succeeded)
            let a = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(!a.contains("../b/index.html#skill-docker-swarm"))
            #expect(a.contains("../b/index.html#skill-version-control"))
        }
    }

    /// Messy input: the scan never traps, whatever the line endings, markers or scripts, and reads
    /// the same terms with `\r\n` line ends as with `\n`.
    @Test(arguments: [
        ("#", []), ("######", []), ("####### seven", []), ("- ", []), ("1.", []), ("1)x", []), ("* [ ]", []), ("[", []),
        ("](", []), ("[a](", []), ("![", []), ("__", []), ("`", []), ("\t- \t", []),
        ("Skills\r\n------\r\n- A\r\n- [B](u)\r\n", ["skill:b #skill-b"]),
        ("## Skills\n\n- 🧠 思考\n- \u{200B}\n", ["skill:思考 #skill--思考"]),
        ("## Tools\n1. [x](\n2. [y]()\n", ["tool:x #u-x-ab2d", "tool:y #u-y-a99a"]),
        ("## Skills\n```\n- A\n", []), ("~~~\n## Skills\n- A\n~~~\n## Tools\n- B\n", ["tool:b #u-b-823f"]),
        ("===\n---\n", []), ("text\n===\n- a\n---\n", []),
    ] as [(String, [String])])
    func scanCopesWithMessyLines(_ markdown: String, _ terms: [String]) {
        #expect(Self.scan(markdown) == terms)
        #expect(Self.scan(markdown.replacingOccurrences(of: "\n", with: "\r\n")) == terms)
    }

    @Test func scanCopesWithEveryFixture() throws {
        let enumerator = FileManager.default.enumerator(at: TestPaths.fixtures, includingPropertiesForKeys: nil)
        var count = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            _ = Self.scan(text)
            _ = Self.scan(text.replacingOccurrences(of: "\n", with: "\r\n"))
            count += 1
        }
        #expect(count > 3)
    }

    static func scan(_ markdown: String) -> [String] {
        let document = PreparedDocument(file: SourceFile(relativePath: "t.md", path: "t.md"), frontMatter: FrontMatter(),
                                        body: markdown, slug: "t", diagnostics: [])
        return SharedTermScanner().listing(document).terms.map { $0.key + " #" + $0.anchor }
    }

    @Test func scannerReadsSkillAndToolListsOnly() {
        let markdown = """
            # Title

            Skills
            ------

            - **Kubernetes**: clusters
            - Technical:
              - CI/CD for ML
            - [ ] Docker Swarm

            ```
            ## Tools
            - NotATool
            ```

            ## Phase 1: Basics

            ### Skills you will gain
            - Phase Skill

            ## Resources

            1. Tools and Platforms
               - [Vite](https://vitejs.dev/) (free)
               - Prettier
            2. Books
               - Some Book

            ### Frameworks
            * ![logo](logo.png) React
            """
        #expect(Self.scan(markdown) == [
            "skill:kubernet #skill-kubernetes", "skill:cicd ml #skill-cicd-for-ml", "skill:docker swarm #skill-docker-swarm",
            "tool:vite #u-vite-\(ResourceIdentity.anchor(title: "Vite", identity: "url:" + ResourceIdentity.normalisedURL("https://vitejs.dev/")).suffix(4))",
            "tool:prettier #u-prettier-\(ResourceIdentity.anchor(title: "Prettier", identity: "tool:" + ResourceIdentity.normalisedTitle("Prettier")).suffix(4))",
            "tool:logo react #u-logo-react-\(ResourceIdentity.anchor(title: "logo React", identity: "tool:" + ResourceIdentity.normalisedTitle("logo React")).suffix(4))",
        ])
    }

    @Test(arguments: [
        ("**Bold** and `code`", "Bold and code"), ("[Link](https://x.y) text", "Link text"), ("![alt](a.png) after", "alt after"),
        ("snake_case __strong__", "snake_case strong"), ("plain", "plain"),
    ])
    func inlineTextDropsMarkup(_ markdown: String, _ text: String) {
        #expect(SharedTermScanner.inlineText(Substring(markdown)) == text)
    }

    /// `roadmap serve`: a page whose file did not change is rendered again when another
    /// roadmap stops listing a skill it shares.
    @Test func cachedPageIsRenderedAgainWhenItsAlsoInLinksChange() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "a.md": "# A\n\n## Skills\n\n- Container Orchestration\n",
                "b.md": "# B\n\n## Skills\n\n- Container Orchestration\n",
            ], in: content)
            let site = folder.appendingPathComponent("Site")
            let cache = PageCache()
            let options = cachedBuildOptions(content: content, output: site, cache: cache)
            #expect(try SiteBuilder().build(options).succeeded)
            cache.buildFinished(succeeded: true)
            let before = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(before.contains("../b/index.html#skill-container-orchestration"))
            try writeFiles(["b.md": "# B\n\n## Skills\n\n- Model Serving\n"], in: content)
            let report = try SiteBuilder().build(options)
            cache.buildFinished(succeeded: report.succeeded)
            #expect(report.succeeded, "\(report.diagnostics)")
            let after = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(!after.contains("also-in"))
        }
    }

    /// "Also in" names a roadmap as its page does when it has no title of its own: a README by
    /// its folder, a README with an HTML header by that header.
    @Test func alsoInNamesUntitledRoadmapsAsTheirPagesDo() throws {
        try withTemporaryFolder { folder in
            let lists = "## Skills\n\n- Container Orchestration\n\n## Tools\n\n- Docker\n"
            try writeFiles([
                "a.md": "# A\n\n" + lists,
                "ml/README.md": "Intro to ML.\n\n" + lists,
                "ops/README.md": "<h1 align=\"center\">Ops &amp; Cloud</h1>\n\n" + lists,
            ], in: folder.appendingPathComponent("Content"))
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: folder.appendingPathComponent("Content"), output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let page = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(page.contains(">ml › Container Orchestration</a>"), "the folder, as the ml page's own title")
            #expect(page.contains(">Ops &amp; Cloud › Container Orchestration</a>"), "the HTML header, as the ops page's own title")
            #expect(!page.contains("README"))
            let ml = try String(contentsOf: site.appendingPathComponent("ml/index.html"), encoding: .utf8)
            #expect(ml.contains(">ml</h1>"), "the page says the same")
        }
    }

    /// The first pass's list items: the marker's indent and the item's text, nil for a line
    /// that is no item. The byte-level indent test says the same as the item reader.
    @Test(arguments: [
        ("- x", 0, "x"), ("-", nil, nil), ("- ", nil, nil), ("-x", nil, nil), ("* x", 0, "x"), ("+ x", 0, "x"),
        ("• x", nil, nil), ("1. x", 0, "x"), ("1.", nil, nil), ("1.  ", nil, nil), ("10) y", 0, "y"),
        ("123456789. x", 0, "x"), ("1234567890. x", nil, nil), ("a. x", nil, nil), ("  - x  \r", 2, "x"),
        ("\t* x", 1, "x"), ("-\tx", 0, "x"), ("- [ ] task", 0, "task"), ("- [ ] ", 0, "[ ]"), ("- [x]", 0, "[x]"),
        ("- \u{301}x", 0, " \u{301}x"), ("- \u{301}", 0, " \u{301}"), ("   ", nil, nil), ("", nil, nil), ("\r", nil, nil),
        ("- \r", nil, nil), ("1)x", nil, nil), ("  12. Ünïcode ✓", 2, "Ünïcode ✓"), ("-  \t  ", nil, nil), ("- x\t", 0, "x\t"),
    ] as [(String, Int?, String?)])
    func readsListItems(_ line: String, _ indent: Int?, _ text: String?) {
        #expect(SharedTermScanner.listItemIndent(line[...]) == indent)
        let item = SharedTermScanner.listItem(line[...])
        #expect(item?.0 == indent)
        #expect(item.map { String($0.1) } == text)
    }
}
