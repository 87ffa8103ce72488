import Foundation
import Testing
@testable import RoadmapKit
import RoadmapMarkdown

/// Content files that are not UTF-8 are read with their invalid bytes replaced and a warning,
/// whichever file they are: a roadmap, `site.yml` (which stopped the build with Foundation's "The
/// file isn't in the correct format" until the fuzzer found it) or `glossary.yml`.
@Suite struct SourceTextTests {
    @Test func validUTF8IsReadAsItIsWithoutItsByteOrderMark() {
        let (text, diagnostics) = SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("caf\u{E9}\n".utf8)), file: "a.md")
        #expect(text == "caf\u{E9}\n")
        #expect(diagnostics.isEmpty)
    }

    @Test func invalidBytesAreReplacedWithAWarning() {
        let (text, diagnostics) = SourceText.decode(Data(Array("Caf".utf8) + [0xE9, 0x0A]), file: "a.md")
        #expect(text == "Caf\u{FFFD}\n")
        #expect(diagnostics.map { $0.formatted(relativeTo: nil) }
            == ["a.md:1:1: warning: file is not valid UTF-8; invalid bytes were replaced [file.encoding]"])
    }

    @Test func aSiteConfigAndAGlossaryThatAreNotUTF8AreRead() throws {
        try withTemporaryFolder { folder in
            let config = folder.appendingPathComponent("site.yml"), glossary = folder.appendingPathComponent("glossary.yml")
            try Data(Array("title: Caf".utf8) + [0xE9, 0x0A]).write(to: config)
            try Data(Array("kubernetes: [k8s, ku".utf8) + [0xFF] + Array("be]\n".utf8)).write(to: glossary)
            let (site, siteDiagnostics) = try SiteConfigReader().read(SourceFile(relativePath: "site.yml", path: config.path))
            #expect(site.title == "Caf\u{FFFD}")
            #expect(siteDiagnostics.map(\.id) == ["file.encoding"])
            let inventory = ContentInventory(
                roadmaps: [], assets: [], glossary: SourceFile(relativePath: "glossary.yml", path: glossary.path))
            let (terms, glossaryDiagnostics) = inventory.readGlossary()
            #expect(terms.aliases == ["k8s": "kubernetes", "ku\u{FFFD}be": "kubernetes"])
            #expect(glossaryDiagnostics.map(\.id) == ["file.encoding"])
        }
    }
}
