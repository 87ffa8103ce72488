import Foundation
import Testing
@testable import RoadmapKit

/// Content is untrusted: scripts, event handlers and script URLs never reach a page.
@Suite struct SafeContentTests {
    static let hostile = """
        ---
        title: "<script>alert('title')</script>"
        summary: "\\" onmouseover=\\"alert(1)"
        ---
        # Heading <img src=x onerror=alert(1)>

        <script>alert('block')</script>

        Inline <script>alert('inline')</script> and <iframe src="https://evil.example"></iframe>.

        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](  javascript:alert(1)) [d](java\tscript:alert(1))
        [e](vbscript:msgbox) [f](data:text/html;base64,PHNjcmlwdD4=) [g](&#106;avascript:alert(1))

        ![img](javascript:alert(1)) <a href="javascript:alert(1)">raw</a>

        `<script>` in code is shown as text.
        """

    @Test func scriptsAndScriptURLsNeverReachThePage() throws {
        let (html, report) = try buildSingleRoadmap(Self.hostile)
        #expect(report.succeeded, "\(report.diagnostics)")
        let content = try #require(html.components(separatedBy: "<article").last)
        #expect(!content.lowercased().contains("<script"))
        #expect(!content.lowercased().contains("javascript:"))
        #expect(!content.lowercased().contains("vbscript:"))
        #expect(!content.contains("data:text/html"))
        #expect(!content.contains("<iframe"))
        #expect(!content.contains("onerror="))
        #expect(!html.contains("onmouseover=\""))
        #expect(content.contains("&lt;script&gt;"))  // the code span, as text
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(report.diagnostics.filter { $0.id == "link.unsafe-scheme" }.count >= 7)
    }

    @Test func allowedRawHTMLKeepsOnlyTheAllowlist() throws {
        let (html, report) = try buildSingleRoadmap(
            "# T\n\n<details><summary>More</summary>Hidden <script>x</script></details>\n",
            extraFiles: ["site.yml": "allow_raw_html: true\n"])
        #expect(html.contains("<details><summary>More</summary>Hidden </details>"))
        #expect(!html.contains("<script>x"))
        #expect(report.diagnostics.map(RawHTMLPageTests.describedByFileName).contains(
            "test.md:3:40: warning: raw HTML <script> removed with its content [html.element-removed]"))
    }

    /// Raw HTML's links resolve as Markdown links do: to the other roadmap's page, to the asset
    /// beside the page, and a missing file or an unsafe scheme loses its attribute with a warning.
    @Test func rawHTMLLinksAreResolvedOrRemoved() throws {
        let markdown = """
        # A

        <p align="center"><img src="images/logo.png" alt="logo"></p>

        ## Links

        See <a href="b.md#intro">B</a>, <a href=LICENSE>License</a>, <a class="x" href="javascript:alert(1)">x</a>, \
        <a href="#links">here</a> and <a href="https://example.org/?a=1&amp;b=2">ext</a>. <!-- <a href="gone.md"> -->
        """
        let (html, report) = try buildSingleRoadmap(markdown, name: "a.md", extraFiles: [
            "site.yml": "allow_raw_html: true\n", "b.md": "# B\n\n## Intro\n", "images/logo.png": "PNG",
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(html.contains(#"<img src="../images/logo.png" alt="logo">"#))
        #expect(html.contains(##"<a href="../b/index.html#intro">B</a>"##))
        #expect(html.contains("<a>License</a>"))
        #expect(html.contains("<a>x</a>"))
        #expect(html.contains(##"<a href="#links">here</a>"##))
        #expect(html.contains(#"<a href="https://example.org/?a=1&amp;b=2">ext</a>"#))
        #expect(!html.contains("gone.md"))  // in a comment, which is dropped
        let ids = report.diagnostics.filter { $0.severity == .warning }.map(\.id)
        #expect(ids.contains("link.missing-file") && ids.contains("link.unsafe-scheme"))
        #expect(!ids.contains("output.broken-link"))
    }

    @Test func remoteImagesBecomeLinks() throws {
        let (html, _) = try buildSingleRoadmap("# T\n\n[![build](https://img.shields.io/badge/x.svg)](https://ci.example)\n")
        #expect(!html.contains("<img src=\"https://"))
        // The badge is the link's text: shown as its alt text, never as a link inside a link.
        #expect(html.contains("<a href=\"https://ci.example\"><span class=\"remote-image\">build</span></a>"))
        let (standalone, _) = try buildSingleRoadmap("# T\n\n![diagram](https://example.org/d.png)\n")
        #expect(standalone.contains("<a class=\"remote-image\" href=\"https://example.org/d.png\">diagram</a>"))
    }
}
