import Foundation
import Testing
@testable import RoadmapKit

/// Raw HTML kept on a page (`allow_raw_html: true`) among the Markdown around it: elements open
/// across Markdown blocks, closed at the end of the container they were opened in, and never
/// closing the page's own elements.
@Suite struct RawHTMLPageTests {
    static let allowed = ["site.yml": "allow_raw_html: true\n"]

    /// The page's Markdown body.
    static func article(_ html: String) -> String {
        guard let start = html.range(of: "<h2"), let end = html.range(of: "</article>", range: start.lowerBound..<html.endIndex)
        else { return html }
        return String(html[start.lowerBound..<end.lowerBound])
    }

    /// A diagnostic as printed, its file by name only.
    static func describedByFileName(_ diagnostic: Diagnostic) -> String {
        var diagnostic = diagnostic
        diagnostic.file = URL(fileURLWithPath: diagnostic.file).lastPathComponent
        return diagnostic.description
    }

    @Test func elementsSpanMarkdownBlocksAndCloseWithTheirContainer() throws {
        let markdown = """
            # T

            ## Setup

            <details>
            <summary>Steps</summary>

            - step one
            - step two

            </details>

            Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then <b>unclosed.

            - item <div>open
            - next

            Stray </div></article></main> end tags.
            """
        let (html, report) = try buildSingleRoadmap(markdown, extraFiles: Self.allowed)
        #expect(report.succeeded, "\(report.diagnostics)")
        let body = Self.article(html)
        #expect(body.contains("<details>\n<summary>Steps</summary>\n<ul>\n<li>step one</li>\n<li>step two</li>\n</ul>\n</details>\n"))
        #expect(body.contains("<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then <b>unclosed.</b></p>"))
        #expect(body.contains("<li>item <div>open</div></li>"))
        #expect(body.contains("<p>Stray  end tags.</p>"))
        // The page's own elements are all still there, closed once each.
        #expect(html.components(separatedBy: "</article>").count == 2)
        #expect(html.components(separatedBy: "</main>").count == 2)
    }

    /// A raw `<a>` inside a Markdown link is removed from the page, and the build says so where
    /// it is (pass 1's check follows the link's text as the renderer does).
    @Test func aRawLinkInsideAMarkdownLinkIsRemovedWithAWarning() throws {
        let markdown = """
            # T

            ## Links

            See [the <a href="https://example.org/inner">inner</a> guide](https://example.org/outer).
            """
        let (html, report) = try buildSingleRoadmap(markdown, extraFiles: Self.allowed)
        #expect(Self.article(html).contains(#"<a href="https://example.org/outer">the inner guide</a>"#))
        #expect(report.diagnostics.filter { $0.id.hasPrefix("html.") }.map(Self.describedByFileName)
            == ["test.md:5:10: warning: raw HTML <a> inside a link removed; its text is kept [html.element-removed]"])
    }

    @Test func anchorsRawHTMLDefinesAreLinkable() throws {
        let markdown = """
            # T

            <a name="start"></a>

            ## Questions

            <h3 id="faq">FAQ</h3>

            [Start](#start), [FAQ](#faq) and <a href="#faq">raw</a>.
            """
        let (html, report) = try buildSingleRoadmap(markdown, extraFiles: Self.allowed)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(!report.diagnostics.contains { $0.severity == .warning && $0.id != "site.no-base-url" }, "\(report.diagnostics)")
        #expect(html.contains(#"<a id="start"></a><a name="start"></a>"#))
        #expect(html.contains(#"<h3 id="faq">FAQ</h3>"#))
        #expect(!html.contains(#"<a id="faq"></a>"#))
        #expect(html.contains(##"<a href="#faq">raw</a>"##))
    }

    @Test func remoteImagesInRawHTMLAreLinksOrText() throws {
        let markdown = """
            # T

            [<img src="https://img.shields.io/badge/ci-passing-green.svg" alt="CI">](https://ci.example)
            <img src="https://example.org/diagram.png" alt="Diagram">
            """
        let (html, _) = try buildSingleRoadmap(markdown, extraFiles: Self.allowed)
        #expect(html.contains(#"<a href="https://ci.example"><span class="remote-image">CI</span></a>"#))
        #expect(html.contains(#"<a class="remote-image" href="https://example.org/diagram.png">Diagram</a>"#))
        #expect(!html.contains("<img src=\"https://"))
    }

    /// One warning per kind of removal and file, at the first one's line and column.
    @Test func removalsAreWarnedOncePerKindAtTheirPlace() throws {
        let markdown = """
            # T

            Click <b onclick="a()">here</b> or <i onclick="b()">there</i>.

            <p style="color:red" onclick="c()">Styled</p>
            """
        let (_, report) = try buildSingleRoadmap(markdown, extraFiles: Self.allowed)
        let removals = report.diagnostics.filter { $0.id.hasPrefix("html.") }.map(Self.describedByFileName)
        #expect(removals == [
            "test.md:3:10: warning: raw HTML attribute 'onclick' removed: event handlers never run on the site [html.attribute-removed]",
            "test.md:5:4: warning: raw HTML attribute 'style' removed: inline styles are not kept [html.attribute-removed]",
        ])
    }

    /// Without `allow_raw_html`, raw HTML keeps only what Markdown could say, every tag written
    /// anew without its attributes, and nothing removed is reported.
    @Test func withoutTheOptionWhatMarkdownCouldSayIsKept() throws {
        let markdown = """
            # T

            <p align="center"><b onclick="x()">Bold</b> <script>x()</script></p>

            Inline <kbd>Ctrl</kbd> key and <span style="color:red">red</span> text.
            """
        let (html, report) = try buildSingleRoadmap(markdown)
        #expect(html.contains("<p><b>Bold</b> </p>"))
        #expect(html.contains("<p>Inline <kbd>Ctrl</kbd> key and red text.</p>"))
        #expect(!html.contains("onclick") && !html.contains("x()") && !html.contains("style=\"color"))
        #expect(!report.diagnostics.contains { $0.id.hasPrefix("html.") })
    }

    /// A block of text and inline elements only is a paragraph; `<a name>` is an anchor, not an
    /// empty link; `<details>` folds stay.
    @Test func withoutTheOptionInlineBlocksAreParagraphsAndFoldsStay() throws {
        let markdown = """
            # T

            ## Notes

            <b>How long does it take?</b>

            <a name="faq"></a>

            <details>
            <summary>Extra reading</summary>

            - more

            </details>
            """
        let (html, _) = try buildSingleRoadmap(markdown)
        let article = Self.article(html)
        #expect(article.contains("<p><b>How long does it take?</b></p>"))
        #expect(article.contains("<a id=\"faq\"></a>"))
        #expect(!article.contains("<a></a>"))
        #expect(article.contains("<details>\n<summary>Extra reading</summary>"))
        #expect(article.contains("</details>"))
    }

    /// A README's raw-HTML table of notebooks: its rows and links stay (an image in a link
    /// shows its alt text), where only its text once did and its "Notebook" column was empty.
    @Test func withoutTheOptionRawLinksKeepTheirTextAndTarget() throws {
        let markdown = """
            # Course

            ## Lessons

            <table>
            <tr><th>Lesson</th><th>Notebook</th></tr>
            <tr><td>Intro</td><td><a href="https://colab.research.google.com/github/o/r/intro.ipynb" onclick="x()"><img src="https://colab.research.google.com/assets/colab-badge.svg" alt="Open In Colab"></a></td></tr>
            <tr><td>Unsafe</td><td><a href="javascript:alert(1)">click</a></td></tr>
            </table>
            """
        let (html, report) = try buildSingleRoadmap(markdown)
        let article = Self.article(html)
        #expect(article.contains("<table>\n<tr><th>Lesson</th><th>Notebook</th></tr>"))
        #expect(article.contains(
            "<td><a href=\"https://colab.research.google.com/github/o/r/intro.ipynb\"><span class=\"remote-image\">Open In Colab</span></a></td>"))
        #expect(article.contains("<td>click</td>"))
        #expect(!article.contains("javascript:") && !article.contains("onclick") && !article.contains("<img"))
        #expect(report.diagnostics.map(Self.describedByFileName).contains(
            "test.md:8:27: warning: raw HTML link to a 'javascript:' URL removed [link.unsafe-scheme]"))
    }
}
