import Foundation
import Testing
@testable import RoadmapKit

/// A rebuild that reuses the render cache and the previous site's files gives the same site,
/// byte for byte and file for file, as a clean build of the same input, after each kind of edit.
@Suite struct IncrementalBuildTests {
    /// The fixture and the project's templates copied into a folder the test edits; one output
    /// rebuilt with the cache after every edit, and a fresh clean build to compare it with.
    struct Project {
        let folder: URL
        var content: URL { folder.appendingPathComponent("Content") }
        var templates: URL { folder.appendingPathComponent("Templates") }
        var site: URL { folder.appendingPathComponent("incremental/Site") }
        var cacheFile: URL { URL(fileURLWithPath: RenderCache.folder(forOutput: site.path) + "/" + RenderCache.fileName) }

        init(in folder: URL) throws {
            self.folder = folder
            try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("incremental/Content"), to: content)
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        }

        func options(output: URL, clean: Bool) -> BuildOptions {
            var options = BuildOptions(contentDirectory: content.path, templatesDirectory: templates.path,
                                       outputDirectory: output.path, protectedDirectories: [TestPaths.projectRoot.path])
            options.usesRenderCache = !clean
            options.linksUnchangedFiles = !clean
            return options
        }

        /// Rebuilds the incremental site and builds a clean one, and checks they are the same:
        /// the same files with the same bytes, and the same diagnostics. Returns how many
        /// roadmaps the rebuild reused.
        @discardableResult
        func rebuildMatchesCleanBuild(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
            let incremental = try SiteBuilder().build(options(output: site, clean: false))
            let cleanSite = folder.appendingPathComponent("clean-\(UUID().uuidString)/Site")
            defer { try? FileManager.default.removeItem(at: cleanSite.deletingLastPathComponent()) }
            let clean = try SiteBuilder().build(options(output: cleanSite, clean: true))
            #expect(incremental.succeeded && clean.succeeded, "\(step): \(incremental.diagnostics.filter { $0.severity == .error })",
                    sourceLocation: sourceLocation)
            let built = try filesUnder(site), expected = try filesUnder(cleanSite)
            #expect(built.keys.sorted() == expected.keys.sorted(), "\(step): the file lists differ", sourceLocation: sourceLocation)
            let differing = expected.keys.filter { built[$0] != nil && built[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "\(step): these files differ: \(differing)", sourceLocation: sourceLocation)
            func said(_ report: BuildReport, _ output: URL) -> [String] {
                report.diagnostics.map { $0.formatted(relativeTo: folder.path).replacingOccurrences(of: output.path, with: "SITE") }
            }
            #expect(said(incremental, site) == said(clean, cleanSite), "\(step): the diagnostics differ", sourceLocation: sourceLocation)
            #expect(incremental.roadmapCount == clean.roadmapCount && incremental.pageCount == clean.pageCount,
                    sourceLocation: sourceLocation)
            return incremental.reusedRoadmaps
        }

        func edit(_ path: String, in base: URL? = nil, _ change: (String) -> String) throws {
            let url = (base ?? content).appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func everyKindOfEditRebuildsAsACleanBuildWould() throws {
        try withTemporaryFolder { folder in
            let project = try Project(in: folder)
            let roadmaps = 5
            #expect(try project.rebuildMatchesCleanBuild("first build") == 0)
            #expect(try project.rebuildMatchesCleanBuild("no change") == roadmaps)

            // A roadmap's text: that roadmap alone is rendered again.
            try project.edit("course/01-basics.md") { $0.replacingOccurrences(of: "moving around, files", with: "moving around, files and pipes") }
            #expect(try project.rebuildMatchesCleanBuild("a roadmap's text") == roadmaps - 1)

            // A skill another roadmap shows in "Also in": both pages change.
            try project.edit("data-engineer.md") { $0.replacingOccurrences(of: "- Version Control\n", with: "- Source Control\n") }
            #expect(try project.rebuildMatchesCleanBuild("a skill shown in Also in") < roadmaps - 1)

            // A heading another roadmap links to.
            try project.edit("ml-engineer.md") { $0.replacingOccurrences(of: "### Phase 2: Serving (4 weeks)", with: "### Phase 2: Serving Models (4 weeks)") }
            try project.rebuildMatchesCleanBuild("a heading another roadmap links to")

            // Where a roadmap uses a resource another roadmap uses too: the other's resource index
            // lists that use, so it is made again, though nothing the other's pages show changed.
            let otherIndex = project.site.appendingPathComponent("data-engineer/resources.html")
            #expect(try !String(contentsOf: otherIndex, encoding: .utf8).contains("Online Courses"))
            try project.edit("ml-engineer.md") { $0.replacingOccurrences(of: "### Courses", with: "### Online Courses") }
            #expect(try project.rebuildMatchesCleanBuild("a shared resource's use elsewhere") == roadmaps - 1)
            #expect(try String(contentsOf: otherIndex, encoding: .utf8).contains("Online Courses"))

            // A template, site.yml, glossary.yml: every page.
            try project.edit("partials/footer.mustache", in: project.templates) { $0 + "<!-- edited -->\n" }
            #expect(try project.rebuildMatchesCleanBuild("a template") == 0)
            try project.edit("site.yml") { $0.replacingOccurrences(of: "Incremental Roadmaps", with: "Rebuilt Roadmaps") }
            #expect(try project.rebuildMatchesCleanBuild("site.yml") == 0)
            try project.edit("glossary.yml") { $0.replacingOccurrences(of: "Helm: nolink", with: "Helm: nolink\nShell Scripting: [terminal]") }
            #expect(try project.rebuildMatchesCleanBuild("glossary.yml") == 0)

            // A roadmap added to the series, then one deleted.
            try writeFiles(["course/03-cloud.md": "# Cloud\n\n## Phase 1: Cloud (1 week)\n\n### Hosting (1 week)\n- **Docker** on a host\n"],
                           in: project.content)
            try project.rebuildMatchesCleanBuild("a roadmap added")
            try FileManager.default.removeItem(at: project.content.appendingPathComponent("course/02-tools.md"))
            try project.rebuildMatchesCleanBuild("a roadmap deleted")
            #expect(try project.rebuildMatchesCleanBuild("no change after all that") == roadmaps)

            // A published file (content's own, a page) changed or removed in the site by hand is written again.
            try project.edit("images/logo.svg") { $0.replacingOccurrences(of: "#336", with: "#633") }
            #expect(try project.rebuildMatchesCleanBuild("a content file") == roadmaps)
            try Data("stray".utf8).write(to: project.site.appendingPathComponent("course/stray.html"))
            #expect(try project.rebuildMatchesCleanBuild("a file put in the site by hand") == roadmaps)
            try Data("changed by hand".utf8).write(to: project.site.appendingPathComponent("data-engineer/index.html"))
            try FileManager.default.removeItem(at: project.site.appendingPathComponent("ml-engineer/timeline.html"))
            try FileManager.default.removeItem(at: project.site.appendingPathComponent("search-index.js"))
            #expect(try project.rebuildMatchesCleanBuild("site files changed by hand") < roadmaps)
        }
    }

    /// A damaged cache, one of another format or an empty file is not used, and the build is whole.
    @Test(arguments: ["truncated", "flipped", "garbage", "empty"])
    func aDamagedCacheIsIgnored(_ damage: String) throws {
        try withTemporaryFolder { folder in
            let project = try Project(in: folder)
            try project.rebuildMatchesCleanBuild("first build")
            var bytes = try Data(contentsOf: project.cacheFile)
            #expect(bytes.count > 1000)
            switch damage {
            case "truncated": bytes = bytes.prefix(bytes.count / 2)
            case "flipped": for offset in stride(from: 100, to: bytes.count - 100, by: 97) { bytes[offset] ^= 0x5A }
            case "garbage": bytes = Data((0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            default: bytes = Data()
            }
            try bytes.write(to: project.cacheFile)
            try project.edit("ml-engineer.md") { $0 + "\nOne more line.\n" }
            #expect(try project.rebuildMatchesCleanBuild("after damage") == 0)
            #expect(try project.rebuildMatchesCleanBuild("the cache is whole again") == 5)
        }
    }

    /// The cache is beside the output, never in the published site, and `--clean` neither reads
    /// it nor links the previous site's files.
    @Test func theCacheIsBesideTheSiteAndCleanIgnoresIt() throws {
        try withTemporaryFolder { folder in
            let project = try Project(in: folder)
            try project.rebuildMatchesCleanBuild("first build")
            #expect(FileManager.default.fileExists(atPath: project.cacheFile.path))
            #expect(project.cacheFile.deletingLastPathComponent().lastPathComponent == ".Site.roadmap-cache")
            #expect(try filesUnder(project.site).keys.allSatisfy { !$0.contains("cache") })
            var options = project.options(output: project.site, clean: false)
            options.clean = true
            let before = try FileManager.default.attributesOfItem(atPath: project.site.appendingPathComponent("index.html").path)
            let report = try SiteBuilder().build(options)
            #expect(report.succeeded && report.reusedRoadmaps == 0)
            let after = try FileManager.default.attributesOfItem(atPath: project.site.appendingPathComponent("index.html").path)
            #expect(before[.systemFileNumber] as? Int != after[.systemFileNumber] as? Int)
            #expect(try project.rebuildMatchesCleanBuild("after a clean build") == 5)
        }
    }

    /// An unchanged page is the previous site's file, hard-linked: no new inode.
    @Test func unchangedFilesAreLinkedFromThePreviousSite() throws {
        try withTemporaryFolder { folder in
            let project = try Project(in: folder)
            try project.rebuildMatchesCleanBuild("first build")
            func inode(_ path: String) throws -> Int? {
                try FileManager.default.attributesOfItem(atPath: project.site.appendingPathComponent(path).path)[.systemFileNumber] as? Int
            }
            let paths = ["course/01-basics/index.html", "search-index.js", "resources.html", "assets/site.css", "images/logo.svg"]
            let before = try paths.map(inode)
            try project.edit("ml-engineer.md") { $0.replacingOccurrences(of: "REST endpoints", with: "REST and gRPC endpoints") }
            try project.rebuildMatchesCleanBuild("one roadmap edited")
            let after = try paths.map(inode)
            #expect(before[0] == after[0] && before[3] == after[3] && before[4] == after[4])
            #expect(try inode("ml-engineer/index.html") != nil)
        }
    }
}
