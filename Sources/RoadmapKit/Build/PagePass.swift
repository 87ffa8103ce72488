import Foundation

/// Pass 2 over the published roadmaps: each is built again from its document, enriched with
/// every roadmap's listing known and rendered: its page, timeline page and
/// `roadmap.json` stream to the staging folder, and its search documents are set aside.
struct PagePass: Sendable {
    var templates: TemplateSet
    var config: SiteConfig
    var glossary: Glossary
    /// Every roadmap's skills and tools, from pass 1's listings.
    var sharedTerms: SharedTermIndex
    /// Each roadmap's previous and next in its folder's series, from pass 1's listings.
    var series: SeriesIndex
    /// The site's roadmaps (content-relative path → slug) and other content files, for the links.
    var pages: [String: String]
    var assets: Set<String>
    /// Where links to other roadmaps' headings go when not as written (``LinkTargetCheck``).
    var otherPageAnchors: OtherPageAnchors
    /// Each roadmap's resources as pass 1 read them, by content-relative path.
    var resourceUses: [String: ResourceUses]
    /// Which of each roadmap's resources other roadmaps use too.
    var sharedResources: SharedResources
    var writer: SiteWriter
    var searchSpool: SearchSpool?
    /// The output folder, as diagnostics name it.
    var reportedFolder: String

    /// The documents with what their pages show of other roadmaps set: a page kept from the last
    /// build is reused only while what it shows of other roadmaps ("Also in", its series), where
    /// its links to other roadmaps' headings go, and which resources it shares with them are the
    /// same (``PreparedDocument/rendersAs(_:)``, ``RenderCacheUse/pageKey(_:)``).
    static func fingerprinted(
        _ documents: [PreparedDocument], sharedTerms: SharedTermIndex, series: SeriesIndex,
        otherPageAnchors: OtherPageAnchors, sharedResources: SharedResources
    ) -> [PreparedDocument] {
        documents.map { document in
            var document = document
            let path = document.file.relativePath
            document.otherPages = sharedTerms.fingerprint(document.slug) + "\u{1E}" + series.fingerprint(path)
            document.otherPageAnchors = otherPageAnchors.fingerprint(from: path)
            document.sharedResources = sharedResources.fingerprint(of: path)
            return document
        }
    }

    /// Each document's page, in order, one roadmap a core. With a `cache` (`roadmap serve`), a
    /// roadmap whose document, "Also in" links and neighbours in its series are as before keeps
    /// its page; with a `renderCache`, one whose key (`pageKeys`, in the documents' order, from
    /// ``RenderCacheUse/pageKeys(_:)``) is the last build's. With either, the documents are
    /// ``fingerprinted(_:sharedTerms:series:otherPageAnchors:sharedResources:)``.
    func run(
        _ documents: [PreparedDocument], cache: PageCache?, renderCache: RenderCacheUse?,
        pageKeys: [(path: String, key: ContentDigest)], progress: BuildProgress?
    ) throws -> [PageResult] {
        if let renderCache {
            progress?.start(total: documents.count)
            return try ConcurrentMap.map(Array(zip(documents, pageKeys))) { document, pageKey in
                defer { progress?.advance() }
                let (path, key) = pageKey
                if let kept = renderCache.cache.page(path, key: key, into: writer) { return kept }
                let result = try render(document, sharedResources: sharedResources.ids(of: path))
                let files = GeneratedPaths.pageFiles.map { result.summary.slug + "/" + $0 }.filter(writer.written.contains)
                renderCache.cache.store(result, for: path, key: key, files: files)
                return result
            }
        }
        return try ConcurrentMap.map(documents, reusing: cache, progress: progress, writer: writer) {
            try render($0, sharedResources: sharedResources.ids(of: $0.file.relativePath))
        }
    }

    /// Renders one roadmap; `sharedResources` are the ids of its resources that other roadmaps
    /// use too (``SharedResources``).
    func render(_ document: PreparedDocument, sharedResources: Set<String>) throws -> PageResult {
        let enricher = RoadmapEnricher(glossary: glossary, sharedTerms: sharedTerms, strings: templates.strings)
        // The model is built again, the same parser and builder over the same document as in
        // pass 1, whose diagnostics it has already reported; its resources are pass 1's. Keeping
        // pass 1's models instead did not pay: on 10,000 generated roadmaps (70 MB of Markdown,
        // into /dev/shm, one run each, alternating), the build took 31.4 and 33.2 s keeping none,
        // 30.3 and 33.8 s keeping those of the first 24 MB of Markdown (peak 860 MB against 732 MB);
        // keeping every model took 1.6 GB.
        let built = RoadmapBuilder().build(document).0
        var uses = resourceUses[document.file.relativePath]
        if uses?.isComplete == false {
            // Read back from the render cache without what rendering needs: listed again.
            uses = ListingPass(glossary: glossary, pages: pages, assets: assets, allowRawHTML: config.allowRawHTML)
                .list(document).resourceUses
        }
        let enriched = enricher.enrich(enricher.anchor(built, uses: uses))
        let roadmap = enriched.roadmap
        let resolver = LinkResolver(
            sourcePath: roadmap.source, ownAnchors: Set(roadmap.anchors), pages: pages, assets: assets, pageFolder: roadmap.slug,
            otherPageAnchors: otherPageAnchors.anchors(from: roadmap.source))
        let page = RoadmapPageRenderer(templates: templates, config: config, resolver: resolver, enrichment: enriched,
                                       series: series.place(of: roadmap.source))
            .render(roadmap)
        try writer.write(page.html, to: roadmap.slug + "/index.html")
        let enrichmentLinks = try EnrichmentPages(templates: templates, config: config)
            .write(enriched, dataJSON: page.dataJSON, with: writer, reportedFolder: reportedFolder)
        let links = RenderedLinkChecker.scan(
            page.html, page: roadmap.slug + "/index.html", template: "roadmap", reportedFolder: reportedFolder)
        let summary = RoadmapSummary(
            source: roadmap.source, slug: roadmap.slug, title: roadmap.title, summary: roadmap.summary,
            order: roadmap.order, phaseCount: roadmap.phases.count, moduleCount: roadmap.modules.count,
            totalDuration: roadmap.totalDuration.map { $0.text(in: templates.strings) },
            facts: RoadmapFacts.make(roadmap, strings: templates.strings))
        let search = SearchIndexBuilder(strings: templates.strings, spool: searchSpool).documents(for: enriched, sharedResources: sharedResources)
        var diagnostics = enriched.diagnostics.map { roadmap.topicLines?.locate($0) ?? $0 }
        if search.leftOut > 0 {
            diagnostics.append(.warning(
                "search.too-many", "the roadmap has \(search.count + search.leftOut) entries to search; "
                    + "the last \(search.leftOut) are left out of the search index (at most \(SearchDocumentBatch.maximumDocuments))",
                file: roadmap.sourcePath))
        }
        return PageResult(summary: summary, diagnostics: diagnostics, links: links, search: search,
                          resources: enriched.resources, enrichmentLinks: enrichmentLinks)
    }
}

/// What pass 2 made of one roadmap, for the site-wide pages and the link check.
struct PageResult: Sendable {
    var summary: RoadmapSummary
    /// The enrichment's problems (durations that do not add up, skills taught nowhere).
    var diagnostics: [Diagnostic]
    var links: RenderedPageLinks
    var search: SearchDocumentBatch
    /// The roadmap's resources, merged into the site's index after every roadmap is built.
    var resources: [Resource]
    /// Links of the roadmap's timeline and resource pages, for the rendered-link check.
    var enrichmentLinks: [RenderedPageLinks]
}

/// What the site-wide pages need to know about one roadmap once its page is written.
struct RoadmapSummary: Sendable {
    var source: String
    var slug: String
    var title: String
    var summary: String
    var order: Int?
    var phaseCount: Int
    var moduleCount: Int
    var totalDuration: String?
    /// What its card says of it ("3 phases", "12 modules", "4–5 months"; "30 topics").
    var facts: [String]
}
