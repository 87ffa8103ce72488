import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// The pipeline fuzz target (`make fuzz`) without the fuzzer: every input it found a problem
/// with (`Tests/Fuzz/Regressions`) and every seed (`Tests/Fuzz/Corpus`) goes through the same
/// pipeline and oracles and must pass them, quickly; and the oracles themselves catch what
/// they promise to.
@Suite struct FuzzRegressionTests {
    static let fuzzFolder = TestPaths.projectRoot.appendingPathComponent("Tests/Fuzz")

    static func files(in folder: String) -> [String] {
        let url = fuzzFolder.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { folder + "/" + $0 }
    }

    /// One target a case: each has a work folder of its own, so cases run in parallel.
    static func violations(_ input: FuzzInput) throws -> [String] {
        try PipelineFuzzTarget(templatesDirectory: TestPaths.templates.path).violations(input)
    }

    @Test(arguments: files(in: "Regressions") + files(in: "Corpus"))
    func passesTheOracles(file: String) throws {
        let data = try Data(contentsOf: Self.fuzzFolder.appendingPathComponent(file))
        let start = DispatchTime.now().uptimeNanoseconds
        let found = try Self.violations(FuzzInput([UInt8](data)))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(found.isEmpty, "\(file):\n\(found.joined(separator: "\n"))")
        // `make fuzz` counts an input over a second as a finding; this build is unoptimised.
        #expect(seconds < 5, "\(file) took \(seconds) s")
    }

    @Test func theRegressionsAndSeedsAreThere() {
        #expect(Self.files(in: "Regressions").count >= 3)
        #expect(Self.files(in: "Corpus").count >= 12)
    }

    // MARK: - What the fuzzer found

    /// cmark-gfm gave a second autolink in a text no position; taking the paragraph's, it shared
    /// it with the third, and the resource badge (and its id) placed after a link by its position
    /// went after both.
    @Test func eachAutolinkHasItsOwnBadge() throws {
        let input = FuzzInput(roadmap: Array("- Bare www.golang.org and https://golang.org/path?q=1 and mail@golang.org\n".utf8))
        let run = try PipelineFuzzTarget(templatesDirectory: TestPaths.templates.path).run(input)
        let page = String(decoding: run.files["fuzzed/index.html"] ?? [], as: UTF8.self)
        #expect(page.components(separatedBy: "id=\"u-golangorgpathq1-").count == 2)
        #expect(page.contains("https://golang.org/path?q=1</a> <a class=\"resource-ref"))
        #expect(page.contains("mail@golang.org</a></li>"))
    }

    // MARK: - The input format

    @Test func anInputSplitsAtItsMarkerLines() {
        let input = FuzzInput(Array("# R\n%%% site.yml\ntitle: T\n%%% glossary.yml\nk8s: [kube]\n%%% site.yml\nlanguage: de".utf8))
        #expect(input.roadmap == Array("# R\n".utf8))
        #expect(input.siteConfig == Array("language: de".utf8))
        #expect(input.glossary == Array("k8s: [kube]\n".utf8))
        let plain = FuzzInput(Array("# R\n %%% site.yml\n".utf8))
        #expect(plain.roadmap == Array("# R\n %%% site.yml\n".utf8))
        #expect(plain.siteConfig == nil && plain.glossary == nil)
    }

    // MARK: - The oracles catch what they promise to

    @Test(arguments: [
        ("Plain text, **bold**, `code` and [brackets] (parens).", false),
        ("a < b > c: d", false),
        ("<div>raw</div> <b>html</b>", false),
        ("[a](b.md)", true),
        ("![i](x.png)", true),
        ("[a][r]\n\n[r]: b.md", true),
        ("note[^1]", true),
        ("see WWW.example.org", true),
        ("ftp://example.org", true),
        ("mail a@b.co", true),
        ("<irc:channel>", true),
        ("<a href=\"x.html\">x</a>", true),
        ("<img SRC=\"x.png\">", true),
        ("a source of action", false),
    ])
    func linksAreFoundInTheContent(text: String, expected: Bool) {
        #expect(FuzzOracles.mayHoldLinks(Array(text.utf8)) == expected)
    }

    static func oracles(_ roadmap: String, diagnostics: [Diagnostic] = [], files: [String: String] = [:],
                        config: SiteConfig = SiteConfig()) -> FuzzOracles {
        let run = PipelineFuzzTarget.Run(diagnostics: diagnostics, config: config, linksChecked: true,
                                         files: files.mapValues { Array($0.utf8) })
        return FuzzOracles(input: FuzzInput(roadmap: Array(roadmap.utf8)), sources: ["/c/fuzzed.md": Array(roadmap.utf8)],
                           run: run)
    }

    @Test func anOutputDiagnosticOfContentWithoutLinksIsAViolation() {
        let broken = Diagnostic.error("output.missing-fragment", "link '#x' has no target", file: "Site/a/index.html",
                                      at: RoadmapMarkdown.SourceLocation(line: 3, column: 5))
        #expect(Self.oracles("# A\n\n- Problem-Solving\n", diagnostics: [broken]).violations().count == 1)
        #expect(Self.oracles("# A\n\n- [x](#x)\n", diagnostics: [broken]).violations().isEmpty)
    }

    @Test func diagnosticsMustPointInsideTheirFileAndPrintOnOneLine() {
        let source = "# A\nline two\n"
        #expect(FuzzOracles.lineCount(Array("a\r\nb\rc\nd".utf8)) == 4)
        #expect(FuzzOracles.lineCount(Array("a\n".utf8)) == 2)
        func violations(_ diagnostic: Diagnostic) -> Int { Self.oracles(source, diagnostics: [diagnostic]).violations().count }
        let file = "/c/fuzzed.md"
        #expect(violations(.warning("x.y", "fine", file: file, at: RoadmapMarkdown.SourceLocation(line: 2, column: 9))) == 0)
        #expect(violations(.warning("x.y", "fine", file: file, at: RoadmapMarkdown.SourceLocation(line: 3, column: 1))) == 0)
        #expect(violations(.warning("x.y", "past the last line", file: file, at: RoadmapMarkdown.SourceLocation(line: 4, column: 1))) == 1)
        #expect(violations(.warning("x.y", "column 0", file: file, at: RoadmapMarkdown.SourceLocation(line: 1, column: 0))) == 1)
        #expect(violations(.warning("", "no id", file: file)) == 1)
        #expect(violations(.warning("x.y", "a\nnew line is escaped", file: file)) == 0)
    }

    @Test(arguments: [
        ("<p onclick=\"x()\">a</p>", "'onclick' attribute"),
        ("<p style=\"color:red\">a</p>", "'style' attribute"),
        ("<a href=\" Java&#x09;Script:alert(1)\">a</a>", "'javascript:' URL"),
        ("<a href=\"DATA:text/html,x\">a</a>", "'data:' URL"),
        ("<img src=\"https://remote.example/x.png\">", "loads 'https://remote.example/x.png'"),
        ("<img src=\"/\\remote.example/x.png\">", "loads '/\\remote.example/x.png'"),
        ("<img srcset=\"a.png 1x, //remote.example/b.png 2x\">", "loads '//remote.example/b.png'"),
        ("<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\">", "a <link> loads"),
        ("<script>alert(1)</script>", "an inline script"),
        ("<script type=\"application/json\">{\"a\":}</script>", "a JSON script block does not parse"),
        ("<iframe src=\"x.html\"></iframe>", "a <iframe> element"),
        ("<meta http-equiv=\"refresh\" content=\"0\">", "a <meta http-equiv>"),
        ("<p id=\"a\">1</p><p id=\"a\">2</p>", "the id 'a' is on the page twice"),
    ])
    func pagesMustKeepTheREADMEsPromises(html: String, expected: String) {
        let found = Self.oracles("# A\n", files: ["a/index.html": html]).violations()
        #expect(found.count == 1 && found[0].contains(expected), "\(found)")
    }

    @Test func whatThePagesMayHaveIsNoViolation() {
        let html = """
            <link rel="canonical" href="https://example.org/r/a/"><link rel="stylesheet" href="../assets/site.css">
            <script src="../assets/site.js" defer></script><script type="application/json" id="d">{"a":[1,-2.5e3,"\\u00e9"]}</script>
            <a href="https://example.org">x</a> <a href="mailto:a@b.co">m</a> <a href="irc:x">i</a> <img src="../x.png">
            <form action="../search.html"><input name="q"></form><p id="a">1</p><p id="b">2</p>
            """
        #expect(Self.oracles("# A\n", files: ["a/index.html": html]).violations().isEmpty)
        let absolute = "<script src=\"https://example.org/r/assets/site.js\"></script>"
        #expect(Self.oracles("# A\n", files: ["404.html": absolute], config: SiteConfig(baseURL: "https://example.org/r/"))
            .violations().isEmpty)
        #expect(Self.oracles("# A\n", files: ["404.html": absolute]).violations().count == 1)
    }

    @Test func filesMustBeUTF8JSONAndStayInTheSite() {
        #expect(Self.oracles("# A\n", files: ["a/roadmap.json": "{\"a\":1}"]).violations().isEmpty)
        #expect(Self.oracles("# A\n", files: ["a/roadmap.json": "{\"a\":1,}"]).violations() == ["a/roadmap.json is not valid JSON"])
        #expect(Self.oracles("# A\n", files: ["search-index.js": "window.__roadmapSearch.add({\"shard\":\"index\"});\n"])
            .violations().isEmpty)
        #expect(Self.oracles("# A\n", files: ["search-index.js": "window.__roadmapSearch.add({\"shard\"});\n"])
            .violations().count == 1)
        #expect(Self.oracles("# A\n", files: ["a/../../x.html": ""]).violations().count == 1)
        var oracles = Self.oracles("# A\n")
        oracles.run.files = ["a.txt": [0x61, 0xFF]]
        #expect(oracles.violations() == ["a.txt is not valid UTF-8"])
    }

    @Test(arguments: [
        ("{}", true), ("[]", true), (" {\"a\" : [1, 0, -0.5, 1e10, 2E-3, true, false, null, \"\\u00E9\\n\\\"\"]} ", true),
        ("0", true), ("\"x\"", true),
        ("", false), ("{", false), ("[1,]", false), ("{\"a\":1,}", false), ("01", false), ("1.", false), (".5", false),
        ("1e", false), ("-", false), ("\"\u{01}\"", false), ("\"\\x\"", false), ("\"\\u12G4\"", false), ("tru", false),
        ("{} {}", false), ("{a:1}", false), ("'x'", false), (String(repeating: "[", count: 600) + String(repeating: "]", count: 600), false),
    ])
    func jsonSyntax(text: String, valid: Bool) {
        #expect(FuzzOracles.isJSON(text) == valid)
    }
}
