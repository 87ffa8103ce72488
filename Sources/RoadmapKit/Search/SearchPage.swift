import TemplateEngine

/// `search.html`: the full results page for `search.html?q=…` (filled in by `search.js`), and
/// without JavaScript a browsable list of every roadmap with its phases and modules.
struct SearchPageView: Sendable, TemplateView {
    var site: SiteView
    var page: PageMetaView
    var roadmaps: [SearchBrowseRoadmapView]
    var hasRoadmaps: Bool
    /// Whether phases and modules are listed (small sites) or only the roadmaps.
    var listsSections: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "roadmaps": .list(\.roadmaps),
        "hasRoadmaps": .flag(\.hasRoadmaps), "listsSections": .flag(\.listsSections),
    ]
}

struct SearchBrowseRoadmapView: Sendable, TemplateView {
    var title: String
    var href: String
    var entries: [SearchBrowseEntryView]
    var hasEntries: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "href": .text(\.href), "entries": .list(\.entries), "hasEntries": .flag(\.hasEntries),
    ]
}

struct SearchBrowseEntryView: Sendable, TemplateView {
    var title: String
    var href: String
    var kind: String
    var isModule: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "href": .text(\.href), "kind": .text(\.kind), "isModule": .flag(\.isModule),
    ]
}

extension SiteWidePages {
    /// Roadmaps beyond which the no-script list names only the roadmaps.
    static let searchPageSectionLimit = 100

    /// The search page, or nil when the templates have no `search.mustache`.
    func search(_ batches: [SearchDocumentBatch]) -> String? {
        guard let template = templates.search else { return nil }
        let listsSections = batches.count <= Self.searchPageSectionLimit
        let roadmaps = batches.compactMap { batch -> SearchBrowseRoadmapView? in
            guard let page = batch.outline.first(where: { $0.kind == .roadmap }) else { return nil }
            let entries = listsSections ? batch.outline.filter { $0.kind == .phase || $0.kind == .module }.map {
                SearchBrowseEntryView(title: $0.title, href: $0.url, kind: $0.kind.rawValue, isModule: $0.kind == .module)
            } : []
            return SearchBrowseRoadmapView(title: page.title, href: page.url, entries: entries, hasEntries: !entries.isEmpty)
        }
        let view = SearchPageView(
            site: .make(config, root: "", strings: templates.strings),
            page: .make(title: templates.strings.text("search.title"), description: config.description, path: "search.html", config: config,
                        bodyClass: "search-page"),
            roadmaps: roadmaps, hasRoadmaps: !roadmaps.isEmpty, listsSections: listsSections)
        return template.render(view)
    }
}
