import Foundation

/// Stages 2 to 7 of a build, from the discovered sources to a staging folder whose links are
/// checked: what ``SiteBuilder`` runs before it commits, and what the fuzz target
/// (``PipelineFuzzTarget``) runs on every input, so a stage added here is built and fuzzed alike.
///
/// 2. read: each roadmap's front matter and slug (``PreparedDocument``); drafts left out and
///    slugs checked (``PublicationCheck``), content at the site's own paths refused (``SiteAssets``);
/// 3. model, pass 1: each roadmap parsed and built, kept as its listing, its Markdown links
///    checked (``ListingPass``);
/// 4. check: links to other roadmaps' headings against their listings (``LinkTargetCheck``);
///    an error so far ends the build before any page is rendered;
/// 5. render, pass 2: each roadmap built again, enriched with every listing known, its pages
///    written (``PagePass``);
/// 6. site-wide pages: resource indexes, search, home and not-found pages, files, sitemap
///    (``SiteWidePass``);
/// 7. check links: every link of every page written (``RenderedLinkChecker``).
struct BuildStages {
    var sources: SiteSources
    var templates: TemplateSet
    var siteAssets: SiteAssets
    var contentDirectory: String
    var templatesDirectory: String
    /// The output folder, as diagnostics name it.
    var reportedFolder: String
    /// Warnings count as errors when deciding whether to go on.
    var strict = false
    /// Results kept between builds (`roadmap serve`).
    var cache: PageCache?
    /// Results kept on disk between builds, with the keys of the settings and templates (read
    /// before the sources were).
    var renderCache: (cache: RenderCache, keys: RenderCacheKeys)?
    var progress: BuildProgress?
    var searchSpool: SearchSpool?

    /// How far the stages got.
    enum Outcome {
        /// An error while reading, modelling or checking: nothing was rendered.
        case stoppedBeforeRendering(roadmaps: Int)
        /// An error while rendering: the staging folder holds what was written; links not checked.
        case failedRendering(SiteWriter, roadmaps: Int)
        /// An error in the link check (or before it, site-wide): the staging folder holds every page.
        case failedLinkCheck(SiteWriter, roadmaps: Int)
        /// Every stage passed: the staging folder holds the new site, `pages` of it HTML.
        case staged(SiteWriter, pages: Int, roadmaps: Int)
        /// Every page and file the build would write is the current site's (the render cache
        /// says so): the site stays as it is, `pages` of it HTML.
        case unchanged(pages: Int, roadmaps: Int)
    }

    /// Runs the stages, adding their diagnostics to `diagnostics` and calling `lap` with each
    /// stage's name as it ends. The staging folder is made by `makeWriter` once pages are to be
    /// rendered; the caller commits or discards the writer an outcome holds (a stage that throws
    /// discards it first).
    func run(
        diagnostics: inout [Diagnostic], lap: (String) -> Void = { _ in }, makeWriter: () throws -> SiteWriter
    ) throws -> Outcome {
        let (inventory, config, glossary) = (sources.inventory, sources.config, sources.glossary)

        // 2. Read.
        let documents = try ConcurrentMap.map(inventory.roadmaps) { [cache] file -> PreparedDocument in
            try PreparedDocument.read(file, topicFolder: inventory.topicFolders[file.relativePath], cache: cache)
        }
        let (published, publicationDiagnostics) = PublicationCheck().check(documents)
        diagnostics += documents.flatMap(\.diagnostics) + publicationDiagnostics
        diagnostics += siteAssets.check(inventory, publishing: published.map { ($0.slug, $0.file) })
        lap("read")

        // 3. Model (pass 1).
        cache?.begin(published)
        let pages = Dictionary(uniqueKeysWithValues: published.map { ($0.file.relativePath, $0.slug) })
        let renderCache = self.renderCache.map { use -> RenderCacheUse in
            let listingSite = use.keys.listingSite(sources: sources, pages: pages)
            return RenderCacheUse(cache: use.cache, listingSite: listingSite,
                                  pageSite: use.keys.pageSite(listingSite: listingSite, reportedFolder: reportedFolder))
        }
        let listed = try ListingPass(glossary: glossary, pages: pages, assets: sources.assets, allowRawHTML: config.allowRawHTML)
            .run(published, cache: cache, renderCache: renderCache)
        let listings = listed.map(\.listing)
        diagnostics += listed.flatMap(\.diagnostics)
        lap("model")

        // 4. Check, and stop before rendering on an error.
        let linkTargets = LinkTargetCheck(listings: listings).check(listed.flatMap(\.linksToOtherPages))
        diagnostics += linkTargets.diagnostics
        lap("check")
        if hasErrors(diagnostics) { return .stoppedBeforeRendering(roadmaps: published.count) }

        // What pass 2 needs of every roadmap, and (to reuse a page) what each shows of the others.
        let sharedTerms = SharedTermIndex(listings, hasSearchPage: templates.search != nil)
        let series = SeriesIndex(listings)
        let sharedResources = SharedResources(ListingPass.Output.resourceUses(listed).mapValues(\.resources))
        var toRender = published
        if cache != nil || renderCache != nil {
            toRender = PagePass.fingerprinted(published, sharedTerms: sharedTerms, series: series,
                                              otherPageAnchors: linkTargets.anchors, sharedResources: sharedResources)
        }
        let pageKeys = renderCache?.pageKeys(toRender) ?? []
        let siteWideKey = renderCache?.siteWideKey(pageKeys)
        // Every page, the site-wide pages and the copied files as the current site has them: it stays.
        if let renderCache, let siteWideKey, let kept = renderCache.cache.unchangedSite(
            pages: pageKeys, siteWideKey: siteWideKey, copies: siteAssets.copies(inventory.assets), output: reportedFolder)
        {
            diagnostics += kept.diagnostics
            lap("unchanged")
            // (Under --strict, a warning the last build reported fails this one too; the site stays.)
            if hasErrors(diagnostics) { return .stoppedBeforeRendering(roadmaps: published.count) }
            return .unchanged(pages: kept.htmlPages, roadmaps: published.count)
        }

        let staging = try makeWriter()
        do {
            let pagePass = PagePass(
                templates: templates, config: config, glossary: glossary, sharedTerms: sharedTerms, series: series,
                pages: pages, assets: sources.assets, otherPageAnchors: linkTargets.anchors,
                resourceUses: ListingPass.Output.resourceUses(listed), sharedResources: sharedResources,
                writer: staging, searchSpool: searchSpool, reportedFolder: reportedFolder)
            return try render(toRender, with: pagePass, into: staging, renderCache: renderCache, pageKeys: pageKeys,
                              siteWideKey: siteWideKey, diagnostics: &diagnostics, lap: lap)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Stages 5 to 7, into `staging`; with a `renderCache`, `pageKeys` and `siteWideKey` are
    /// the documents' keys in it (``RenderCacheUse/pageKeys(_:)``).
    private func render(
        _ published: [PreparedDocument], with pagePass: PagePass, into staging: SiteWriter, renderCache: RenderCacheUse?,
        pageKeys: [(path: String, key: ContentDigest)], siteWideKey: ContentDigest?,
        diagnostics: inout [Diagnostic], lap: (String) -> Void
    ) throws -> Outcome {
        let (inventory, config) = (sources.inventory, sources.config)

        // 5. Render (pass 2).
        let results = try pagePass.run(published, cache: cache, renderCache: renderCache, pageKeys: pageKeys, progress: progress)
        diagnostics += results.flatMap(\.diagnostics)
        lap("render roadmaps")
        if hasErrors(diagnostics) { return .failedRendering(staging, roadmaps: results.count) }

        // 6. Site-wide pages.
        let siteWidePass = SiteWidePass(
            templates: templates, config: config, writer: staging, inventory: inventory,
            contentDirectory: contentDirectory, templatesDirectory: templatesDirectory, reportedFolder: reportedFolder,
            reuse: SitePageReuse(renderCache: renderCache))
        // Every page as the last build's: so are the site-wide pages, and the link check's findings.
        if let renderCache, let siteWideKey, renderCache.cache.reusedPages == published.count,
           let kept = renderCache.cache.siteWide(key: siteWideKey, into: staging)
        {
            try siteWidePass.copyFiles()
            diagnostics += kept
            lap("site pages (kept)")
            if hasErrors(diagnostics) { return .failedLinkCheck(staging, roadmaps: results.count) }
            return .staged(staging, pages: staging.written.htmlFiles.count, roadmaps: results.count)
        }
        let before = staging.written.all
        let siteWide = try siteWidePass.run(results)
        diagnostics += siteWide.diagnostics
        lap("site pages")

        // 7. Check links.
        let checker = RenderedLinkChecker(siteFolder: staging.staging, reportedFolder: reportedFolder, written: staging.written)
        let htmlPages = checker.htmlFiles()
        let linkDiagnostics = checker.check(results.flatMap { [$0.links] + $0.enrichmentLinks } + siteWide.links, pages: htmlPages)
        diagnostics += linkDiagnostics
        lap("check links")
        if hasErrors(diagnostics) { return .failedLinkCheck(staging, roadmaps: results.count) }
        if let renderCache, let siteWideKey {
            let files = staging.written.all.subtracting(before).subtracting(staging.written.copied)
            renderCache.cache.store(siteWide: RenderCache.SiteWide(
                key: siteWideKey, files: files.sorted(), diagnostics: siteWide.diagnostics + linkDiagnostics))
        }
        return .staged(staging, pages: htmlPages.count, roadmaps: results.count)
    }

    /// Whether the build must stop: an error, or a warning under `--strict`.
    private func hasErrors(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.map { $0.escalated(strict: strict) }.hasErrors
    }
}
