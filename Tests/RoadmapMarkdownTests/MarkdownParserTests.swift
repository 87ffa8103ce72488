import Foundation
import Synchronization
import Testing
@testable import RoadmapMarkdown

@Suite struct MarkdownParserTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The whole tree of a fixture using every GFM feature, compared as text.
    /// `UPDATE_GOLDENS=1 swift test` rewrites the expected dump.
    @Test func treeDumpOfEveryGFMFeature() throws {
        let source = try String(contentsOf: Self.fixtures.appendingPathComponent("gfm-features.md"), encoding: .utf8)
        let dump = MarkdownParser().parse(source).root.dump()
        let goldenURL = Self.fixtures.appendingPathComponent("gfm-features.dump")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != nil {
            try dump.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(dump == golden)
    }

    /// A NUL byte reads as U+FFFD, as CommonMark asks (cmark does it without UTF-8 validation,
    /// which the parser leaves off: a Swift String is valid UTF-8 already).
    @Test func nulBytesBecomeReplacementCharacters() {
        let document = MarkdownParser().parse("Hello\u{0}World \u{FFFD} é\n")
        guard case .text(let text)? = document.blocks.first?.children.first?.kind else {
            Issue.record("no text in \(document.root.dump())")
            return
        }
        #expect(text == "Hello\u{FFFD}World \u{FFFD} é")
    }

    @Test func headingHasExactPosition() {
        let document = MarkdownParser().parse("intro\n\n## Phase 1 (4 weeks)\n")
        let heading = document.blocks[1]
        #expect(heading.kind == .heading(level: 2))
        #expect(heading.range.start == SourceLocation(line: 3, column: 1))
        #expect(heading.plainText == "Phase 1 (4 weeks)")
    }

    /// cmark-gfm 0.29.0.gfm.6 gives the second and later autolinks of a text no position: each
    /// has its own, where its text is (the fuzzer found them sharing the paragraph's, and a
    /// page's badges doubling). The first is cmark's own (for `www.`, a column early).
    @Test func everyAutolinkHasItsOwnPosition() {
        let paragraph = MarkdownParser().parse("- Bare www.example.org and https://example.org/p?q=1 and m@example.org\n")
            .blocks[0].children[0].children[0]
        let links = paragraph.children.filter { if case .link = $0.kind { true } else { false } }
        #expect(links.map(\.range.start) == [
            SourceLocation(line: 1, column: 7), SourceLocation(line: 1, column: 28), SourceLocation(line: 1, column: 58),
        ])
        #expect(links.map(\.range.end) == [
            SourceLocation(line: 1, column: 22), SourceLocation(line: 1, column: 52), SourceLocation(line: 1, column: 70),
        ])
        #expect(links[2].children.first?.range == links[2].range)
        // After an e-mail address cmark positions not even the text that follows.
        let emails = MarkdownParser().parse("- x a@b.co, c@d.co and www.e.org\n").blocks[0].children[0].children[0]
            .children.filter { if case .link = $0.kind { true } else { false } }
        #expect(emails.map(\.range) == [
            SourceRange(start: SourceLocation(line: 1, column: 5), end: SourceLocation(line: 1, column: 10)),
            SourceRange(start: SourceLocation(line: 1, column: 13), end: SourceLocation(line: 1, column: 18)),
            SourceRange(start: SourceLocation(line: 1, column: 23), end: SourceLocation(line: 1, column: 32)),
        ])
    }

    @Test(arguments: [
        ("- [x] done", true as Bool?),
        ("- [ ] open", false),
        ("- plain", nil),
    ])
    func taskItems(source: String, expected: Bool?) {
        let list = MarkdownParser().parse(source).blocks[0]
        #expect(list.children[0].kind == .item(task: expected))
    }

    @Test func tableAlignmentsAreRead() {
        let table = MarkdownParser().parse("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n").blocks[0]
        #expect(table.kind == .table(alignments: [.left, .center, .right, .none]))
        #expect(table.children.first?.kind == .tableRow(isHeader: true))
    }

    @Test func deepNestingIsFlattenedNotCrashing() {
        let source = String(repeating: ">", count: 5000) + " deep\n"
        let document = MarkdownParser().parse(source)
        #expect(document.wasDepthLimited)
        #expect(document.root.plainText.contains("deep"))
    }

    @Test func emptyAndBinaryInputParse() {
        #expect(MarkdownParser().parse("").blocks.isEmpty)
        let weird = String(decoding: [0xFF, 0xFE, 0x00, 0x41, 0x0A], as: UTF8.self)
        _ = MarkdownParser().parse(weird)
    }

    /// cmark-gfm 0.29 keeps the inline parser's special characters in one global table: each
    /// parser adds its extensions' characters (`:` and `w` for autolinks, `~` for strikethrough)
    /// before its inline pass and removes them after. Two parsers at once used to lose bare
    /// URLs and strikethrough now and then (a CI run caught it). Many parses on real threads,
    /// each with a long inline pass, must all see the same tree.
    @Test func parsingIsThreadSafe() {
        let paragraph = "See https://example.org/a and www.example.com/b, ~~old~~ new, **a** [x](https://x.org).\n\n"
        let source = "# T\n\n" + String(repeating: paragraph, count: 60) + "| a |\n|---|\n| b |\n"
        let expected = MarkdownParser().parse(source)
        let threads = 8, parsesPerThread = 40
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<parsesPerThread where MarkdownParser().parse(source) != expected {
                mismatches.withLock { $0 += 1 }
            }
        }
        #expect(mismatches.withLock { $0 } == 0, "parses that lost autolinks or strikethrough")
    }
}
