import Foundation
import Testing
@testable import RoadmapKit

/// The build's two passes over the roadmaps.
@Suite struct SiteBuilderTests {
    /// Pass 2 renders a roadmap from the model pass 1 kept, or from one it builds again when
    /// memory did not allow keeping it: the site is the same byte for byte either way.
    @Test(arguments: ["also-in", "enrichment", "messy"], [0, 8_000])
    func aModelBuiltAgainRendersAsTheKeptOne(fixture: String, budget: Int) throws {
        try withTemporaryFolder { folder in
            let content = TestPaths.fixtures.appendingPathComponent(fixture).appendingPathComponent("Content")
            func build(_ name: String, budget: Int) throws -> [String: Data] {
                var options = BuildOptions(
                    contentDirectory: content.path, templatesDirectory: TestPaths.templates.path,
                    outputDirectory: folder.appendingPathComponent(name).path, protectedDirectories: [TestPaths.projectRoot.path])
                options.keptModelBudget = budget
                #expect(try SiteBuilder().build(options).wroteSite)
                return try filesUnder(folder.appendingPathComponent(name))
            }
            let kept = try build("kept", budget: .max)
            let rebuilt = try build("rebuilt", budget: budget)
            #expect(kept.count > 5)
            #expect(Set(rebuilt.keys) == Set(kept.keys))
            for (path, data) in kept { #expect(rebuilt[path] == data, "\(path)") }
        }
    }

    @Test func modelsAreKeptInOrderWhileTheirMarkdownFitsTheBudgetAndResourceUsesOtherwise() {
        let documents = [("a.md", 4), ("b.md", 3), ("c.md", 2), ("d.md", 1)].map { name, size in
            PreparedDocument(file: SourceFile(relativePath: name, path: name), frontMatter: FrontMatter(),
                             body: "[x](https://example.org/\(name))" + String(repeating: "x", count: size), slug: name,
                             diagnostics: [])
        }
        // Room for the first two, and for part of the third.
        let models = KeptModels(for: documents, budget: documents[0].body.utf8.count + documents[1].body.utf8.count + 10)
        for document in documents {
            models.keep(RoadmapEnricher().anchor(RoadmapBuilder().build(document).0))
        }
        let kept = documents.map { models.take($0.file.relativePath) }
        #expect(kept.map { $0?.model != nil } == [true, true, false, false])
        #expect(kept.map { $0?.resourceUses.resources.map(\.url) } == documents.map { ["https://example.org/\($0.file.relativePath)"] })
        #expect(models.take("a.md") == nil, "what is kept is handed out once")
    }
}
