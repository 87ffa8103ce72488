import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Messy and hostile Markdown never crashes the model or the renderer, and every in-page link
/// the renderer writes points at an id on the page.
@Suite struct RobustnessTests {
    static let snippets = [
        "# Title\n", "## Phase 1: Basics (4-5 months)\n", "### Module (8 weeks)\n", "Setext\n======\n",
        "Sub\n---\n", "- **Bold topic**\n  - Topics:\n    - a\n    - b\n", "- Projects:\n  - Build it\n",
        "1. Item\n   - nested\n", "> quote\n> > deeper\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "a | b\n--|--\n1 | 2\n",
        "```\ncode\n```\n", "<div>html <b>block</b></div>\n", "text <span>inline</span> html\n",
        "[link](other.md)\n", "[anchor](#phase-1-basics-4-5-months)\n", "![img](https://x.org/i.png)\n",
        "[![badge](https://img.shields.io/b.svg)](https://x.org)\n", "https://bare.example.org\n",
        "- [ ] todo\n- [x] done\n", "Footnote[^n]\n\n[^n]: note\n", "## 🚀 Emoji heading\n",
        "## Zero\u{200B}width\n", "## 中文标题（3个月）\n", "## [Linked heading](https://x.org)\n", "## \n",
        "#\n", "## Duplicate\n## Duplicate\n## Duplicate\n", "**Duration**: 4 weeks\n", "- \n", "\t\tindented\n",
        "[x](javascript:alert(1))\n", "<script>alert(1)</script>\n", "***\n", "~~struck~~ *em* **strong** `code`\n",
        "[ref]\n\n[ref]: https://x.org\n", "\u{0000}\u{FEFF}\u{202E}rtl\n", String(repeating: "- ", count: 200) + "deep\n",
    ]

    @Test(arguments: 0..<40)
    func randomDocumentsBuildAndLinkOnlyToTheirOwnIds(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 0x9E37_79B9_7F4A_7C15)
        var source = ""
        for _ in 0..<Int.random(in: 5...30, using: &generator) {
            source += Self.snippets.randomElement(using: &generator)! + "\n"
        }
        let document = MarkdownParser().parse(source)
        let (roadmap, _) = RoadmapBuilder().build(.init(
            source: "fuzz.md", sourcePath: "fuzz.md", frontMatter: FrontMatter(), document: document))
        let resolver = LinkResolver(sourcePath: "fuzz.md", ownAnchors: Set(roadmap.anchors), pages: [:], assets: [], pageFolder: "fuzz")
        var renderer = HTMLRenderer(file: "fuzz.md", allowRawHTML: false, itemAnchors: roadmap.itemAnchors, resolver: resolver)
        let linkCheck = MarkdownLinkCheck(resolver: resolver, allowRawHTML: false).check(roadmap)
        var bytes: [UInt8] = []
        renderer.render(roadmap.preamble, into: &bytes)
        for section in roadmap.sections { renderer.renderSection(section, into: &bytes) }
        let html = bytes.utf8Text
        #expect(!html.contains("<script"))
        let ids = Set(Self.matches(of: " id=\"", in: html))
        #expect(ids.count == Self.matches(of: " id=\"", in: html).count, "ids are unique")
        for fragment in Self.matches(of: "href=\"#", in: html) {
            #expect(ids.contains(fragment) || linkCheck.diagnostics.contains { $0.id == "link.missing-anchor" },
                    "#\(fragment) has no target")
        }
    }

    /// The values of attributes that start with `prefix` (up to the closing quote).
    static func matches(of prefix: String, in html: String) -> [String] {
        html.components(separatedBy: prefix).dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
