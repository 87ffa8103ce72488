import Foundation

/// The keys of the render cache (``RenderCache``): for each output, a digest of everything it is
/// made from.
///
/// - A roadmap's listing (pass 1): its file's path and bytes (and a roadmap.sh folder's topic
///   and graph files), its slug, the glossary, which roadmaps and other files the site has (its
///   links are checked against them), `allow_raw_html`, and the tool.
/// - A roadmap's pages (pass 2): its listing's key, the templates (every file of the folder),
///   `site.yml`, `--base-url`, the output folder (diagnostics name it), and what the page shows
///   of other roadmaps: its "Also in" entries, its neighbours in its series, where its links to
///   other roadmaps' headings go, and which of its resources other roadmaps use.
/// - The site-wide pages: every roadmap's pages' key, in order.
///
/// The settings files and templates are read for their digest before the build reads them, so
/// that an edit made while a build runs can only leave an entry under a key no later build has.
struct RenderCacheKeys: Sendable {
    /// The tool: this format's version and the running executable's size and date, so a cache
    /// written by another build of the tool is never used.
    let tool: ContentDigest
    /// `site.yml`, `glossary.yml` (or their `.yaml` names) and the templates folder, read before the build reads them.
    let settings: ContentDigest
    let templates: ContentDigest

    static let formatVersion = 2

    /// Reads the settings and templates for their digests.
    init(options: BuildOptions) {
        tool = Self.toolDigest()
        settings = ContentHasher.digest { hasher in
            for name in ["site.yml", "site.yaml", "glossary.yml", "glossary.yaml"] {
                hasher.add(name)
                Self.add(file: (options.contentDirectory as NSString).appendingPathComponent(name), to: &hasher)
            }
            hasher.add(options.baseURL)
        }
        templates = Self.folderDigest(options.templatesDirectory)
    }

    /// The key of the pass 1 inputs every roadmap shares.
    func listingSite(sources: SiteSources, pages: [String: String]) -> ContentDigest {
        ContentHasher.digest { hasher in
            hasher.add(tool)
            hasher.add(settings)
            hasher.add(sources.config.allowRawHTML)
            hasher.add(pages.count)
            for (path, slug) in pages.sorted(by: { $0.key < $1.key }) {
                hasher.add(path)
                hasher.add(slug)
            }
            let assets = sources.assets.sorted()
            hasher.add(assets.count)
            for asset in assets { hasher.add(asset) }
        }
    }

    /// The key of a roadmap's listing.
    static func listing(_ document: PreparedDocument, site: ContentDigest) -> ContentDigest {
        ContentHasher.digest { hasher in
            hasher.add(site)
            hasher.add(document.sourceDigest)
            hasher.add(document.file.path)
            hasher.add(document.file.relativePath)
            hasher.add(document.slug)
        }
    }

    /// The key of the pass 2 inputs every roadmap shares.
    func pageSite(listingSite: ContentDigest, reportedFolder: String) -> ContentDigest {
        ContentHasher.digest { hasher in
            hasher.add(listingSite)
            hasher.add(templates)
            hasher.add(reportedFolder)
        }
    }

    /// The key of a roadmap's pages, once ``PagePass`` has set what it shows of other roadmaps.
    static func page(_ document: PreparedDocument, listing: ContentDigest, site: ContentDigest) -> ContentDigest {
        ContentHasher.digest { hasher in
            hasher.add(site)
            hasher.add(listing)
            hasher.add(document.otherPages)
            hasher.add(document.otherPageAnchors)
            hasher.add(document.sharedResources)
        }
    }

    /// The key of the site-wide pages: every roadmap's pages' key, in order.
    static func siteWide(pages: [(path: String, key: ContentDigest)], site: ContentDigest) -> ContentDigest {
        ContentHasher.digest { hasher in
            hasher.add(site)
            hasher.add(pages.count)
            for page in pages {
                hasher.add(page.path)
                hasher.add(page.key)
            }
        }
    }

    // MARK: Reading

    private static func add(file path: String, to hasher: inout ContentHasher) {
        if let data = FileManager.default.contents(atPath: path) {
            hasher.add(true)
            hasher.add(data)
        } else {
            hasher.add(false)
        }
    }

    /// Every file under `folder`, by relative path, in path order.
    static func folderDigest(_ folder: String) -> ContentDigest {
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
        return ContentHasher.digest { hasher in
            for relative in files {
                let path = (folder as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                hasher.add(relative)
                add(file: path, to: &hasher)
            }
        }
    }

    /// The format's version and the executable's path, size and modification time.
    private static func toolDigest() -> ContentDigest {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        var info = stat()
        let found = stat(executable, &info) == 0
        return ContentHasher.digest { hasher in
            hasher.add(formatVersion)
            hasher.add(executable)
            hasher.add(found)
            if found {
                hasher.add(Int(info.st_size))
                hasher.add(Int(info.st_mtim.tv_sec))
                hasher.add(Int(info.st_mtim.tv_nsec))
            }
        }
    }
}

/// The render cache as one build uses it: the cache, and the keys every roadmap's share.
struct RenderCacheUse: Sendable {
    var cache: RenderCache
    var listingSite: ContentDigest
    var pageSite: ContentDigest

    func listingKey(_ document: PreparedDocument) -> ContentDigest { RenderCacheKeys.listing(document, site: listingSite) }

    /// Once ``PagePass/fingerprinted(_:sharedTerms:series:otherPageAnchors:sharedResources:)`` has set what the document's page shows of other roadmaps.
    func pageKey(_ document: PreparedDocument) -> ContentDigest {
        RenderCacheKeys.page(document, listing: listingKey(document), site: pageSite)
    }

    /// Each fingerprinted document's path and page key, in order: worked out once a build, for
    /// the pages (``PagePass/run(_:cache:renderCache:pageKeys:progress:)``) and the site-wide key.
    func pageKeys(_ documents: [PreparedDocument]) -> [(path: String, key: ContentDigest)] {
        documents.map { ($0.file.relativePath, pageKey($0)) }
    }

    /// The site-wide pages' key, of every roadmap's page key.
    func siteWideKey(_ pageKeys: [(path: String, key: ContentDigest)]) -> ContentDigest {
        RenderCacheKeys.siteWide(pages: pageKeys, site: pageSite)
    }
}
