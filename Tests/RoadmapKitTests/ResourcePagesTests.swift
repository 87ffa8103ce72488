import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The site's resource index comes in pages that do not grow with the site, and every link
/// into it names the page its entry is on.
@Suite struct ResourcePagesTests {
    static func resource(_ number: Int, uses: Int) -> Resource {
        Resource(id: "r-\(number)", title: "Resource \(number)", url: "https://example.net/\(number)", kind: .course,
                 provider: nil, cost: .unknown, author: nil,
                 uses: (0..<uses).map {
                     ResourceUse(roadmapSlug: "roadmap-\($0)", roadmapTitle: "Roadmap \($0)", sectionID: "s", sectionTitle: "S",
                                 anchor: "u-\(number)-\($0)", location: RoadmapMarkdown.SourceLocation(line: 1, column: 1))
                 })
    }

    @Test func entriesFillPagesByLinesAndABigEntryHasAPageOfItsOwn() {
        // Lines: 1 + uses each, at most 3 uses listed an entry.
        let resources = [Self.resource(0, uses: 2), Self.resource(1, uses: 2), Self.resource(2, uses: 50),
                         Self.resource(3, uses: 3), Self.resource(4, uses: 1)]
        let paging = ResourcePages(resources, unitsPerPage: 6, usesShown: 3)
        #expect(paging.pages == [0..<2, 2..<3, 3..<5])
        #expect(paging.href(of: "r-0") == "resources.html#r-0")
        #expect(paging.href(of: "r-2") == "resources-2.html#r-2")
        #expect(paging.href(of: "r-4") == "resources-3.html#r-4")
        #expect(ResourcePages(resources).pages == [0..<5])
        #expect(ResourcePages([]).pages == [0..<0])
    }

    @Test func laterPagesAreTheSite() {
        #expect(ResourcePages.files.isLaterPage("resources-2.html") && ResourcePages.files.isLaterPage("resources-140.html"))
        #expect(!ResourcePages.files.isLaterPage("resources.html") && !ResourcePages.files.isLaterPage("resources-x.html")
            && !ResourcePages.files.isLaterPage("resources-.html") && !ResourcePages.files.isLaterPage("resources-2.htm"))
        let paths = GeneratedPaths(roadmaps: [], templateAssets: [], templatesDirectory: "Templates")
        #expect(paths.owner(ofFile: "resources-7.html") != nil)
    }

    @Test(arguments: [(1, 1, ["1"]), (1, 9, ["1", "2", "3", "…", "9"]), (5, 9, ["1", "…", "3", "4", "5", "6", "7", "…", "9"]),
                      (9, 9, ["1", "…", "7", "8", "9"]), (3, 4, ["1", "2", "3", "4"])])
    func thePagerLinksTheEndsAndTheNeighbours(number: Int, count: Int, shown: [String]) {
        let pager = PagerView(number: number, of: count, total: 100) { "p\($0).html" }
        #expect(pager.items.map { $0.isGap ? "…" : String($0.number) } == shown)
        #expect(pager.items.filter(\.isCurrent).map(\.number) == [number])
        #expect(pager.hasPrevious == (number > 1) && pager.previousHref == (number > 1 ? "p\(number - 1).html" : ""))
        #expect(pager.hasNext == (number < count) && pager.nextHref == (number < count ? "p\(number + 1).html" : ""))
    }

    /// A site whose index takes several pages: each under 2 MB, linked one to the next, and
    /// each link into the index (a roadmap's index, a search result) on the entry's page.
    @Test func aLargeIndexIsPagedAndLinkedIntoByPage() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            // Three roadmaps naming 1,500 tools each, every one shared by two of them: 2,250
            // entries with 4,500 uses, 6,750 lines, two pages of at most 4,000.
            var files: [String: String] = [:]
            for roadmap in 0..<3 {
                let tools = (0..<1_500).map { tool -> String in
                    let number = (roadmap * 750 + tool) % 2_250
                    return "- [Tool \(number)](https://tool-\(number).dev/)"
                }
                files["r\(roadmap).md"] = "# Roadmap \(roadmap)\n\n## Tools\n\n" + tools.joined(separator: "\n") + "\n"
            }
            try writeFiles(files, in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error }.prefix(3))")
            let site = try filesUnder(output)
            let pages = site.keys.filter { $0 == "resources.html" || ResourcePages.files.isLaterPage($0) }.sorted()
            #expect(pages.count == 2, "\(pages)")
            for page in pages { #expect(site[page]!.count < 2_000_000, "\(page)") }
            let first = String(decoding: site["resources.html"]!, as: UTF8.self)
            #expect(first.contains("<a href=\"resources-2.html\" rel=\"next\">Next</a>"))
            #expect(first.contains("aria-current=\"page\">1</a>"))
            let second = String(decoding: site["resources-2.html"]!, as: UTF8.self)
            #expect(second.contains("<a href=\"resources.html\" rel=\"prev\">Previous</a>"))
            #expect(second.contains("<title>Resources · page 2 of \(pages.count)"))
            // Every entry is on exactly one page, and the search index's part for a page holds that page's entries.
            func ids(_ page: String) -> Set<String> {
                let html = String(decoding: site[page]!, as: UTF8.self)
                return Set(html.components(separatedBy: "<li class=\"resource\" id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
            }
            let byPage = Dictionary(uniqueKeysWithValues: pages.map { ($0, ids($0)) })
            #expect(byPage.values.reduce(0) { $0 + $1.count } == Set(byPage.values.flatMap { $0 }).count)
            // A roadmap's index sends "more uses" to the page the entry is on.
            let roadmapIndex = String(decoding: site["r0/resources.html"]!, as: UTF8.self)
            let links = roadmapIndex.components(separatedBy: "href=\"../resources").dropFirst().map { "resources" + $0.prefix { $0 != "\"" } }
            for link in links.prefix(50) where link.contains("#") {
                let parts = link.split(separator: "#")
                #expect(byPage[String(parts[0])]?.contains(String(parts[1])) == true, "\(link)")
            }
        }
    }
}

/// The home page comes in pages too, folder by folder or not.
@Suite struct HomePagesTests {
    static func summary(_ source: String) -> RoadmapSummary {
        let slug = String(source.dropLast(3))
        return RoadmapSummary(source: source, slug: slug, title: "Roadmap " + slug, summary: "", order: nil, phaseCount: 1,
                              moduleCount: 1, totalDuration: nil, facts: [])
    }

    @Test func aLongHomePageIsPagedAndItsFoldersLinkToThePageTheyStartOn() throws {
        let (loaded, _) = try TemplateSet.load(from: TestPaths.templates.path)
        let roadmaps = (1...7).map { Self.summary("alpha/a\($0).md") } + (1...7).map { Self.summary("beta/b\($0).md") }
        let pages = SiteWidePages(templates: try #require(loaded), config: SiteConfig(), roadmaps: roadmaps).home(perPage: 4)
        #expect(pages.map(\.path) == ["index.html", "index-2.html", "index-3.html", "index-4.html"])
        let cardCounts = pages.map { $0.html.components(separatedBy: "/index.html\"").count - 1 }
        #expect(cardCounts.reduce(0, +) >= 14)
        // Beta starts on page 2 (cards 5 to 8: a5, a6, a7, b1): its folder link says so on every page but that one.
        #expect(pages[0].html.contains("<a href=\"index-2.html#folder-beta\">"))
        #expect(pages[1].html.contains("<a href=\"#folder-beta\">"))
        #expect(pages[0].html.contains("<a href=\"#folder-alpha\">"))
        // Alpha runs on to page 2, under its heading again.
        #expect(pages[1].html.contains("id=\"folder-alpha\"") && pages[1].html.contains("a7/index.html"))
        #expect(!pages[1].html.contains("a4/index.html") && pages[0].html.contains("a4/index.html"))
        #expect(pages[2].html.contains("<a href=\"index-2.html\" rel=\"prev\">Previous</a>"))
        #expect(pages[2].html.contains("<a href=\"index-4.html\" rel=\"next\">Next</a>"))
        #expect(pages[3].html.contains("aria-current=\"page\">4</a>"))
        // One page: no pager.
        let one = SiteWidePages(templates: try #require(loaded), config: SiteConfig(), roadmaps: roadmaps).home()
        #expect(one.map(\.path) == ["index.html"] && !one[0].html.contains("class=\"pager\""))
        #expect(SiteWidePages.homeFiles.isLaterPage("index-2.html") && !SiteWidePages.homeFiles.isLaterPage("index.html"))
    }
}
