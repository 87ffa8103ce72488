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
    /// Hard-link files whose bytes did not change from the previous site instead of writing them.
    public var linksUnchangedFiles = true
    /// Keep each roadmap's results in the render cache beside the output (``RenderCache``) and
    /// reuse the last build's where their inputs are unchanged. Not with a `pageCache`, which
    /// keeps them in memory.
    public var usesRenderCache = true
    /// `--clean`: build everything anew, neither reading the render cache nor linking a file
    /// of the previous site (the cache is written afresh).
    public var clean = false

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
    /// How many roadmaps' pages were carried over from the render cache rather than rendered.
    public var reusedRoadmaps = 0

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The build pipeline, a list of stages with the values passed between them:
///
/// 1. discover: the content folder's files, `site.yml`, the glossary, the templates (``SiteSources``);
/// 2. read → ``PreparedDocument``s, published ones checked (``PublicationCheck``);
/// 3. model, pass 1 → a ``RoadmapListing`` per roadmap, its Markdown links checked (``ListingPass``);
/// 4. check → where links to other roadmaps' headings go (``LinkTargetCheck``); an error so far
///    ends the build before any page is rendered;
/// 5. render, pass 2 → a ``PageResult`` per roadmap, its pages written (``PagePass``);
/// 6. site-wide pages: resource indexes, search, home and not-found pages, files, sitemap (``SiteWidePass``);
/// 7. check links: every link of every page written (``RenderedLinkChecker``);
/// 8. commit: the new site replaces the output folder.
///
/// Stages 2 to 7 are ``BuildStages``, which the fuzz target runs too.
public struct SiteBuilder: Sendable {
    public init() {}

    public func build(_ options: BuildOptions) throws -> BuildReport {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        var reused = 0
        func report(pages: Int = 0, roadmaps: Int = 0, wrote: Bool = false) -> BuildReport {
            BuildReport(diagnostics: diagnostics.map { $0.escalated(strict: options.strict) }.sortedForDisplay(),
                        pageCount: pages, roadmapCount: roadmaps, wroteSite: wrote, stageTimes: clock.laps,
                        reusedRoadmaps: reused)
        }

        let folders = [options.contentDirectory, options.templatesDirectory]
        if let refusal = SiteWriter.refusal(output: options.outputDirectory, protecting: options.protectedDirectories, sources: folders) {
            diagnostics.append(refusal)
            return report()
        }
        try SiteWriter.cleanUpAfterKilledBuilds(output: options.outputDirectory)

        // The settings and templates are read for the render cache's keys before the build reads them.
        let cacheKeys = options.usesRenderCache && options.pageCache == nil ? RenderCacheKeys(options: options) : nil

        // 1. Discover.
        let sources = try SiteSources.discover(options)
        diagnostics += sources.diagnostics
        clock.lap("discover")
        guard let templates = sources.templates else { return report() }

        let renderCache = cacheKeys.flatMap { keys in
            RenderCache(output: options.outputDirectory, identity: keys.tool, ignoringPrevious: options.clean).map { ($0, keys) }
        }
        defer { renderCache?.0.discard() }

        // 2–7. Read, model, check, render, site-wide pages, check links.
        var stages = BuildStages(
            sources: sources, templates: templates, siteAssets: SiteAssets(templatesDirectory: options.templatesDirectory),
            contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory,
            reportedFolder: options.outputDirectory, strict: options.strict, cache: options.pageCache,
            progress: options.progress, searchSpool: try? SearchSpool())
        stages.renderCache = renderCache
        let outcome = try stages.run(diagnostics: &diagnostics, lap: { clock.lap($0) }) {
            try SiteWriter(
                output: options.outputDirectory, protecting: options.protectedDirectories, sources: folders,
                // A page cache hard-links reused roadmaps from the previous site, so the writer must
                // never write through a link: that is what linking unchanged files guards against.
                linkingUnchangedFiles: !options.clean && (options.linksUnchangedFiles || options.pageCache != nil))
        }
        switch outcome {
        case .stoppedBeforeRendering(let roadmaps):
            return report(roadmaps: roadmaps)
        case .failedRendering(let writer, let roadmaps), .failedLinkCheck(let writer, let roadmaps):
            writer.discard()
            return report(roadmaps: roadmaps)
        case .staged(let writer, let pages, let roadmaps):
            // 8. Commit.
            let removal: PreviousSiteRemoval?
            do {
                removal = try writer.commit(removingPreviousLater: options.removesPreviousSiteLater)
            } catch {
                writer.discard()
                throw error
            }
            clock.lap("write")
            // While the previous site is deleted.
            renderCache?.0.finish(site: writer.output, paths: writer.written.all)
            reused = renderCache?.0.reusedPages ?? 0
            clock.lap("keep cache")
            removal?.wait()
            clock.lap("remove previous")
            return report(pages: pages, roadmaps: roadmaps, wrote: true)
        case .unchanged(let pages, let roadmaps):
            renderCache?.0.finishUnchanged(site: URL(fileURLWithPath: RealPath.resolving(options.outputDirectory)))
            reused = roadmaps
            return report(pages: pages, roadmaps: roadmaps, wrote: true)
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
