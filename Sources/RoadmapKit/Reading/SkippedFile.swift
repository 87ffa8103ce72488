import Foundation

/// A content file the build neither reads nor publishes.
public struct SkippedFile: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// Not a static asset: `.html`, `.js`, `.css`, … (the extension, lowercased; empty for none).
        case notStatic(extension: String)
        /// An SVG holding what runs in a browser; says what (``SVGScriptScanner``).
        case activeSVG(String)
        /// A symbolic link to a file or folder outside the content folder.
        case linkOutside
        /// A symbolic link to nothing.
        case brokenLink
        /// A symbolic link to a folder inside the content folder (not entered).
        case linkedFolder
        /// Not a regular file: a pipe, socket or device.
        case special
    }

    public var file: SourceFile
    public var reason: Reason

    /// At most this many warnings: the kinds after these share one.
    static let maximumWarnings = 8
    /// Files named in each warning; the rest are counted.
    static let namedFiles = 3

    /// One warning per kind of skipped file (per extension, for files that are not static
    /// assets), at the first file of the kind, naming a few more: a folder of a thousand
    /// scripts is one line.
    static func warnings(_ skipped: [SkippedFile]) -> [Diagnostic] {
        var groups: [[SkippedFile]] = []
        var groupOfKind: [String: Int] = [:]
        for file in skipped {
            let kind = file.kind
            if let group = groupOfKind[kind] {
                groups[group].append(file)
            } else {
                groupOfKind[kind] = groups.count
                groups.append([file])
            }
        }
        var warnings = groups.prefix(maximumWarnings).map { group in
            let first = group[0]
            return Diagnostic.warning(first.id, first.message + alsoNaming(group.dropFirst()), file: first.file.path)
        }
        let rest = groups.dropFirst(maximumWarnings).joined()
        if let first = rest.first {
            warnings.append(.warning(
                "content.not-published", "\(rest.count) more files of other kinds are not published"
                    + alsoNaming(rest.dropFirst()), file: first.file.path))
        }
        return warnings
    }

    private static func alsoNaming<Files: Collection<SkippedFile>>(_ others: Files) -> String {
        guard !others.isEmpty else { return "" }
        var names = others.prefix(namedFiles).map { "'\($0.file.relativePath)'" }.joined(separator: ", ")
        if others.count > namedFiles { names += " and \(others.count - namedFiles) more" }
        return "; the same for \(names)"
    }

    /// Files of one kind share a warning.
    private var kind: String {
        switch reason {
        case .notStatic(let ext): "." + ext
        case .activeSVG: "svg"
        case .linkOutside: "link-outside"
        case .brokenLink: "link-broken"
        case .linkedFolder: "link-folder"
        case .special: "special"
        }
    }

    var id: String {
        switch reason {
        case .notStatic: "content.not-published"
        case .activeSVG: "content.unsafe-svg"
        case .linkOutside: "content.symlink-outside"
        case .brokenLink: "content.symlink-broken"
        case .linkedFolder: "content.symlink-folder"
        case .special: "content.special-file"
        }
    }

    var message: String {
        switch reason {
        case .notStatic(let ext):
            (ext.isEmpty ? "a file without an extension" : "a '.\(ext)' file")
                + " is not published: only images, PDF, fonts, audio and video are copied from the content folder"
        case .activeSVG(let what): "SVG image not published: it holds \(what)"
        case .linkOutside: "symbolic link to outside the content folder skipped: nothing outside it is read or published"
        case .brokenLink: "symbolic link to nothing skipped"
        case .linkedFolder: "symbolic link to a folder skipped: linked folders are not entered"
        case .special: "not a regular file (a pipe, socket or device); skipped"
        }
    }
}
