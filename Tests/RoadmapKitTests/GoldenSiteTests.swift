import Foundation
import Testing
@testable import RoadmapKit

/// Builds a small fixture site and compares the whole output tree, file by file, with the
/// goldens in Fixtures/GoldenSite/Expected. `UPDATE_GOLDENS=1 swift test` rewrites them.
@Suite struct GoldenSiteTests {
    static let fixture = TestPaths.fixtures.appendingPathComponent("GoldenSite")

    @Test func fixtureSiteMatchesGoldens() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: Self.fixture.appendingPathComponent("Content"), output: output)
            #expect(report.succeeded, "\(report.diagnostics)")
            // Assets are copies of Templates/assets, checked by assetsAreCopiedAsTheyAre.
            let built = try filesUnder(output).filter { !$0.key.hasPrefix("assets/") }
            let expectedFolder = Self.fixture.appendingPathComponent("Expected")
            if TestPaths.updatingGoldens {
                try? FileManager.default.removeItem(at: expectedFolder)
                for (path, data) in built {
                    let url = expectedFolder.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                }
            }
            let expected = try filesUnder(expectedFolder)
            #expect(built.keys.sorted() == expected.keys.sorted())
            for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
                let actual = built[path].map { String(decoding: $0, as: UTF8.self) }
                #expect(actual == String(decoding: data, as: UTF8.self), "\(path) differs from its golden")
            }
        }
    }

    @Test func assetsAreCopiedAsTheyAre() throws {
        try withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Site")
            _ = try buildSite(content: Self.fixture.appendingPathComponent("Content"), output: output)
            let copied = try filesUnder(output.appendingPathComponent("assets"))
            let sources = try filesUnder(TestPaths.templates.appendingPathComponent("assets"))
            #expect(!sources.isEmpty)
            #expect(copied == sources)
        }
    }

    @Test func twoBuildsAreIdentical() throws {
        try withTemporaryFolder { folder in
            let content = Self.fixture.appendingPathComponent("Content")
            _ = try buildSite(content: content, output: folder.appendingPathComponent("A"))
            _ = try buildSite(content: content, output: folder.appendingPathComponent("B"))
            #expect(try filesUnder(folder.appendingPathComponent("A")) == filesUnder(folder.appendingPathComponent("B")))
        }
    }
}
