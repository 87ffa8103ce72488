import Foundation

/// The site-wide steps' pages carried over from the last build (``RenderCache``) when what each
/// is made from is unchanged: each roadmap's resource index (which names other roadmaps' uses,
/// so it is made again whenever any roadmap changes) and the pages of the site's.
///
/// A page's key is a digest of the pass 2 key every roadmap shares (the tool, the templates,
/// the settings, the output folder) and of the page's inputs as the cache encodes them
/// (``CacheEncoder``), so whatever the page shows is in its key. Without a cache (`--clean`
/// writes one afresh; `roadmap serve` keeps its results in memory) every page is rendered.
struct SitePageReuse: Sendable {
    var renderCache: RenderCacheUse?

    /// The links of the page at `file` (site-relative), for the link check: the last build's,
    /// its file hard-linked into the staging folder, when its `inputs` are the same; else
    /// `render`'s (which writes the page), kept for the next build.
    func page(
        _ file: String, inputs: (inout CacheEncoder) -> Void, into writer: SiteWriter,
        render: () throws -> RenderedPageLinks
    ) rethrows -> RenderedPageLinks {
        guard let renderCache else { return try render() }
        var encoder = CacheEncoder()
        inputs(&encoder)
        let key = ContentHasher.digest { hasher in
            hasher.add(renderCache.pageSite)
            hasher.add(file)
            hasher.add(encoder.bytes)
        }
        if let kept = renderCache.cache.sitePage(file, key: key, into: writer) { return kept }
        let links = try render()
        renderCache.cache.store(sitePage: links, key: key)
        return links
    }
}
