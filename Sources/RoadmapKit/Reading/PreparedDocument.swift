import Foundation
import RoadmapMarkdown

/// One roadmap file read from disk: its front matter split off and its slug, the folder its
/// page is published in, decided once here for every later stage.
struct PreparedDocument: Sendable {
    var file: SourceFile
    var frontMatter: FrontMatter
    var body: String
    var slug: String
    var diagnostics: [Diagnostic]
    /// What its page shows of other roadmaps ("Also in" entries, the previous and next roadmap
    /// in its folder), once pass 1 has listed every roadmap: a page whose file did not change is
    /// rendered again when these did (`roadmap serve`).
    var otherPages = ""
    /// Where its links to other roadmaps' headings go when not as written, once pass 1 has
    /// listed every roadmap (``OtherPageAnchors``): a reason to render it again too.
    var otherPageAnchors = ""
    /// Which of its resources other roadmaps use too (their search entry is the site's, not its
    /// own), once pass 1 has listed every roadmap: a reason to index it again.
    var sharedResources = ""
    /// A roadmap.sh folder's topics, in order, when the file is such a folder's `<name>.md`.
    var topics: TopicParts?
    /// The file's bytes (and a roadmap.sh folder's topic and graph files), as read: the render
    /// cache's key of what the roadmap is made from (``RenderCacheKeys``).
    var sourceDigest = ContentDigest(low: 0, high: 0)

    /// With a `cache` (`roadmap serve`), a file whose bytes are as before is not read again (a
    /// roadmap.sh folder's topic files always are). A roadmap.sh folder's `<name>.md` is read
    /// with its `topicFolder`'s topics and published as the folder.
    static func read(_ file: SourceFile, topicFolder: TopicFolder? = nil, cache: PageCache? = nil) throws -> PreparedDocument {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw BuildError("cannot read '\(file.path)'")
        }
        var document = cache.map { $0.prepared(file, data: data) { read(file, data: data) } } ?? read(file, data: data)
        document.sourceDigest = ContentHasher.digest { $0.add(data) }
        guard let topicFolder else { return document }
        // Read for the digest before they are read for the page: an edit in between leaves a key no later build has.
        document.sourceDigest = ContentHasher.digest { hasher in
            hasher.add(document.sourceDigest)
            for file in [topicFolder.graph].compactMap({ $0 }) + topicFolder.topics {
                hasher.add(file.relativePath)
                hasher.add(FileManager.default.contents(atPath: file.path) ?? Data())
            }
        }
        let (topics, diagnostics) = topicFolder.read()
        document.topics = topics
        document.diagnostics += diagnostics
        document.slug = Slugger.pageSlug(relativePath: file.relativePath, frontMatter: document.frontMatter, namesFolder: true)
        return document
    }

    private static func read(_ file: SourceFile, data: Data) -> PreparedDocument {
        let (text, diagnostics) = SourceText.decode(data, file: file.path)
        let result = FrontMatterReader().read(text, file: file.path)
        let slug = Slugger.pageSlug(relativePath: file.relativePath, frontMatter: result.frontMatter)
        return PreparedDocument(file: file, frontMatter: result.frontMatter, body: result.body, slug: slug,
                                diagnostics: diagnostics + result.diagnostics)
    }
}
