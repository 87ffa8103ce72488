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

    func home() -> String {
        let cards = cards(root: "")
        let groups = groups(cards)
        let view = HomePageView(
            site: .make(config, root: "", strings: templates.strings),
            page: .make(title: config.title, description: config.description, path: "", config: config, bodyClass: "home-page"),
            roadmaps: cards, hasRoadmaps: !cards.isEmpty, groups: groups, isGrouped: !groups.isEmpty)
        return templates.home.render(view)
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
