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
    /// Every file written or copied so far, so the link check needs no walk of the folder and no
    /// `stat` per link.
    let written = WrittenFiles()

    /// Checks that `output` is safe to replace and creates the staging folder.
    init(output path: String, protecting protected: [String], linkingUnchangedFiles: Bool = false) throws {
        linksUnchangedFiles = linkingUnchangedFiles
        let output = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let outputPath = output.path
        if outputPath == "/" || outputPath.isEmpty {
            throw BuildError("output.refused", "refusing to write the site to '/'", file: path)
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if outputPath == home {
            throw BuildError("output.refused", "refusing to write the site to the home folder", file: path)
        }
        for other in protected {
            let protectedPath = URL(fileURLWithPath: other).standardizedFileURL.resolvingSymlinksInPath().path
            if outputPath == protectedPath || (protectedPath + "/").hasPrefix(outputPath + "/") {
                throw BuildError("output.refused", "refusing to write the site here: it is or contains '\(other)'", file: path)
            }
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: outputPath, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildError("output.refused", "the output exists and is not a folder", file: path)
            }
            let contents = (try? manager.contentsOfDirectory(atPath: outputPath)) ?? []
            if !contents.isEmpty, !manager.fileExists(atPath: output.appendingPathComponent(Self.markerName).path) {
                throw BuildError(
                    "output.refused", "refusing to replace this folder: it is not empty and was not written by roadmap "
                        + "(no \(Self.markerName) marker)", file: path)
            }
        }
        self.output = output
        let parent = output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildError.io("output.io", "cannot create the output's folder", path: parent.path, error: error)
        }
        try FolderRemoval.remove(staging.path)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildError.io("output.io", "cannot create the staging folder", path: staging.path, error: error)
        }
    }

    /// Writes `contents` at `relativePath` inside the staging folder.
    func write(_ contents: String, to relativePath: String) throws {
        var contents = contents
        try contents.withUTF8 { try write(UnsafeRawBufferPointer($0), to: relativePath) }
    }

    func write(_ data: Data, to relativePath: String) throws {
        try data.withUnsafeBytes { try write($0, to: relativePath) }
    }

    func write(_ bytes: [UInt8], to relativePath: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: relativePath) }
    }

    /// Plain open/write/close: `Data.write(to:)` fsyncs every file on Linux, which made writing
    /// a large site wait on the disk (the staging folder is swapped in whole anyway). When files
    /// are linked from the previous site (`roadmap serve`), a path is unlinked first, so such a
    /// link is never written through; a plain build's staging folder is new, so it is not.
    private func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        written.record(relativePath)
        if linksUnchangedFiles {
            // The staging folder may hold a link to the previous site's file here: never write through it.
            let path = staging.path + "/" + relativePath
            unlink(path)
            if Self.sameBytes(at: output.path + "/" + relativePath, as: bytes), link(output.path + "/" + relativePath, path) == 0 {
                return
            }
        }
        let descriptor = try create(relativePath)
        defer { close(descriptor) }
        try Self.writeAll(bytes, to: descriptor, relativePath)
    }

    /// Writes a file in pieces as `body` gives them: a page or index too large to hold whole
    /// (the site's resource index for 10,000 roadmaps is over 100 MB) never is.
    func stream(to relativePath: String, _ body: (inout FileStream) throws -> Void) throws {
        unlink(staging.path + "/" + relativePath)
        written.record(relativePath)
        var file = FileStream(descriptor: try create(relativePath), relativePath: relativePath)
        defer { close(file.descriptor) }
        try body(&file)
        try file.flush()
    }

    /// A file being written in pieces, buffered.
    struct FileStream {
        fileprivate let descriptor: Int32
        fileprivate let relativePath: String
        private var buffer: [UInt8] = []
        static let chunk = 1 << 18

        fileprivate init(descriptor: Int32, relativePath: String) {
            self.descriptor = descriptor
            self.relativePath = relativePath
            buffer.reserveCapacity(Self.chunk + 4096)
        }

        mutating func append(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Self.chunk { try flush() }
        }

        mutating func append(_ bytes: [UInt8]) throws {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.chunk { try flush() }
        }

        mutating func flush() throws {
            guard !buffer.isEmpty else { return }
            try buffer.withUnsafeBytes { try SiteWriter.writeAll($0, to: descriptor, relativePath) }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private func create(_ relativePath: String) throws -> Int32 {
        let path = staging.path + "/" + relativePath
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw BuildError.io("output.io", "cannot create a folder in the staging folder", path: path, error: error)
            }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw BuildError.io("output.io", "cannot create", path: path) }
        return descriptor
    }

    fileprivate static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, _ relativePath: String) throws {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw BuildError.io("output.io", "cannot write into the staging folder", path: relativePath)
            }
            offset += count
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

    /// Copies a file into the staging folder.
    func copy(_ source: String, to relativePath: String) throws {
        written.record(relativePath)
        let url = staging.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.copyItem(atPath: source, toPath: url.path)
        } catch {
            throw BuildError.io("output.io", "cannot copy into the site", path: source, error: error)
        }
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

/// The files a build has written, by path relative to the site root.
final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()

    func record(_ relativePath: String) {
        lock.withLock { _ = paths.insert(relativePath) }
    }

    /// Whether a file was written at `relativePath`.
    func contains(_ relativePath: String) -> Bool { lock.withLock { paths.contains(relativePath) } }

    /// Every path written so far, for many look-ups without the lock.
    var all: Set<String> { lock.withLock { paths } }

    /// The HTML files written, sorted.
    var htmlFiles: [String] { lock.withLock { paths.filter { $0.hasSuffix(".html") } }.sorted() }
}
