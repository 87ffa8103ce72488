import Foundation
import RoadmapMarkdown

/// The paths the build writes, and what writes each. A content file is never published over
/// one: one that would be (or would need one to be a folder, or stands where the build makes a
/// folder) is an error naming both, whatever its kind.
struct GeneratedPaths: Sendable {
    /// Files at the site's root, and what writes them.
    static let siteFiles: [String: String] = [
        "index.html": "the home page",
        "404.html": "the not-found page",
        "search.html": "the search page",
        "search-index.json": "the search index",
        "search-index.js": "the search index",
        "resources.html": "the site's resource index",
        "resources.json": "the site's resource index",
        "sitemap.xml": "the sitemap",
        "robots.txt": "robots.txt",
        SiteWriter.markerName: "the marker of a site roadmap wrote",
    ]
    /// Folders at the site's root the build fills on its own.
    static let siteFolders: [String: String] = ["search": "the search index's shards"]
    /// Files in each roadmap's folder, and what they are.
    static let roadmapFiles: [String: String] = [
        "index.html": "the page", "timeline.html": "the timeline", "resources.html": "the resource index",
        "roadmap.json": "the data",
    ]

    /// The files of a roadmap's folder its own rendering writes (the resource index is written
    /// with the site-wide pages).
    static let pageFiles = ["index.html", "timeline.html", "roadmap.json"]

    /// What writes a generated path: the site, a roadmap, or the templates' assets.
    enum Owner: Equatable {
        case site(String)
        case roadmap(String, SourceFile)
        case templateAsset(String)
    }

    /// Published roadmaps by slug (the folder of their pages), lowercased (as every comparison here: a site copied to a
    /// file system that ignores case must not lose a file either).
    private let roadmaps: [String: SourceFile]
    /// Files of the templates' `assets/` folder, relative to the site, lowercased.
    private let templateAssets: [String: String]
    /// The templates' `assets/` folder, which owns the site's `assets/` when it holds any file.
    private let templateAssetsFolder: String

    init(roadmaps: [(slug: String, file: SourceFile)], templateAssets: [String], templatesDirectory: String) {
        self.roadmaps = Dictionary(roadmaps.map { ($0.slug.lowercased(), $0.file) }, uniquingKeysWith: { first, _ in first })
        let folder = (templatesDirectory as NSString).appendingPathComponent("assets")
        templateAssetsFolder = folder
        self.templateAssets = Dictionary(
            templateAssets.map { ("assets/" + $0.lowercased(), (folder as NSString).appendingPathComponent($0)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// What writes the file at `path` (relative to the site), or nil.
    func owner(ofFile path: String) -> Owner? {
        let key = path.lowercased()
        if let what = Self.siteFiles[key] { return .site(what) }
        if ResourcePages.files.isLaterPage(key) { return .site("a page of the site's resource index") }
        if SiteWidePages.homeFiles.isLaterPage(key) { return .site("a page of the home page") }
        if let asset = templateAssets[key] { return .templateAsset(asset) }
        // A roadmap's files are in its folder, at any depth (`cohorts/2022/intro/index.html`).
        guard let slash = key.lastIndex(of: "/") else { return nil }
        if let file = roadmaps[String(key[..<slash])], let what = Self.roadmapFiles[String(key[key.index(after: slash)...])] {
            return .roadmap(what, file)
        }
        return nil
    }

    /// What writes into the folder at `path`, or nil.
    func owner(ofFolder path: String) -> Owner? {
        let key = path.lowercased()
        if let what = Self.siteFolders[key] { return .site(what) }
        if let file = roadmaps[key] { return .roadmap("the folder", file) }
        if key == "assets", !templateAssets.isEmpty { return .templateAsset(templateAssetsFolder) }
        return nil
    }

    /// The generated path a content file at `relativePath` would collide with, and its owner.
    func collision(_ relativePath: String) -> (path: String, owner: Owner)? {
        if let owner = owner(ofFile: relativePath) ?? owner(ofFolder: relativePath) { return (relativePath, owner) }
        // Inside a folder the build fills, or below a path the build writes as a file.
        var ancestor = ""
        for part in relativePath.split(separator: "/").dropLast() {
            ancestor += ancestor.isEmpty ? String(part) : "/" + part
            if let what = Self.siteFolders[ancestor.lowercased()] { return (ancestor + "/", .site(what)) }
            if let owner = owner(ofFile: ancestor) { return (ancestor, owner) }
        }
        return nil
    }

    /// An error for each file that would land on a generated path, naming what generates it.
    func collisions(_ files: [SourceFile]) -> [Diagnostic] {
        files.compactMap { file -> Diagnostic? in
            guard let (path, owner) = collision(file.relativePath) else { return nil }
            var notes: [Diagnostic] = []
            let what: String
            switch owner {
            case .site(let description):
                what = description
            case .roadmap(let description, let roadmap):
                what = "\(description) of roadmap '\(roadmap.relativePath)'"
                notes.append(.note("the roadmap", file: roadmap.path, at: SourceLocation(line: 1, column: 1)))
            case .templateAsset(let asset):
                what = "the templates' asset"
                notes.append(.note("the templates' asset", file: asset))
            }
            return Diagnostic(
                .error, id: "content.generated-path",
                "'\(file.relativePath)' would be published where the site writes \(what) ('\(path)'); rename or move it",
                file: file.path, notes: notes)
        }
    }
}
