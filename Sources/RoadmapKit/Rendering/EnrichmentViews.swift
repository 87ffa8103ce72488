// Views for the enrichment pages (timeline, resource index) and the roadmap page's additions.
// Each template key is a stored property here, as in Views.swift.

/// What a roadmap page shows of its enrichment: the timeline and links to its pages.
struct RoadmapEnrichmentView: Sendable {
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
}

struct TimelinePageView: Sendable {
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
}

struct FilterOptionView: Sendable {
    var value: String
    var label: String
    var count: Int
}

struct ResourcePageView: Sendable {
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
}
