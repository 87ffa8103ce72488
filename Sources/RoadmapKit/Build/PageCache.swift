import Foundation

/// Keeps each roadmap's pass 1 and pass 2 results between the builds of one `roadmap serve`
/// session, so that a rebuild after an edit parses, models and renders only the roadmaps whose
/// source changed (and those whose "Also in" links or series neighbours changed with it); the site-wide steps (home
/// page, indexes, link checks) still see every roadmap.
///
/// A roadmap is reused when its file, front matter, body and slug are exactly as before and
/// the set of published roadmaps (paths and slugs) is unchanged; its page is reused when its
/// "Also in" links and its previous and next roadmaps are the same too, its files hard-linked from the current output into the
/// new build. Anything else a page depends on (templates,
/// `site.yml`, other content files) is the caller's to report with ``invalidateAll()``.
/// Results count only once a build's site is in place (``buildFinished(succeeded:)``).
public final class PageCache: @unchecked Sendable {
    struct Entry {
        var document: PreparedDocument
        var result: PageResult
    }

    private let lock = NSLock()
    private var current: [String: Entry] = [:]
    private var pending: [String: Entry] = [:]
    private var publishedKey: [String: String] = [:]
    private var hits = 0
    /// Each document's pass 1 output, kept while the document and the set of published roadmaps
    /// are unchanged (it depends on them, the glossary and the other content files, whose changes
    /// come with ``invalidateAll()``).
    private var listed: [String: (document: PreparedDocument, output: ListingPass.Output)] = [:]
    /// Each file's bytes and the document read from them (front matter parsed), by path.
    private var prepared: [String: (data: Data, document: PreparedDocument)] = [:]

    /// Told as soon as a roadmap that changed has been rendered into the new build: its slug and
    /// its folder in the staging site (read it at once: the folder moves when the build ends).
    /// `roadmap serve` shows the edited page before the site-wide steps have finished.
    public var onRendered: (@Sendable (_ slug: String, _ folder: URL) -> Void)?

    public init() {}

    /// Forgets every result (templates, settings or other inputs changed).
    public func invalidateAll() {
        lock.withLock {
            current = [:]
            pending = [:]
            listed = [:]
            prepared = [:]
        }
    }

    /// The document read from `data` before, when the file's bytes are unchanged, else `make()`'s.
    func prepared(_ file: SourceFile, data: Data, make: () -> PreparedDocument) -> PreparedDocument {
        let known = lock.withLock { prepared[file.relativePath] }
        if let known, known.data == data, known.document.file == file { return known.document }
        let made = make()
        lock.withLock { prepared[file.relativePath] = (data, made) }
        return made
    }

    /// The pass 1 output of `document` from an earlier build when the document is unchanged, else `make()`'s.
    func listed(_ document: PreparedDocument, make: () -> ListingPass.Output) -> ListingPass.Output {
        let known = lock.withLock { listed[document.file.relativePath] }
        if let known, known.document.hasSameSource(as: document) {
            return known.output
        }
        let made = make()
        lock.withLock { listed[document.file.relativePath] = (document, made) }
        return made
    }

    /// Called once the build is over: a failed build's results are dropped, as its site was.
    public func buildFinished(succeeded: Bool) {
        lock.withLock {
            if succeeded {
                current = pending
            }
            pending = [:]
        }
    }

    /// How many roadmaps the last build reused.
    public var reusedCount: Int { lock.withLock { hits } }

    /// Starts a build's round over the published roadmaps: what was kept for another set of
    /// roadmaps is dropped.
    func begin(_ documents: [PreparedDocument]) {
        let key = Dictionary(documents.map { ($0.file.relativePath, $0.slug) }, uniquingKeysWith: { first, _ in first })
        lock.withLock {
            if key != publishedKey {
                current = [:]
                listed = [:]
            }
            publishedKey = key
            pending = [:]
            hits = 0
        }
    }

    /// The previous result for an unchanged document, its files linked into the new build.
    func reuse(_ document: PreparedDocument, from output: URL, into writer: SiteWriter) -> PageResult? {
        let entry: Entry? = lock.withLock { current[document.file.relativePath] }
        guard let entry, entry.document.rendersAs(document) else { return nil }
        guard Self.link(folder: document.slug, from: output, to: writer.staging, record: { writer.written.record($0) }) else {
            // Never leave links to the live site where the page is about to be written afresh.
            Self.unlinkOwnFiles(in: writer.staging.appendingPathComponent(document.slug).path)
            return nil
        }
        lock.withLock {
            pending[document.file.relativePath] = entry
            hits += 1
        }
        return entry.result
    }

    /// Whether the document will be rendered rather than reused.
    func willRender(_ document: PreparedDocument) -> Bool {
        lock.withLock {
            guard let entry = current[document.file.relativePath] else { return true }
            return !entry.document.rendersAs(document)
        }
    }

    func store(_ result: PageResult, for document: PreparedDocument) {
        lock.withLock { pending[document.file.relativePath] = Entry(document: document, result: result) }
    }

    /// Hard-links a roadmap's own files (``GeneratedPaths/roadmapFiles``) in its `folder` from
    /// the current site into the staging folder, telling `record` each file's site path (the
    /// link check knows the site's files from the writer, not from the disk). Only those: the
    /// folder may also hold other roadmaps' folders (`cohorts/2022/` holds `cohorts/2022/intro/`)
    /// and content files, which their own steps write. False when the page is missing or a file
    /// cannot be linked (the page is then rendered).
    private static func link(folder: String, from output: URL, to staging: URL, record: (String) -> Void) -> Bool {
        let source = output.appendingPathComponent(folder).path
        let target = staging.appendingPathComponent(folder).path
        var info = stat()
        guard lstat(source + "/index.html", &info) == 0 else { return false }
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            return false
        }
        for name in GeneratedPaths.roadmapFiles.keys.sorted() where lstat(source + "/" + name, &info) == 0 {
            guard Foundation.link(source + "/" + name, target + "/" + name) == 0 else { return false }
            record(folder + "/" + name)
        }
        return true
    }

    /// Removes a roadmap's own files from its folder, leaving what else is there.
    private static func unlinkOwnFiles(in folder: String) {
        for name in GeneratedPaths.roadmapFiles.keys { unlink(folder + "/" + name) }
    }
}

extension ConcurrentMap {
    /// `map` over the published documents, reusing what `cache` kept from the previous build
    /// (after ``PageCache/begin(_:)``). Also counts finished documents on `progress`.
    static func map(
        _ documents: [PreparedDocument], reusing cache: PageCache?, progress: BuildProgress? = nil, writer: SiteWriter,
        _ transform: @Sendable (PreparedDocument) throws -> PageResult
    ) throws -> [PageResult] {
        progress?.start(total: documents.count)
        guard let cache else {
            return try map(documents) { document in
                defer { progress?.advance() }
                return try transform(document)
            }
        }
        // Changed roadmaps first, so that the edited page is ready as early as it can be.
        let changed = documents.indices.filter { cache.willRender(documents[$0]) }
        let changedSet = Set(changed)
        let order = changed + documents.indices.filter { !changedSet.contains($0) }
        let mapped = try map(order) { index in
            defer { progress?.advance() }
            let document = documents[index]
            if let result = cache.reuse(document, from: writer.output, into: writer) { return result }
            let result = try transform(document)
            cache.store(result, for: document)
            cache.onRendered?(document.slug, writer.staging.appendingPathComponent(document.slug))
            return result
        }
        var results = mapped
        for (position, index) in order.enumerated() { results[index] = mapped[position] }
        return results
    }
}

extension PreparedDocument {
    /// Same file, front matter, body and slug: what the document's own reading gives.
    func hasSameSource(as other: PreparedDocument) -> Bool {
        file == other.file && body == other.body && frontMatter == other.frontMatter && slug == other.slug
            && topics == other.topics
    }

    /// Whether its page comes out as `other`'s would: the same source, linking to the same
    /// entries and anchors on other roadmaps, sharing the same resources with them.
    func rendersAs(_ other: PreparedDocument) -> Bool {
        hasSameSource(as: other) && otherPages == other.otherPages && otherPageAnchors == other.otherPageAnchors
            && sharedResources == other.sharedResources
    }
}
