import Foundation
import Testing
import RoadmapMarkdown
@testable import RoadmapKit

/// Diagnostics fit on a screen: at most ten of each id for people, every one for machines
/// (GitHub Actions annotations, JSON lines), and a summary that counts them by id.
@Suite struct DiagnosticPrinterTests {
    /// `count` warnings of `id` in `file`, one a line from line 1.
    static func warnings(_ count: Int, _ id: String, file: String = "/site/Content/a.md") -> [Diagnostic] {
        (1...count).map { .warning(id, "problem \($0)", file: file, at: SourceLocation(line: $0, column: 1)) }
    }

    @Test func theHumanFormatShowsTenOfEachIdThenCountsTheRest() {
        let diagnostics = Self.warnings(12, "content.missing-image") + Self.warnings(3, "link.missing-file")
            + [.error("content.missing-image", "an error too", file: "/site/Content/b.md", at: SourceLocation(line: 2, column: 3))]
        let lines = DiagnosticPrinter(directory: "/site").lines(diagnostics)
        #expect(lines.count == 10 + 3 + 1)
        #expect(lines.first == "Content/a.md:1:1: warning: problem 1 [content.missing-image]")
        #expect(lines[9] == "Content/a.md:10:1: warning: problem 10 [content.missing-image]")
        #expect(lines[10] == "Content/a.md:1:1: warning: problem 1 [link.missing-file]")
        #expect(lines.last == "content.missing-image: 1 more error, 2 more warnings not shown (--verbose shows all)")
    }

    @Test func verboseShowsEveryOneAndQuietOnlyErrors() {
        let diagnostics = Self.warnings(25, "content.missing-image")
            + [.error("slug.duplicate", "two roadmaps", file: "/site/Content/b.md")]
        #expect(DiagnosticPrinter(limitPerID: nil, directory: "/site").lines(diagnostics).count == 26)
        #expect(DiagnosticPrinter(errorsOnly: true, directory: "/site").lines(diagnostics)
            == ["Content/b.md: error: two roadmaps [slug.duplicate]"])
    }

    @Test func githubAnnotationsAreEscapedAsTheToolkitDoes() {
        var diagnostic = Diagnostic.warning("link.missing-anchor", "100% gone\nreally", file: "/site/Content/a,b:c.md",
                                            at: SourceLocation(line: 3, column: 7))
        diagnostic.notes = [.note("first named here", file: "/site/Content/x.md", at: SourceLocation(line: 1, column: 1))]
        let printer = DiagnosticPrinter(format: .github, directory: "/site")
        // The message's own line feed is shown escaped, as in every format; the note's line is %0A.
        #expect(printer.lines([diagnostic]) == [
            "::warning file=Content/a%2Cb%3Ac.md,line=3,col=7::100%25 gone\\nreally [link.missing-anchor]%0AContent/x.md:1:1: note: first named here",
        ])
        #expect(printer.lines([.error("build.failed", "no space", file: "")]) == ["::error::no space [build.failed]"])
        #expect(printer.lines([Diagnostic(.note, id: "link.anchor-case", "case", file: "/site/a.md")])
            == ["::notice file=a.md::case [link.anchor-case]"])
    }

    @Test func githubAndJSONPrintEveryDiagnostic() {
        let diagnostics = Self.warnings(25, "content.missing-image")
        #expect(DiagnosticPrinter(format: .github).lines(diagnostics).count == 25)
        #expect(DiagnosticPrinter(format: .json).lines(diagnostics).count == 25)
    }

    @Test func jsonIsOneObjectALine() throws {
        let diagnostics: [Diagnostic] = [
            .warning("link.missing-file", "no file 'a\tb.png'", file: "/site/Content/a.md", at: SourceLocation(line: 4, column: 2)),
            .error("build.failed", "no space", file: ""),
        ]
        let lines = DiagnosticPrinter(format: .json, directory: "/site").lines(diagnostics)
        #expect(lines.first == #"{"column":2,"file":"Content/a.md","id":"link.missing-file","line":4,"message":"no file 'a\tb.png'","severity":"warning"}"#)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects[0]["message"] as? String == "no file 'a\tb.png'")
        #expect(objects[1]["line"] == nil && objects[1]["file"] as? String == "" && objects[1]["severity"] as? String == "error")
    }

    @Test func summaryCountsEachSeverityById() {
        let diagnostics = Self.warnings(1_130, "content.missing-image") + Self.warnings(5, "link.missing-anchor")
            + (1...3).map { _ in Diagnostic.error("link.missing-anchor", "x", file: "a.md") }
        #expect(DiagnosticPrinter.summary(of: diagnostics)
            == "3 errors (3 link.missing-anchor), 1,135 warnings (1,130 content.missing-image, 5 link.missing-anchor)")
        let many = ["a", "b", "c", "d", "e", "f"].flatMap { Self.warnings(2, $0) } + [Diagnostic(.note, id: "n", "x", file: "")]
        #expect(DiagnosticPrinter.summary(of: many) == "12 warnings (2 a, 2 b, 2 c, 2 d, 4 others), 1 note (1 n)")
        #expect(DiagnosticPrinter.summary(of: []) == "")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-12_345, "-12,345")])
    func numbersAreGroupedByThousands(_ number: Int, _ text: String) {
        #expect(DiagnosticPrinter.grouped(number) == text)
    }
}
