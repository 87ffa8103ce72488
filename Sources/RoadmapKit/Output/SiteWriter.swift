import Foundation

/// Writes a site into a staging folder beside the output, then swaps it in, so a failed build
/// leaves the previous site untouched. Only ever replaces a folder this tool wrote (it carries
/// a marker file).
struct SiteWriter: Sendable {
    static let markerName = ".roadmap-site"
    let output: URL
    let staging: URL
    /// A file whose bytes equal the current site's file at the same path is hard-linked from it
    /// instead of written (`roadmap serve`: creating thousands of inodes dominated a rebuild).
    var linksUnchangedFiles = false

    /// Checks that `output` is safe to replace and creates the staging folder.
    init(output path: String, protecting protected: [String], linkingUnchangedFiles: Bool = false) throws {
        linksUnchangedFiles = linkingUnchangedFiles
        let output = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let outputPath = output.path
        if outputPath == "/" || outputPath.isEmpty {
            throw BuildError("refusing to write the site to '/'")
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if outputPath == home {
            throw BuildError("refusing to write the site to the home folder '\(path)'")
        }
        for other in protected {
            let protectedPath = URL(fileURLWithPath: other).standardizedFileURL.resolvingSymlinksInPath().path
            if outputPath == protectedPath || (protectedPath + "/").hasPrefix(outputPath + "/") {
                throw BuildError("refusing to write the site to '\(path)': it is or contains '\(other)'")
            }
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: outputPath, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildError("output '\(path)' exists and is not a folder")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: outputPath)) ?? []
            if !contents.isEmpty, !manager.fileExists(atPath: output.appendingPathComponent(Self.markerName).path) {
                throw BuildError(
                    "refusing to replace '\(path)': it is not empty and was not written by roadmap (no \(Self.markerName) marker)")
            }
        }
        self.output = output
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        try FolderRemoval.remove(staging.path)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `contents` at `relativePath` inside the staging folder.
    func write(_ contents: String, to relativePath: String) throws {
        var contents = contents
        try contents.withUTF8 { try write(UnsafeRawBufferPointer($0), to: relativePath) }
    }

    func write(_ data: Data, to relativePath: String) throws {
        try data.withUnsafeBytes { try write($0, to: relativePath) }
    }

    /// Plain open/write/close: `Data.write(to:)` fsyncs every file on Linux, which made writing
    /// a large site wait on the disk (the staging folder is swapped in whole anyway). A path is
    /// unlinked first, so a file hard-linked from the previous site is never written through.
    private func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        let path = staging.path + "/" + relativePath
        unlink(path)
        if linksUnchangedFiles, Self.sameBytes(at: output.path + "/" + relativePath, as: bytes),
           link(output.path + "/" + relativePath, path) == 0
        {
            return
        }
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw Self.error("cannot create", relativePath) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.error("cannot write", relativePath)
            }
            offset += written
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    private static func sameBytes(at path: String, as bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else {
            return false
        }
        if bytes.isEmpty { return true }
        let old = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { old.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let got = read(descriptor, old.baseAddress! + offset, bytes.count - offset)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            offset += got
        }
        return memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }

    private static func error(_ what: String, _ relativePath: String) -> BuildError {
        BuildError("\(what) '\(relativePath)' in the staging folder: \(String(cString: strerror(errno)))")
    }

    /// Copies a file into the staging folder.
    func copy(_ source: String, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.copyItem(atPath: source, toPath: url.path)
    }

    /// Puts the staged site in place of the output. With `removingPreviousLater` (a long-running
    /// `roadmap serve`) the previous site is deleted on a background queue, after the swap.
    func commit(removingPreviousLater: Bool = false) throws {
        try write("This folder was generated by roadmap build; it is replaced on every build.\n", to: Self.markerName)
        let manager = FileManager.default
        let suffix = removingPreviousLater ? "-" + UUID().uuidString.prefix(8) : ""
        let retired = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)\(suffix)")
        try FolderRemoval.remove(retired.path)
        let hadOutput = manager.fileExists(atPath: output.path)
        if hadOutput { try manager.moveItem(at: output, to: retired) }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? manager.moveItem(at: retired, to: output) }
            throw error
        }
        guard hadOutput else { return }
        if removingPreviousLater {
            DispatchQueue.global(qos: .utility).async { try? FolderRemoval.remove(retired.path) }
        } else {
            try? FolderRemoval.remove(retired.path)
        }
    }

    /// Removes the staging folder; the previous output stays as it was.
    func discard() {
        try? FolderRemoval.remove(staging.path)
    }
}
