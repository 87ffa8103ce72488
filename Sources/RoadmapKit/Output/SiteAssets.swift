import Foundation

/// The files published as they are: the templates' `assets/` folder (the site's own scripts,
/// styles and icons, at `assets/…`) and the content folder's static files, which may not land
/// on any path the site generates.
struct SiteAssets: Sendable {
    let templatesDirectory: String
    /// Files of the templates' `assets/` folder, relative to it, hidden ones left out.
    let templateFiles: [String]

    init(templatesDirectory: String) {
        self.templatesDirectory = templatesDirectory
        let root = (templatesDirectory as NSString).appendingPathComponent("assets")
        var files: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in enumerator {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(relative), isDirectory: &isDirectory),
                   !isDirectory.boolValue, !(relative as NSString).lastPathComponent.hasPrefix(".")
                {
                    files.append(relative)
                }
            }
        }
        templateFiles = files
    }

    /// The errors and warnings about the content folder's files before anything is written:
    /// an error for each that would land on a path the site generates (whatever its kind), and a
    /// warning for each kind of file left out (``SkippedFile/warnings(_:)``).
    func check(_ inventory: ContentInventory, publishing roadmaps: [(slug: String, file: SourceFile)]) -> [Diagnostic] {
        let generated = GeneratedPaths(roadmaps: roadmaps, templateAssets: templateFiles, templatesDirectory: templatesDirectory)
        let files = inventory.skipped.filter {
            switch $0.reason {
            case .notStatic, .activeSVG: true
            case .linkOutside, .brokenLink, .linkedFolder, .special: false
            }
        }
        let collisions = generated.collisions(inventory.assets + files.map(\.file))
        let colliding = Set(collisions.map(\.file))
        return collisions + SkippedFile.warnings(inventory.skipped.filter { !colliding.contains($0.file.path) })
    }

    /// The files published as they are: each one's path to read and its path in the site, the
    /// templates' assets first, then the content folder's static files.
    func copies(_ contentAssets: [SourceFile]) -> [(source: String, path: String)] {
        let root = (templatesDirectory as NSString).appendingPathComponent("assets")
        return templateFiles.map { ((root as NSString).appendingPathComponent($0), "assets/" + $0) }
            + contentAssets.map { ($0.path, $0.relativePath) }
    }

    /// Copies the templates' assets, then the content folder's static files.
    func copy(_ contentAssets: [SourceFile], to writer: SiteWriter) throws {
        for (source, path) in copies(contentAssets) {
            try writer.copy(source, to: path)
        }
    }
}
