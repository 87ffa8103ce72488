import Foundation
import Testing
@testable import RoadmapKit

/// The output folder is replaced only by a successful build, and only if this tool wrote it.
@Suite struct SiteWriterTests {
    @Test func failedBuildLeavesThePreviousSiteByteIdentical() throws {
        try withPreviousSite(["a.md": "# A\n\n## Part\n"]) { folder, content, output, before in
            #expect(before["a/index.html"] != nil)

            try writeFiles(["a.md": "# A changed\n\n[broken](b.md#nowhere)\n", "b.md": "# B\n"], in: content)
            let report = try buildSite(content: content, output: output, strict: true)
            #expect(!report.succeeded)
            #expect(!report.wroteSite)
            #expect(try filesUnder(output) == before)
            // No staging folder is left behind, nor a cache file being written.
            let leftovers = try entriesBesideTheSite(folder).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".Site.roadmap-cache").path)
                == [RenderCache.fileName])
        }
    }

    @Test func successfulBuildReplacesTheSiteAndRemovesStalePages() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Site")
            try writeFiles(["a.md": "# A\n", "b.md": "# B\n"], in: content)
            _ = try buildSite(content: content, output: output)
            try FileManager.default.removeItem(at: content.appendingPathComponent("b.md"))
            _ = try buildSite(content: content, output: output)
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a/index.html").path))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b/index.html").path))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.markerName).path))
        }
    }

    @Test func fileNameWithoutSlugCharactersIsPublishedWhereLinksPoint() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Site")
            try writeFiles(["🚀.md": "# Launch Plan\n", "a.md": "# A\n\n[launch](%F0%9F%9A%80.md)\n"], in: content)
            let report = try buildSite(content: content, output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("roadmap/index.html").path))
            let page = try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(page.contains("href=\"../roadmap/index.html\""))
        }
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            let output = folder.appendingPathComponent("Important")
            try writeFiles(["a.md": "# A\n"], in: content)
            try writeFiles(["thesis.txt": "precious"], in: output)
            #expect(throws: BuildError.self) { try buildSite(content: content, output: output) }
            #expect(try String(contentsOf: output.appendingPathComponent("thesis.txt"), encoding: .utf8) == "precious")
        }
    }

    @Test(arguments: ["content", "templates", "root", "parent", "slash"])
    func refusesDangerousOutputs(_ which: String) throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# A\n"], in: content)
            let output: URL = switch which {
            case "content": content
            case "templates": TestPaths.templates
            case "root": TestPaths.projectRoot
            case "parent": TestPaths.projectRoot.deletingLastPathComponent()
            default: URL(fileURLWithPath: "/")
            }
            let report = try buildSite(content: content, output: output)
            #expect(!report.wroteSite)
            #expect(report.diagnostics.map(\.id) == ["output.refused"])
            #expect(report.diagnostics.map(\.file) == [output.path])
            #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("a.md").path))
        }
    }
}
