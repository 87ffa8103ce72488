import Foundation
import Testing
@testable import RoadmapKit

/// What the Markdown parser bounds before cmark-gfm reads it is reported at its place: tables
/// read as text with a warning, a file not read with an error.
@Suite struct InputBoundsDiagnosticsTests {
    @Test func tablesReadAsTextAreAWarningAtTheLine() throws {
        let (html, report) = try buildSingleRoadmap("# T\n\na|b\n-|-\n" + String(repeating: "c|", count: 200) + "\n")
        let diagnostic = try #require(report.diagnostics.first { $0.id == "markdown.table-size" })
        #expect(diagnostic.formatted(relativeTo: nil).hasSuffix(
            "test.md:5:1: warning: a line with 200 '|' (a row of more than 128 cells) costs cmark-gfm time that grows with "
                + "the square of its cells; tables in this file are read as text [markdown.table-size]"))
        #expect(report.succeeded)
        #expect(!html.contains("<table"))
    }

    @Test func fileNotReadIsAnErrorAtTheLine() throws {
        let (_, report) = try buildSingleRoadmap("# T\n\nIntro.\n\n" + String(repeating: "![[]()", count: 20000) + "\n")
        let diagnostic = try #require(report.diagnostics.first { $0.id == "markdown.image-brackets" })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == .init(line: 5, column: 1))
        #expect(!report.succeeded)
    }
}
