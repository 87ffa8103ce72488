import Foundation
import Testing
@testable import RoadmapKit

/// The site's resource index is written in pieces (the template's head, the entries as they are
/// made, the tail) and never held whole; what is written and what is checked must be as if it
/// had been rendered in one go.
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
            let links = try pages.writeSiteResourcesPage(resources, with: writer, reportedFolder: "Site")
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

    /// A template that escapes the entries, or shows them twice, gets what rendering the page
    /// whole gives: the streamed page is cut at its marker only where the marker is shown once, raw.
    @Test(arguments: ["{{groupsHTML}}", "{{{groupsHTML}}}<hr>{{{groupsHTML}}}"])
    func templatesThatDoNotShowTheEntriesOnceRawAreRenderedWhole(use: String) throws {
        let resources = try EnrichmentFixture.seed().resources
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let file = templates.appendingPathComponent("resources.mustache")
            let original = try String(contentsOf: file, encoding: .utf8)
            #expect(original.contains("{{{groupsHTML}}}"))
            try original.replacingOccurrences(of: "{{{groupsHTML}}}", with: use).write(to: file, atomically: true, encoding: .utf8)
            let (loaded, _) = try TemplateSet.load(from: templates.path)
            let pages = EnrichmentPages(templates: try #require(loaded), config: SiteConfig())
            let writer = try SiteWriter(output: folder.appendingPathComponent("Site").path, protecting: [])
            _ = try pages.writeSiteResourcesPage(resources, with: writer, reportedFolder: "Site")
            let streamed = try String(contentsOf: writer.staging.appendingPathComponent("resources.html"), encoding: .utf8)
            #expect(streamed == pages.resourcesPage(resources, roadmap: nil))
            #expect(!streamed.contains("\u{1}"))
            let roadmap = (slug: "a", title: "A")
            let own = pages.roadmapResourcesPage(resources, roadmap: roadmap, moreElsewhere: [:], reportedFolder: "Site").html.utf8Text
            #expect(own == pages.resourcesPage(resources, roadmap: roadmap))
            writer.discard()
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
            #expect(page.hasSuffix("</html>\n") && !page.contains("\u{1}"))
        }
    }

    @Test func aBrokenLinkAfterTheEntriesIsReportedWhereItIsInThePage() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let file = templates.appendingPathComponent("resources.mustache")
            let original = try String(contentsOf: file, encoding: .utf8)
            func install(_ links: String) throws {
                try original.replacingOccurrences(of: "{{{groupsHTML}}}\n", with: "{{{groupsHTML}}}\n<p>\(links)</p>\n")
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

    /// A roadmap's resource index records its entries' ids and links as it writes them; what it
    /// records is what scanning the whole page finds, positions included.
    @Test(arguments: [0, 1, 3])
    func recordedLinksEqualAFullScan(otherUses: Int) throws {
        var resources = try EnrichmentFixture.seed().resources
        // Uses in other roadmaps, and a "more elsewhere" line, as the site-wide step adds them.
        var more: [String: (count: Int, siteID: String)] = [:]
        for index in resources.indices where index % 3 == 0 {
            for other in 0..<otherUses {
                var use = resources[index].uses[0]
                use.roadmapSlug = "other-\(other)"
                use.roadmapTitle = "Other <\(other)> & co"
                resources[index].uses.append(use)
            }
            if otherUses > 0 { more[resources[index].id] = (count: 7, siteID: resources[index].id + "-site") }
        }
        let (loaded, _) = try TemplateSet.load(from: TestPaths.templates.path)
        let pages = EnrichmentPages(templates: try #require(loaded), config: SiteConfig())
        let (bytes, recorded) = pages.roadmapResourcesPage(
            resources, roadmap: (slug: "mlops", title: "MLOps"), moreElsewhere: more, reportedFolder: "Site")
        let html = bytes.utf8Text
        #expect(html == pages.resourcesPage(resources, roadmap: (slug: "mlops", title: "MLOps"), moreElsewhere: more))
        let scanned = RenderedLinkChecker.scan(html, page: "mlops/resources.html", template: "resources", reportedFolder: "Site")
        #expect(recorded.files == scanned.files)
        func sorted(_ links: [FragmentLink]) -> [FragmentLink] {
            links.sorted { ($0.target, $0.fragment) < ($1.target, $1.fragment) }
        }
        #expect(sorted(recorded.fragments) == sorted(scanned.fragments))
        #expect(recorded.idHashes == scanned.idHashes)
        #expect(recorded.diagnostics.isEmpty && scanned.diagnostics.isEmpty)
        #expect(!recorded.fragments.isEmpty)
    }
}
