import Foundation
import Testing
@testable import RoadmapKit

/// `roadmap serve` rebuilds only what changed: unchanged roadmaps' folders are hard-linked from
/// the previous site. The link check must count those files as written.
@Suite struct PageCacheTests {
    @Test func aRebuildReusingUnchangedRoadmapsPassesTheLinkCheck() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try writeFiles([
                "a.md": "# A\n\n## Phase 1: Basics (2 weeks)\n\n### Module (2 weeks)\n\nSee [B](b.md#phase-1-more-2-weeks).\n",
                "b.md": "# B\n\n## Phase 1: More (2 weeks)\n\n### Module (2 weeks)\n\nBack to [A](a.md).\n",
            ], in: content)
            let site = folder.appendingPathComponent("Site")
            let cache = PageCache()
            let options = cachedBuildOptions(content: content, output: site, cache: cache, linksUnchangedFiles: true)
            let first = try SiteBuilder().build(options)
            cache.buildFinished(succeeded: first.succeeded)
            #expect(first.succeeded, "\(first.diagnostics)")
            try writeFiles(["a.md": "# A\n\n## Phase 1: Basics (2 weeks)\n\n### Module (2 weeks)\n\nSee [B](b.md#phase-1-more-2-weeks). Edited.\n"],
                           in: content)
            let second = try SiteBuilder().build(options)
            cache.buildFinished(succeeded: second.succeeded)
            #expect(second.succeeded, "\(second.diagnostics.filter { $0.severity == .error })")
            #expect(cache.reusedCount >= 1)
            let page = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(page.contains("Edited."))
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("b/resources.html").path))
        }
    }
}
