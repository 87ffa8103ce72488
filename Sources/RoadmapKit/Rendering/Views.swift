import TemplateEngine

// Views: the values templates render. Each view declares the keys templates may name in its
// `templateKeys` table; a template naming a key its view does not have fails to load.

/// Site-wide values every page shows.
struct SiteView: Sendable, TemplateView {
    var title: String
    var description: String
    var language: String
    /// The relative path from the page to the site root: "" or "../".
    var root: String
    var generator: String
    /// The scripts' interface strings as JSON (``InterfaceStrings/scriptJSON``), for the page's
    /// `<script type="application/json" id="site-strings">`.
    var scriptStrings: String

    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "description": .text(\.description), "language": .text(\.language),
        "root": .text(\.root), "generator": .text(\.generator), "scriptStrings": .text(\.scriptStrings),
    ]
}

/// Values for the page's `<head>`.
struct PageMetaView: Sendable, TemplateView {
    var title: String
    var description: String
    /// The absolute URL of the page; empty when no base URL is set.
    var canonical: String
    var hasCanonical: Bool
    var bodyClass: String

    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "description": .text(\.description), "canonical": .text(\.canonical),
        "hasCanonical": .flag(\.hasCanonical), "bodyClass": .text(\.bodyClass),
    ]
}

/// One roadmap on the home page.
struct RoadmapCardView: Sendable, TemplateView {
    var title: String
    var summary: String
    var href: String
    var phaseCount: Int
    var moduleCount: Int
    var hasDuration: Bool
    var totalDuration: String
    /// "3 phases", "1 module", the total duration: what is there, counted in words.
    var facts: [String]
    var hasFacts: Bool
    /// Whether the card is under a folder's heading on the home page (its title a level lower).
    var inGroup = false
    /// Its folder below its group's ("2022 › Intro"), or "".
    var folder = ""

    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "summary": .text(\.summary), "href": .text(\.href),
        "phaseCount": .number(\.phaseCount), "moduleCount": .number(\.moduleCount), "hasDuration": .flag(\.hasDuration),
        "totalDuration": .text(\.totalDuration), "facts": .list(\.facts), "hasFacts": .flag(\.hasFacts),
        "inGroup": .flag(\.inGroup), "folder": .text(\.folder),
    ]
}

/// A folder's roadmaps on the home page of a large site, under the folder's name (the top
/// level's roadmaps first, without one).
struct RoadmapGroupView: Sendable, TemplateView {
    var id: String
    var title: String
    var hasTitle: Bool
    var count: Int
    var roadmaps: [RoadmapCardView]
    /// Where the group's heading is, from the home page: `#id`, or `index-3.html#id` when the
    /// home page is in pages and the group starts on another.
    var href = ""

    static let templateKeys: TemplateKeys<Self> = [
        "id": .text(\.id), "title": .text(\.title), "hasTitle": .flag(\.hasTitle), "count": .number(\.count),
        "roadmaps": .list(\.roadmaps), "href": .text(\.href),
    ]
}

/// The short facts shown under a roadmap's title: its phase and module counts (left out at
/// zero, in the form the count takes) and its total duration; a roadmap.sh folder's topics and
/// subtopics.
enum RoadmapFacts {
    static func make(_ roadmap: Roadmap, strings: InterfaceStrings) -> [String] {
        guard roadmap.isTopicFolder else {
            return make(phaseCount: roadmap.phases.count, moduleCount: roadmap.modules.count,
                        totalDuration: roadmap.totalDuration.map { $0.text(in: strings) }, strings: strings)
        }
        let subtopics = roadmap.modules.reduce(0) { $0 + $1.topics.count }
        var facts = roadmap.modules.isEmpty ? [] : [strings.text("facts.topics", count: roadmap.modules.count)]
        if subtopics > 0 { facts.append(strings.text("facts.subtopics", count: subtopics)) }
        return facts
    }

    static func make(phaseCount: Int, moduleCount: Int, totalDuration: String?, strings: InterfaceStrings) -> [String] {
        var facts: [String] = []
        if phaseCount > 0 { facts.append(strings.text("facts.phases", count: phaseCount)) }
        if moduleCount > 0 { facts.append(strings.text("facts.modules", count: moduleCount)) }
        if let totalDuration, !totalDuration.isEmpty { facts.append(totalDuration) }
        return facts
    }
}

struct HomePageView: Sendable, TemplateView {
    var site: SiteView
    var page: PageMetaView
    var roadmaps: [RoadmapCardView]
    var hasRoadmaps: Bool
    /// The roadmaps folder by folder, when the site has many in folders (else empty): this
    /// page's, and every folder of the site (for the list of folders at the top).
    var groups: [RoadmapGroupView]
    var isGrouped: Bool
    var folders: [RoadmapGroupView] = []
    /// The home page in pages (``SiteWidePages/cardsPerPage``): which one this is, and links to
    /// the others (`hasPages` when there is more than one).
    var pager = PagerView()

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "roadmaps": .list(\.roadmaps),
        "hasRoadmaps": .flag(\.hasRoadmaps), "groups": .list(\.groups), "isGrouped": .flag(\.isGrouped),
        "folders": .list(\.folders), "hasPages": .flag { $0.pager.pageCount > 1 }, "pager": .view(\.pager),
    ]
}

/// One entry of a table of contents, with its own sub-entries.
struct TOCEntryView: Sendable, TemplateView {
    var id: String
    var title: String
    /// Whether the section is something a learner marks (a module), whose state the entry shows.
    var isTracked: Bool
    var children: [TOCEntryView]
    var hasChildren: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "id": .text(\.id), "title": .text(\.title), "isTracked": .flag(\.isTracked), "children": .list(\.children),
        "hasChildren": .flag(\.hasChildren),
    ]
}

/// A phase in the overview at the top of a roadmap page.
struct PhaseOverviewView: Sendable, TemplateView {
    var id: String
    var title: String
    var number: Int
    /// Whether the overview shows `number` (not when the titles carry their own numbers).
    var showsNumber: Bool
    var hasDuration: Bool
    var duration: String
    var moduleCount: Int

    static let templateKeys: TemplateKeys<Self> = [
        "id": .text(\.id), "title": .text(\.title), "number": .number(\.number), "showsNumber": .flag(\.showsNumber),
        "hasDuration": .flag(\.hasDuration),
        "duration": .text(\.duration), "moduleCount": .number(\.moduleCount),
    ]
}

struct RoadmapPageView: Sendable, TemplateView {
    var site: SiteView
    var page: PageMetaView
    var title: String
    var titleHTML: String
    var summary: String
    var hasSummary: Bool
    var slug: String
    var source: String
    var hasDuration: Bool
    var totalDuration: String
    var phaseCount: Int
    var moduleCount: Int
    var facts: [String]
    var hasFacts: Bool
    var phases: [PhaseOverviewView]
    var hasPhases: Bool
    /// Whether the page lists its phases at the top (a drawn roadmap shows its own outline).
    var hasPhaseOverview: Bool
    /// Whether the phases' titles carry their own numbers ("Phase 1: …", "Month 2", "1. Git"):
    /// then the page numbers none of them, rather than show "2" beside "Phase 1".
    var phasesNumberThemselves: Bool
    /// The roadmap drawn, when it has a graph (roadmap.sh).
    var graph: GraphDrawingView?
    var toc: [TOCEntryView]
    var hasTOC: Bool
    /// The rendered Markdown.
    var content: String
    /// The roadmap's phases, modules and tracked items as JSON, for the page's scripts.
    var dataJSON: String
    /// The timeline and links to the timeline and resource pages.
    var enrichment: RoadmapEnrichmentView = .none
    /// The roadmaps before and after it in its folder's series.
    var series: SeriesNavView = .none

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "title": .text(\.title), "titleHTML": .text(\.titleHTML),
        "summary": .text(\.summary), "hasSummary": .flag(\.hasSummary), "slug": .text(\.slug),
        "source": .text(\.source), "hasDuration": .flag(\.hasDuration), "totalDuration": .text(\.totalDuration),
        "phaseCount": .number(\.phaseCount), "moduleCount": .number(\.moduleCount), "facts": .list(\.facts),
        "hasFacts": .flag(\.hasFacts), "phases": .list(\.phases), "hasPhases": .flag(\.hasPhases),
        "hasPhaseOverview": .flag(\.hasPhaseOverview), "phasesNumberThemselves": .flag(\.phasesNumberThemselves), "graph": .optional(\.graph), "toc": .list(\.toc),
        "hasTOC": .flag(\.hasTOC), "content": .text(\.content), "dataJSON": .text(\.dataJSON),
        "enrichment": .view(\.enrichment), "series": .view(\.series),
    ]
}

/// A roadmap's place in its folder's series: "Cohorts › 2022 · 3 of 12", and links to the
/// roadmaps before and after it.
struct SeriesNavView: Sendable, TemplateView {
    var hasSeries: Bool
    var folderTitle: String
    var position: Int
    var count: Int
    var hasPrevious: Bool
    var previousTitle: String
    /// The previous roadmap's folder below the series' ("2022 › Intro"), or "".
    var previousFolder: String
    var previousHref: String
    var hasNext: Bool
    var nextTitle: String
    var nextFolder: String
    var nextHref: String

    static let none = SeriesNavView(
        hasSeries: false, folderTitle: "", position: 0, count: 0, hasPrevious: false, previousTitle: "", previousFolder: "",
        previousHref: "", hasNext: false, nextTitle: "", nextFolder: "", nextHref: "")

    static let templateKeys: TemplateKeys<Self> = [
        "hasSeries": .flag(\.hasSeries), "folderTitle": .text(\.folderTitle), "position": .number(\.position),
        "count": .number(\.count), "hasPrevious": .flag(\.hasPrevious), "previousTitle": .text(\.previousTitle),
        "previousFolder": .text(\.previousFolder), "previousHref": .text(\.previousHref), "hasNext": .flag(\.hasNext),
        "nextTitle": .text(\.nextTitle), "nextFolder": .text(\.nextFolder), "nextHref": .text(\.nextHref),
    ]

    /// The view of `place` from the page of the roadmap published in `folder` (its slug).
    static func make(_ place: SeriesIndex.Place?, from folder: String) -> SeriesNavView {
        guard let place else { return .none }
        let root = SitePath.root(from: folder)
        func href(_ neighbour: SeriesIndex.Neighbour?) -> String { neighbour.map { root + $0.slug + "/index.html" } ?? "" }
        return SeriesNavView(
            hasSeries: true, folderTitle: place.folderTitle, position: place.position, count: place.count,
            hasPrevious: place.previous != nil, previousTitle: place.previous?.title ?? "",
            previousFolder: place.previous?.folder ?? "", previousHref: href(place.previous),
            hasNext: place.next != nil, nextTitle: place.next?.title ?? "", nextFolder: place.next?.folder ?? "",
            nextHref: href(place.next))
    }
}

struct NotFoundPageView: Sendable, TemplateView {
    var site: SiteView
    var page: PageMetaView
    var roadmaps: [RoadmapCardView]
    var hasRoadmaps: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "site": .view(\.site), "page": .view(\.page), "roadmaps": .list(\.roadmaps),
        "hasRoadmaps": .flag(\.hasRoadmaps),
    ]
}
