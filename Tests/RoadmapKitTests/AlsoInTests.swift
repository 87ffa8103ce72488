import Foundation
import Testing
import RoadmapMarkdown
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
            RoadmapListing(source: slug + ".md", slug: slug, title: slug.uppercased(), order: nil, terms: [
                SharedTerm(key: "skill:kubernet", anchor: "skill-k-\(slug)", title: "Kubernetes"),
                SharedTerm(key: "skill:\(slug)only", anchor: "skill-own", title: "Own"),
            ], anchors: HashedIDs())
        }
        let index = SharedTermIndex(listings, hasSearchPage: false)
        let alsoIn = index.alsoIn(slug: "c")
        #expect(alsoIn.count == 1)
        #expect(alsoIn.first?.from == "skill-k-c")
        #expect(alsoIn.first?.targets.map(\.slug) == ["a", "b"])
        #expect(alsoIn.first?.targets.map { $0.href(from: "c") } == ["../a/index.html#skill-k-a", "../b/index.html#skill-k-b"])
        // From a roadmap in a folder, through the site root.
        #expect(alsoIn.first?.targets.first?.href(from: "cohorts/2022/c") == "../../../a/index.html#skill-k-a")
        #expect(alsoIn.first?.more == 0)
        #expect(index.alsoIn(slug: "nowhere").isEmpty)
    }

    /// Pass 1 reads the skills and tools, and the anchors, that pass 2 gives the page: both
    /// take them from the same model.
    @Test func firstPassListsThePagesOwnEntriesAndAnchors() throws {
        for name in ["data-engineer.md", "ml-engineer.md"] {
            let url = Self.content.appendingPathComponent(name)
            let roadmap = try EnrichmentFixture.roadmap(at: url, source: name)
            let (terms, anchors) = RoadmapEnricher().pageEntries(RoadmapEnricher().anchor(roadmap))
            let enriched = RoadmapEnricher().enrich(roadmap)
            #expect(Set(anchors) == Set(enriched.roadmap.anchors))
            #expect(!terms.isEmpty)
            #expect(terms.filter { $0.key.hasPrefix("skill:") }.map(\.anchor) == enriched.crossLinks.skills.map(\.id))
            let toolAnchors = Set(enriched.roadmap.anchors.filter { $0.hasPrefix("u-") })
            for term in terms where term.key.hasPrefix("tool:") { #expect(toolAnchors.contains(term.anchor), "\(term.anchor)") }
        }
    }

    /// What the model does not read as a list (here one in an indented code block) is no entry:
    /// no page links to it, and no page adds an anchor for it.
    @Test func aListInACodeBlockIsNoEntry() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "a.md": "# A\n\n## Skills\n\n- Docker Swarm\n- Version Control\n",
                "b.md": "# B\n\n## Skills\n\n- Version Control\n\nAs code:\n\n    - Docker Swarm\n",
            ], in: content)
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            let a = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(a.contains("<a href=\"../b/index.html#skill-version-control\">B › Version Control</a>"))
            #expect(!a.contains("../b/index.html#skill-docker-swarm"))
            let b = try String(contentsOf: site.appendingPathComponent("b/index.html"), encoding: .utf8)
            #expect(!b.contains("id=\"skill-docker-swarm\""))
            #expect(!b.contains("also-in-target"))
        }
    }

    /// The skills and tools pass 1 lists: skill list items (not those of a phase), their notes
    /// and labels left out; the items of tool lists, by a heading or a list label.
    @Test func firstPassReadsSkillAndToolListsOnly() throws {
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
            """
        let roadmap = RoadmapBuilder().build(.init(
            source: "t.md", sourcePath: "t.md", frontMatter: FrontMatter(), document: MarkdownParser().parse(markdown))).0
        let terms = RoadmapEnricher().pageEntries(RoadmapEnricher().anchor(roadmap)).terms
        func tool(_ title: String, _ identity: String) -> String {
            "u-" + ResourceIdentity.anchor(title: title, identity: identity).dropFirst(2)
        }
        #expect(terms.map { $0.key + " #" + $0.anchor } == [
            "skill:kubernet #skill-kubernetes", "skill:cicd ml #skill-cicd-for-ml", "skill:docker swarm #skill-docker-swarm",
            "tool:vite #" + tool("Vite", "url:vitejs.dev"), "tool:prettier #" + tool("Prettier", "tool:prettier"),
        ])
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

    /// "Also in" names each roadmap as its own page does, wherever the title comes from: the
    /// front matter, the first-level heading (its badges left out), the file name made readable
    /// (where the first-level headings are phases, not a title), a README's folder, a README's HTML header.
    @Test func alsoInNamesEachRoadmapAsItsOwnPageDoes() throws {
        try withTemporaryFolder { folder in
            let skills = ["Container Orchestration", "Version Control", "Model Serving", "Data Modeling", "Stream Processing"]
            let badge = "[![build](https://img.shields.io/badge/build-ok-green.svg)](https://ci.example.org)"
            try writeFiles([
                "hub.md": "# Hub\n\n## Skills\n\n" + skills.map { "- \($0)\n" }.joined(),
                "fm.md": "---\ntitle: Front Matter Title\n---\n# A Heading The Page Does Not Use\n\n## Skills\n\n- Container Orchestration\n",
                "h1.md": "# Heading *One* \(badge)\n\n## Skills\n\n- Version Control\n",
                "beta.md": "## Skills\n\n- Model Serving\n\n# Month 1\n\nBasics.\n\n# Month 2\n\nMore.\n",
                "ml/README.md": "Intro to machine learning.\n\n## Skills\n\n- Data Modeling\n",
                "ops/README.md": "<h1 align=\"center\">Ops &amp; Cloud</h1>\n\n## Skills\n\n- Stream Processing\n",
            ], in: folder.appendingPathComponent("Content"))
            let site = folder.appendingPathComponent("Site")
            let report = try buildSite(content: folder.appendingPathComponent("Content"), output: site)
            #expect(report.succeeded, "\(report.diagnostics)")
            func page(_ slug: String) throws -> String {
                try String(contentsOf: site.appendingPathComponent(slug + "/index.html"), encoding: .utf8)
            }
            let hub = try page("hub")
            // (slug, skill, the title "Also in" and the page's <title> give it, the page's <h1>)
            let expected = [
                ("fm", "Container Orchestration", "Front Matter Title", "Front Matter Title"),
                ("h1", "Version Control", "Heading One", "Heading <em>One</em>"),
                ("beta", "Model Serving", "Beta", "Beta"),
                ("ml", "Data Modeling", "Ml", "Ml"),
                ("ops", "Stream Processing", "Ops &amp; Cloud", "Ops &amp; Cloud"),
            ]
            for (slug, skill, title, heading) in expected {
                let anchor = "skill-" + skill.lowercased().replacingOccurrences(of: " ", with: "-")
                #expect(hub.contains("<span class=\"xref also-in\"><span class=\"xref-label\">Also in</span> "
                    + "<a href=\"../\(slug)/index.html#\(anchor)\">\(title) › \(skill)</a></span>"), "\(slug)")
                let own = try page(slug)
                #expect(own.contains("<h1 id=\"top\">\(heading)</h1>"), "\(slug)")
                #expect(own.contains("<title>\(title) · "), "\(slug)")
                #expect(own.contains("<li id=\"\(anchor)\">"), "\(slug): the entry \"Also in\" links to")
                #expect(own.contains("<a href=\"../hub/index.html#\(anchor)\">Hub › \(skill)</a>"), "\(slug)")
            }
            #expect(!hub.contains("Month 1"))
            #expect(!hub.contains("README"))
        }
    }
}
