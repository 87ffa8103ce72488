import Testing
@testable import RoadmapKit

/// The text a reader sees of raw HTML.
@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Hello <b>world</b></p>", "Hello world"),
        // Block elements end a word, headings included (their names hold a digit).
        ("<h1>A</h1><h2>B</h2>", "A B"),
        ("<div>one</div><div>two</div>", "one two"),
        ("a<br>b", "a b"),
        ("<span>in</span>line", "inline"),
        ("x<script>alert(1)</script>y<style>p{}</style>z", "xyz"),
        ("<!-- note -->text", "text"),
        ("Tom &amp; Jerry&nbsp;&lt;3", "Tom & Jerry <3"),
    ])
    func readsTheTextOfHTML(html: String, text: String) {
        #expect(HTMLText.text(of: html) == text)
    }
}
