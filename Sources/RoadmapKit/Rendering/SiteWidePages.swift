/// The pages made from every roadmap together: the home page and the not-found page.
struct SiteWidePages: Sendable {
    var templates: TemplateSet
    var config: SiteConfig
    var roadmaps: [RoadmapSummary]

    private func cards(root: String) -> [RoadmapCardView] {
        roadmaps.map {
            let facts = $0.facts
            return RoadmapCardView(
                title: $0.title, summary: $0.summary, href: root + $0.slug + "/index.html", phaseCount: $0.phaseCount,
                moduleCount: $0.moduleCount, hasDuration: $0.totalDuration != nil, totalDuration: $0.totalDuration ?? "",
                facts: facts, hasFacts: !facts.isEmpty)
        }
    }

    /// Above this many roadmaps, the home page shows them folder by folder (when some are in folders).
    static let groupingThreshold = 12

    /// How many roadmaps a page of the home page lists: about 450 KB of cards with the project's
    /// templates (10,000 roadmaps made a 4.5 MB home page in one piece).
    static let cardsPerPage = 1_000

    /// The home page's files: `index.html`, then `index-2.html`, …
    static let homeFiles = PagedFiles(stem: "index")

    /// The file of page `page` (from 0) of the home page.
    static func homeFile(_ page: Int) -> String { homeFiles.file(page) }

    /// The home page, in pages of at most `perPage` roadmaps: each page's file and HTML. Folder
    /// by folder, a folder's roadmaps may run on from one page to the next (its heading is on
    /// both), and the list of folders at the top links each to the page it starts on.
    func home(perPage: Int = Self.cardsPerPage) -> [(path: String, html: String)] {
        let cards = cards(root: "")
        let groups = groups(cards)
        // The cards in the order shown, each with its group.
        let shown: [(group: Int, card: RoadmapCardView)] = groups.isEmpty
            ? cards.map { (0, $0) }
            : groups.enumerated().flatMap { number, group in group.roadmaps.map { (number, $0) } }
        let pageCount = max(1, (shown.count + perPage - 1) / perPage)
        var folders = groups
        var start = 0
        for number in folders.indices {
            folders[number].href = Self.homeFile(start / perPage) + "#" + folders[number].id
            start += folders[number].roadmaps.count
        }
        return (0..<pageCount).map { page in
            let slice = shown[min(shown.count, page * perPage)..<min(shown.count, (page + 1) * perPage)]
            var pageGroups: [RoadmapGroupView] = []
            var lastGroup = -1
            for (group, card) in slice where !groups.isEmpty {
                if group != lastGroup {
                    var continued = groups[group]
                    continued.roadmaps = []
                    pageGroups.append(continued)
                    lastGroup = group
                }
                pageGroups[pageGroups.count - 1].roadmaps.append(card)
            }
            let pager = pageCount > 1
                ? PagerView(number: page + 1, of: pageCount, total: cards.count) { Self.homeFile($0 - 1) }
                : nil
            let here = Self.homeFile(page) + "#"
            let view = HomePageView(
                site: .make(config, root: "", strings: templates.strings),
                page: .make(title: pager.map { $0.pageTitle(config.title, strings: templates.strings) } ?? config.title,
                            description: config.description, path: page == 0 ? "" : Self.homeFile(page), config: config,
                            bodyClass: "home-page"),
                roadmaps: slice.map(\.card), hasRoadmaps: !cards.isEmpty, groups: groups.isEmpty ? [] : pageGroups,
                isGrouped: !groups.isEmpty,
                folders: folders.map { folder in
                    var folder = folder
                    if folder.href.hasPrefix(here) { folder.href.removeFirst(here.count - 1) }
                    return folder
                },
                pager: pager ?? PagerView())
            return (Self.homeFile(page), templates.home.render(view))
        }
    }

    /// The cards folder by folder (``FolderSeries``), each under its folder's name (the top
    /// level's first, without one); none when the site has few roadmaps or one folder. A card in
    /// a folder below its group's says which ("2022 › Intro").
    private func groups(_ cards: [RoadmapCardView]) -> [RoadmapGroupView] {
        let folders = FolderSeries.folders(roadmaps)
        guard roadmaps.count > Self.groupingThreshold, folders.count > 1 else { return [] }
        var ids = Slugger()
        return folders.map { group in
            let hasTitle = group.isBelowSharedFolder
            let depth = SitePath.depth(of: group.folder)
            return RoadmapGroupView(
                id: hasTitle ? ids.anchor(for: "folder " + group.folder.replacingOccurrences(of: "/", with: " ")) : "",
                title: hasTitle ? group.title : "", hasTitle: hasTitle, count: group.positions.count,
                roadmaps: group.positions.map { position in
                    var card = cards[position]
                    card.inGroup = hasTitle
                    card.folder = SiteOrderKey.folder(of: roadmaps[position].source).split(separator: "/").dropFirst(depth)
                        .map { ReadableName.of($0) }.joined(separator: " › ")
                    return card
                })
        }
    }

    /// The not-found page. Hosts serve it at any depth, so with a base URL its links are absolute
    /// and it works everywhere. Without one, where the site lives is unknown: a root-relative
    /// "/" would break from file:// and under a sub-path, so its links are relative to the site
    /// root (right for `404.html` itself and for missing pages one level deep) and the page is
    /// plain enough to read unstyled where a host serves it deeper. The build warns about it.
    func notFound() -> String {
        var root = ""
        if let base = config.baseURL { root = base.hasSuffix("/") ? base : base + "/" }
        let cards = cards(root: root)
        let view = NotFoundPageView(
            site: .make(config, root: root, strings: templates.strings),
            page: .make(title: templates.strings.text("page.not-found"), description: config.description, path: "404.html", config: config,
                        bodyClass: "not-found-page"),
            roadmaps: cards, hasRoadmaps: !cards.isEmpty)
        return templates.notFound.render(view)
    }
}
