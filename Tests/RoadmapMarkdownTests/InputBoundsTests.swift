import Foundation
import Testing
@testable import RoadmapMarkdown

/// Inputs on which cmark-gfm 0.29.0.gfm.6 takes time growing faster than their size are
/// bounded before it parses them. Each generator below took seconds before (times measured on
/// the library alone); now each returns at once with the limit at its exact place.
@Suite struct InputBoundsTests {
    static func parse(_ source: String) -> (MarkdownDocument, seconds: Double) {
        let start = Date()
        let document = MarkdownParser().parse(source)
        return (document, Date().timeIntervalSince(start))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        var id: String
        var line: Int
        var action: MarkdownLimit.Action
        var testDescription: String { name }
    }

    static let shortRows = "# T\n\n" + String(repeating: "x|", count: 100) + "\n" + String(repeating: "-|", count: 100) + "\n"
        + String(repeating: "x\n", count: 20000)

    static let cases: [Case] = [
        // 2,000 columns over 2,000 one-character rows (11 kB): 3.3 s.
        Case(name: "wide header, short rows", source: String(repeating: "x|", count: 2000) + "\n"
                + String(repeating: "-|", count: 2000) + "\n" + String(repeating: "x\n", count: 2000),
             id: "markdown.table-size", line: 1, action: .tablesAsText),
        // 100 columns over 20,000 short rows (40 kB): 2 million empty cells to fill, 1 s. The
        // limit is at the row that passes the budget: 40,407 bytes allow 30,203 empty cells, and
        // at 99 a row the 306th row (line 310) passes them.
        Case(name: "rows shorter than the header", source: shortRows, id: "markdown.table-size",
             line: 310, action: .tablesAsText),
        // A row of 8,000 cells (16 kB): 1.5 s.
        Case(name: "wide row", source: "a|b\n-|-\n" + String(repeating: "c|", count: 8000) + "\n",
             id: "markdown.table-size", line: 3, action: .tablesAsText),
        // `![[]()` 16,000 times (94 kB): 1.8 s.
        Case(name: "image openers and links", source: "# T\n\n" + String(repeating: "![[]()", count: 16000),
             id: "markdown.image-brackets", line: 3, action: .notParsed),
        Case(name: "image openers and reference links", source: String(repeating: "![[a]", count: 16000) + "\n\n[a]: u\n",
             id: "markdown.image-brackets", line: 1, action: .notParsed),
        // 20,000 block quotes continued by 20,000 lazy lines (78 kB): 3.6 s.
        Case(name: "deep quotes, lazy lines", source: String(repeating: "> ", count: 20000) + "a\n" + String(repeating: "b\n", count: 20000),
             id: "markdown.too-deep", line: 1, action: .notParsed),
        // Lists 200 deep by indentation, then 100,000 lazy lines (240 kB): 2 s.
        Case(name: "deep lists, lazy lines", source: (0..<200).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()
                + String(repeating: "b\n", count: 100_000),
             id: "markdown.too-deep", line: 200, action: .notParsed),
        Case(name: "larger than 1 MiB", source: String(repeating: "word ", count: 210_000),
             id: "markdown.too-large", line: 1, action: .notParsed),
    ]

    @Test(arguments: cases)
    func boundedBeforeParsing(_ example: Case) {
        let (document, seconds) = Self.parse(example.source)
        #expect(document.limits.map(\.id) == [example.id])
        #expect(document.limits.first?.location == SourceLocation(line: example.line, column: 1))
        #expect(document.limits.first?.action == example.action)
        #expect(seconds < 1, "\(seconds) s")
        switch example.action {
        case .notParsed: #expect(document.blocks.isEmpty)
        case .tablesAsText: #expect(!document.blocks.isEmpty && !document.root.contains { if case .table = $0.kind { true } else { false } })
        }
    }

    /// Tables within the bounds are tables: short rows, 128 columns, escaped pipes that do not count.
    @Test func ordinaryTablesAreStillTables() {
        let short = "| a | b | c |\n|---|---|---|\n| 1 |\n| 2 | 3 |\n"
        let wide = String(repeating: "| x ", count: 128) + "|\n" + String(repeating: "|---", count: 128) + "|\n"
        let escaped = "a|b\n-|-\n" + String(repeating: "c\\|", count: 500) + "|d\n"
        for source in [short, wide, escaped] {
            let document = MarkdownParser().parse(source)
            #expect(document.limits.isEmpty)
            #expect(document.blocks.first.map { if case .table = $0.kind { true } else { false } } == true)
        }
        // An escaped backslash does not escape the pipe after it.
        let unescaped = "a|b\n-|-\n" + String(repeating: "c\\\\|", count: 500) + "\n"
        #expect(MarkdownParser().parse(unescaped).limits.map(\.id) == ["markdown.table-size"])
    }

    /// Nesting on one line, however deep, is linear for cmark-gfm: it is parsed (and flattened).
    @Test func deepNestingOnOneLineIsParsed() {
        let document = MarkdownParser().parse(String(repeating: ">", count: 5000) + " deep\n")
        #expect(document.limits.isEmpty)
        #expect(document.wasDepthLimited)
    }

    /// Images and links in separate list items, headings and paragraphs: no work for cmark-gfm's
    /// bracket walk, and no limit.
    @Test func manyImagesAndLinksInItemsAreRead() {
        let list = String(repeating: "- ![logo](logo.png) [Course](https://example.org/course) ![badge](b.svg)\n", count: 5000)
        #expect(MarkdownParser().parse(list).limits.isEmpty)
    }

    /// The project's own roadmaps and the test fixture go through untouched.
    @Test func realRoadmapsPassEveryBound() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files = [MarkdownParserTests.fixtures.appendingPathComponent("gfm-features.md")]
        for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Content").path)
        where name.hasSuffix(".md") {
            files.append(root.appendingPathComponent("Content").appendingPathComponent(name))
        }
        for file in files {
            #expect(InputBounds.review(try String(contentsOf: file, encoding: .utf8)).isEmpty, "\(file.lastPathComponent)")
        }
    }
}

private extension MarkdownNode {
    func contains(where predicate: (MarkdownNode) -> Bool) -> Bool {
        predicate(self) || children.contains { $0.contains(where: predicate) }
    }
}
