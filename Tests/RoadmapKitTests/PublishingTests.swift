import Foundation
import Testing
@testable import RoadmapKit

/// Publishing: link checks at build time (Markdown and rendered HTML), sitemap, robots.txt,
/// canonical and Open Graph tags with a base URL, and the not-found page.
@Suite struct PublishingTests {
    static let brokenLinks = TestPaths.fixtures.appendingPathComponent("BrokenLinks")

    /// A missing file is a warning and its link is kept as text (a README's `CONTRIBUTING.md` is
    /// not in a roadmap site); a stale in-page link is a warning too (a README's table of
    /// contents often has one); a missing heading of a roadmap in the site is a warning, and the
    /// link goes to the top of that roadmap's page. `--strict` makes each an error.
    static let expectedLinkWarnings = [
        "Content/guide.md:7:5: warning: no roadmap 'missing.md' in the content folder; the link is kept as text [link.missing-file]",
        "Content/guide.md:8:1: warning: no heading '#no-such-heading' in 'other.md'; the link goes to the top of its page [link.missing-anchor]",
        "Content/other.md:9:20: warning: no heading '#not-here' on this page; the link is kept as text [link.missing-anchor]",
    ]

    @Test func brokenLinksAreWarningsAtTheirPositionsAndErrorsWithStrict() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let content = Self.brokenLinks.appendingPathComponent("Content")
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            let warnings = report.diagnostics.filter { $0.severity == .warning && $0.id != "site.no-base-url" }
            #expect(formatted(warnings, relativeTo: Self.brokenLinks) == Self.expectedLinkWarnings)
            let guide = try String(contentsOf: output.appendingPathComponent("guide/index.html"), encoding: .utf8)
            #expect(guide.contains("<a href=\"../other/index.html\">a missing heading</a>"), "the page, without the fragment")
            #expect(guide.contains("See a missing roadmap and"), "a missing file's link is kept as text")

            let strictOutput = folder.appendingPathComponent("Strict")
            let strict = try buildSite(content: content, output: strictOutput, strict: true, baseURL: "https://example.org/")
            #expect(!strict.succeeded)
            #expect(formatted(strict.diagnostics, relativeTo: Self.brokenLinks)
                == Self.expectedLinkWarnings.map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") })
            #expect(!FileManager.default.fileExists(atPath: strictOutput.path), "a failed build writes nothing")
        }
    }

    @Test func brokenLinksExitOneFromTheCommandLineWithStrict() throws {
        try withTemporaryFolder { folder in
            let content = try String(contentsOf: Self.brokenLinks.appendingPathComponent("Content/guide.md"), encoding: .utf8)
            let other = try String(contentsOf: Self.brokenLinks.appendingPathComponent("Content/other.md"), encoding: .utf8)
            try writeFiles(["Content/guide.md": content, "Content/other.md": other], in: folder)
            let plain = try CommandLineTests.run(["build", "--templates", TestPaths.templates.path], in: folder)
            #expect(plain.status == 0)
            for line in Self.expectedLinkWarnings {
                #expect(plain.stderr.contains(line), "missing: \(line)\n\(plain.stderr)")
            }
            let strict = try CommandLineTests.run(
                ["build", "--strict", "--base-url", "https://example.org/", "--templates", TestPaths.templates.path], in: folder)
            #expect(strict.status == 1)
            for line in Self.expectedLinkWarnings {
                let error = line.replacingOccurrences(of: ": warning: ", with: ": error: ")
                #expect(strict.stderr.contains(error), "missing: \(error)\n\(strict.stderr)")
            }
            #expect(strict.stderr.contains("Build failed: 3 errors (2 link.missing-anchor, 1 link.missing-file); Site/ was left as it was."),
                    "\(strict.stderr)")
        }
    }

    @Test func workingCrossFileLinksBecomePageLinks() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "guide.md": "# Guide\n\n## Start here\n\nSee [deep](other.md#deep-dive) and [here](#start-here).\n",
                "other.md": "# Other\n\n## Deep Dive\n\nBack to [the guide](guide.md#start-here).\n",
            ], in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            let html = try String(contentsOf: output.appendingPathComponent("guide/index.html"), encoding: .utf8)
            #expect(html.contains("<a href=\"../other/index.html#deep-dive\">deep</a>"))
            #expect(html.contains("<a href=\"#start-here\">here</a>"))
        }
    }

    // MARK: base URL

    @Test func withBaseURLTheSiteHasSitemapRobotsCanonicalAndOpenGraph() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "a.md": "---\nsummary: About A & more.\n---\n# Alpha\n\n## Phase 1 (2 weeks)\n",
                "b.md": "# Beta\n",
            ], in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output, baseURL: "https://example.org/roadmaps")
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(!report.diagnostics.contains { $0.id == "site.no-base-url" })
            let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
            #expect(sitemap.contains("<loc>https://example.org/roadmaps/</loc>"))
            #expect(sitemap.contains("<loc>https://example.org/roadmaps/a/</loc>"))
            #expect(sitemap.contains("<loc>https://example.org/roadmaps/b/</loc>"))
            #expect(!sitemap.contains("404"))
            let robots = try String(contentsOf: output.appendingPathComponent("robots.txt"), encoding: .utf8)
            #expect(robots.contains("Sitemap: https://example.org/roadmaps/sitemap.xml"))
            let page = try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/roadmaps/a/\">"))
            #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/roadmaps/a/\">"))
            #expect(page.contains("<meta property=\"og:title\" content=\"Alpha\">"))
            #expect(page.contains("<meta name=\"description\" content=\"About A &amp; more.\">"))
            #expect(page.contains("<meta property=\"og:description\" content=\"About A &amp; more.\">"))
            // The not-found page links absolutely, so it works at any depth.
            let notFound = try String(contentsOf: output.appendingPathComponent("404.html"), encoding: .utf8)
            #expect(notFound.contains("href=\"https://example.org/roadmaps/assets/site.css\""))
            #expect(notFound.contains("href=\"https://example.org/roadmaps/a/index.html\""))
        }
    }

    @Test func withoutBaseURLOneWarningAndNoAbsoluteURLs() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# Alpha\n\nSome text.\n", "b.md": "# Beta\n"], in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded)
            #expect(report.diagnostics.filter { $0.id == "site.no-base-url" }.count == 1)
            #expect(report.diagnostics.filter { $0.severity == .warning }.count == 1)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sitemap.xml").path))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("robots.txt").path))
            for page in ["index.html", "a/index.html", "404.html"] {
                let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
                #expect(!html.contains("rel=\"canonical\""), "\(page)")
                #expect(!html.contains("og:"), "\(page)")
                #expect(!html.contains("href=\"/"), "\(page) has a root-relative link")
                #expect(!html.contains("src=\"/"), "\(page) has a root-relative source")
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("rel=\"icon\""))
            }
            let notFound = try String(contentsOf: output.appendingPathComponent("404.html"), encoding: .utf8)
            #expect(notFound.contains("href=\"assets/site.css\""))
            #expect(notFound.contains("href=\"a/index.html\""))
        }
    }

    @Test func strictBuildWithoutBaseURLFailsOnTheWarning() throws {
        let (_, report) = try buildSingleRoadmap("# A\n", strict: true)
        #expect(report.diagnostics.contains { $0.id == "site.no-base-url" && $0.severity == .error })
    }

    // MARK: rendered link checker

    @Test func aBrokenLinkInATemplateFailsNamingPageAndTemplate() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let footer = templates.appendingPathComponent("partials/footer.mustache")
            let text = try String(contentsOf: footer, encoding: .utf8)
            try ("<p><a href=\"{{site.root}}missing.html\">gone</a> <a href=\"#no-such-id\">here</a></p>\n" + text)
                .write(to: footer, atomically: true, encoding: .utf8)
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# Alpha\n"], in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output, templates: templates)
            #expect(!report.wroteSite)
            let messages = report.diagnostics.filter { $0.severity == .error }.map { $0.formatted(relativeTo: folder.path) }
            let page = messages.filter { $0.hasPrefix("Site/a/index.html:") }
            #expect(page.contains { $0.contains("link 'missing.html' (rendered by template 'roadmap.mustache') no file 'missing.html' in the site [output.broken-link]") }, "\(messages)")
            #expect(page.contains { $0.contains("link '#no-such-id' (rendered by template 'roadmap.mustache') no element with id 'no-such-id' on this page [output.missing-fragment]") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("Site/index.html:") && $0.contains("template 'home.mustache'") })
            #expect(messages.contains { $0.hasPrefix("Site/404.html:") && $0.contains("template '404.mustache'") })
        }
    }

    @Test(arguments: [
        ("<a href=\"../other/index.html#x\">", [String](), ["other/index.html"], ["other/index.html#x"]),
        ("<a href=\"#here\">ok</a><h2 id=\"here\">", [], [], []),
        ("<a href=\"#gone\">", ["output.missing-fragment"], [], []),
        ("<a href=\"../other/\">", ["output.folder-link"], [], []),
        ("<a href=\"/assets/site.css\">", ["output.root-relative-link"], [], []),
        ("<a href=\"../../x.html\">", ["output.link-outside-site"], [], []),
        ("<a href=\"https://example.org/\"><a href=\"mailto:a@b.c\"><a href=\"//cdn.example/x.js\">", [], [], []),
        ("<img src=\"../assets/a%20b.png\" alt=\"\">", [], ["assets/a b.png"], []),
        ("<a href=\"../i.html?x=1&amp;y=2#t\">", [], ["i.html"], ["i.html#t"]),
        ("<script type=\"application/json\">{\"a\": \"<a href=\\\"/x\\\">\"}</script>", [], [], []),
        ("<!-- <a href=\"/x\"> -->", [], [], []),
        ("<form action=\"../search.html\"><input name=\"q\"></form>", [], ["search.html"], []),
    ])
    func scanFindsLinks(html: String, ids: [String], files: [String], fragments: [String]) {
        let links = RenderedLinkChecker.scan(html, page: "slug/index.html", template: "roadmap", reportedFolder: "Site")
        #expect(links.diagnostics.map(\.id) == ids)
        #expect(links.files.keys.sorted() == files)
        #expect(links.fragments.map(\.key).sorted() == fragments)
    }

    @Test func scannerReportsLineAndColumnOfTheAttribute() {
        let html = "<p>\n  <a class=\"x\" href=\"#missing\">x</a>\n</p>"
        let links = RenderedLinkChecker.scan(html, page: "index.html", template: "home", reportedFolder: "Site")
        #expect(links.diagnostics.map(\.description) == [
            "Site/index.html:2:16: error: link '#missing' (rendered by template 'home.mustache') no element with id 'missing' on this page [output.missing-fragment]",
        ])
    }

    @Test func checkFindsMissingFilesAndFragmentsOnOtherPages() throws {
        try withTemporaryFolder { folder in
            try writeFiles([
                "index.html": "<a href=\"a/index.html#top\"></a><a href=\"a/index.html#nope\"></a><a href=\"b/index.html\"></a>",
                "a/index.html": "<h1 id=\"top\">A</h1><a href=\"../index.html\">home</a>",
            ], in: folder)
            let checker = RenderedLinkChecker(siteFolder: folder, reportedFolder: "Site")
            let diagnostics = checker.check([])
            #expect(diagnostics.map(\.description) == [
                "Site/index.html:1:67: error: link 'b/index.html' (rendered by template 'home.mustache') no file 'b/index.html' in the site [output.broken-link]",
                "Site/index.html:1:35: error: link 'a/index.html#nope' (rendered by template 'home.mustache') no element with id 'nope' in 'a/index.html' [output.missing-fragment]",
            ])
        }
    }

    @Test(arguments: [
        ("index.html", "home"), ("404.html", "404"), ("search.html", "search"), ("mlops/index.html", "roadmap"),
        ("timeline/index.html", "timeline"), ("mlops/timeline.html", "timeline"), ("mlops/resources.html", "resources"),
    ])
    func templateNames(page: String, template: String) {
        #expect(RenderedLinkChecker.templateName(for: page) == template)
    }

    // MARK: sitemap and data block

    @Test func sitemapListsPagesOnceSortedAndEscaped() {
        let writer = SitemapWriter(baseURL: "https://example.org")
        let xml = writer.sitemap(pages: ["b/index.html", "index.html", "404.html", "a b/index.html", "search.html", "b/index.html"])
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/</loc></url>
              <url><loc>https://example.org/a%20b/</loc></url>
              <url><loc>https://example.org/b/</loc></url>
              <url><loc>https://example.org/search.html</loc></url>
            </urlset>

            """)
        #expect(writer.robots() == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
    }

    @Test func roadmapDataBlockIsSafeInsideAScriptElement() throws {
        let markdown = "# T\n\n## Phase 1: &lt;/script&gt; x (2 weeks)\n\n### Module & one (1 week)\n\n- **Topic** one\n"
        let (html, report) = try buildSingleRoadmap(markdown)
        #expect(report.succeeded, "\(report.diagnostics)")
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"roadmap-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let phases = try #require(object["phases"] as? [[String: Any]])
        #expect(phases.count == 1)
        #expect((phases.first?["title"] as? String)?.contains("</script>") == true)
        #expect(phases.first?["minWeeks"] as? Double == 2)
        let modules = try #require(phases.first?["modules"] as? [[String: Any]])
        #expect(modules.first?["id"] as? String == "module--one-1-week")
    }
}
