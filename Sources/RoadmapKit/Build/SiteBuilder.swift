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

/// The build pipeline, a list of stages with the values passed between them:
///
/// 1. discover: the content folder's files, `site.yml`, the glossary, the templates (``SiteSources``);
/// 2. read: each roadmap's front matter and slug (``PreparedDocument``); drafts left out and
///    slugs checked (``PublicationCheck``);
/// 3. model, pass 1: each roadmap parsed and built, kept as its listing, its Markdown links
///    checked (``ListingPass``, ``RoadmapListing``);
/// 4. check: links to other roadmaps' headings against their listings (``LinkTargetCheck``),
///    which says where those that do not land as written go; an error so far ends the build
///    before any page is rendered;
/// 5. render, pass 2: each roadmap built again, enriched with every listing
///    known, its pages written (``PagePass``, ``PageResult``);
/// 6. site-wide pages: resource indexes, search, home and not-found pages, files, sitemap (``SiteWidePass``);
/// 7. check links: every link of every page written (``RenderedLinkChecker``);
/// 8. commit: the new site replaces the output folder.
public struct SiteBuilder: Sendable {
    public init() {}

    public func build(_ options: BuildOptions) throws -> BuildReport {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        func hasErrors() -> Bool { diagnostics.map { $0.escalated(strict: options.strict) }.hasErrors }
        func report(pages: Int = 0, roadmaps: Int = 0, wrote: Bool = false) -> BuildReport {
            BuildReport(diagnostics: diagnostics.map { $0.escalated(strict: options.strict) }.sortedForDisplay(),
                        pageCount: pages, roadmapCount: roadmaps, wroteSite: wrote, stageTimes: clock.laps)
        }

        let folders = [options.contentDirectory, options.templatesDirectory]
        if let refusal = SiteWriter.refusal(output: options.outputDirectory, protecting: options.protectedDirectories, sources: folders) {
            diagnostics.append(refusal)
            return report()
        }
        try SiteWriter.cleanUpAfterKilledBuilds(output: options.outputDirectory)

        // 1. Discover.
        let sources = try SiteSources.discover(options)
        diagnostics += sources.diagnostics
        clock.lap("discover")
        guard let templates = sources.templates else { return report() }

        // 2. Read.
        let documents = try ConcurrentMap.map(sources.inventory.roadmaps) { file -> PreparedDocument in
            try PreparedDocument.read(file, topicFolder: sources.inventory.topicFolders[file.relativePath], cache: options.pageCache)
        }
        let (published, publicationDiagnostics) = PublicationCheck().check(documents)
        diagnostics += documents.flatMap(\.diagnostics) + publicationDiagnostics
        diagnostics += SiteAssets(templatesDirectory: options.templatesDirectory)
            .check(sources.inventory, publishing: published.map { ($0.slug, $0.file) })
        clock.lap("read")

        // 3. Model (pass 1).
        options.pageCache?.begin(published)
        let pages = Dictionary(uniqueKeysWithValues: published.map { ($0.file.relativePath, $0.slug) })
        let listed = try ListingPass(glossary: sources.glossary, pages: pages, assets: sources.assets,
                                     allowRawHTML: sources.config.allowRawHTML)
            .run(published, cache: options.pageCache)
        let listings = listed.map(\.listing)
        diagnostics += listed.flatMap(\.diagnostics)
        clock.lap("model")

        // 4. Check, and stop before rendering on an error.
        let linkTargets = LinkTargetCheck(listings: listings).check(listed.flatMap(\.linksToOtherPages))
        diagnostics += linkTargets.diagnostics
        clock.lap("check")
        if hasErrors() { return report(roadmaps: published.count) }

        let writer = try SiteWriter(
            output: options.outputDirectory,
            protecting: options.protectedDirectories, sources: folders,
            // A page cache hard-links reused roadmaps from the previous site, so the writer must
            // never write through a link: that is what linking unchanged files guards against.
            linkingUnchangedFiles: options.linksUnchangedFiles || options.pageCache != nil)
        do {
            // 5. Render (pass 2).
            let sharedTerms = SharedTermIndex(listings, hasSearchPage: templates.search != nil)
            let results = try PagePass(
                templates: templates, config: sources.config, glossary: sources.glossary, sharedTerms: sharedTerms,
                series: SeriesIndex(listings),
                pages: pages, assets: sources.assets, otherPageAnchors: linkTargets.anchors,
                resourceUses: ListingPass.Output.resourceUses(listed),
                writer: writer, searchSpool: try? SearchSpool(),
                reportedFolder: options.outputDirectory
            ).run(published, cache: options.pageCache, progress: options.progress)
            diagnostics += results.flatMap(\.diagnostics)
            clock.lap("render roadmaps")
            if hasErrors() {
                writer.discard()
                return report(roadmaps: results.count)
            }

            // 6. Site-wide pages.
            let siteWide = try SiteWidePass(
                templates: templates, config: sources.config, writer: writer, inventory: sources.inventory,
                contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory,
                reportedFolder: options.outputDirectory
            ).run(results)
            diagnostics += siteWide.diagnostics
            clock.lap("site pages")

            // 7. Check links.
            let checker = RenderedLinkChecker(
                siteFolder: writer.staging, reportedFolder: options.outputDirectory, written: writer.written)
            let htmlPages = checker.htmlFiles()
            diagnostics += checker.check(
                results.flatMap { [$0.links] + $0.enrichmentLinks } + siteWide.links, pages: htmlPages)
            clock.lap("check links")
            if hasErrors() {
                writer.discard()
                return report(roadmaps: results.count)
            }

            // 8. Commit.
            try writer.commit(removingPreviousLater: options.removesPreviousSiteLater)
            clock.lap("write")
            return report(pages: htmlPages.count, roadmaps: results.count, wrote: true)
        } catch {
            writer.discard()
            throw error
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
