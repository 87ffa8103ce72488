import Foundation
import RoadmapMarkdown

/// Options for one build, as the command line gives them.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// Warnings count as errors.
    public var strict: Bool
    /// Folders the output must never be (the project root); content and templates are added.
    public var protectedDirectories: [String]
    /// Results kept between builds (`roadmap serve`): unchanged roadmaps are not rendered again.
    public var pageCache: PageCache?
    /// Told how many roadmaps are rendered, as they are (a progress line on a terminal).
    public var progress: BuildProgress?
    /// Delete the previous site on a background queue once the new one is in place (`roadmap serve`).
    public var removesPreviousSiteLater = false
    /// Hard-link files that did not change from the previous site instead of writing them (`roadmap serve`).
    public var linksUnchangedFiles = false

    public init(
        contentDirectory: String = "Content", templatesDirectory: String = "Templates", outputDirectory: String = "Site",
        baseURL: String? = nil, strict: Bool = false,
        protectedDirectories: [String] = [FileManager.default.currentDirectoryPath]
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.strict = strict
        self.protectedDirectories = protectedDirectories
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var roadmapCount: Int
    /// Whether the output folder was replaced.
    public var wroteSite: Bool
    /// Seconds spent in each named stage, in order.
    public var stageTimes: [(String, Double)]

    public var succeeded: Bool { !diagnostics.hasErrors }
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
    /// The page's anchors, for other pages' links to them.
    var anchors: HashedIDs
}

/// The build pipeline: discover → read → parse → build model → render → check → write.
public struct SiteBuilder: Sendable {
    public init() {}

    public func build(_ options: BuildOptions) throws -> BuildReport {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        let sources = [options.contentDirectory, options.templatesDirectory]
        if let refusal = SiteWriter.refusal(output: options.outputDirectory, protecting: options.protectedDirectories, sources: sources) {
            return finish([refusal], options: options, pages: 0, roadmaps: 0, wrote: false, clock: clock)
        }

        let inventory = try ContentDiscovery().discover(in: options.contentDirectory)
        var (siteConfig, configDiagnostics) = try SiteConfigReader().read(inventory.siteConfig)
        diagnostics += configDiagnostics
        if let baseURL = options.baseURL {
            siteConfig.baseURL = baseURL
            if URL(string: baseURL)?.scheme?.hasPrefix("http") != true {
                throw BuildError("--base-url '\(baseURL)' is not an absolute http(s) URL")
            }
        }
        let (loadedTemplates, templateDiagnostics) = try TemplateSet.load(from: options.templatesDirectory)
        diagnostics += templateDiagnostics
        clock.lap("discover")
        guard let templates = loadedTemplates else {
            return finish(diagnostics, options: options, pages: 0, roadmaps: 0, wrote: false, clock: clock)
        }

        // Read every file and its front matter; slugs are known before any page is rendered.
        let prepared = try ConcurrentMap.map(inventory.roadmaps) { file -> PreparedDocument in
            try PreparedDocument.read(file, cache: options.pageCache)
        }
        var published: [PreparedDocument] = []
        var slugOwners: [String: PreparedDocument] = [:]
        for document in prepared {
            diagnostics += document.diagnostics
            if document.frontMatter.draft { continue }
            if let owner = slugOwners[document.slug] {
                diagnostics.append(Diagnostic(
                    .error, id: "slug.duplicate",
                    "'\(document.file.relativePath)' and '\(owner.file.relativePath)' would both be published at '\(document.slug)/'; set a different 'slug' in the front matter",
                    file: document.file.path, at: SourceLocation(line: 1, column: 1),
                    notes: [.note("the other roadmap with this slug", file: owner.file.path, at: SourceLocation(line: 1, column: 1))]))
                continue
            }
            if Self.reservedSlugs.contains(document.slug) {
                diagnostics.append(.error(
                    "slug.reserved", "slug '\(document.slug)' is reserved for the site's own files; set another 'slug'",
                    file: document.file.path, at: SourceLocation(line: 1, column: 1)))
                continue
            }
            slugOwners[document.slug] = document
            published.append(document)
        }
        let siteAssets = SiteAssets(templatesDirectory: options.templatesDirectory)
        diagnostics += siteAssets.check(inventory, publishing: published.map { ($0.slug, $0.file) })
        clock.lap("read")

        let config = siteConfig
        let writer = try SiteWriter(
            output: options.outputDirectory,
            protecting: options.protectedDirectories, sources: sources,
            // A page cache hard-links reused roadmaps from the previous site, so the writer must
            // never write through a link: that is what linking unchanged files guards against.
            linkingUnchangedFiles: options.linksUnchangedFiles || options.pageCache != nil)
        do {
            let pages = Dictionary(uniqueKeysWithValues: published.map {
                ($0.file.relativePath, LinkResolver.PageTarget(slug: $0.slug, anchors: nil))
            })
            let assets = Set(inventory.assets.map(\.relativePath))
            let (glossary, glossaryDiagnostics) = inventory.readGlossary()
            diagnostics += glossaryDiagnostics
            // Skills and tools roadmaps share, from a light first pass (no matching, rendering or
            // writing), so that each page, rendered on its own, links to the same entry on others.
            let sharedTerms = published.count < 2 ? SharedTermIndex() : try SharedTermIndex.read(
                published, glossary: glossary, hasSearchPage: templates.search != nil, cache: options.pageCache)
            if options.pageCache != nil {
                for index in published.indices { published[index].alsoIn = sharedTerms.fingerprint(published[index].slug) }
            }
            clock.lap("shared terms")

            // Each roadmap's search documents are set aside on disk until the index is written.
            let searchSpool = try? SearchSpool()
            // Parse, model and render each roadmap concurrently; pages stream to the staging folder.
            let results = try ConcurrentMap.map(published, reusing: options.pageCache, progress: options.progress, writer: writer) { document -> PageResult in
                let markdown = MarkdownParser().parse(document.body)
                let (built, modelDiagnostics) = RoadmapBuilder().build(.init(
                    source: document.file.relativePath, sourcePath: document.file.path,
                    frontMatter: document.frontMatter, document: markdown))
                let enriched = RoadmapEnricher(glossary: glossary, sharedTerms: sharedTerms).enrich(built)
                let roadmap = enriched.roadmap
                let resolver = LinkResolver(
                    sourcePath: document.file.relativePath, ownAnchors: Set(roadmap.anchors), pages: pages, assets: assets)
                let page = RoadmapPageRenderer(templates: templates, config: config, resolver: resolver, enrichment: enriched)
                    .render(roadmap)
                try writer.write(page.html, to: roadmap.slug + "/index.html")
                let enrichmentLinks = try EnrichmentPages(templates: templates, config: config)
                    .write(enriched, dataJSON: page.dataJSON, with: writer, reportedFolder: options.outputDirectory)
                let links = RenderedLinkChecker.scan(
                    page.html, page: roadmap.slug + "/index.html", template: "roadmap", reportedFolder: options.outputDirectory)
                let summary = RoadmapSummary(
                    source: roadmap.source, slug: roadmap.slug, title: roadmap.title, summary: roadmap.summary,
                    order: roadmap.order, phaseCount: roadmap.phases.count, moduleCount: roadmap.modules.count,
                    totalDuration: roadmap.totalDurationText, anchors: HashedIDs(roadmap.anchors))
                return PageResult(summary: summary, diagnostics: modelDiagnostics + enriched.diagnostics + page.diagnostics,
                                  pendingAnchorChecks: page.pendingAnchorChecks, links: links,
                                  search: SearchIndexBuilder(spool: searchSpool).documents(for: enriched),
                                  resources: enriched.resources, enrichmentLinks: enrichmentLinks)
            }
            clock.lap("render roadmaps")

            var summaries = results.map(\.summary)
            diagnostics += results.flatMap(\.diagnostics)
            diagnostics += AnchorChecker().check(results.flatMap(\.pendingAnchorChecks), summaries: summaries)
            summaries.sort { ($0.order ?? Int.max, $0.title.lowercased(), $0.slug) < ($1.order ?? Int.max, $1.title.lowercased(), $1.slug) }

            let escalated = diagnostics.map { $0.escalated(strict: options.strict) }
            if escalated.hasErrors {
                writer.discard()
                return finish(diagnostics, options: options, pages: 0, roadmaps: summaries.count, wrote: false, clock: clock)
            }

            let siteWide = SiteWidePages(templates: templates, config: config, roadmaps: summaries)
            // The site-wide resources pages on one core; the search index, the search page, the
            // home page and the not-found page (each lists every roadmap) on the other.
            let orderedSlugs = summaries.map(\.slug)
            let (siteResources, sitePages) = try ConcurrentMap.both({
                try EnrichmentPages(templates: templates, config: config).writeSiteWide(
                    results.map(\.summary), resources: results.map(\.resources), order: orderedSlugs,
                    with: writer, reportedFolder: options.outputDirectory)
            }, { () -> [RenderedPageLinks] in
                // Each page is scanned for the link check as it is written.
                var scanned: [RenderedPageLinks] = []
                func write(_ html: String, _ path: String, template: String) throws {
                    try writer.write(html, to: path)
                    scanned.append(RenderedLinkChecker.scan(
                        html, page: path, template: template, reportedFolder: options.outputDirectory))
                }
                try write(siteWide.home(), "index.html", template: "home")
                try write(siteWide.notFound(), "404.html", template: "404")
                let searchBatches = SearchIndexWriter.siteOrder(results.map { ($0.summary, $0.search) })
                if let searchPage = siteWide.search(searchBatches) { try write(searchPage, "search.html", template: "search") }
                _ = try SearchIndexWriter().write(searchBatches) { try writer.write(Data($0), to: $1) }
                return scanned
            })
            try siteAssets.copy(inventory.assets, to: writer)
            clock.lap("site pages")
            // Publishing files, then every internal link of every written page.
            let checker = RenderedLinkChecker(
                siteFolder: writer.staging, reportedFolder: options.outputDirectory, written: writer.written)
            let htmlPages = checker.htmlFiles()
            if let baseURL = config.baseURL {
                let sitemap = SitemapWriter(baseURL: baseURL)
                try writer.write(sitemap.sitemap(pages: htmlPages), to: "sitemap.xml")
                try writer.write(sitemap.robots(), to: "robots.txt")
            } else {
                diagnostics.append(SitemapWriter.missingBaseURLWarning(
                    file: inventory.siteConfig?.path ?? options.contentDirectory))
            }
            diagnostics += checker.check(
                results.map(\.links) + results.flatMap(\.enrichmentLinks) + siteResources + sitePages, pages: htmlPages)
            clock.lap("check links")
            if diagnostics.map({ $0.escalated(strict: options.strict) }).hasErrors {
                writer.discard()
                return finish(diagnostics, options: options, pages: 0, roadmaps: summaries.count, wrote: false, clock: clock)
            }
            try writer.commit(removingPreviousLater: options.removesPreviousSiteLater)
            clock.lap("write")
            return finish(diagnostics, options: options, pages: htmlPages.count, roadmaps: summaries.count,
                          wrote: true, clock: clock)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Top-level names the site uses for itself.
    static let reservedSlugs: Set<String> = ["assets", "index", "404", "search", "resources", "timeline"]

    private func finish(_ diagnostics: [Diagnostic], options: BuildOptions, pages: Int, roadmaps: Int, wrote: Bool,
                        clock: StageClock) -> BuildReport
    {
        BuildReport(
            diagnostics: diagnostics.map { $0.escalated(strict: options.strict) }.sortedForDisplay(),
            pageCount: pages, roadmapCount: roadmaps, wroteSite: wrote, stageTimes: clock.laps)
    }
}

/// One roadmap file read from disk, its front matter split off.
struct PreparedDocument: Sendable {
    var file: SourceFile
    var frontMatter: FrontMatter
    var body: String
    var slug: String
    var diagnostics: [Diagnostic]
    /// The other roadmaps' entries its page links to ("Also in"): a page whose file did not
    /// change is rendered again when these did (`roadmap serve`).
    var alsoIn = ""

    /// With a `cache` (`roadmap serve`), a file whose bytes are as before is not read again.
    static func read(_ file: SourceFile, cache: PageCache? = nil) throws -> PreparedDocument {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw BuildError("cannot read '\(file.path)'")
        }
        guard let cache else { return read(file, data: data) }
        return cache.prepared(file, data: data) { read(file, data: data) }
    }

    private static func read(_ file: SourceFile, data: Data) -> PreparedDocument {
        var diagnostics: [Diagnostic] = []
        let text: String
        if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
        } else {
            text = String(decoding: data, as: UTF8.self)
            diagnostics.append(.warning("file.encoding", "file is not valid UTF-8; invalid bytes were replaced",
                                        file: file.path, at: SourceLocation(line: 1, column: 1)))
        }
        let result = FrontMatterReader().read(text, file: file.path)
        let slug = Slugger.pageSlug(relativePath: file.relativePath, frontMatter: result.frontMatter)
        return PreparedDocument(file: file, frontMatter: result.frontMatter, body: result.body, slug: slug,
                                diagnostics: diagnostics + result.diagnostics)
    }
}

struct PageResult: Sendable {
    var summary: RoadmapSummary
    var diagnostics: [Diagnostic]
    var pendingAnchorChecks: [PendingAnchorCheck]
    var links: RenderedPageLinks
    var search: SearchDocumentBatch
    /// The roadmap's resources, merged into the site's index after every roadmap is built.
    var resources: [Resource]
    /// Links of the roadmap's timeline and resource pages, for the rendered-link check.
    var enrichmentLinks: [RenderedPageLinks]
}

/// Checks links to other pages' anchors once every page's anchors are known.
struct AnchorChecker: Sendable {
    func check(_ pending: [PendingAnchorCheck], summaries: [RoadmapSummary]) -> [Diagnostic] {
        let anchors = Dictionary(uniqueKeysWithValues: summaries.map { ($0.source, $0.anchors) })
        return pending.compactMap { check in
            guard let known = anchors[check.target], !known.contains(check.fragment) else { return nil }
            return .error("link.missing-anchor", "no heading '#\(check.fragment)' in '\(check.target)'",
                          file: check.file, at: check.location)
        }
    }
}

/// Times the named stages of a build.
struct StageClock: Sendable {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(String, Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }
}
