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
    /// Static files (images, PDF, fonts, audio, video; SVG without script), copied into the site
    /// as they are.
    public var assets: [SourceFile]
    /// `site.yml` (or `site.yaml`), when present.
    public var siteConfig: SourceFile?
    /// `glossary.yml` (or `glossary.yaml`), when present.
    public var glossary: SourceFile?
    /// Files neither read nor published, and why; ``SkippedFile/warnings(_:)`` reports them.
    public var skipped: [SkippedFile] = []
    /// roadmap.sh folders, by their roadmap's file (`frontend/frontend.md`): each one roadmap,
    /// its topic files not in `roadmaps` (``TopicFolder``).
    public var topicFolders: [String: TopicFolder] = [:]
}

/// Finds every file under the content folder, recursively, in a stable order, and sorts them
/// into roadmaps, configuration, static assets and files that are left out. Nothing outside the
/// folder is ever listed: a symbolic link is followed only to a file inside it, and linked
/// folders are not entered.
struct ContentDiscovery: Sendable {
    static let markdownExtensions: Set<String> = ["md", "markdown"]
    static let configNames: Set<String> = ["site.yml", "site.yaml", "glossary.yml", "glossary.yaml"]

    func discover(in directory: String) throws -> ContentInventory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError("content.missing", "the content folder does not exist", file: directory)
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory),
              let root = RealPath.of(directory)
        else {
            throw BuildError.io("content.unreadable", "cannot read the content folder", path: directory)
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var inventory = ContentInventory(roadmaps: [], assets: [], siteConfig: nil, glossary: nil)
        var configs: [String: SourceFile] = [:]
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            // Hidden files and folders (.git, .DS_Store, editor swap files) are not content.
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let file = SourceFile(relativePath: relative, path: base + relative)
            switch Self.entryKind(file.path, root: root) {
            case .folder: continue
            case .skipped(let reason): inventory.skipped.append(SkippedFile(file: file, reason: reason))
            case .file:
                let ext = (name as NSString).pathExtension.lowercased()
                if Self.markdownExtensions.contains(ext) {
                    inventory.roadmaps.append(file)
                } else if Self.configNames.contains(relative) {
                    configs[relative] = file
                } else if name.hasSuffix("~") {
                    continue
                } else if let reason = StaticAssets.reasonToSkip(file, extension: ext) {
                    inventory.skipped.append(SkippedFile(file: file, reason: reason))
                } else {
                    inventory.assets.append(file)
                }
            }
        }
        inventory.siteConfig = configs["site.yml"] ?? configs["site.yaml"]
        inventory.glossary = configs["glossary.yml"] ?? configs["glossary.yaml"]
        inventory.roadmaps.sort { $0.relativePath < $1.relativePath }
        inventory.assets.sort { $0.relativePath < $1.relativePath }
        inventory.skipped.sort { $0.file.relativePath < $1.file.relativePath }
        TopicFolder.collect(in: &inventory)
        return inventory
    }

    private enum EntryKind {
        case file, folder
        case skipped(SkippedFile.Reason)
    }

    /// What the entry at `path` is, following a symbolic link only to a file inside `root`
    /// (the content folder, symbolic links resolved).
    private static func entryKind(_ path: String, root: String) -> EntryKind {
        var info = stat()
        // Gone since it was listed, or unreadable: reading it reports the file.
        guard lstat(path, &info) == 0 else { return .file }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: break
        default: return .skipped(.special)
        }
        guard let target = RealPath.of(path) else { return .skipped(.brokenLink) }
        guard target.hasPrefix(root == "/" ? "/" : root + "/") else { return .skipped(.linkOutside) }
        guard stat(target, &info) == 0 else { return .skipped(.brokenLink) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .skipped(.linkedFolder)
        case S_IFREG: return .file
        default: return .skipped(.special)
        }
    }
}

/// Paths with every symbolic link, `.` and `..` resolved, to compare where files really are.
enum RealPath {
    /// The absolute path of an existing file or folder; nil when it does not exist.
    static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The absolute path of `path`, which need not exist: its nearest existing folder resolved,
    /// the rest appended (`Content/Site` inside a linked `Content/` resolves to the link's target).
    static func resolving(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while existing.path != "/" {
            if let real = of(existing.path) {
                return rest.reversed().reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            rest.append(existing.lastPathComponent)
            existing.deleteLastPathComponent()
        }
        return existing.path + rest.reversed().joined(separator: "/")
    }
}

extension ContentInventory {
    /// The glossary, from the file discovery found: one linked from outside the content folder
    /// is skipped there, so it is never read.
    func readGlossary() -> (Glossary, [Diagnostic]) {
        guard let file = glossary, let data = FileManager.default.contents(atPath: file.path) else { return (Glossary(), []) }
        let (text, encodingDiagnostics) = SourceText.decode(data, file: file.path)
        let (glossary, diagnostics) = Glossary.parse(text, file: file.path)
        return (glossary, encodingDiagnostics + diagnostics)
    }
}
