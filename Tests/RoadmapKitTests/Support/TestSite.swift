import Foundation
import Testing
@testable import RoadmapKit

/// Paths of the test fixtures and the project's own templates.
enum TestPaths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let projectRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let templates = projectRoot.appendingPathComponent("Templates")
    static let seedContent = projectRoot.appendingPathComponent("Content")

    /// Whether goldens should be rewritten (`UPDATE_GOLDENS=1 swift test`).
    static var updatingGoldens: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != nil }
}

/// A temporary folder, removed when the value is released by `withTemporaryFolder`.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("roadmap-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// A site already built in a temporary folder, for tests of what a later build does to it:
/// `files` are written to `folder/Content` and built into `folder/Site`; `body` gets the
/// folder, the content and output folders, and the site's files as built.
func withPreviousSite<T>(
    _ files: [String: String], _ body: (_ folder: URL, _ content: URL, _ output: URL, _ previous: [String: Data]) throws -> T
) throws -> T {
    try withTemporaryFolder { folder in
        let content = folder.appendingPathComponent("Content")
        let output = folder.appendingPathComponent("Site")
        try writeFiles(files, in: content)
        #expect(try buildSite(content: content, output: output).succeeded)
        return try body(folder, content, output, try filesUnder(output))
    }
}

/// Writes `files` (relative path → text) under `folder`.
func writeFiles(_ files: [String: String], in folder: URL) throws {
    for (path, text) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// Builds `content` with the project's templates (or `templates`) into `output`.
func buildSite(content: URL, output: URL, templates: URL = TestPaths.templates, strict: Bool = false,
               baseURL: String? = nil, progress: BuildProgress? = nil) throws -> BuildReport
{
    var options = BuildOptions(
        contentDirectory: content.path, templatesDirectory: templates.path, outputDirectory: output.path,
        baseURL: baseURL, strict: strict, protectedDirectories: [TestPaths.projectRoot.path])
    options.progress = progress
    return try SiteBuilder().build(options)
}

/// Options for builds of `content` into `output` that keep pages between builds, as
/// `roadmap serve` does.
func cachedBuildOptions(content: URL, output: URL, cache: PageCache, linksUnchangedFiles: Bool = false) -> BuildOptions {
    var options = BuildOptions(contentDirectory: content.path, templatesDirectory: TestPaths.templates.path,
                               outputDirectory: output.path, protectedDirectories: [TestPaths.projectRoot.path])
    options.pageCache = cache
    options.linksUnchangedFiles = linksUnchangedFiles
    return options
}

/// A content folder built again and again with one page cache, linking unchanged files from
/// the previous site, as `roadmap serve` does.
struct CachedBuilds {
    let content: URL
    let site: URL
    let cache = PageCache()

    /// Builds the site, and tells the cache how the build went.
    func build() throws -> BuildReport {
        let options = cachedBuildOptions(content: content, output: site, cache: cache, linksUnchangedFiles: true)
        let report = try SiteBuilder().build(options)
        cache.buildFinished(succeeded: report.succeeded)
        return report
    }

    /// Writes `files` (content-relative path → text) over the content.
    func edit(_ files: [String: String]) throws { try writeFiles(files, in: content) }

    /// A file of the built site, as text.
    func page(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }
}

/// `body` with a temporary content folder holding `files`, to build with ``CachedBuilds``.
func withCachedBuilds<T>(_ files: [String: String], _ body: (CachedBuilds) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        let builds = CachedBuilds(content: folder.appendingPathComponent("Content"), site: folder.appendingPathComponent("Site"))
        try builds.edit(files)
        return try body(builds)
    }
}

/// Every regular file under `folder`, by relative path, with its bytes.
func filesUnder(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    for case let relative as String in enumerator {
        let url = folder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = try Data(contentsOf: url)
        }
    }
    return result
}

/// Builds a one-file site from Markdown and returns the roadmap page's HTML and the report.
func buildSingleRoadmap(_ markdown: String, name: String = "test.md", extraFiles: [String: String] = [:],
                        strict: Bool = false) throws -> (html: String, report: BuildReport)
{
    try withTemporaryFolder { folder in
        let content = folder.appendingPathComponent("Content")
        try writeFiles([name: markdown].merging(extraFiles) { a, _ in a }, in: content)
        let output = folder.appendingPathComponent("Site")
        let report = try buildSite(content: content, output: output, strict: strict)
        let slug = Slugger.pageSlug(relativePath: name, frontMatter: FrontMatter())
        let html = (try? String(contentsOf: output.appendingPathComponent("\(slug)/index.html"), encoding: .utf8)) ?? ""
        return (html, report)
    }
}

/// Diagnostics as the command prints them, paths relative to `folder`.
func formatted(_ diagnostics: [Diagnostic], relativeTo folder: URL) -> [String] {
    diagnostics.map { $0.formatted(relativeTo: folder.path) }
}
