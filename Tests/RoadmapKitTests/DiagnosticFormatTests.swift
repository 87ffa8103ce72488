import Foundation
import Testing
@testable import RoadmapKit

/// Every failure prints as one diagnostic line, `path:line:col: severity: message [id]`, whatever
/// the file names and the content hold.
@Suite struct DiagnosticFormatTests {
    @Test(arguments: [
        ("plain text, ünïcode and 中文", "plain text, ünïcode and 中文"),
        ("a\nb", "a\\nb"),
        ("a\r\nb\tc", "a\\r\\nb\\tc"),
        ("\u{1B}]0;title\u{7}", "\\u{1B}]0;title\\u{7}"),
        ("nul\u{0} del\u{7F} c1\u{85}", "nul\\u{0} del\\u{7F} c1\\u{85}"),
        ("line\u{2028}separator", "line\\u{2028}separator"),
        ("bidi \u{202E}gnp.md\u{202C} \u{2066}x\u{2069}", "bidi \\u{202E}gnp.md\\u{202C} \\u{2066}x\\u{2069}"),
    ])
    func controlCharactersAreEscaped(text: String, printed: String) {
        #expect(Diagnostic.printable(text) == printed)
    }

    @Test func pathAndMessageAreEscapedInTheLine() {
        let diagnostic = Diagnostic.warning("link.missing-file", "no roadmap 'x\ny.md'", file: "Content/b\na.md:1:1: error: forged [x].md",
                                            at: .init(line: 3, column: 1))
        #expect(diagnostic.formatted(relativeTo: nil)
            == "Content/b\\na.md:1:1: error: forged [x].md:3:1: warning: no roadmap 'x\\ny.md' [link.missing-file]")
    }

    /// A roadmap whose file name holds a line feed and a whole forged diagnostic.
    @Test func fileNameCannotForgeADiagnosticLine() throws {
        try withTemporaryFolder { folder in
            let name = "b\na.md:1:1: error: forged [link.forged]\nc.md"
            try writeFiles(["Content/a.md": "# A\n", "Content/\(name)": "# B\n\n[x](nope.md)\n"], in: folder)
            let report = try buildSite(content: folder.appendingPathComponent("Content"), output: folder.appendingPathComponent("Site"))
            let warning = try #require(report.diagnostics.first { $0.id == "link.missing-file" })
            let line = warning.formatted(relativeTo: folder.path)
            #expect(line == "Content/b\\na.md:1:1: error: forged [link.forged]\\nc.md:3:1: warning: "
                + "no roadmap 'nope.md' in the content folder; the link is kept as text [link.missing-file]")
            #expect(!report.diagnostics.contains { $0.formatted().contains("\n") })
        }
    }

    @Test func foundationErrorsGiveTheirPathAndReason() {
        let error = CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: "/srv/site", NSUnderlyingErrorKey: POSIXError(.EEXIST)])
        #expect(BuildError.describing(error).diagnostic.formatted(relativeTo: nil) == "/srv/site: error: File exists [io.failed]")
        #expect(BuildError.describing(POSIXError(.EACCES)).diagnostic.formatted(relativeTo: nil).hasPrefix("roadmap: error: "))
        #expect(BuildError("cannot do it").diagnostic.formatted(relativeTo: nil) == "roadmap: error: cannot do it [build.failed]")
    }

    /// Failures the command prints: each a diagnostic with its path and id, no `NSCocoaErrorDomain` text.
    @Test(arguments: [
        (["--content", "missing"], "missing: error: the content folder does not exist [content.missing]"),
        (["--output", "afile/Site"], "afile: error: cannot create the output's folder: File exists [output.io]"),
        (["--output", "afile"], "afile: error: the output exists and is not a folder [output.refused]"),
    ])
    func commandFailuresAreDiagnostics(arguments: [String], printed: String) throws {
        try withTemporaryFolder { folder in
            try writeFiles(["Content/a.md": "# A\n", "afile": "x"], in: folder)
            let run = try CommandLineTests.run(["build", "--quiet", "--templates", TestPaths.templates.path] + arguments, in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.split(separator: "\n").first.map(String.init) == printed, "\(run.stderr)")
            #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        }
    }
}
