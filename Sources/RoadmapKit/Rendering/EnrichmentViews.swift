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

/// One row of the timeline table: a phase or a module.
struct TimelineRowView: Sendable {
    var id: String
    var title: String
    var href: String
    var rowClass: String
    var isModule: Bool
    var duration: String
    var start: String
    var end: String
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
    var rows: [TimelineRowView]
    var hasRows: Bool
}

struct ResourceUseView: Sendable {
    var href: String
    var label: String
}

struct ResourceEntryView: Sendable {
    var id: String
    var title: String
    var url: String
    var hasURL: Bool
    var kind: String
    var kindLabel: String
    var cost: String
    var costLabel: String
    var author: String
    var hasAuthor: Bool
    var provider: String
    /// Lowercased words the filter matches against.
    var searchText: String
    var uses: [ResourceUseView]
    var useCount: Int
}

struct ResourceProviderView: Sendable {
    var name: String
    var entries: [ResourceEntryView]
}

struct ResourceGroupView: Sendable {
    var kind: String
    var title: String
    var count: Int
    var providers: [ResourceProviderView]
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
    var groups: [ResourceGroupView]
    var hasGroups: Bool
}
