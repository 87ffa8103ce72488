import TemplateEngine

// Views for the enrichment pages (timeline, resource index) and the roadmap page's additions.
// Each view declares the keys its templates may name (`templateKeys`), as in Views.swift.

/// What a roadmap page shows of its enrichment: the timeline and links to its pages.
struct RoadmapEnrichmentView: Sendable, TemplateView {
    var hasTimeline: Bool
    /// The timeline drawing (trusted HTML built by ``TimelineSVG``).
    var timelineSVG: String
    /// The duration check's sentence for each phase whose modules overflow it (`partials/timeline-overflow`).
    var overflows: [String]
    var timelineHref: String
    var resourcesHref: String
    var resourceCount: Int
    var hasResources: Bool

    static let none = RoadmapEnrichmentView(
        hasTimeline: false, timelineSVG: "", overflows: [], timelineHref: "timeline.html", resourcesHref: "resources.html",
        resourceCount: 0, hasResources: false)

    static let templateKeys: TemplateKeys<Self> = [
        "hasTimeline": .flag(\.hasTimeline), "timelineSVG": .text(\.timelineSVG), "overflows": .list(\.overflows),
        "timelineHref": .text(\.timelineHref), "resourcesHref": .text(\.resourcesHref),
        "resourceCount": .number(\.resourceCount), "hasResources": .flag(\.hasResources),
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
    /// The duration check's sentence for each phase whose modules overflow it (`partials/timeline-overflow`).
    var overflows: [String]
    var hasOverflows: Bool { !overflows.isEmpty }
    /// The table's rows, each rendered by `partials/timeline-row`.
    var rows: [TimelineRowView]
    var hasRows: Bool
    /// The roadmap's phases and modules for the page script, which fills in a saved study plan's dates.
    var dataJSON: String

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "roadmapTitle": .text(\.roadmapTitle),
        "roadmapHref": .text(\.roadmapHref), "resourcesHref": .text(\.resourcesHref), "hasTotal": .flag(\.hasTotal),
        "total": .text(\.total), "svg": .text(\.svg), "overflows": .list(\.overflows), "hasOverflows": .flag(\.hasOverflows), "rows": .list(\.rows), "hasRows": .flag(\.hasRows),
        "dataJSON": .text(\.dataJSON),
    ]
}

/// A phase or module in the timeline page's table (`partials/timeline-row`).
struct TimelineRowView: Sendable, TemplateView {
    /// "phase" or "module".
    var kind: String
    var isPhase: Bool
    /// The anchor of the phase or module on the roadmap page.
    var id: String
    /// The phase's number (1 for the first); 0 for a module.
    var number: Int
    var title: String
    var hasLength: Bool
    /// In the table's one unit ("17–22 weeks").
    var length: String
    /// The length as the roadmap states it, when that is in another unit and the title does not say it; else "".
    var stated: String
    /// Whether the length is the sum of the modules' (the phase states none).
    var isSummed: Bool
    var startsAtStart: Bool
    /// When it starts, counted from the start of the roadmap ("3 weeks").
    var start: String
    var endsAtStart: Bool
    var end: String
    /// A module that ends past its phase's stated end (the duration check's warning says so).
    var overflows: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "kind": .text(\.kind), "isPhase": .flag(\.isPhase), "id": .text(\.id), "number": .number(\.number),
        "title": .text(\.title), "hasLength": .flag(\.hasLength), "length": .text(\.length),
        "isSummed": .flag(\.isSummed), "startsAtStart": .flag(\.startsAtStart), "start": .text(\.start),
        "endsAtStart": .flag(\.endsAtStart), "end": .text(\.end), "stated": .text(\.stated),
        "overflows": .flag(\.overflows),
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
    var hasGroups: Bool
    /// The page is written in two renders with its entries between them: the part before
    /// them (`beforeEntries`), then the part after them (`afterEntries`, its opposite).
    var beforeEntries: Bool
    /// The site's index in pages (``ResourcePages``): which one this is, and links to the others
    /// (`hasPages` when there is more than one).
    var pager = PagerView()

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "heading": .text(\.heading), "lead": .text(\.lead),
        "count": .number(\.count), "hasBack": .flag(\.hasBack), "backHref": .text(\.backHref),
        "backTitle": .text(\.backTitle), "kinds": .list(\.kinds), "costs": .list(\.costs),
        "hasGroups": .flag(\.hasGroups), "beforeEntries": .flag(\.beforeEntries),
        "afterEntries": .flag { !$0.beforeEntries }, "hasPages": .flag { $0.pager.pageCount > 1 }, "pager": .view(\.pager),
    ]
}

/// Links between the pages of a paged list (`partials/pager`): the previous and next page,
/// the first and last, and the pages near this one, with gaps between.
struct PagerView: Sendable, TemplateView {
    /// This page's number, from 1, and how many there are.
    var number = 1
    var pageCount = 1
    /// How many entries all the pages hold.
    var total = 0
    var hasPrevious = false
    var previousHref = ""
    var hasNext = false
    var nextHref = ""
    var items: [PagerItemView] = []
    /// Whether this is the pager after the list: a page has one before its list and one after,
    /// named apart (`pager.label`, `pager.label-end`).
    var isAtEnd = false

    /// The same pager, for after the list.
    var atEnd: PagerView {
        var copy = self
        copy.isAtEnd = true
        return copy
    }

    /// A page's title with its place: "Resources · page 2 of 9".
    func pageTitle(_ title: String, strings: InterfaceStrings) -> String {
        strings.text("pager.page-title", ["title": title, "number": String(number), "pageCount": String(pageCount)])
    }

    static let templateKeys: TemplateKeys<Self> = [
        "isAtEnd": .flag(\.isAtEnd), "atEnd": .view(\.atEnd), "number": .number(\.number), "pageCount": .number(\.pageCount), "total": .number(\.total),
        "hasPrevious": .flag(\.hasPrevious), "previousHref": .text(\.previousHref), "hasNext": .flag(\.hasNext),
        "nextHref": .text(\.nextHref), "items": .list(\.items),
    ]

    /// Page `number` (from 1) of `count`, each page's address `href(n)`: the first and last
    /// pages and the two on each side of this one are linked, a gap stands for the rest.
    init(number: Int, of count: Int, total: Int, href: (Int) -> String) {
        self.number = number
        pageCount = count
        self.total = total
        hasPrevious = number > 1
        previousHref = hasPrevious ? href(number - 1) : ""
        hasNext = number < count
        nextHref = hasNext ? href(number + 1) : ""
        var shown = Set([1, count])
        for near in (number - 2)...(number + 2) where near >= 1 && near <= count { shown.insert(near) }
        var last = 0
        for page in shown.sorted() {
            if page > last + 1 { items.append(PagerItemView(number: 0, href: "", isCurrent: false, isGap: true)) }
            items.append(PagerItemView(number: page, href: href(page), isCurrent: page == number, isGap: false))
            last = page
        }
    }

    init() {}
}

/// A page's link in a pager, or a gap.
struct PagerItemView: Sendable, TemplateView {
    var number: Int
    var href: String
    var isCurrent: Bool
    var isGap: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "number": .number(\.number), "href": .text(\.href), "isCurrent": .flag(\.isCurrent), "isGap": .flag(\.isGap),
    ]
}

/// The resources of one kind on a resource index (`partials/resource-group`), written like
/// the page: its part before its entries, then (after the entries) its part after them.
struct ResourceGroupView: Sendable, TemplateView {
    /// The kind's name in ids and filters: "course".
    var kind: String
    /// Its heading: "Courses".
    var title: String
    var count: Int
    /// Which part is rendered (`afterEntries` is its opposite).
    var beforeEntries: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "kind": .text(\.kind), "title": .text(\.title), "count": .number(\.count),
        "beforeEntries": .flag(\.beforeEntries), "afterEntries": .flag { !$0.beforeEntries },
    ]
}

/// The resources of one provider within a group (`partials/resource-provider`), written in
/// two parts around its entries as the group is.
struct ResourceProviderView: Sendable, TemplateView {
    /// "Coursera", or "Other" when a resource names no provider.
    var name: String
    /// Which part is rendered (`afterEntries` is its opposite).
    var beforeEntries: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "name": .text(\.name), "beforeEntries": .flag(\.beforeEntries), "afterEntries": .flag { !$0.beforeEntries },
    ]
}

/// One resource on a resource index (`partials/resource-entry`).
struct ResourceEntryView: Sendable, TemplateView {
    /// The entry's id on the page.
    var id: String
    var kind: String
    var cost: String
    /// Whether the roadmap says what it costs: an unknown cost is left unsaid.
    var hasCost: Bool
    /// "Free to audit".
    var costLabel: String
    /// The title, author, provider and kind, lowercased: what the page's filter matches.
    var searchText: String
    var title: String
    var hasURL: Bool
    var url: String
    var hasAuthor: Bool
    var author: String
    /// Where roadmaps use it.
    var uses: [ResourceUseView]
    /// On a roadmap's index: how many uses in other roadmaps are not listed, and where the
    /// site's index lists them all.
    var hasMoreUses: Bool
    var moreUses: Int
    var isOneMoreUse: Bool
    var moreUsesHref: String
    /// On the site's index: how many uses are not listed (past ``ResourcePages/usesShown``), and
    /// the data file that lists them all.
    var hasUnlistedUses = false
    var unlistedUses = 0
    var dataHref = ""

    static let templateKeys: TemplateKeys<Self> = [
        "id": .text(\.id), "kind": .text(\.kind), "cost": .text(\.cost), "hasCost": .flag(\.hasCost),
        "costLabel": .text(\.costLabel), "searchText": .text(\.searchText), "title": .text(\.title), "hasURL": .flag(\.hasURL), "url": .text(\.url),
        "hasAuthor": .flag(\.hasAuthor), "author": .text(\.author), "uses": .list(\.uses),
        "hasMoreUses": .flag(\.hasMoreUses), "moreUses": .number(\.moreUses), "isOneMoreUse": .flag(\.isOneMoreUse),
        "moreUsesHref": .text(\.moreUsesHref), "hasUnlistedUses": .flag(\.hasUnlistedUses),
        "unlistedUses": .number(\.unlistedUses), "dataHref": .text(\.dataHref),
    ]
}

/// One place a roadmap uses a resource, linked from its entry.
struct ResourceUseView: Sendable, TemplateView {
    var href: String
    /// Whether the use is in another roadmap than the one whose index this is.
    var isOtherRoadmap: Bool
    /// Whether the link names the roadmap (on the site's index, and for other roadmaps' uses).
    var namesRoadmap: Bool
    var roadmapTitle: String
    var sectionTitle: String

    static let templateKeys: TemplateKeys<Self> = [
        "href": .text(\.href), "isOtherRoadmap": .flag(\.isOtherRoadmap), "namesRoadmap": .flag(\.namesRoadmap),
        "roadmapTitle": .text(\.roadmapTitle), "sectionTitle": .text(\.sectionTitle),
    ]
}
