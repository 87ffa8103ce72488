import Foundation
import Synchronization
import Testing
import RoadmapMarkdown
@testable import RoadmapKit

/// Problems in content are reported at their exact `line:column`, in the printed format.
@Suite struct DiagnosticsTests {
    @Test func unsafeLinkIsWarnedAtItsPosition() throws {
        let (html, report) = try buildSingleRoadmap("# T\n\nSee [this](javascript:alert(1)) now.\n")
        let diagnostic = try #require(report.diagnostics.first { $0.id == "link.unsafe-scheme" })
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location?.line == 3)
        #expect(diagnostic.location?.column == 5)
        #expect(diagnostic.formatted(relativeTo: nil).hasSuffix(
            "test.md:3:5: warning: link to a 'javascript:' URL was removed [link.unsafe-scheme]"))
        #expect(html.contains("See this now."))
    }

    @Test func missingAnchorOnThePageIsAWarningAtTheLinkAndKeptAsText() throws {
        let (html, report) = try buildSingleRoadmap("# T\n\n## Real\n\n- go to [x](#missing)\n")
        let diagnostic = try #require(report.diagnostics.first { $0.id == "link.missing-anchor" })
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == .init(line: 5, column: 9))
        #expect(report.succeeded)
        #expect(!html.contains("#missing"))
    }

    @Test func missingFileAndMissingHeadingOfAnotherRoadmapAreWarningsAtTheirPositions() throws {
        let markdown = "# A\n\n[gone](missing.md) and\n[bad anchor](other.md#nowhere) and [good](other.md#here)\n"
        let (html, report) = try buildSingleRoadmap(markdown, name: "a.md", extraFiles: ["other.md": "# Other\n\n## Here\n"])
        #expect(report.succeeded)
        let links = report.diagnostics.filter { $0.id.hasPrefix("link.") }
        #expect(links.map(\.id) == ["link.missing-file", "link.missing-anchor"])
        #expect(links.map(\.severity) == [.warning, .warning])
        #expect(links.map(\.location) == [.init(line: 3, column: 1), .init(line: 4, column: 1)])
        #expect(!html.contains("missing.md"), "a missing file's link is kept as text")
        #expect(html.contains("<a href=\"../other/index.html\">bad anchor</a>"), "a missing heading's link goes to the page")
        #expect(html.contains("<a href=\"../other/index.html#here\">good</a>"))
        let strict = try buildSingleRoadmap(markdown, name: "a.md", extraFiles: ["other.md": "# Other\n\n## Here\n"], strict: true).report
        #expect(strict.diagnostics.filter { $0.id.hasPrefix("link.") }.map(\.severity) == [.error, .error])
    }

    @Test func frontMatterYAMLErrorIsAWarningAtItsLine() throws {
        let (html, report) = try buildSingleRoadmap("---\ntitle: ok\norder: [1, 2\n---\n# T\n")
        let diagnostic = try #require(report.diagnostics.first { $0.id == "front-matter.yaml" })
        #expect(diagnostic.severity == .warning, "the Markdown is still built")
        #expect(diagnostic.location?.line == 4)
        #expect(report.succeeded)
        #expect(!html.contains("order:"), "the front matter is not shown as text")
    }

    @Test func markdownPositionsCountFrontMatterLines() throws {
        let (_, report) = try buildSingleRoadmap("---\ntitle: T\n---\n\n[x](vbscript:msgbox)\n")
        let diagnostic = try #require(report.diagnostics.first { $0.id == "link.unsafe-scheme" })
        #expect(diagnostic.location == .init(line: 5, column: 1))
    }

    /// cmark-gfm ends a line at a carriage return alone, so the front matter's count does too
    /// (it did not, and the body's positions came a line early: found by make fuzz).
    @Test(arguments: [
        ("---\ntitle: a\rb\n---\n[x](vbscript:y)\n", 5),
        ("---\r\ntitle: a\r\n---\r\n[x](vbscript:y)\r\n", 4),
        ("+++\ntitle = \"a\"\r\r+++\n[x](vbscript:y)\n", 5),
        ("title: a\rb\n[x](vbscript:y)\n", 3),
    ])
    func aCarriageReturnAloneEndsALineInFrontMatterToo(source: String, line: Int) throws {
        let (_, report) = try buildSingleRoadmap(source)
        let diagnostic = try #require(report.diagnostics.first { $0.id == "link.unsafe-scheme" })
        #expect(diagnostic.location == .init(line: line, column: 1))
    }

    @Test func templateSyntaxErrorHasFileLineAndColumn() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            try "<p>\n  {{#roadmaps}}\n  {{title}}\n{{/wrong}}\n".write(
                to: templates.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# A\n"], in: content)
            let report = try buildSite(content: content, output: folder.appendingPathComponent("Site"), templates: templates)
            let diagnostic = try #require(report.diagnostics.first { $0.id == "template.syntax" })
            #expect(diagnostic.file.hasSuffix("Templates/home.mustache"))
            #expect(diagnostic.location?.line == 4)
            #expect(!report.wroteSite)
        }
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let markdown = "# T\n\n[x](javascript:void(0))\n"
        #expect(try buildSingleRoadmap(markdown).report.succeeded)
        let strict = try buildSingleRoadmap(markdown, strict: true).report
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.first?.severity == .error)
    }

    @Test func duplicateSlugsAreAnError() throws {
        let (_, report) = try buildSingleRoadmap(
            "# A\n", name: "a.md", extraFiles: ["b.md": "---\nslug: a\n---\n# B\n"])
        let diagnostic = try #require(report.diagnostics.first { $0.id == "slug.duplicate" })
        #expect(diagnostic.notes.count == 1)
        #expect(!report.succeeded)
    }

    /// An error found while reading or modelling ends the build before any page is rendered,
    /// as a compiler stops before generating code: a slug two roadmaps claim, or with
    /// `--strict` a link to a heading another roadmap does not have.
    @Test(arguments: [
        (["a.md": "# A\n", "b.md": "---\nslug: a\n---\n# B\n"], "slug.duplicate", "b.md", RoadmapMarkdown.SourceLocation(line: 1, column: 1), false),
        (["a.md": "# A\n\n## Setup\n", "b.md": "# B\n\nSee [setup](a.md#set-up).\n"], "link.missing-anchor", "b.md",
         RoadmapMarkdown.SourceLocation(line: 3, column: 5), true),
    ])
    func anErrorBeforeRenderingStopsTheBuildThere(
        files: [String: String], id: String, file: String, at: RoadmapMarkdown.SourceLocation, strict: Bool
    ) throws {
        let failed = try Self.build(files, strict: strict)
        let errors = failed.report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id) == [id])
        #expect(errors.first?.file == failed.content.appendingPathComponent(file).path)
        #expect(errors.first?.location == at)
        #expect(failed.rendered == 0, "no roadmap was rendered")
        #expect(!failed.report.wroteSite)
        #expect(failed.folder == ["Content"], "nothing was written")
        // The same site without the error renders both roadmaps.
        let fixed = try Self.build(files.mapValues {
            $0.replacingOccurrences(of: "slug: a", with: "slug: b").replacingOccurrences(of: "#set-up", with: "#setup")
        }, strict: strict)
        #expect(fixed.report.succeeded)
        #expect(fixed.rendered == 2)
    }

    /// Builds `files` as the content of a temporary folder: the report, how many roadmaps were
    /// rendered, the content folder, and the entries of the temporary folder after the build.
    private static func build(_ files: [String: String], strict: Bool) throws
        -> (report: BuildReport, rendered: Int, content: URL, folder: [String])
    {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(files, in: content)
            let rendered = Mutex(0)
            let report = try buildSite(content: content, output: folder.appendingPathComponent("Site"),
                                       strict: strict, baseURL: "https://example.org/",
                                       progress: BuildProgress(interval: 0) { done, _ in rendered.withLock { $0 = done } })
            return (report, rendered.withLock { $0 }, content, try FileManager.default.contentsOfDirectory(atPath: folder.path))
        }
    }

    @Test(arguments: [
        ("a.md", 3, 1, "error", "boom", "x", "a.md:3:1: error: boom [x]"),
        ("dir/b.md", 10, 7, "warning", "careful", "w.id", "dir/b.md:10:7: warning: careful [w.id]"),
    ])
    func printedFormat(file: String, line: Int, column: Int, severity: String, message: String, id: String,
                       expected: String)
    {
        let diagnostic = Diagnostic(Severity(rawValue: severity)!, id: id, message, file: file,
                                    at: .init(line: line, column: column))
        #expect(diagnostic.formatted(relativeTo: nil) == expected)
    }

    @Test func pathsArePrintedRelativeToTheWorkingDirectory() {
        let diagnostic = Diagnostic.error("x", "m", file: "/work/project/Content/a.md", at: .init(line: 1, column: 2))
        #expect(diagnostic.formatted(relativeTo: "/work/project") == "Content/a.md:1:2: error: m [x]")
    }
}
