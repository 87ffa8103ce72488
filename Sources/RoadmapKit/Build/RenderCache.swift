import Foundation

/// What a build keeps for the next one, so that a rebuild does again only what its input
/// changed: each roadmap's pass 1 output (its listing), its pass 2 output (everything the
/// site-wide steps need of it) with the files its pages were written to, the site-wide
/// pages' files, and each page the site-wide steps render one by one (``SitePageReuse``) with
/// its links. One file, `cache`, in a folder beside the output (`Site` →
/// `.Site.roadmap-cache/`): never inside it, so never published, and safe to delete at any
/// time (the next build is then a full one).
///
/// Every entry is found by a ``ContentDigest`` of everything its output depends on
/// (``RenderCacheKeys``), never by a file's date. Its files are carried over from the current
/// site (hard-linked into the staging folder) only while each is the file the cache recorded:
/// the same inode, size and modification time. A cache written by another build of the tool, a
/// record whose checksum does not match or that does not decode, or a file that changed is
/// not used: that part is built again. The cache is replaced, whole, only after a build's site
/// is in place.
///
/// Layout: `RMCACHE1`, the tool's identity (16 bytes), the records (each its 8-byte checksum,
/// then its bytes), the index (a record), and the index's offset, length and `RMCACHE.` (8 bytes each).
final class RenderCache: @unchecked Sendable {
    static let fileName = "cache"
    private static let magic = Array("RMCACHE1".utf8)
    private static let endMagic = Array("RMCACHE.".utf8)

    /// Where the cache of the site at `output` is: a hidden folder beside it.
    static func folder(forOutput output: String) -> String {
        let path = RealPath.resolving(output)
        return (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".roadmap-cache"
    }

    /// A record's place in its cache file.
    struct Blob: Sendable {
        var offset: Int
        var length: Int
    }

    /// What the cache knows of one roadmap, by its content-relative path.
    struct Entry: Sendable {
        var listingKey: ContentDigest
        var listing: Blob
        /// Its pages' key, record and files (site-relative), when its pages were rendered.
        var page: (key: ContentDigest, blob: Blob, files: [String])?
    }

    /// A page of the site-wide steps, by its file: the key of its inputs and its links' record.
    struct SitePage: Sendable {
        var key: ContentDigest
        var links: Blob
    }

    /// The site-wide pages of the last build: their key, their files, and the diagnostics of the
    /// site-wide steps and the link check, which came out as they did because every input did.
    struct SiteWide: Sendable {
        var key: ContentDigest
        var files: [String]
        var diagnostics: [Diagnostic]
    }

    /// What a file of the site was when the cache was written.
    struct FileSignature: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        var modified: Int
        var modifiedNanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int(info.st_size)
            modified = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        }

        init(device: UInt64, inode: UInt64, size: Int, modified: Int, modifiedNanoseconds: Int) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modified = modified
            self.modifiedNanoseconds = modifiedNanoseconds
        }
    }

    private let folder: String
    private let identity: ContentDigest
    /// The last build's cache, when there is a usable one.
    private let previous: Kept?
    private let previousFile: SearchSpool?
    /// This build's cache, written beside the old one and put in its place by ``finish(site:)``.
    private let next: CacheFileWriter?
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Entries whose records are the old file's, to copy when the new file is written.
    private var oldBlobs: [String: (listing: Bool, page: Bool)] = [:]
    private var siteWide: SiteWide?
    private var sitePages: [String: SitePage] = [:]
    /// Site pages whose records are the old file's.
    private var oldSitePages = Set<String>()
    /// Whether anything differs from the last build's cache (else it is kept as it is).
    private var changed = false
    private(set) var reusedPages = 0
    /// The site's files, when it is kept as it is.
    private var unchangedFiles = Set<String>()

    /// Opens the cache of the site at `output` for a build of the tool `identity`; with `ignoringPrevious` (`--clean`)
    /// the last build's cache is not read, only replaced. Nil when the folder cannot be made:
    /// the build then goes on without a cache.
    init?(output: String, identity: ContentDigest, ignoringPrevious: Bool = false) {
        folder = Self.folder(forOutput: output)
        self.identity = identity
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        Self.removeAbandonedFiles(in: folder)
        let path = folder + "/" + Self.fileName
        if !ignoringPrevious, let file = SearchSpool(reading: path), let loaded = Self.load(file, identity: identity) {
            previous = loaded
            previousFile = file
        } else {
            previous = nil
            previousFile = nil
        }
        // Appended to while at most half of it is records no build uses any more; else written anew.
        let live = (previous?.entries.values.reduce(0) { $0 + $1.listing.length + ($1.page?.blob.length ?? 0) } ?? 0)
            + (previous?.sitePages.values.reduce(0) { $0 + $1.links.length } ?? 0)
        if let size = previousFile?.size, size <= 2 * live + (16 << 20), let appending = CacheFileWriter(appendingTo: path) {
            next = appending
        } else {
            next = CacheFileWriter(folder: folder, header: Self.magic + Self.bytes(of: identity))
        }
        changed = previous == nil
    }

    // MARK: Pass 1

    /// The listing kept for the roadmap at `path` under `key`, or nil. A kept listing's resource
    /// uses hold its resources only (``ResourceUses/isComplete`` is false).
    func listing(_ path: String, key: ContentDigest) -> ListingPass.Output? {
        guard let entry = previous?.entries[path], entry.listingKey == key,
              let output = try? decode(entry.listing, { try ListingPass.Output(from: &$0) })
        else { return nil }
        lock.withLock {
            entries[path] = Entry(listingKey: key, listing: entry.listing, page: nil)
            oldBlobs[path] = (true, false)
        }
        return output
    }

    /// Keeps a listing made by this build.
    func store(_ output: ListingPass.Output, for path: String, key: ContentDigest) {
        var encoder = CacheEncoder()
        output.encode(to: &encoder)
        guard let blob = next?.append(encoder.bytes) else { return }
        lock.withLock {
            entries[path] = Entry(listingKey: key, listing: blob, page: nil)
            changed = true
        }
    }

    // MARK: Pass 2

    /// The pass 2 result kept for the roadmap at `path` under `key`, its files hard-linked from the
    /// current site (`writer.output`) into the staging folder; nil when there is none or a file
    /// is not the one the cache recorded.
    func page(_ path: String, key: ContentDigest, into writer: SiteWriter) -> PageResult? {
        guard let previous, let entry = previous.entries[path], let page = entry.page, page.key == key,
              lock.withLock({ entries[path]?.listingKey == entry.listingKey }),
              Self.link(page.files, recorded: previous.files, into: writer),
              let result = try? decode(page.blob, { try PageResult(from: &$0, file: previousFile, offset: page.blob.offset) })
        else { return nil }
        lock.withLock {
            entries[path]?.page = page
            oldBlobs[path, default: (false, false)].page = true
            reusedPages += 1
        }
        return result
    }

    /// Keeps a pass 2 result made by this build, its pages written to `files`.
    func store(_ result: PageResult, for path: String, key: ContentDigest, files: [String]) {
        var encoder = CacheEncoder()
        guard (try? result.encode(to: &encoder)) != nil, let blob = next?.append(encoder.bytes) else { return }
        lock.withLock {
            entries[path]?.page = (key, blob, files)
            changed = true
        }
    }

    // MARK: Site-wide pages

    /// The site-wide steps' and link check's diagnostics of the last build, its site-wide pages
    /// hard-linked into the staging folder, when `key` is the last build's; else nil.
    func siteWide(key: ContentDigest, into writer: SiteWriter) -> [Diagnostic]? {
        guard let previous, let kept = previous.siteWide, kept.key == key,
              Self.link(kept.files, recorded: previous.files, into: writer)
        else { return nil }
        lock.withLock {
            siteWide = kept
            keepSitePages(of: previous)
        }
        return kept.diagnostics
    }

    /// The links of the site-wide page at `file` kept under `key`, its file hard-linked from the
    /// current site into the staging folder; nil when there is none or the file is not the one
    /// the cache recorded.
    func sitePage(_ file: String, key: ContentDigest, into writer: SiteWriter) -> RenderedPageLinks? {
        guard let previous, let kept = previous.sitePages[file], kept.key == key,
              let links = try? decode(kept.links, { try RenderedPageLinks(from: &$0) }), links.page == file,
              Self.link([file], recorded: previous.files, into: writer)
        else { return nil }
        lock.withLock {
            sitePages[file] = kept
            oldSitePages.insert(file)
        }
        return links
    }

    /// Keeps a site-wide page rendered by this build under `key`, by its file (`links.page`).
    func store(sitePage links: RenderedPageLinks, key: ContentDigest) {
        var encoder = CacheEncoder()
        links.encode(to: &encoder)
        guard let blob = next?.append(encoder.bytes) else { return }
        lock.withLock {
            sitePages[links.page] = SitePage(key: key, links: blob)
            changed = true
        }
    }

    /// Every site page of the last build, kept as it was (with the site-wide pages' files). Locked.
    private func keepSitePages(of previous: Kept) {
        sitePages = previous.sitePages
        oldSitePages = Set(previous.sitePages.keys)
    }

    func store(siteWide: SiteWide) {
        lock.withLock {
            self.siteWide = siteWide
            changed = true
        }
    }

    // MARK: A site that stays

    /// When every page's key and the site-wide pages' key are the last build's, every file the
    /// cache recorded is still as it was, each file published as it is (`copies`: where it is
    /// read from and its path in the site) has the same bytes in the site, and the site holds
    /// no other file, the build would write the site that is there: this returns the
    /// diagnostics the last build reported for its pages and site-wide steps, and the number
    /// of HTML pages. Else nil, and the build goes on.
    func unchangedSite(
        pages: [(path: String, key: ContentDigest)], siteWideKey: ContentDigest, copies: [(source: String, path: String)],
        output: String
    ) -> (diagnostics: [Diagnostic], htmlPages: Int)? {
        guard let previous, let siteWide = previous.siteWide, siteWide.key == siteWideKey,
              previous.entries.count == pages.count
        else { return nil }
        let site = RealPath.resolving(output)
        var expected = Set(siteWide.files)
        var kept: [(path: String, page: (key: ContentDigest, blob: Blob, files: [String]))] = []
        for (path, key) in pages {
            guard let page = previous.entries[path]?.page, page.key == key else { return nil }
            expected.formUnion(page.files)
            kept.append((path, page))
        }
        // The generated files as recorded, the copies with their sources' bytes, nothing else.
        guard expected.allSatisfy({ previous.files[$0] != nil && FileSignature(path: site + "/" + $0) == previous.files[$0] }),
              copies.allSatisfy({ SiteWriter.sameFile(source: $0.source, as: site + "/" + $0.path) })
        else { return nil }
        expected.formUnion(copies.map(\.path))
        expected.insert(SiteWriter.markerName)
        guard let present = FolderListing.files(under: site), present == expected else { return nil }
        var diagnostics = siteWide.diagnostics
        for (_, page) in kept {
            guard let pageDiagnostics = try? decode(page.blob, whole: false, { decoder -> [Diagnostic] in
                _ = try RoadmapSummary(from: &decoder)
                return try decoder.decode()
            }) else { return nil }
            diagnostics += pageDiagnostics
        }
        lock.withLock {
            for (path, page) in kept {
                entries[path]?.page = page
                oldBlobs[path, default: (false, false)].page = true
            }
            self.siteWide = siteWide
            keepSitePages(of: previous)
            reusedPages = kept.count
            unchangedFiles = expected
        }
        return (diagnostics, expected.filter { $0.hasSuffix(".html") }.count)
    }

    // MARK: Finishing

    /// ``finish(site:paths:)`` once ``unchangedSite(pages:siteWideKey:copies:output:)`` found the site as it was.
    func finishUnchanged(site: URL) {
        finish(site: site, paths: lock.withLock { unchangedFiles })
    }

    /// Writes this build's cache in place of the last one, the files of `site` (the site just
    /// put in place, as its written paths) recorded as they are now. Kept as it is when nothing
    /// changed. Failing to write it only costs the next build its reuse.
    func finish(site: URL, paths: Set<String>) {
        guard let next else { return }
        let (entries, oldBlobs, siteWide, sitePages, oldSitePages, changed) = lock.withLock {
            (self.entries, self.oldBlobs, self.siteWide, self.sitePages, self.oldSitePages, self.changed)
        }
        guard changed || entries.count != previous?.entries.count || siteWide == nil else {
            next.discard()
            return
        }
        var files: [String: FileSignature] = [:]
        files.reserveCapacity(paths.count)
        for path in paths where path != SiteWriter.markerName {
            if let signature = FileSignature(path: site.path + "/" + path) { files[path] = signature }
        }
        var kept = entries
        for (path, old) in oldBlobs where !next.isAppending {
            guard let previousFile, var entry = kept[path] else { continue }
            if old.listing {
                guard let blob = next.copy(entry.listing, from: previousFile) else { return next.discard() }
                entry.listing = blob
            }
            if old.page, let page = entry.page {
                guard let blob = next.copy(page.blob, from: previousFile) else { return next.discard() }
                entry.page?.blob = blob
            }
            kept[path] = entry
        }
        var keptPages = sitePages
        for file in oldSitePages where !next.isAppending {
            guard let previousFile, let page = keptPages[file] else { continue }
            guard let blob = next.copy(page.links, from: previousFile) else { return next.discard() }
            keptPages[file]?.links = blob
        }
        var encoder = CacheEncoder()
        Self.encodeIndex(Kept(entries: kept, siteWide: siteWide, sitePages: keptPages, files: files), to: &encoder)
        guard let index = next.append(encoder.bytes) else { return next.discard() }
        next.finish(index: index, endMagic: Self.endMagic, as: folder + "/" + Self.fileName)
    }

    /// Drops this build's cache (the build failed: the last one stays), and the cache's folder
    /// when it is empty (a first build that failed leaves nothing beside the output).
    func discard() {
        next?.discard()
        rmdir(folder)
    }

    // MARK: Reading records

    private func decode<Value>(_ blob: Blob, whole: Bool = true, _ body: (inout CacheDecoder) throws -> Value) throws -> Value {
        guard let previousFile else { throw CacheDecoder.Corrupt() }
        return try Self.decode(blob, in: previousFile, whole: whole, body)
    }

    /// The record at `blob` of `file`, its checksum checked, decoded by `body` (which reads it
    /// all, unless not `whole`); the decoder's positions count from the record's first byte
    /// after the checksum (at `blob.offset + 8`).
    private static func decode<Value>(
        _ blob: Blob, in file: SearchSpool, whole: Bool = true, _ body: (inout CacheDecoder) throws -> Value
    ) throws -> Value {
        guard blob.offset >= 0, blob.length >= 8 else { throw CacheDecoder.Corrupt() }
        let bytes = try file.read(blob.offset..<(blob.offset + blob.length))
        let payload = Array(bytes[8...])
        guard Self.checksum(payload) == Self.number(bytes[0..<8]) else { throw CacheDecoder.Corrupt() }
        var decoder = CacheDecoder(payload)
        let value = try body(&decoder)
        guard decoder.isAtEnd || !whole else { throw CacheDecoder.Corrupt() }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 { ContentHasher.digest { $0.add(bytes) }.low }

    static func bytes(of number: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: number >> (8 * $0)) } }

    static func bytes(of digest: ContentDigest) -> [UInt8] { bytes(of: digest.low) + bytes(of: digest.high) }

    static func number(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The index of the cache in `file`, or nil when it is not one of this tool's or is damaged.
    private static func load(_ file: SearchSpool, identity: ContentDigest) -> Kept? {
        guard let size = file.size, size >= 24 + 24,
              let header = try? file.read(0..<24), Array(header[0..<8]) == magic, Array(header[8...]) == bytes(of: identity),
              let trailer = try? file.read((size - 24)..<size), Array(trailer[16...]) == endMagic
        else { return nil }
        let offset = Int(truncatingIfNeeded: number(trailer[0..<8])), length = Int(truncatingIfNeeded: number(trailer[8..<16]))
        guard offset >= 24, length >= 8, offset <= size - 24 - length else { return nil }
        return try? decode(Blob(offset: offset, length: length), in: file) { try decodeIndex(&$0) }
    }

    // MARK: The index

    /// What a cache file's index holds.
    struct Kept: Sendable {
        var entries: [String: Entry]
        var siteWide: SiteWide?
        var sitePages: [String: SitePage]
        var files: [String: FileSignature]
    }

    private static func encodeIndex(_ index: Kept, to encoder: inout CacheEncoder) {
        let (entries, siteWide, sitePages, files) = (index.entries, index.siteWide, index.sitePages, index.files)
        func encode(_ blob: Blob) {
            encoder.encode(blob.offset)
            encoder.encode(blob.length)
        }
        encoder.encode(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            encoder.encode(path)
            encoder.encode(entry.listingKey)
            encode(entry.listing)
            encoder.encode(entry.page != nil)
            if let page = entry.page {
                encoder.encode(page.key)
                encode(page.blob)
                encoder.encode(page.files)
            }
        }
        encoder.encode(siteWide != nil)
        if let siteWide {
            encoder.encode(siteWide.key)
            encoder.encode(siteWide.files)
            encoder.encode(siteWide.diagnostics)
        }
        encoder.encode(sitePages.count)
        for (file, page) in sitePages.sorted(by: { $0.key < $1.key }) {
            encoder.encode(file)
            encoder.encode(page.key)
            encode(page.links)
        }
        encoder.encode(files.count)
        for (path, signature) in files.sorted(by: { $0.key < $1.key }) {
            encoder.encode(path)
            encoder.encode(signature.device)
            encoder.encode(signature.inode)
            encoder.encode(signature.size)
            encoder.encode(signature.modified)
            encoder.encode(signature.modifiedNanoseconds)
        }
    }

    private static func decodeIndex(_ decoder: inout CacheDecoder) throws -> Kept {
        func blob() throws -> Blob { Blob(offset: try decoder.decode(), length: try decoder.decode()) }
        var entries: [String: Entry] = [:]
        for _ in 0..<(try decoder.decodeCount()) {
            let path: String = try decoder.decode()
            var entry = Entry(listingKey: try decoder.decode(), listing: try blob(), page: nil)
            if try decoder.decode() as Bool {
                entry.page = (try decoder.decode(), try blob(), try decoder.decode())
            }
            entries[path] = entry
        }
        var siteWide: SiteWide?
        if try decoder.decode() as Bool {
            siteWide = SiteWide(key: try decoder.decode(), files: try decoder.decode(), diagnostics: try decoder.decode())
        }
        var sitePages: [String: SitePage] = [:]
        for _ in 0..<(try decoder.decodeCount()) {
            let file: String = try decoder.decode()
            sitePages[file] = SitePage(key: try decoder.decode(), links: try blob())
        }
        var files: [String: FileSignature] = [:]
        for _ in 0..<(try decoder.decodeCount()) {
            let path: String = try decoder.decode()
            files[path] = FileSignature(device: try decoder.decode(), inode: try decoder.decode(), size: try decoder.decode(),
                                        modified: try decoder.decode(), modifiedNanoseconds: try decoder.decode())
        }
        return Kept(entries: entries, siteWide: siteWide, sitePages: sitePages, files: files)
    }

    // MARK: Files

    /// Hard-links each of `paths` from the current site into the staging folder, each only if
    /// it is the file `recorded` says, and tells the writer; false (with nothing left linked)
    /// when one is not.
    private static func link(_ paths: [String], recorded: [String: FileSignature], into writer: SiteWriter) -> Bool {
        var linked: [String] = []
        for path in paths {
            let source = writer.output.path + "/" + path
            guard let expected = recorded[path], FileSignature(path: source) == expected, writer.link(source, to: path) else {
                for path in linked { unlink(writer.staging.path + "/" + path) }
                return false
            }
            linked.append(path)
        }
        for path in linked { writer.written.record(path) }
        return true
    }

    /// Removes files of builds that were killed while writing their cache (their lock is gone).
    private static func removeAbandonedFiles(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(CacheFileWriter.prefix) {
            let path = folder + "/" + name
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { unlink(path) }
            close(descriptor)
        }
    }
}

/// A cache file being written: records appended at once from any thread, renamed into place
/// once whole. Locked while written, so a build that finds it abandoned removes it.
private final class CacheFileWriter: @unchecked Sendable {
    static let prefix = "building-"
    private let path: String
    private let descriptor: Int32
    private let lock = NSLock()
    private var end: Int
    private var failed = false
    /// Appending to the last build's file: its size before this build, to go back to on discard.
    private let appendingFrom: Int?

    /// A new file, renamed into place by ``finish(index:endMagic:as:)``.
    init?(folder: String, header: [UInt8]) {
        path = folder + "/" + Self.prefix + "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
        end = 0
        appendingFrom = nil
        guard write(header, at: 0) else {
            discard()
            return nil
        }
        end = header.count
    }

    /// The last build's file, this build's records and index appended after its own (the old
    /// records stay where they are, so nothing is copied); nil when another build is writing it.
    init?(appendingTo path: String) {
        self.path = path
        descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return nil
        }
        end = Int(info.st_size)
        appendingFrom = end
    }

    /// Whether the old records are in this file already.
    var isAppending: Bool { appendingFrom != nil }

    deinit { close(descriptor) }

    /// Appends a record (its checksum, then `payload`); nil when the file cannot take it.
    func append(_ payload: [UInt8]) -> RenderCache.Blob? {
        let bytes = RenderCache.bytes(of: RenderCache.checksum(payload)) + payload
        return place(bytes)
    }

    /// Copies a record of another cache file as it is.
    func copy(_ blob: RenderCache.Blob, from file: SearchSpool) -> RenderCache.Blob? {
        guard let bytes = try? file.read(blob.offset..<(blob.offset + blob.length)) else { return nil }
        return place(bytes)
    }

    private func place(_ bytes: [UInt8]) -> RenderCache.Blob? {
        let offset: Int? = lock.withLock {
            guard !failed, end >= 0 else { return nil }
            defer { end += bytes.count }
            return end
        }
        guard let offset else { return nil }
        guard write(bytes, at: offset) else {
            lock.withLock { failed = true }
            return nil
        }
        return RenderCache.Blob(offset: offset, length: bytes.count)
    }

    private func write(_ bytes: [UInt8], at offset: Int) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(offset + written))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
    }

    /// Ends the file with the index's place and renames it to `target` (a new file).
    func finish(index: RenderCache.Blob, endMagic: [UInt8], as target: String) {
        let trailer = RenderCache.bytes(of: UInt64(index.offset)) + RenderCache.bytes(of: UInt64(index.length)) + endMagic
        guard place(trailer) != nil, !lock.withLock({ failed }), isAppending || rename(path, target) == 0 else { return discard() }
        lock.withLock { end = -1 }
    }

    /// Removes what this build wrote: the new file, or what it appended to the last one's.
    func discard() {
        guard lock.withLock({ end >= 0 }) else { return }
        if let appendingFrom {
            _ = ftruncate(descriptor, off_t(appendingFrom))
        } else {
            unlink(path)
        }
        lock.withLock { end = -1 }
    }
}
