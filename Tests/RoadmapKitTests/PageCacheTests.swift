import Foundation
import Testing
@testable import RoadmapKit

/// `roadmap serve` rebuilds only what changed: unchanged roadmaps' folders are hard-linked from
/// the previous site. The link check must count those files as written.
@Suite struct PageCacheTests {
    @Test func aRebuildReusingUnchangedRoadmapsPassesTheLinkCheck() throws {
        try withCachedBuilds([
            "a.md": "# A\n\n## Phase 1: Basics (2 weeks)\n\n### Module (2 weeks)\n\nSee [B](b.md#phase-1-more-2-weeks).\n",
            "b.md": "# B\n\n## Phase 1: More (2 weeks)\n\n### Module (2 weeks)\n\nBack to [A](a.md).\n",
        ]) { builds in
            let first = try builds.build()
            #expect(first.succeeded, "\(first.diagnostics)")
            try builds.edit(["a.md": "# A\n\n## Phase 1: Basics (2 weeks)\n\n### Module (2 weeks)\n\nSee [B](b.md#phase-1-more-2-weeks). Edited.\n"])
            let second = try builds.build()
            #expect(second.succeeded, "\(second.diagnostics.filter { $0.severity == .error })")
            #expect(builds.cache.reusedCount >= 1)
            #expect(try builds.page("a/index.html").contains("Edited."))
            #expect(FileManager.default.fileExists(atPath: builds.site.appendingPathComponent("b/resources.html").path))
        }
    }

    /// Shared-term listings are kept for unchanged roadmaps and made afresh for an edited one,
    /// so "Also in" links follow an edit on the other roadmap's page.
    @Test func sharedTermListingsFollowEdits() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            func roadmap(_ title: String, skill: String) -> String {
                "# \(title)\n\n## Skills\n\n- \(skill)\n\n## Phase 1: Basics (2 weeks)\n\n### \(skill) Basics (2 weeks)\n\n- a topic\n"
            }
            try writeFiles(["a.md": roadmap("A", skill: "Docker"), "b.md": roadmap("B", skill: "Docker")], in: content)
            let site = folder.appendingPathComponent("Site")
            let cache = PageCache()
            let options = cachedBuildOptions(content: content, output: site, cache: cache, linksUnchangedFiles: true)
            let first = try SiteBuilder().build(options)
            cache.buildFinished(succeeded: first.succeeded)
            let before = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(before.contains("B › Docker"))
            try writeFiles(["b.md": roadmap("B", skill: "Terraform")], in: content)
            let second = try SiteBuilder().build(options)
            cache.buildFinished(succeeded: second.succeeded)
            #expect(second.succeeded, "\(second.diagnostics)")
            let after = try String(contentsOf: site.appendingPathComponent("a/index.html"), encoding: .utf8)
            #expect(!after.contains("B › Docker"))
        }
    }

    @Test func anUnchangedDocumentKeepsItsPassOneOutput() {
        let cache = PageCache()
        let file = SourceFile(relativePath: "a.md", path: "/tmp/a.md")
        let read = FrontMatterReader().read("# A\n\n## Skills\n\n- Docker\n", file: file.path)
        let document = PreparedDocument(file: file, frontMatter: read.frontMatter, body: read.body, slug: "a", diagnostics: [])
        let pass = ListingPass(glossary: Glossary(), pages: ["a.md": "a"], assets: [], allowRawHTML: false)
        var made = 0
        for _ in 0..<3 {
            let output = cache.listed(document) {
                made += 1
                return pass.list(document)
            }
            #expect(output.listing.terms.map(\.key) == ["skill:docker"])
        }
        #expect(made == 1)
        var edited = document
        edited.body += "- Terraform\n"
        let output = cache.listed(edited) { made += 1; return pass.list(edited) }
        #expect(made == 2)
        #expect(output.listing.terms.map(\.key) == ["skill:docker", "skill:terraform"])
        // Another set of published roadmaps: what was kept is made again (its links may resolve otherwise).
        cache.begin([document, PreparedDocument(file: SourceFile(relativePath: "b.md", path: "/tmp/b.md"), frontMatter: FrontMatter(),
                                                body: "# B\n", slug: "b", diagnostics: [])])
        _ = cache.listed(edited) { made += 1; return pass.list(edited) }
        #expect(made == 3)
    }

    @Test func anUnchangedFileIsNotReadAgain() {
        let cache = PageCache()
        let file = SourceFile(relativePath: "a.md", path: "/tmp/a.md")
        var made = 0
        func read(_ text: String) -> PreparedDocument {
            cache.prepared(file, data: Data(text.utf8)) {
                made += 1
                let read = FrontMatterReader().read(text, file: file.path)
                return PreparedDocument(file: file, frontMatter: read.frontMatter, body: read.body, slug: "a", diagnostics: [])
            }
        }
        _ = read("---\ntitle: A\n---\n# A\n")
        #expect(read("---\ntitle: A\n---\n# A\n").frontMatter.title == "A")
        #expect(made == 1)
        #expect(read("---\ntitle: B\n---\n# A\n").frontMatter.title == "B")
        #expect(made == 2)
    }
}
