/// The pages made from every roadmap together: the home page and the not-found page.
struct SiteWidePages: Sendable {
    var templates: TemplateSet
    var config: SiteConfig
    var roadmaps: [RoadmapSummary]

    private func cards(root: String) -> [RoadmapCardView] {
        roadmaps.map {
            RoadmapCardView(
                title: $0.title, summary: $0.summary, href: root + $0.slug + "/index.html", phaseCount: $0.phaseCount,
                moduleCount: $0.moduleCount, hasDuration: $0.totalDuration != nil, totalDuration: $0.totalDuration ?? "")
        }
    }

    func home() -> String {
        let cards = cards(root: "")
        let view = HomePageView(
            site: .make(config, root: ""),
            page: .make(title: config.title, description: config.description, path: "", config: config, bodyClass: "home-page"),
            roadmaps: cards, hasRoadmaps: !cards.isEmpty)
        return templates.render(view, template: "home")
    }

    /// The not-found page. Hosts serve it at any depth, so its links cannot be relative:
    /// with a base URL they are absolute; without one they point at the site root by path.
    func notFound() -> String {
        var root = "/"
        if let base = config.baseURL { root = base.hasSuffix("/") ? base : base + "/" }
        let cards = cards(root: root)
        let view = NotFoundPageView(
            site: .make(config, root: root),
            page: .make(title: "Page not found", description: config.description, path: "404.html", config: config,
                        bodyClass: "not-found-page"),
            roadmaps: cards, hasRoadmaps: !cards.isEmpty)
        return templates.render(view, template: "404")
    }
}
