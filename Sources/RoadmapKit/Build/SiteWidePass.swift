import Foundation

/// The files made from every roadmap together, once pass 2 has rendered each: the resource
/// indexes (the site's, and each roadmap's, which names the other roadmaps' uses), the search
/// index and page, the home and not-found pages, the templates' and the content's own files,
/// and the sitemap.
struct SiteWidePass: Sendable {
    var templates: TemplateSet
    var config: SiteConfig
    var writer: SiteWriter
    var inventory: ContentInventory
    /// The folders the build reads, and the output folder as diagnostics name it.
    var contentDirectory: String
    var templatesDirectory: String
    var reportedFolder: String
    /// Pages of the last build carried over where their inputs are unchanged.
    var reuse = SitePageReuse()

    struct Output: Sendable {
        /// The links of the pages written, for the link check.
        var links: [RenderedPageLinks]
        var diagnostics: [Diagnostic]
    }

    func run(_ results: [PageResult]) throws -> Output {
        let ordered = results.sortedInSiteOrder(by: \.summary)
        let siteWide = SiteWidePages(templates: templates, config: config, roadmaps: ordered.map(\.summary))
        let roadmapBatches = ordered.map(\.search)
        // The site's resources merged on one core while the search page, the home page and the
        // not-found page (each lists every roadmap) are written on the other. Then the search
        // index (whose entry for a resource more than one roadmap uses is the merged one; the
        // longest job, so first) and the resource indexes' jobs, on every core: written before
        // them, on its own core, the index left the other core idle for 1.7 s of the 4.8 s these
        // steps took at 10,000 roadmaps. (Jobs on all cores are not nested inside `both`, whose
        // two jobs would each run them on one core.)
        let (merged, sitePages) = try ConcurrentMap.both({ ResourceIndex.merge(ordered.map(\.resources)) }, {
            () -> [RenderedPageLinks] in
            // Each page is scanned for the link check as it is written.
            var scanned: [RenderedPageLinks] = []
            func write(_ html: String, _ path: String, template: String) throws {
                try writer.write(html, to: path)
                scanned.append(RenderedLinkChecker.scan(html, page: path, template: template, reportedFolder: reportedFolder))
            }
            for (path, html) in siteWide.home() { try write(html, path, template: "home") }
            try write(siteWide.notFound(), "404.html", template: "404")
            if let searchPage = siteWide.search(roadmapBatches) { try write(searchPage, "search.html", template: "search") }
            return scanned
        })
        let paging = ResourcePages(merged)
        let searchIndex: EnrichmentPages.Job = { [templates, writer] in
            let resourceBatches = SearchIndexBuilder(strings: templates.strings).sharedResourceDocuments(merged, pages: paging)
            _ = try SearchIndexWriter().write(roadmapBatches + resourceBatches) { try writer.write(Data($0), to: $1) }
            return []
        }
        let resourceJobs = EnrichmentPages(templates: templates, config: config).siteWideJobs(
            ordered.map(\.summary), resources: ordered.map(\.resources), merged: merged, paging: paging, with: writer,
            reusing: reuse, reportedFolder: reportedFolder)
        let resourcePages = try ConcurrentMap.map([searchIndex] + resourceJobs) { try $0() }.flatMap { $0 }
        try copyFiles()
        var diagnostics: [Diagnostic] = []
        if let baseURL = config.baseURL {
            let sitemap = SitemapWriter(baseURL: baseURL)
            try writer.write(sitemap.sitemap(pages: writer.written.htmlFiles), to: "sitemap.xml")
            try writer.write(sitemap.robots(), to: "robots.txt")
        } else {
            diagnostics.append(SitemapWriter.missingBaseURLWarning(
                file: inventory.siteConfig?.path ?? contentDirectory))
        }
        return Output(links: resourcePages + sitePages, diagnostics: diagnostics)
    }

    /// The templates' `assets/` folder and the content folder's static files, as they are.
    func copyFiles() throws {
        try SiteAssets(templatesDirectory: templatesDirectory).copy(inventory.assets, to: writer)
    }
}
