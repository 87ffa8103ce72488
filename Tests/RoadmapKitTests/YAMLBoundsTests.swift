import Foundation
import Testing
@testable import RoadmapKit

/// YAML read within bounds: nested aliases (a few hundred bytes standing for 10⁷ values and
/// more), aliases as mapping keys, keys that are lists; each a diagnostic at its place.
@Suite struct YAMLBoundsTests {
    /// `levels` anchors, each a list of `width` aliases of the one before ("billion laughs").
    static func laughs(levels: Int, width: Int, aliasKey: Bool = false) -> String {
        var lines = ["a0: &a0 \"lol\""]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ",") + "]")
        }
        if aliasKey { lines.append("? *a\(levels)\n: x") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func frontMatter(_ yaml: String) -> FrontMatterReader.Result {
        FrontMatterReader().read("---\ntitle: Kept\n" + yaml + "---\n# T\n", file: "a.md")
    }

    @Test(arguments: [false, true])
    func nestedAliasesAreRefusedBeforeYamsExpandsThem(aliasKey: Bool) {
        let start = Date()
        let result = Self.frontMatter(Self.laughs(levels: 7, width: 10, aliasKey: aliasKey))
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(result.diagnostics.map { $0.formatted(relativeTo: nil) } == [
            "a.md:5:34: warning: the YAML uses more than 16 aliases ('*name'), which could stand for more values than memory "
                + "holds; reading only its top-level 'key: value' lines [yaml.aliases]",
        ])
        #expect(result.frontMatter.title == "Kept")
    }

    /// Within the alias count, a large anchor repeated: the expanded tree is counted, not made.
    @Test func expansionBeyondTheTextIsRefused() {
        var lines = ["a0: &a0 [" + Array(repeating: "x", count: 3000).joined(separator: ",") + "]"]
        for level in 1...4 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 4).joined(separator: ",") + "]") }
        let yaml = lines.joined(separator: "\n") + "\n"
        let result = Self.frontMatter(yaml)
        #expect(result.diagnostics.map(\.id) == ["yaml.expansion"])
        #expect(result.diagnostics.first?.location == .init(line: 3, column: 5))
        #expect(result.frontMatter.title == "Kept")
    }

    /// Yams stopped the process making a dictionary with a list as a key.
    @Test(arguments: ["? [a, b]\n: x\n", "? {a: b}\n: x\n", "x: {[1]: 2}\n"])
    func keysThatAreNotTextAreRefused(yaml: String) {
        let result = Self.frontMatter(yaml)
        #expect(result.diagnostics.map(\.id) == ["yaml.key"])
        #expect(result.diagnostics.first?.location?.line == 3)
        #expect(result.frontMatter.title == "Kept")
    }

    /// Aliases within the bounds read as before; `*` in text is not taken for many aliases.
    @Test func fewAliasesAndAsterisksInTextStillRead() {
        let result = FrontMatterReader().read(
            "---\nname: &n Rust *and* Go\ntitle: *n\nsummary: \"Learn *Rust*, *Go* and **C**\"\n---\n# T\n", file: "a.md")
        #expect(result.diagnostics.isEmpty)
        #expect(result.frontMatter.title == "Rust *and* Go")
        #expect(result.frontMatter.summary == "Learn *Rust*, *Go* and **C**")
    }

    @Test func siteConfigAndGlossaryAreBoundedToo() throws {
        try withTemporaryFolder { folder in
            try writeFiles(["site.yml": "title: Site\n" + Self.laughs(levels: 7, width: 10)], in: folder)
            let file = SourceFile(relativePath: "site.yml", path: folder.appendingPathComponent("site.yml").path)
            let (config, diagnostics) = try SiteConfigReader().read(file)
            #expect(diagnostics.map { $0.formatted(relativeTo: folder.path) } == [
                "site.yml:4:34: error: the YAML uses more than 16 aliases ('*name'), which could stand for more values than "
                    + "memory holds [yaml.aliases]",
            ])
            #expect(config.title == SiteConfig().title)
        }
        let (_, bomb) = Glossary.parse(Self.laughs(levels: 7, width: 10), file: "glossary.yml")
        #expect(bomb.map(\.id) == ["yaml.aliases"])
        let (_, listKey) = Glossary.parse("Helm: nolink\n? [a, b]\n: x\n", file: "glossary.yml")
        #expect(listKey.map { $0.formatted(relativeTo: nil) }
            == ["glossary.yml:2:3: error: the YAML has a key that is a list or a mapping; keys are text [yaml.key]"])
    }
}
