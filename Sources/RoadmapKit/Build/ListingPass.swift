/// Pass 1 over the published roadmaps: each is parsed and built as its page will be, and kept
/// as its listing (``RoadmapListing``), with its Markdown links checked against what the site
/// has. Pass 2 (``PagePass``) builds each model again from its document, and takes the
/// resources pass 1 read (see ``PagePass/render(_:)``).
struct ListingPass: Sendable {
    var glossary: Glossary
    /// The site's roadmaps (content-relative path → slug) and other content files, for the links.
    var pages: [String: String]
    var assets: Set<String>
    var allowRawHTML: Bool

    /// What pass 1 found of one roadmap.
    struct Output: Sendable {
        var listing: RoadmapListing
        /// The model's problems and the link check's.
        var diagnostics: [Diagnostic]
        /// Links to other roadmaps' headings, checked once every roadmap is listed.
        var linksToOtherPages: [OtherPageLink]
        /// The roadmap's resources, for pass 2.
        var resourceUses: ResourceUses
    }

    /// Each document's output, in order, one roadmap a core. With a `cache` (`roadmap serve`),
    /// a document unchanged since the last build keeps its output; with a `renderCache`, one
    /// whose key (``RenderCacheKeys/listing(_:site:)``) is the last build's.
    func run(_ documents: [PreparedDocument], cache: PageCache?, renderCache: RenderCacheUse? = nil) throws -> [Output] {
        try ConcurrentMap.map(documents) { document in
            if let cache { return cache.listed(document) { list(document) } }
            guard let renderCache else { return list(document) }
            let key = renderCache.listingKey(document)
            if let kept = renderCache.cache.listing(document.file.relativePath, key: key) { return kept }
            let made = list(document)
            renderCache.cache.store(made, for: document.file.relativePath, key: key)
            return made
        }
    }

    /// The document's listing.
    func list(_ document: PreparedDocument) -> Output {
        let (built, diagnostics) = RoadmapBuilder().build(document)
        let enricher = RoadmapEnricher(glossary: glossary)
        let model = enricher.anchor(built)
        let roadmap = model.roadmap
        let (terms, anchors) = enricher.pageEntries(model)
        let resolver = LinkResolver(
            sourcePath: roadmap.source, ownAnchors: Set(anchors), pages: pages, assets: assets, pageFolder: roadmap.slug)
        let links = MarkdownLinkCheck(resolver: resolver, allowRawHTML: allowRawHTML).check(roadmap)
        let listing = RoadmapListing(source: roadmap.source, slug: roadmap.slug, title: roadmap.title, order: roadmap.order,
                                     terms: terms, anchors: HashedIDs(anchors))
        // A roadmap.sh folder's problems are reported in its topic files.
        let found = (diagnostics + model.uses.diagnostics + links.diagnostics).map { roadmap.topicLines?.locate($0) ?? $0 }
        return Output(listing: listing, diagnostics: found,
                      linksToOtherPages: links.linksToOtherPages, resourceUses: model.uses)
    }
}

extension ListingPass.Output {
    /// Pass 1's resource uses of each roadmap, by its content-relative path, for pass 2.
    static func resourceUses(_ outputs: [Self]) -> [String: ResourceUses] {
        Dictionary(uniqueKeysWithValues: outputs.map { ($0.listing.source, $0.resourceUses) })
    }
}
