import TemplateEngine

// Views for the enrichment pages (timeline, resource index) and the roadmap page's additions,
// each with its key table, as in Views.swift.

/// What a roadmap page shows of its enrichment: the timeline and links to its pages.
struct RoadmapEnrichmentView: Sendable, TemplateView {
    var hasTimeline: Bool
    /// The timeline drawing (trusted HTML built by ``TimelineSVG``).
    var timelineSVG: String
    var timelineHref: String
    var resourcesHref: String
    var resourceCount: Int
    var hasResources: Bool

    static let none = RoadmapEnrichmentView(
        hasTimeline: false, timelineSVG: "", timelineHref: "timeline.html", resourcesHref: "resources.html",
        resourceCount: 0, hasResources: false)

    static let templateKeys: TemplateKeys<Self> = [
        "hasTimeline": .flag(\.hasTimeline), "timelineSVG": .text(\.timelineSVG), "timelineHref": .text(\.timelineHref),
        "resourcesHref": .text(\.resourcesHref), "resourceCount": .number(\.resourceCount),
        "hasResources": .flag(\.hasResources),
    ]
}

struct TimelinePageView: Sendable, TemplateView {
    var site: SiteView
    var page: PageMetaView
    var roadmapTitle: String
    var roadmapHref: String
    var resourcesHref: String
    var hasTotal: Bool
    var total: String
    var svg: String
    /// The table's rows (trusted HTML built by ``EnrichmentPages``).
    var rowsHTML: String
    var hasRows: Bool
    /// The roadmap's phases and modules for the page script, which fills in a saved study plan's dates.
    var dataJSON: String

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "roadmapTitle": .text(\.roadmapTitle),
        "roadmapHref": .text(\.roadmapHref), "resourcesHref": .text(\.resourcesHref), "hasTotal": .flag(\.hasTotal),
        "total": .text(\.total), "svg": .text(\.svg), "rowsHTML": .text(\.rowsHTML), "hasRows": .flag(\.hasRows),
        "dataJSON": .text(\.dataJSON),
    ]
}

struct FilterOptionView: Sendable, TemplateView {
    var value: String
    var label: String
    var count: Int

    static let templateKeys: TemplateKeys<Self> = [
        "value": .text(\.value), "label": .text(\.label), "count": .number(\.count),
    ]
}

struct ResourcePageView: Sendable, TemplateView {
    var site: SiteView
    var page: PageMetaView
    var heading: String
    var lead: String
    var count: Int
    var hasBack: Bool
    var backHref: String
    var backTitle: String
    var kinds: [FilterOptionView]
    var costs: [FilterOptionView]
    /// The entries grouped by kind and provider (trusted HTML built by ``EnrichmentPages``).
    var groupsHTML: String
    var hasGroups: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "heading": .text(\.heading), "lead": .text(\.lead),
        "count": .number(\.count), "hasBack": .flag(\.hasBack), "backHref": .text(\.backHref),
        "backTitle": .text(\.backTitle), "kinds": .list(\.kinds), "costs": .list(\.costs),
        "groupsHTML": .text(\.groupsHTML), "hasGroups": .flag(\.hasGroups),
    ]
}
