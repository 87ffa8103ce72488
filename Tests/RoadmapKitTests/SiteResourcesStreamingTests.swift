import Foundation
import Testing
@testable import RoadmapKit

/// A page of the site's resource index is written from three renderings (the page's part before
/// its entries, the entries as their partials render them, the part after); what is written and
/// what is checked must be as if it had been rendered in one go.
@Suite struct SiteResourcesStreamingTests {
    static let roadmaps = [
        "a.md": "# Alpha\n\n## Courses\n\n- [Deep Learning](https://www.coursera.org/learn/deep) (Free to audit)\n- [MLOps](https://www.edx.org/learn/mlops)\n",
        "b.md": "# Beta\n\n## Courses\n\n- [Deep Learning](https://www.coursera.org/learn/deep)\n\n## Books\n\n- \"Designing ML Systems\" by Chip Huyen\n",
    ]

    @Test(arguments: [1, 60])
    func streamedPageEqualsTheWholeRendering(copies: Int) throws {
        // 60 copies of the seed's resources make a page of several pieces.
        let seed = try EnrichmentFixture.seed().resources
        let resources = (0..<copies).flatMap { _ in seed }
        let (loaded, _) = try TemplateSet.load(from: TestPaths.templates.path)
        let pages = EnrichmentPages(templates: try #require(loaded), config: SiteConfig())
        try withTemporaryFolder { folder in
            let writer = try SiteWriter(output: folder.appendingPathComponent("Site").path, protecting: [])
            let paging = ResourcePages(resources, unitsPerPage: .max)
            let links = try pages.writeSiteResourcesPage(0, of: paging, resources: resources, with: writer, reportedFolder: "Site")
            let streamed = try String(contentsOf: writer.staging.appendingPathComponent("resources.html"), encoding: .utf8)
            let whole = pages.resourcesPage(resources, roadmap: nil)
            #expect(streamed == whole)
            #expect(streamed.utf8.count > (copies > 1 ? 1 << 18 : 0))
            #expect(links.diagnostics.isEmpty)
            // Every entry's id and every kind's heading can be linked to.
            #expect(seed.allSatisfy { links.hasID($0.id) })
            #expect(links.hasID("kind-course") && links.hasID("main"))
            writer.discard()
        }
    }

    /// The entries are partials: a site owner who changes one changes the site's index (written
    /// in pieces) and every roadmap's index alike.
    @Test func aChangedPartialChangesEveryResourceIndex() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            func edit(_ partial: String, _ old: String, _ new: String) throws {
                let file = templates.appendingPathComponent("partials/\(partial).mustache")
                let original = try String(contentsOf: file, encoding: .utf8)
                #expect(original.contains(old))
                try original.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
            }
            try edit("resource-entry", "<li class=\"resource\"", "<li class=\"resource restyled\"")
            try edit("resource-group", "<h2 id=\"kind-{{kind}}\">{{title}}", "<h2 id=\"kind-{{kind}}\">All {{title}}")
            try edit("resource-provider", "<h3 class=\"resource-provider\">{{name}}</h3>", "<h3 class=\"resource-provider\">From {{name}}</h3>")
            let content = folder.appendingPathComponent("Content")
            try writeFiles(Self.roadmaps, in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output, templates: templates)
            #expect(report.succeeded, "\(report.diagnostics)")
            // The site's index has three resources; Alpha's two, Beta's two (one of them Alpha's too).
            for (page, entries) in [("resources.html", 3), ("a/resources.html", 2), ("b/resources.html", 2)] {
                let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
                #expect(html.components(separatedBy: "<li class=\"resource restyled\" id=\"r-").count - 1 == entries, "\(page)")
                #expect(!html.contains("<li class=\"resource\""), "\(page)")
                #expect(html.contains("<h2 id=\"kind-course\">All Courses <span class=\"count\">"), "\(page)")
                #expect(html.contains("<h3 class=\"resource-provider\">From Coursera</h3>\n<ul class=\"resource-list\">\n"), "\(page)")
                #expect(html.hasSuffix("</html>\n"), "\(page)")
            }
        }
    }

    @Test func siteIndexesOfTwoRoadmaps() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(Self.roadmaps, in: content)
            let output = folder.appendingPathComponent("Site")
            #expect(try buildSite(content: content, output: output).wroteSite)
            let data = try Data(contentsOf: output.appendingPathComponent("resources.json"))
            let decoded = try JSONDecoder().decode(RoadmapDataWriter.ResourcesData.self, from: data)
            #expect(decoded.resources.first { $0.title == "Deep Learning" }?.usedIn.map(\.roadmap) == ["a", "b"])
            let page = try String(contentsOf: output.appendingPathComponent("resources.html"), encoding: .utf8)
            #expect(page.contains("href=\"a/index.html#") && page.contains("href=\"b/index.html#"))
            #expect(page.hasSuffix("</html>\n"))
        }
    }

    @Test func aBrokenLinkAfterTheEntriesIsReportedWhereItIsInThePage() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let file = templates.appendingPathComponent("resources.mustache")
            let original = try String(contentsOf: file, encoding: .utf8)
            func install(_ links: String) throws {
                try original.replacingOccurrences(of: "{{#afterEntries}}\n", with: "{{#afterEntries}}\n<p>\(links)</p>\n")
                    .write(to: file, atomically: true, encoding: .utf8)
            }
            let content = folder.appendingPathComponent("Content")
            try writeFiles(Self.roadmaps, in: content)
            let output = folder.appendingPathComponent("Site")
            // Where the paragraph lands in the page, from a build whose links are fine.
            try install("<a href=\"index.html\">x</a> <a href=\"#kind-course\">books</a>")
            let good = try buildSite(content: content, output: output, templates: templates)
            #expect(good.wroteSite, "\(good.diagnostics.filter { $0.severity == .error })")
            let page = try String(contentsOf: output.appendingPathComponent("resources.html"), encoding: .utf8)
            let line = try #require(page.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("#kind-course") }) + 1
            try install("<a href=\"missing.html\">x</a> <a href=\"#nope\">books</a>")
            let report = try buildSite(content: content, output: output, templates: templates)
            #expect(!report.wroteSite)
            let errors = report.diagnostics.filter { $0.severity == .error }.map { $0.formatted(relativeTo: folder.path) }
            #expect(errors.contains("Site/resources.html:\(line):7: error: link 'missing.html' (rendered by template 'resources.mustache') no file 'missing.html' in the site [output.broken-link]"), "\(errors)")
            #expect(errors.contains { $0.hasPrefix("Site/resources.html:\(line):") && $0.contains("no element with id 'nope' on this page") }, "\(errors)")
        }
    }

    /// A roadmap's resource index names the other roadmaps that use a resource (a few) and links
    /// to the site's index for the rest; its links to them are found in the page as written.
    @Test(arguments: [(1, "1 more use"), (7, "7 more uses")])
    func aRoadmapIndexLinksToOtherRoadmapsAndTheSiteIndex(more: Int, words: String) throws {
        var resources = try EnrichmentFixture.seed().resources
        var use = resources[0].uses[0]
        use.roadmapSlug = "other"
        use.roadmapTitle = "Other <1> & co"
        resources[0].uses.append(use)
        let entry = resources[0].id
        let elsewhere = [entry: (count: more, siteHref: "resources.html#" + entry + "-site")]
        let (loaded, _) = try TemplateSet.load(from: TestPaths.templates.path)
        let pages = EnrichmentPages(templates: try #require(loaded), config: SiteConfig())
        let (html, links) = pages.roadmapResourcesPage(
            resources, roadmap: (slug: "mlops", title: "MLOps"), moreElsewhere: elsewhere, reportedFolder: "Site")
        // The whole page, the roadmap's: its head, its breadcrumbs back to the roadmap, its end.
        #expect(html.hasPrefix("<!DOCTYPE html>\n") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<title>Resources · MLOps · "))
        #expect(html.contains("<p class=\"breadcrumbs\"><a href=\"index.html\">MLOps</a> › Resources · <a href=\"../resources.html\">"))
        #expect(html.contains("""
                  <li class="other-roadmap"><a href="../other/index.html#\(use.anchor)">Other &lt;1&gt; &amp; co › \(use.sectionTitle)</a></li>
                  <li class="other-roadmap"><a href="../resources.html#\(entry)-site">\(words) elsewhere on the site</a></li>
                </ul>
            """))
        #expect(links.diagnostics.isEmpty)
        #expect(links.fragments.contains { $0.target == "other/index.html" && $0.fragment == use.anchor })
        #expect(links.fragments.contains { $0.target == "resources.html" && $0.fragment == entry + "-site" })
        #expect(links.hasID(entry) && links.hasID("kind-course"))
    }
}
