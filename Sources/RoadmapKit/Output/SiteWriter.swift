import Foundation

/// Writes a site into a staging folder, then swaps it in (``SiteSwap``), so a failed or killed
/// build leaves the previous site whole. Only ever replaces a folder this tool wrote (it carries
/// a marker file).
struct SiteWriter: Sendable {
    static let markerName = ".roadmap-site"
    let output: URL
    let staging: URL
    /// A file whose bytes equal the current site's file at the same path is hard-linked from it
    /// instead of written: on ext4, creating tens of thousands of inodes right after the last
    /// build's were freed took most of a large rebuild's time. The staging folder is still
    /// swapped in whole; the last site's files live on as the new one's.
    var linksUnchangedFiles = false
    /// Every file written or copied so far, so the link check needs no walk of the folder and no
    /// `stat` per link.
    let written = WrittenFiles()
    private let swap: SiteSwap
    /// Held on the staging folder while the build runs, so no other build removes it.
    private let stagingLock: FolderLock?

    /// Checks that `output` is safe to replace and creates the staging folder (after
    /// ``cleanUpAfterKilledBuilds(output:)``, which the build calls first). `protected` folders
    /// must not be the output or inside it; `sources` (the content and templates folders) must
    /// not be either, nor contain it.
    init(output path: String, protecting protected: [String], sources: [String] = [],
         linkingUnchangedFiles: Bool = false) throws
    {
        if let refusal = Self.refusal(output: path, protecting: protected, sources: sources) {
            throw BuildError(refusal)
        }
        linksUnchangedFiles = linkingUnchangedFiles
        let output = URL(fileURLWithPath: RealPath.resolving(path))
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw BuildError.io("output.io", "cannot create the output's folder", path: output.deletingLastPathComponent().path, error: error)
        }
        let swap = SiteSwap(output: output.path)
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildError("output.refused", "the output exists and is not a folder", file: path)
            }
            let contents = ((try? manager.contentsOfDirectory(atPath: output.path)) ?? []).filter { swap.role(of: $0) == nil }
            if !contents.isEmpty, !manager.fileExists(atPath: output.appendingPathComponent(Self.markerName).path) {
                throw BuildError(
                    "output.refused", "refusing to replace this folder: it is not empty and was not written by roadmap "
                        + "(no \(Self.markerName) marker)", file: path)
            }
        }
        self.output = output
        self.swap = swap
        // With no site yet, no file can be linked from it: each would cost a failed open.
        linksUnchangedFiles = linkingUnchangedFiles && manager.fileExists(atPath: output.path)
        staging = URL(fileURLWithPath: swap.path(.building))
        guard mkdir(staging.path, 0o755) == 0 else {
            throw BuildError.io("output.io", "cannot create the staging folder", path: staging.path)
        }
        // A file system without `flock` (NFS) builds all the same; its leftovers are then kept.
        stagingLock = FolderLock(staging.path)
    }

    /// Finishes or removes what builds killed before this one left beside (or, for a mount
    /// point, inside) the output, even when this build fails before writing anything: their
    /// staging folders, an interrupted swap, a previous site renamed away (``SiteSwap``).
    static func cleanUpAfterKilledBuilds(output path: String) throws {
        try SiteSwap(output: RealPath.resolving(path)).cleanLeftovers()
    }

    /// Why the site must not be written to `path`, or nil: the root or home folder, a folder
    /// that is or holds a `protected` one, or one that is, holds or lies inside a `source`
    /// (the site would be read back as content, or nest inside itself).
    static func refusal(output path: String, protecting protected: [String], sources: [String]) -> Diagnostic? {
        let output = RealPath.resolving(path)
        func refuse(_ message: String) -> Diagnostic { .error("output.refused", message, file: path) }
        if output == "/" { return refuse("refusing to write the site to '/'") }
        if output == RealPath.resolving(FileManager.default.homeDirectoryForCurrentUser.path) {
            return refuse("refusing to write the site to the home folder")
        }
        func contains(_ folder: String, _ other: String) -> Bool { folder == other || (other + "/").hasPrefix(folder + "/") }
        for source in sources {
            let folder = RealPath.resolving(source)
            if contains(output, folder) { return refuse("refusing to write the site here: it is or contains '\(source)'") }
            if contains(folder, output) {
                return refuse("refusing to write the site here: it is inside '\(source)', which the build reads")
            }
        }
        for other in protected where contains(output, RealPath.resolving(other)) {
            return refuse("refusing to write the site here: it is or contains '\(other)'")
        }
        return nil
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
            if Self.sameBytes(at: output.path + "/" + relativePath, as: bytes), link(output.path + "/" + relativePath, to: relativePath) {
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

    /// Hard-links `source` (a file of the current site) at `relativePath` in the staging folder,
    /// making its folder if need be; false when it cannot (the caller then writes the file). The
    /// caller records the path once it keeps the link.
    func link(_ source: String, to relativePath: String) -> Bool {
        let path = staging.path + "/" + relativePath
        unlink(path)
        if Foundation.link(source, path) == 0 { return true }
        guard errno == ENOENT else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        return Foundation.link(source, path) == 0
    }

    /// Copies the bytes of `source` into a new file in the staging folder: never a link to it
    /// (a later edit of the content folder would change the published site) nor a copy of a
    /// symbolic link (which would publish whatever it points to). A file the current site has
    /// with the same bytes (copied there by the last build) is hard-linked from it instead.
    func copy(_ source: String, to relativePath: String) throws {
        written.record(relativePath, copied: true)
        // Non-blocking, so that a pipe put in place of the file cannot stall the build.
        let input = open(source, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { throw BuildError.io("content.unreadable", "cannot read", path: source) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw BuildError("content.unreadable", "cannot copy: not a regular file", file: source)
        }
        // The staging folder may hold a link to the previous site's file here: never write through it.
        unlink(staging.path + "/" + relativePath)
        if linksUnchangedFiles, Self.sameFile(input, size: Int(info.st_size), as: output.path + "/" + relativePath),
           link(output.path + "/" + relativePath, to: relativePath)
        {
            return
        }
        let descriptor = try create(relativePath)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw BuildError.io("content.unreadable", "cannot read", path: source)
            }
            try buffer.withUnsafeBytes { try Self.writeAll(UnsafeRawBufferPointer(rebasing: $0.prefix(count)), to: descriptor, relativePath) }
        }
    }

    /// Whether the regular file at `path` holds the bytes of the regular file at `source`.
    static func sameFile(source: String, as path: String) -> Bool {
        let input = open(source, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { return false }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return sameFile(input, size: Int(info.st_size), as: path)
    }

    /// Whether the regular file at `path` holds the `size` bytes of the open file `input`
    /// (read from its start; `input` is left at its start again).
    private static func sameFile(_ input: Int32, size: Int, as path: String) -> Bool {
        // Content files are small (images, PDFs); a large one is copied rather than held twice.
        guard size <= 1 << 24 else { return false }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { pread(input, $0.baseAddress! + offset, size - offset, off_t(offset)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return bytes.withUnsafeBytes { sameBytes(at: path, as: $0) }
    }

    /// Puts the staged site in place of the output and starts deleting the previous site, on a
    /// background queue. Returns the deletion, for the caller to wait for before it exits (a
    /// killed build's is finished by the next build); nil when there was no previous site or
    /// with `removingPreviousLater` (a long-running `roadmap serve`, which never waits for it).
    func commit(removingPreviousLater: Bool = false) throws -> PreviousSiteRemoval? {
        try write("This folder was generated by roadmap build; it is replaced on every build.\n", to: Self.markerName)
        guard let previous = try swap.swap(in: staging.path) else { return nil }
        let removal = PreviousSiteRemoval(previous, quality: removingPreviousLater ? .utility : .userInitiated)
        return removingPreviousLater ? nil : removal
    }

    /// Removes the staging folder; the previous output stays as it was.
    func discard() {
        try? FolderRemoval.remove(staging.path)
    }
}

/// The deletion of the site a build replaced, on a background queue (on every core), holding
/// its folder's lock until it is done: a build goes on with its last step (keeping the render
/// cache) meanwhile, and waits for it at the end.
final class PreviousSiteRemoval: Sendable {
    private let done = DispatchGroup()

    init(_ previous: (path: String, lock: FolderLock?), quality: DispatchQoS.QoSClass) {
        done.enter()
        DispatchQueue.global(qos: quality).async { [done] in
            try? FolderRemoval.removeOnEveryCore(previous.path)
            withExtendedLifetime(previous.lock) {}
            done.leave()
        }
    }

    func wait() { done.wait() }
}

/// The files a build has written, by path relative to the site root.
final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()

    private var copiedPaths = Set<String>()

    /// Records a file written (or, `copied`, copied from the content or templates folder).
    func record(_ relativePath: String, copied: Bool = false) {
        lock.withLock {
            paths.insert(relativePath)
            if copied { copiedPaths.insert(relativePath) }
        }
    }

    /// The files copied as they are from the content or templates folder.
    var copied: Set<String> { lock.withLock { copiedPaths } }

    /// Whether a file was written at `relativePath`.
    func contains(_ relativePath: String) -> Bool { lock.withLock { paths.contains(relativePath) } }

    /// Every path written so far, for many look-ups without the lock.
    var all: Set<String> { lock.withLock { paths } }

    /// The HTML files written, sorted.
    var htmlFiles: [String] { lock.withLock { paths.filter { $0.hasSuffix(".html") } }.sorted() }
}
