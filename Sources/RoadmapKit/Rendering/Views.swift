// Views: the values templates render. Each template key is a stored property here, so a
// template that names a key no view provides is caught by TemplateKeyTests.

/// Site-wide values every page shows.
struct SiteView: Sendable {
    var title: String
    var description: String
    var language: String
    /// The relative path from the page to the site root: "" or "../".
    var root: String
    var generator: String
}

/// Values for the page's `<head>`.
struct PageMetaView: Sendable {
    var title: String
    var description: String
    /// The absolute URL of the page; empty when no base URL is set.
    var canonical: String
    var hasCanonical: Bool
    var bodyClass: String
}

/// One roadmap on the home page.
struct RoadmapCardView: Sendable {
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
}

/// The short facts shown under a roadmap's title: its phase and module counts (left out at
/// zero, singular at one) and its total duration.
enum RoadmapFacts {
    static func make(phaseCount: Int, moduleCount: Int, totalDuration: String?) -> [String] {
        var facts: [String] = []
        if phaseCount > 0 { facts.append(counted(phaseCount, "phase")) }
        if moduleCount > 0 { facts.append(counted(moduleCount, "module")) }
        if let totalDuration, !totalDuration.isEmpty { facts.append(totalDuration) }
        return facts
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

struct HomePageView: Sendable {
    var site: SiteView
    var page: PageMetaView
    var roadmaps: [RoadmapCardView]
    var hasRoadmaps: Bool
}

/// One entry of a table of contents, with its own sub-entries.
struct TOCEntryView: Sendable {
    var id: String
    var title: String
    var children: [TOCEntryView]
    var hasChildren: Bool
}

/// A phase in the overview at the top of a roadmap page.
struct PhaseOverviewView: Sendable {
    var id: String
    var title: String
    var number: Int
    var hasDuration: Bool
    var duration: String
    var moduleCount: Int
}

struct RoadmapPageView: Sendable {
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
    var toc: [TOCEntryView]
    var hasTOC: Bool
    /// The rendered Markdown.
    var content: String
    /// The roadmap's phases, modules and tracked items as JSON, for the page's scripts.
    var dataJSON: String
    /// The timeline and links to the timeline and resource pages.
    var enrichment: RoadmapEnrichmentView = .none
}

struct NotFoundPageView: Sendable {
    var site: SiteView
    var page: PageMetaView
    var roadmaps: [RoadmapCardView]
    var hasRoadmaps: Bool
}
