import Foundation
import Testing

/// The `roadmap` executable's exit status: 0 on success, 1 on errors, 2 on bad usage.
@Suite struct CommandLineTests {
    /// The built `roadmap` binary, beside the test bundle in the build folder.
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("roadmap").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("roadmap")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in `directory`. Its output goes to files in a temporary folder of its
    /// own, not to pipes: a pipe read to its end while the other fills (64 kB of warnings)
    /// would stall both, and nothing is written where the run is watched.
    static func run(_ arguments: [String], in directory: URL) throws -> Run {
        try withTemporaryFolder { logs in
            let out = logs.appendingPathComponent("stdout"), err = logs.appendingPathComponent("stderr")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
        }
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path))
    }

    @Test func successExitsZero() throws {
        try withTemporaryFolder { folder in
            try writeFiles(["Content/a.md": "# A\n\n## Phase 1 (2 weeks)\n"], in: folder)
            let run = try Self.run(["build", "--templates", TestPaths.templates.path], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("Built 1 roadmap"))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/a/index.html").path))
        }
    }

    @Test func contentErrorExitsOneWithRelativePaths() throws {
        try withTemporaryFolder { folder in
            try writeFiles(["Content/a.md": "# A\n\n[x](b.md#nope)\n", "Content/b.md": "# B\n"], in: folder)
            let run = try Self.run(["build", "--strict", "--templates", TestPaths.templates.path], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr.contains(
                "Content/a.md:3:1: error: no heading '#nope' in 'b.md'; the link goes to the top of its page [link.missing-anchor]"),
                "\(run.stderr)")
        }
    }

    @Test func strictWarningExitsOne() throws {
        try withTemporaryFolder { folder in
            try writeFiles(["Content/a.md": "# A\n\n[x](javascript:x)\n"], in: folder)
            let plain = try Self.run(["build", "--templates", TestPaths.templates.path], in: folder)
            #expect(plain.status == 0)
            let strict = try Self.run(["build", "--strict", "--templates", TestPaths.templates.path], in: folder)
            #expect(strict.status == 1)
        }
    }

    @Test(arguments: [["build", "--no-such-flag"], ["frobnicate"], ["build", "--output"], ["build", "--base-url", "example.org"]])
    func badUsageExitsTwo(_ arguments: [String]) throws {
        try withTemporaryFolder { folder in
            let run = try Self.run(arguments, in: folder)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
        }
    }

    /// Twelve links to images that are not there, as a README copied without its images has.
    static let twelveMissingImages = ["Content/a.md": "# A\n\n" + (1...12).map { "![shot](img/\($0).png)\n\n" }.joined()]

    @Test func diagnosticsAreCappedPerIdAndCountedById() throws {
        try withTemporaryFolder { folder in
            try writeFiles(Self.twelveMissingImages, in: folder)
            let run = try Self.run(["build", "--templates", TestPaths.templates.path], in: folder)
            #expect(run.status == 0)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.filter { $0.hasSuffix("[link.missing-file]") }.count == 10)
            #expect(lines.contains("Content/a.md:21:1: warning: no file 'img/10.png' in the content folder; the link is kept as text [link.missing-file]"))
            #expect(lines.last == "link.missing-file: 2 more warnings not shown (--verbose shows all)")
            #expect(run.stdout.contains("; 13 warnings (12 link.missing-file, 1 site.no-base-url)\n"), "\(run.stdout)")

            let verbose = try Self.run(["build", "--verbose", "--templates", TestPaths.templates.path], in: folder)
            #expect(verbose.stderr.split(separator: "\n").filter { $0.hasSuffix("[link.missing-file]") }.count == 12)
            #expect(!verbose.stderr.contains("not shown"))
        }
    }

    @Test func githubAndJSONFormatsPrintEveryDiagnostic() throws {
        try withTemporaryFolder { folder in
            try writeFiles(Self.twelveMissingImages, in: folder)
            let github = try Self.run(["build", "--diagnostics", "github", "--templates", TestPaths.templates.path], in: folder)
            #expect(github.status == 0)
            let annotations = github.stderr.split(separator: "\n")
            #expect(annotations.count == 13)
            #expect(annotations.allSatisfy { $0.hasPrefix("::warning ") })
            #expect(annotations.contains(
                "::warning file=Content/a.md,line=25,col=1::no file 'img/12.png' in the content folder; the link is kept as text [link.missing-file]"))

            let json = try Self.run(["build", "--diagnostics", "json", "--templates", TestPaths.templates.path], in: folder)
            let objects = try json.stderr.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(objects.count == 13)
            let last = try #require(objects.last)
            #expect(last["file"] as? String == "Content/a.md" && last["line"] as? Int == 25 && last["column"] as? Int == 1)
            #expect(last["severity"] as? String == "warning" && last["id"] as? String == "link.missing-file")

            let help = try Self.run(["build", "--help"], in: folder)
            let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("--diagnostics <diagnostics>"))
            #expect(words.contains("The github and json formats print every diagnostic; only the human format is capped."), "\(words)")
            #expect(words.contains("--verbose Print every diagnostic"), "\(words)")
        }
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        try withTemporaryFolder { folder in
            try writeFiles(["Content/a.md": "# A\n"], in: folder)
            let run = try Self.run(["build", "--quiet", "--templates", TestPaths.templates.path], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout.isEmpty)
        }
    }
}
