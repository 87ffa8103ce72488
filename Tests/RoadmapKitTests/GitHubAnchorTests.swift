import Foundation
import Testing
import RoadmapMarkdown
@testable import RoadmapKit

/// Anchors as GitHub makes them, and links to them as READMEs written there have them
/// (Tests/RoadmapKitTests/Fixtures/github-anchors): a table of contents whose links differ from
/// the headings in letter case, steps whose headings are inside list items, a FAQ in a block
/// quote, a stale entry, links to another roadmap's headings, a missing file.
@Suite struct GitHubAnchorTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("github-anchors")

    @Test(arguments: [
        ("Getting Started", "getting-started"),
        ("Step 1: Learn Git & GitHub", "step-1-learn-git--github"),
        ("C++ / Node.js (2024)", "c--nodejs-2024"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("Über uns", "über-uns"),
        ("第一阶段：基础", "第一阶段基础"),
        ("🚀 Deploy", "-deploy"),
        ("⚙️ Setup", "\u{FE0F}-setup"),  // the variation selector is a mark: GitHub keeps it
        ("1\u{FE0F}\u{20E3} Intro", "1\u{FE0F}\u{20E3}-intro"),  // a keycap's enclosing mark too
        ("Tools ² and ½", "tools--and-"),  // other numbers are not word characters
        ("Ⅻ Chapter", "ⅻ-chapter"),  // letter numbers are
    ])
    func githubSlug(_ heading: String, _ anchor: String) {
        #expect(Slugger.githubSlug(heading) == anchor)
    }

    /// The text an anchor is made from is what the heading reads on GitHub: no image alt text,
    /// no `:shortcode:`, a line break dropped.
    @Test(arguments: [
        ("## ![logo](logo.png) Tools\n", "-tools"),
        ("## :rocket: Launch\n", "-launch"),
        ("## `kubectl` <kbd>apply</kbd>\n", "kubectl-apply"),
        ("Two\nlines\n---\n", "twolines"),
    ])
    func anchorTextIsWhatTheHeadingReads(_ markdown: String, _ anchor: String) throws {
        let heading = try #require(MarkdownParser().parse(markdown).blocks.first)
        #expect(Slugger.githubSlug(RoadmapBuilder.anchorText(heading)) == anchor)
    }

    @Test func readmeLinksLandAsOnGitHubWithNotesAndWarnings() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: Self.fixture.appendingPathComponent("Content"), output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            let links = report.diagnostics.filter { $0.id.hasPrefix("link.") }
            #expect(formatted(links, relativeTo: Self.fixture) == [
                "Content/clusters.md:9:9: note: '#Install-The-CLI' matches the heading '#install-the-cli' in 'guide.md' only ignoring case; the link goes to it [link.anchor-case]",
                "Content/guide.md:5:3: note: '#Getting-Started' matches the heading '#getting-started' only ignoring case; the link goes to it [link.anchor-case]",
                "Content/guide.md:7:3: note: '#FAQ' matches the heading '#faq' only ignoring case; the link goes to it [link.anchor-case]",
                "Content/guide.md:8:3: warning: no heading '#old-section' on this page; the link is kept as text [link.missing-anchor]",
                "Content/guide.md:18:8: note: '#Choosing-A-Provider' matches the heading '#choosing-a-provider' in 'clusters.md' only ignoring case; the link goes to it [link.anchor-case]",
                "Content/guide.md:19:4: warning: no heading '#networking-deep-dive' in 'clusters.md'; the link goes to the top of its page [link.missing-anchor]",
                "Content/guide.md:27:53: warning: no roadmap 'LICENSE.md' in the content folder; the link is kept as text [link.missing-file]",
            ])

            let guide = try String(contentsOf: output.appendingPathComponent("guide/index.html"), encoding: .utf8)
            // Every heading has its anchor, in document order, those in list items and quotes
            // too, and the second "Configure a cluster" counts the first, in a list item.
            let headingIDs = guide.matches(of: /<h[2-6] id="([^"]*)"/).map { String($0.output.1) }
            #expect(headingIDs == ["table-of-contents", "getting-started", "install-the-cli", "configure-a-cluster", "faq",
                                   "configure-a-cluster-1", "-tools-"])
            #expect(guide.contains("<li><h3 id=\"install-the-cli\">Install the CLI <a class=\"anchor\" href=\"#install-the-cli\""))
            #expect(guide.contains("<blockquote>\n<h3 id=\"faq\">FAQ"))
            // Links go where GitHub takes them, rewritten to the anchors the headings have.
            for link in ["<a href=\"#getting-started\">Getting Started</a>", "<a href=\"#faq\">FAQ</a>",
                         "<a href=\"#install-the-cli\">the first step</a>", "<a href=\"#-tools-\">the tools</a>",
                         "<a href=\"../clusters/index.html#choosing-a-provider\">choosing a provider</a>",
                         "<a href=\"../clusters/index.html\">networking</a>"]
            {
                #expect(guide.contains(link), "\(link)")
            }
            #expect(guide.contains("<li>Old Section</li>"), "a stale entry keeps its text")
            #expect(guide.contains("or read the licence."), "a missing file's link keeps its text")
            let clusters = try String(contentsOf: output.appendingPathComponent("clusters/index.html"), encoding: .utf8)
            #expect(clusters.contains("<a href=\"../guide/index.html#install-the-cli\">the guide&#39;s first step</a>"))
        }
    }

    @Test func strictMakesTheWarningsErrorsAndLeavesTheNotes() throws {
        try withTemporaryFolder { folder in
            let report = try buildSite(content: Self.fixture.appendingPathComponent("Content"),
                                       output: folder.appendingPathComponent("Site"), strict: true, baseURL: "https://example.org/")
            #expect(!report.succeeded)
            #expect(!report.wroteSite)
            let bySeverity = Dictionary(grouping: report.diagnostics, by: \.severity).mapValues { $0.map(\.id).sorted() }
            #expect(bySeverity[.error] == ["link.missing-anchor", "link.missing-anchor", "link.missing-file"])
            #expect(bySeverity[.note] == Array(repeating: "link.anchor-case", count: 4))
            #expect(bySeverity[.warning] == nil)
        }
    }

    /// `roadmap serve` reuses an unchanged roadmap's page only while its links to other
    /// roadmaps' headings go where they went: a heading renamed on one page changes the links
    /// of the other, whose file did not change.
    @Test func aRenamedHeadingRendersThePagesLinkingToItAgain() throws {
        try withCachedBuilds(["a.md": "# A\n\nSee [setup](b.md#setup).\n", "b.md": "# B\n\n## Setup\n"]) { builds in
            func build() throws -> (BuildReport, String) { (try builds.build(), try builds.page("a/index.html")) }
            let (first, before) = try build()
            #expect(first.succeeded)
            #expect(before.contains("<a href=\"../b/index.html#setup\">setup</a>"))

            try builds.edit(["b.md": "# B\n\n## Install\n"])
            let (second, gone) = try build()
            #expect(second.succeeded, "\(second.diagnostics.filter { $0.severity == .error })")
            #expect(second.diagnostics.map(\.id).contains("link.missing-anchor"))
            #expect(gone.contains("<a href=\"../b/index.html\">setup</a>"))

            try builds.edit(["b.md": "# B\n\n## SETUP\n"])
            let (third, back) = try build()
            #expect(third.succeeded, "\(third.diagnostics.filter { $0.severity == .error })")
            #expect(back.contains("<a href=\"../b/index.html#setup\">setup</a>"))
        }
    }
}
