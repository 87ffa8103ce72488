import Foundation
import Testing
@testable import RoadmapKit

/// A whole repository built as it is (Tests/RoadmapKitTests/Fixtures/repository): a course with
/// a README per folder, cohorts whose modules each hold a `homework.md`, twelve `day-N.md` files,
/// notes whose README has badges before its title, files without a title, a folder named like
/// one the site fills. Pages are published where the content folders say, titled as a reader
/// would title them, in natural order, grouped by folder on the home page, with previous and
/// next links through each folder's series.
@Suite struct RepositorySiteTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("repository")

    /// Every roadmap's page, in site order (the home page's).
    static let pagesInOrder = [
        "readme/index.html",
        "cohorts/index.html",
        "cohorts/2022/index.html",
        "cohorts/2022/01-intro/homework/index.html",
        "cohorts/2022/02-experiment-tracking/homework/index.html",
        "cohorts/2023/index.html",
        "cohorts/2023/01-intro/homework/index.html",
    ] + (1...12).map { "days/day-\($0)/index.html" } + [
        "notes/index.html",
        "notes/applied-llms-mastery-2024/index.html",
        "search-roadmap/sql-notes/index.html",
    ]

    /// Builds the fixture once per test into a temporary folder.
    static func withSite<T>(_ body: (URL, BuildReport) throws -> T) throws -> T {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: fixture.appendingPathComponent("Content"), output: output)
            return try body(output, report)
        }
    }

    static func read(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    /// The `href`s of the elements `pattern` matches (its first group), in page order.
    static func matches(_ pattern: String, in html: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test func pagesArePublishedWhereTheContentFoldersSay() throws {
        try Self.withSite { site, report in
            #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
            // Only the missing base URL is worth a warning: every link between folders resolves.
            #expect(report.diagnostics.map(\.id) == ["site.no-base-url"])
            let pages = try filesUnder(site).keys.filter { $0.hasSuffix("/index.html") }
            #expect(Set(pages) == Set(Self.pagesInOrder))
            // A roadmap's own files beside its page, at any depth; the content's image where it was.
            for file in ["timeline.html", "resources.html", "roadmap.json"] {
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("cohorts/2022/01-intro/homework/" + file).path))
            }
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("notes/img/diagram.svg").path))
            let data = try JSONSerialization.jsonObject(
                with: Data(contentsOf: site.appendingPathComponent("cohorts/2022/01-intro/homework/roadmap.json"))) as? [String: Any]
            #expect(data?["slug"] as? String == "cohorts/2022/01-intro/homework")
            #expect(data?["source"] as? String == "cohorts/2022/01-intro/homework.md")
        }
    }

    @Test func linksAndAssetsWorkFromEveryDepth() throws {
        try Self.withSite { site, _ in
            let day2 = try Self.read(site, "days/day-2/index.html")
            let hrefs = try Self.matches(##"(?:href|src)="([^"#]*(?:#[^"]*)?)""##, in: day2)
            #expect(hrefs.contains("../../assets/site.css"))
            #expect(hrefs.contains("../../assets/site.js"))
            #expect(hrefs.contains("../../index.html"))
            #expect(hrefs.contains("../../days/day-1/index.html"))
            #expect(hrefs.contains("../../notes/applied-llms-mastery-2024/index.html#week-1"))
            #expect(hrefs.contains("../../notes/img/diagram.svg"))
            #expect(!hrefs.contains { $0.hasPrefix("/") || $0.hasPrefix("../../../") })

            let homework = try Self.read(site, "cohorts/2022/01-intro/homework/index.html")
            #expect(homework.contains(#"href="../../../../cohorts/2022/02-experiment-tracking/homework/index.html#q1-install-mlflow""#))
            #expect(homework.contains(#"href="../../../../assets/site.css""#))
            let timeline = try Self.read(site, "cohorts/2022/01-intro/homework/timeline.html")
            #expect(timeline.contains(#"href="../../../../assets/site.css""#))
            let resources = try Self.read(site, "cohorts/2022/01-intro/homework/resources.html")
            #expect(resources.contains(#"href="../../../../resources.html""#))

            // A folder's README answers a link to the folder, whatever its case.
            let readme = try Self.read(site, "readme/index.html")
            #expect(readme.contains(#"<a href="../cohorts/2023/index.html">cohort 2023</a>"#))
            #expect(readme.contains(#"<a href="../notes/index.html">Reading notes</a>"#))
        }
    }

    @Test func titlesAreAReadersEverywhere() throws {
        try Self.withSite { site, _ in
            let expected = [
                "readme": "MLOps Course",  // after an HTML banner and two badges
                "cohorts": "Cohorts",  // a README without a title: its folder's name
                "cohorts/2022": "MLOps Course 2022 Cohort",
                "cohorts/2022/01-intro/homework": "Homework",  // no first-level heading: the file's name
                "cohorts/2023": "MLOps Course 2023 Cohort",  // front matter, in an index.md
                "days/day-10": "Day 10 - Terraform",
                "notes": "Reading Notes",  // after a badge and an image
                "notes/applied-llms-mastery-2024": "Applied LLMs Mastery 2024",
                "search-roadmap/sql-notes": "SQL Notes",
            ]
            let home = try Self.read(site, "index.html")
            let search = try Self.read(site, "search-index.json")
            for (slug, title) in expected {
                let data = try JSONSerialization.jsonObject(
                    with: Data(contentsOf: site.appendingPathComponent(slug + "/roadmap.json"))) as? [String: Any]
                #expect(data?["title"] as? String == title, "\(slug)")
                let page = try Self.read(site, slug + "/index.html")
                #expect(page.contains("<h1 id=\"top\">\(title)</h1>"), "\(slug)")
                #expect(home.contains("<a href=\"\(slug)/index.html\">\(title)</a>"), "\(slug)")
                // The search index's part for the page: its roadmap document, named the same.
                let part = search.split(separator: "\n").first { $0.contains("\"\(slug)/index.html\",") } ?? ""
                #expect(part.contains("[0,\"\(title)\",-1,"), "\(slug)")
            }
        }
    }

    @Test func theHomePageListsInNaturalOrderFolderByFolder() throws {
        try Self.withSite { site, _ in
            let home = try Self.read(site, "index.html")
            let cards = try Self.matches(#"<h[23]><a href="([^"]+)">"#, in: home)
            #expect(cards == Self.pagesInOrder)
            // More than twelve roadmaps, in folders: a heading a folder, the top level's first without one.
            #expect(try Self.matches(#"<h2 id="(folder-[^"]+)">"#, in: home)
                    == ["folder-cohorts", "folder-days", "folder-notes", "folder-search"])
            #expect(try Self.matches(#"<h2 id="folder-[^"]+">([^<]+)</h2>"#, in: home) == ["Cohorts", "Days", "Notes", "Search"])
            #expect(try Self.matches(##"<li><a href="#folder-[^"]+">[^<]+</a> <span class="count">\((\d+)\)</span>"##, in: home)
                    == ["6", "12", "2", "1"])
            #expect(home.contains(#"<section class="roadmap-group">"# + "\n" + #"<ul class="roadmap-list">"#))
            // Cards in a folder below their group's say which, so that three "Homework" can be told apart.
            #expect(try Self.matches(#"<p class="card-folder">([^<]+)</p>"#, in: home)
                    == ["2022", "2022 › Intro", "2022 › Experiment tracking", "2023", "2023 › Intro"])
        }
    }

    @Test func eachPageLinksToTheOnesBeforeAndAfterItInItsFolder() throws {
        try Self.withSite { site, _ in
            func nav(_ slug: String) throws -> (position: String?, previous: String?, next: String?) {
                let page = try Self.read(site, slug + "/index.html")
                return (try Self.matches(#"<p class="series-position">([^<]+)</p>"#, in: page).first,
                        try Self.matches(#"rel="prev" href="([^"]+)""#, in: page).first,
                        try Self.matches(#"rel="next" href="([^"]+)""#, in: page).first)
            }
            let first = try nav("days/day-1")
            #expect(first.position == "Days · 1 of 12")
            #expect(first.previous == nil)
            #expect(first.next == "../../days/day-2/index.html")
            let tenth = try nav("days/day-10")
            #expect(tenth.previous == "../../days/day-9/index.html")
            #expect(tenth.next == "../../days/day-11/index.html")
            #expect(try nav("days/day-12").next == nil)

            // Through a folder's sub-folders, READMEs first: the 2022 cohort, then its homework in module order.
            let homework = try nav("cohorts/2022/01-intro/homework")
            #expect(homework.position == "Cohorts · 3 of 6")
            #expect(homework.previous == "../../../../cohorts/2022/index.html")
            #expect(homework.next == "../../../../cohorts/2022/02-experiment-tracking/homework/index.html")
            let page = try Self.read(site, "cohorts/2022/01-intro/homework/index.html")
            #expect(page.contains(#"<span class="series-title">Homework</span> <span class="series-folder">2022 › Experiment tracking</span>"#))

            // The previous roadmap is named as its own page names it.
            let day2 = try Self.read(site, "days/day-2/index.html")
            #expect(day2.contains(#"<span class="series-label">Previous</span> <span class="series-title">Day 1 - Linux basics</span>"#))

            // Roadmaps at the top and a folder's only roadmap are in no series.
            #expect(try nav("readme") == (nil, nil, nil))
            #expect(try nav("search-roadmap/sql-notes") == (nil, nil, nil))
        }
    }

    /// A site of a few roadmaps keeps its home page as a plain list, folders or not.
    @Test func aSmallSiteIsNotGrouped() throws {
        try withPreviousSite([
            "a.md": "# A\n", "guides/b.md": "# B\n", "guides/c.md": "# C\n",
        ]) { _, _, _, files in
            let home = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
            #expect(!home.contains("roadmap-group"))
            let cards = try Self.matches(#"<h2><a href="([^"]+)">"#, in: home)
            #expect(cards == ["a/index.html", "guides/b/index.html", "guides/c/index.html"])
        }
    }

    @Test func twoFilesPublishedAtOnePathAreAnError() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["guide.md": "# Guide\n", "guide/README.md": "# Also the guide\n"], in: content)
            let report = try buildSite(content: content, output: folder.appendingPathComponent("Site"))
            #expect(!report.succeeded)
            #expect(formatted(report.diagnostics.filter { $0.id == "slug.duplicate" }, relativeTo: content).map {
                $0.components(separatedBy: "\n")[0]
            } == ["guide/README.md:1:1: error: 'guide/README.md' and 'guide.md' would both be published at 'guide/'; set a different 'slug' in the front matter [slug.duplicate]"])
        }
    }

    /// A top-level README without a title is named after the content folder, as GitHub names a
    /// repository's README after the repository.
    @Test func aTopLevelReadmeWithoutATitleTakesTheContentFoldersName() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("mlops-zoomcamp")
            try writeFiles(["README.md": "Lessons and homework.\n", "logo.md": "# ![](logo.png)\n\nText.\n"], in: content)
            let output = folder.appendingPathComponent("Site")
            #expect(try buildSite(content: content, output: output).diagnostics.filter { $0.severity == .error }.isEmpty)
            let readme = try JSONSerialization.jsonObject(
                with: Data(contentsOf: output.appendingPathComponent("readme/roadmap.json"))) as? [String: Any]
            #expect(readme?["title"] as? String == "Mlops zoomcamp")
            // A title heading that is only an image without alt text names nothing: the file's name does.
            let logo = try JSONSerialization.jsonObject(
                with: Data(contentsOf: output.appendingPathComponent("logo/roadmap.json"))) as? [String: Any]
            #expect(logo?["title"] as? String == "Logo")
        }
    }

    /// `roadmap serve` keeps unchanged pages: a folder's README page is linked from the previous
    /// site without the pages of the roadmaps in its sub-folders, which their own steps write
    /// (an edited one afresh, beside the README's reused page).
    @Test func aRebuildKeepsAFoldersPageApartFromItsSubFolders() throws {
        try withCachedBuilds([
            "course/README.md": "# Course\n\n- [Week 1](week-1/notes.md)\n",
            "course/week-1/notes.md": "# Week 1\n\nFirst draft.\n",
            "course/week-2/notes.md": "# Week 2\n\nLater.\n",
        ]) { builds in
            let first = try builds.build()
            #expect(first.succeeded, "\(first.diagnostics)")
            try builds.edit(["course/week-1/notes.md": "# Week 1\n\nSecond draft.\n"])
            let second = try builds.build()
            #expect(second.succeeded, "\(second.diagnostics.filter { $0.severity == .error })")
            #expect(builds.cache.reusedCount >= 1)
            #expect(try builds.page("course/week-1/notes/index.html").contains("Second draft."))
            #expect(try builds.page("course/week-2/notes/index.html").contains("Later."))
            #expect(try builds.page("course/index.html").contains("<h1 id=\"top\">Course</h1>"))
        }
    }
}

/// The rules behind the paths, titles and order, case by case.
@Suite struct RepositoryRulesTests {
    @Test(arguments: [
        ("mlops-engineer.md", nil, "mlops-engineer"),
        ("cohorts/2022/01-intro/homework.md", nil, "cohorts/2022/01-intro/homework"),
        ("cohorts/2022/README.md", nil, "cohorts/2022"),
        ("cohorts/2022/ReadMe.markdown", nil, "cohorts/2022"),
        ("cohorts/2023/INDEX.md", nil, "cohorts/2023"),
        ("cohorts/2022/01-intro/homework.md", "hw", "cohorts/2022/01-intro/hw"),
        ("cohorts/2022/README.md", "y2022", "cohorts/y2022"),
        ("My Notes/Week 1.md", nil, "my-notes/week-1"),
        ("README.md", nil, "readme"),
        ("index.md", nil, "index-roadmap"),
        ("resources.md", nil, "resources-roadmap"),
        ("resources/books.md", nil, "resources/books"),
        ("search/sql.md", nil, "search-roadmap/sql"),
        ("assets/README.md", nil, "assets-roadmap"),
        ("assets/guide.md", nil, "assets-roadmap/guide"),
    ] as [(String, String?, String)])
    func pagePath(_ file: String, slug: String?, expected: String) {
        var frontMatter = FrontMatter()
        frontMatter.slug = slug
        #expect(Slugger.pageSlug(relativePath: file, frontMatter: frontMatter) == expected)
    }

    @Test(arguments: [
        ("Applied_LLMs_Mastery_2024", "Applied LLMs Mastery 2024"),
        ("01-intro", "Intro"),
        ("02_experiment_tracking", "Experiment tracking"),
        ("03. Linux", "Linux"),
        ("100-days-of-code", "100 days of code"),
        ("day-10", "Day 10"),
        ("mlops-engineer", "Mlops engineer"),
        ("2022", "2022"),
        ("007", "007"),
        ("homework", "Homework"),
    ])
    func readableName(_ name: String, expected: String) {
        #expect(ReadableName.of(name) == expected)
    }

    @Test func naturalOrderComparesNumbersAsNumbers() {
        let sorted = ["Day 10", "day 2", "Day 1", "Day 1b", "10-deploy", "02-intro", "v1.10", "v1.9", "Zeta", "alpha"]
            .sorted { NaturalSortKey($0) < NaturalSortKey($1) }
        #expect(sorted == ["02-intro", "10-deploy", "alpha", "Day 1", "Day 1b", "day 2", "Day 10", "v1.9", "v1.10", "Zeta"])
        #expect(!(NaturalSortKey("Day 02") < NaturalSortKey("day 2")) && !(NaturalSortKey("day 2") < NaturalSortKey("Day 02")))
    }

    @Test func siteOrderGoesFolderByFolder() {
        let listings = [
            ("b/zeta.md", "Zeta", nil), ("b/README.md", "B", nil), ("top.md", "Top", nil), ("a/10-deploy.md", "Deploy", nil),
            ("a/02-intro.md", "Intro", nil), ("a/sub/x.md", "X", nil), ("a/appendix.md", "Appendix", nil),
            ("a/first.md", "First", 1), ("c/README.md", "C", 1), ("README.md", "Readme", nil),
        ].map { (source: String, title: String, order: Int?) in
            RoadmapListing(source: source, slug: Slugger.pageSlug(relativePath: source, frontMatter: FrontMatter()),
                           title: title, order: order, terms: [], anchors: HashedIDs())
        }
        // The top level's first (its README before the rest); a folder with an ordered README
        // first; in a folder: README, `order`, the number a name starts with, then the title; sub-folders last.
        #expect(listings.sortedInSiteOrder { $0 }.map(\.source) == [
            "README.md", "top.md", "c/README.md", "a/first.md", "a/02-intro.md", "a/10-deploy.md", "a/appendix.md",
            "a/sub/x.md", "b/README.md", "b/zeta.md",
        ])
        let series = FolderSeries.folders(listings.sortedInSiteOrder { $0 })
        #expect(series.map(\.folder) == ["", "c", "a", "b"])
        #expect(series.map(\.positions) == [0..<2, 2..<3, 3..<8, 8..<10])
        #expect(series.map(\.isSeries) == [false, false, true, true])
    }

    /// When every roadmap is in one folder, its sub-folders are the series, and its own roadmaps one more.
    @Test func seriesStartBelowTheFolderEveryRoadmapIsIn() {
        let listings = ["src/roadmaps/frontend/frontend.md", "src/roadmaps/frontend/extra.md", "src/roadmaps/backend/backend.md",
                        "src/roadmaps/about.md", "src/roadmaps/faq.md"].map { source in
            RoadmapListing(source: source, slug: Slugger.pageSlug(relativePath: source, frontMatter: FrontMatter()),
                           title: source, order: nil, terms: [], anchors: HashedIDs())
        }
        let series = FolderSeries.folders(listings.sortedInSiteOrder { $0 })
        #expect(series.map(\.folder) == ["src/roadmaps", "src/roadmaps/backend", "src/roadmaps/frontend"])
        #expect(series.map(\.isBelowSharedFolder) == [false, true, true])
        let index = SeriesIndex(listings)
        #expect(index.place(of: "src/roadmaps/faq.md")?.previous?.slug == "src/roadmaps/about")
        #expect(index.place(of: "src/roadmaps/backend/backend.md") == nil)
        #expect(index.place(of: "src/roadmaps/frontend/frontend.md")?.previous?.slug == "src/roadmaps/frontend/extra")
    }

    @Test func aRoadmapsFilesAreGeneratedAtAnyDepth() {
        let file = SourceFile(relativePath: "cohorts/2022/intro.md", path: "/c/cohorts/2022/intro.md")
        let paths = GeneratedPaths(roadmaps: [("cohorts/2022/intro", file)], templateAssets: [], templatesDirectory: "/t")
        #expect(paths.owner(ofFile: "cohorts/2022/intro/timeline.html") == .roadmap("the timeline", file))
        #expect(paths.owner(ofFile: "Cohorts/2022/Intro/index.html") == .roadmap("the page", file))
        #expect(paths.owner(ofFolder: "cohorts/2022/intro") == .roadmap("the folder", file))
        #expect(paths.owner(ofFile: "cohorts/2022/intro.png") == nil)
        #expect(paths.owner(ofFile: "cohorts/2022/index.html") == nil)
    }
}
