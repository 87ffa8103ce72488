import Foundation

/// A Markdown file found under the content folder.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators, e.g. `guides/mlops.md`.
    public var relativePath: String
    /// Path as given to the tool plus the relative path, for reading and for diagnostics.
    public var path: String
}

/// What is in the content folder: roadmaps, the optional site configuration and other files.
public struct ContentInventory: Sendable {
    public var roadmaps: [SourceFile]
    /// Files other than Markdown and configuration, copied into the site as they are.
    public var assets: [SourceFile]
    /// `site.yml` (or `site.yaml`), when present.
    public var siteConfig: SourceFile?
}

/// Finds every Markdown file under the content folder, recursively, in a stable order.
struct ContentDiscovery: Sendable {
    static let markdownExtensions: Set<String> = ["md", "markdown"]
    static let configNames: Set<String> = ["site.yml", "site.yaml", "glossary.yml", "glossary.yaml"]

    func discover(in directory: String) throws -> ContentInventory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError("content.missing", "the content folder does not exist", file: directory)
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw BuildError.io("content.unreadable", "cannot read the content folder", path: directory)
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var roadmaps: [SourceFile] = []
        var assets: [SourceFile] = []
        var config: SourceFile?
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            // Hidden files and folders (.git, .DS_Store, editor swap files) are not content.
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let file = SourceFile(relativePath: relative, path: base + relative)
            var isFolder: ObjCBool = false
            // A dangling link is kept: reading it reports the file, which says more than skipping it.
            _ = FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            if Self.markdownExtensions.contains(ext) {
                roadmaps.append(file)
            } else if Self.configNames.contains(relative) {
                if relative.hasPrefix("site.") { config = file }
            } else if !name.hasSuffix("~") {
                assets.append(file)
            }
        }
        roadmaps.sort { $0.relativePath < $1.relativePath }
        assets.sort { $0.relativePath < $1.relativePath }
        return ContentInventory(roadmaps: roadmaps, assets: assets, siteConfig: config)
    }
}
