/// The pages made from every roadmap together: the home page and the not-found page.
struct SiteWidePages: Sendable {
    var templates: TemplateSet
    var config: SiteConfig
    var roadmaps: [RoadmapSummary]

    private func cards(root: String) -> [RoadmapCardView] {
        roadmaps.map {
            let facts = RoadmapFacts.make(phaseCount: $0.phaseCount, moduleCount: $0.moduleCount, totalDuration: $0.totalDuration)
            return RoadmapCardView(
                title: $0.title, summary: $0.summary, href: root + $0.slug + "/index.html", phaseCount: $0.phaseCount,
                moduleCount: $0.moduleCount, hasDuration: $0.totalDuration != nil, totalDuration: $0.totalDuration ?? "",
                facts: facts, hasFacts: !facts.isEmpty)
        }
    }

    func home() -> String {
        let cards = cards(root: "")
        let view = HomePageView(
            site: .make(config, root: ""),
            page: .make(title: config.title, description: config.description, path: "", config: config, bodyClass: "home-page"),
            roadmaps: cards, hasRoadmaps: !cards.isEmpty)
        return templates.home.render(view)
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
            site: .make(config, root: root),
            page: .make(title: "Page not found", description: config.description, path: "404.html", config: config,
                        bodyClass: "not-found-page"),
            roadmaps: cards, hasRoadmaps: !cards.isEmpty)
        return templates.notFound.render(view)
    }
}
