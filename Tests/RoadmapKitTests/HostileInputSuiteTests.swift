import Foundation
import Testing
@testable import RoadmapKit

/// Hostile and unlucky content, one case for each way content could hurt the build, the site
/// or the machine (issue 13). Each case runs the real `roadmap build` over a folder whose
/// `Site/` was built before from benign content, and must keep the same contract: exit 0 or 1,
/// the diagnostics it expects in the `file:line:col: severity: message [id]` form, at most
/// ``secondsLimit`` seconds and ``bytesLimit`` bytes written (and, when it succeeds, at most
/// ``amplificationLimit`` times its content besides the site's own files), the previous `Site/` whole when
/// the build fails, and nothing written outside the output folder. The cases' own suites
/// (ContentFilesTests, HTMLSanitizerTests, YAMLBoundsTests, InputBoundsDiagnosticsTests,
/// SiteSwapTests, the serve tests) check each defence in detail.
@Suite struct HostileInputSuiteTests {
    static let secondsLimit = 10.0
    static let bytesLimit = 50 << 20
    /// A successful build writes at most this many times its content, besides ``siteOverhead``.
    static let amplificationLimit = 10
    /// The site's own files (scripts, styles, search page, home) and a benign roadmap's pages.
    static let siteOverhead = 1 << 20

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var files: [String: String] = [:]
        /// Symbolic links to make, path → target, both relative to the case's folder.
        var links: [String: String] = [:]
        /// Arguments after `build --content Content --templates T`; `--output Site` unless given.
        var arguments = ["--output", "Site"]
        var exit: Int32
        /// Diagnostic ids the build must print (others may come too).
        var ids: Set<String>
        /// Text no file of the site may hold.
        var forbidden: [String] = []
        var description: String { name }
    }

    /// Outside the content folder, for the symlink cases to reach for.
    static let secret = "TOP-SECRET-\(UInt32.random(in: 0...UInt32.max))"

    static let cases: [Case] = [
        Case(name: "content at the site's own paths",
             files: ["Content/assets/site.js": "alert(1)", "Content/index.html": "<script>alert(1)</script>",
                     "Content/404.html": "x", "Content/search-index.js": "x"],
             exit: 1, ids: ["content.generated-path"]),
        Case(name: "HTML and scripts among the content",
             files: ["Content/page.html": "<script>alert(1)</script>", "Content/tool.js": "alert(2)"],
             exit: 0, ids: ["content.not-published"], forbidden: ["alert(1)", "alert(2)"]),
        Case(name: "an SVG with a script",
             files: ["Content/img/a.svg": #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(3)</script></svg>"#,
                     "Content/s.md": "# S\n\n![a](img/a.svg)\n"],
             exit: 0, ids: ["content.unsafe-svg"], forbidden: ["alert(3)"]),
        Case(name: "symlinks out of the content folder",
             files: ["secret.md": "# \(secret)\n", "secret.png": secret],
             links: ["Content/leak.md": "../secret.md", "Content/img/leak.png": "../../secret.png"],
             exit: 0, ids: ["content.symlink-outside"], forbidden: [secret]),
        Case(name: "raw HTML opted into",
             files: ["Content/site.yml": "allow_raw_html: true\n",
                     "Content/r.md": """
                         # R

                         <img src="x.png" onerror="alert(4)"> <a href="javascript:alert(5)">x</a>
                         <meta http-equiv="refresh" content="0;url=https://evil.example/">
                         <base href="https://evil.example/"> <link rel="stylesheet" href="https://evil.example/x.css">
                         <img srcset="https://evil.example/a.png 2x"> <button formaction="javascript:alert(6)">b</button>
                         """],
             exit: 0, ids: ["html.attribute-removed", "html.element-removed"],
             forbidden: ["alert(4)", "alert(5)", "alert(6)", "evil.example", "http-equiv"]),
        Case(name: "a YAML alias bomb in front matter",
             files: ["Content/y.md": aliasBomb() + "# Y\n"],
             exit: 0, ids: ["yaml.aliases"]),
        Case(name: "a GFM table cmark-gfm 0.29 parses in quadratic time",
             files: ["Content/t.md": "# T\n\n| a | b |\n|---|---|\n" + String(repeating: "|", count: 30_000) + "\n"],
             exit: 0, ids: ["markdown.table-size"]),
        Case(name: "nesting and brackets tens of thousands deep",
             files: ["Content/n.md": "# N\n\n" + String(repeating: ">", count: 50_000) + " x\n\n"
                 + String(repeating: "[", count: 50_000) + "\n\n" + String(repeating: "*", count: 50_000) + "\n"],
             exit: 0, ids: ["markdown.nesting"]),
        Case(name: "a document over the size bound",
             files: ["Content/h.md": "# H\n\n" + String(repeating: "- [c](https://example.org/c)\n", count: 40_000)],
             exit: 1, ids: ["markdown.too-large"]),
        Case(name: "a roadmap of 20,000 course links, under the size bound",
             files: ["Content/courses.md": "# Courses\n\n## Courses\n\n" + (0..<20_000).map {
                 "- [Course \($0)](https://l\($0 % 50).io/c/\($0)) (Free)\n"
             }.joined()],
             exit: 0, ids: ["resources.too-many"]),
        Case(name: "40,000 bare web addresses, each a resource",
             files: ["Content/www.md": "# Links\n\n## Links\n\n" + (0..<40_000).map { "- www.x\($0).io\n" }.joined()],
             exit: 0, ids: ["resources.too-many", "search.too-many"]),
        Case(name: "an output folder inside the content folder",
             arguments: ["--output", "Content/Site"],
             exit: 1, ids: ["output.refused"]),
        Case(name: "a file name with a newline",
             files: ["Content/a\nb.md": "# NL\n\n[x](missing.md)\n"],
             exit: 0, ids: ["link.missing-file"]),
        Case(name: "a skill list under a phase the generator once broke",
             files: ["Content/p.md": """
                 ### Phase 1: DevOps & Cloud Foundations (4-5 months)

                 ## Core Competencies

                 #### Basic Projects

                 - Problem-Solving
                 """],
             exit: 0, ids: []),
    ]

    /// Front matter of a few hundred bytes that expands to 9¹² nodes.
    static func aliasBomb() -> String {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
        let letters = Array("abcdefghijklm")
        for index in 1..<12 {
            let (name, previous) = (letters[index], letters[index - 1])
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        return yaml + "---\n"
    }

    @Test(arguments: cases)
    func hostileContentKeepsTheContract(_ hostile: Case) throws {
        try withPreviousSite(["benign.md": "# Benign\n\n## One\n"]) { folder, _, site, previous in
            try writeFiles(hostile.files, in: folder)
            for (path, target) in hostile.links {
                let link = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
            }
            let before = try filesOutsideSite(folder)

            let start = DispatchTime.now().uptimeNanoseconds
            let run = try CommandLineTests.run(
                ["build", "--content", "Content", "--templates", TestPaths.templates.path] + hostile.arguments, in: folder)
            let (status, stderr) = (run.status, run.stderr)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

            #expect(status == hostile.exit, "\(stderr.suffix(2000))")
            #expect(seconds <= Self.secondsLimit, "\(seconds) s")
            let printed = Set(stderr.split(separator: "\n").compactMap(Self.diagnosticID))
            #expect(hostile.ids.isSubset(of: printed), "printed: \(printed.sorted())")
            if status != 0 {
                #expect(!printed.isEmpty, "a failed build says why")
                #expect(try filesUnder(site) == previous, "the previous site is whole")
            }
            let after = try filesUnder(site)
            let written = after.values.reduce(0) { $0 + $1.count }
            #expect(written <= Self.bytesLimit)
            if status == 0 {
                let content = try filesUnder(folder.appendingPathComponent("Content")).values.reduce(0) { $0 + $1.count }
                #expect(written <= Self.amplificationLimit * content + Self.siteOverhead,
                        "\(written) bytes written for \(content) bytes of content")
            }
            for (path, data) in after {
                let text = String(decoding: data, as: UTF8.self)
                let leaked = hostile.forbidden.filter { text.contains($0) }
                #expect(leaked.isEmpty, "\(leaked) in \(path)")
            }
            #expect(try filesOutsideSite(folder) == before, "nothing written outside the output folder")
        }
    }

    /// The id of a line of stderr: a diagnostic (`file:line:col: severity: message [id]`), a
    /// note on the one before it, the count of an id's diagnostics past the cap, or the summary.
    /// Any other line (a path with a raw newline would make one) is reported by the test.
    static func diagnosticID(_ line: Substring) -> String? {
        if line.hasPrefix("Build failed: ") || (line.contains(": note: ") && !line.hasSuffix("]")) { return nil }
        if line.hasSuffix(" not shown (--verbose shows all)"), let colon = line.firstIndex(of: ":") { return String(line[..<colon]) }
        guard line.hasSuffix("]"), let open = line.lastIndex(of: "["),
              line.contains(": warning: ") || line.contains(": error: ") || line.contains(": note: ")
        else {
            Issue.record("not a diagnostic line: \(line)")
            return nil
        }
        return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
    }

    /// Every file and link of the folder but the output folder (and a killed build's staging
    /// folders, which must not be there either), with its bytes or its link target.
    func filesOutsideSite(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let manager = FileManager.default
        for path in try manager.subpathsOfDirectory(atPath: folder.path) where path != "Site" && !path.hasPrefix("Site/")
            // The render cache beside the site is the build's own (never published).
            && path != ".Site.roadmap-cache" && !path.hasPrefix(".Site.roadmap-cache/") {
            let full = folder.appendingPathComponent(path).path
            if let target = try? manager.destinationOfSymbolicLink(atPath: full) {
                out[path] = Data(("-> " + target).utf8)
            } else if let data = manager.contents(atPath: full) {
                out[path] = data
            } else {
                out[path] = Data("(folder)".utf8)
            }
        }
        return out
    }
}
