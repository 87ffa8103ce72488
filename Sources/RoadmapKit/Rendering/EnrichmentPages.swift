import Foundation

/// Renders the enrichment pages: a roadmap's timeline page and resource index, and the
/// site-wide resource index.
struct EnrichmentPages {
    var templates: TemplateSet
    var config: SiteConfig

    /// The roadmap page's view of its enrichment.
    static func roadmapView(_ enriched: EnrichedRoadmap) -> RoadmapEnrichmentView {
        let svg = TimelineSVG(timeline: enriched.timeline, includeModules: false, idPrefix: "overview-").render()
        return RoadmapEnrichmentView(
            hasTimeline: !svg.isEmpty, timelineSVG: svg, timelineHref: "timeline.html", resourcesHref: "resources.html",
            resourceCount: enriched.resources.count, hasResources: !enriched.resources.isEmpty)
    }

    func timelinePage(_ enriched: EnrichedRoadmap) -> String {
        let roadmap = enriched.roadmap
        func when(_ range: WeekRange) -> String {
            range.maxWeeks < 0.01 ? "at the start" : "after " + range.text
        }
        var rows: [TimelineRowView] = []
        for (index, phase) in enriched.timeline.phases.enumerated() {
            rows.append(row(phase, title: "\(index + 1). \(phase.title)", isModule: false, when: when))
            for module in phase.modules { rows.append(row(module, title: module.title, isModule: true, when: when)) }
        }
        let total = enriched.timeline.total?.text ?? ""
        let view = TimelinePageView(
            site: .make(config, root: "../"),
            page: .make(title: "Timeline · " + roadmap.title, description: "How long each phase and module of \(roadmap.title) takes.",
                        path: roadmap.slug + "/timeline.html", config: config, bodyClass: "timeline-page"),
            roadmapTitle: roadmap.title, roadmapHref: "index.html", resourcesHref: "resources.html",
            hasTotal: !total.isEmpty, total: total,
            svg: TimelineSVG(timeline: enriched.timeline, includeModules: true, idPrefix: "page-").render(),
            rows: rows, hasRows: !rows.isEmpty)
        return templates.render(view, template: "timeline")
    }

    private func row(_ entry: TimelineEntry, title: String, isModule: Bool, when: (WeekRange) -> String) -> TimelineRowView {
        var duration = entry.length?.text ?? "not stated"
        if entry.isSummed { duration += " (sum of modules)" }
        return TimelineRowView(
            id: entry.id, title: title, href: "index.html#" + entry.id, rowClass: isModule ? "tl-row-module" : "tl-row-phase",
            isModule: isModule, duration: duration, start: when(entry.start),
            end: entry.length == nil ? "—" : when(entry.end))
    }

    /// A resource index: one roadmap's (`roadmap` set, page in the roadmap's folder) or the site's.
    func resourcesPage(_ resources: [Resource], roadmap: Roadmap?) -> String {
        let root = roadmap == nil ? "" : "../"
        func useHref(_ use: ResourceUse) -> String {
            (roadmap == nil ? use.roadmapSlug + "/" : "") + "index.html#" + use.anchor
        }
        var groups: [ResourceGroupView] = []
        for kind in ResourceKind.allCases {
            let ofKind = resources.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            var providers: [ResourceProviderView] = []
            for resource in ofKind {
                let name = resource.provider ?? "Other"
                let entry = entryView(resource, useHref: useHref, siteWide: roadmap == nil)
                if providers.last?.name == name {
                    providers[providers.count - 1].entries.append(entry)
                } else {
                    providers.append(ResourceProviderView(name: name, entries: [entry]))
                }
            }
            groups.append(ResourceGroupView(kind: kind.rawValue, title: kind.pluralTitle, count: ofKind.count, providers: providers))
        }
        let kinds = groups.map { FilterOptionView(value: $0.kind, label: $0.title, count: $0.count) }
        let costs = ResourceCost.allCases.compactMap { cost -> FilterOptionView? in
            let count = resources.filter { $0.cost == cost }.count
            return count == 0 ? nil : FilterOptionView(value: cost.rawValue, label: cost.label, count: count)
        }
        let heading = roadmap.map { "Resources · " + $0.title } ?? "Resources"
        let lead = roadmap == nil
            ? "Every course, book, tool and link the roadmaps on this site point to, with where each is used."
            : "Every course, book, tool and link this roadmap points to, with where each is used."
        let view = ResourcePageView(
            site: .make(config, root: root),
            page: .make(title: heading, description: lead, path: (roadmap.map { $0.slug + "/" } ?? "") + "resources.html",
                        config: config, bodyClass: "resources-page"),
            heading: heading, lead: lead, count: resources.count, hasBack: roadmap != nil,
            backHref: "index.html", backTitle: roadmap?.title ?? "", kinds: kinds, costs: costs, groups: groups,
            hasGroups: !groups.isEmpty)
        return templates.render(view, template: "resources")
    }

    private func entryView(_ resource: Resource, useHref: (ResourceUse) -> String, siteWide: Bool) -> ResourceEntryView {
        let uses = resource.uses.map { use in
            ResourceUseView(href: useHref(use), label: siteWide ? use.roadmapTitle + " › " + use.sectionTitle : use.sectionTitle)
        }
        let search = [resource.title, resource.author ?? "", resource.provider ?? "", resource.kind.rawValue]
            .joined(separator: " ").lowercased()
        return ResourceEntryView(
            id: resource.id, title: resource.title, url: resource.url ?? "", hasURL: resource.url != nil,
            kind: resource.kind.rawValue, kindLabel: resource.kind.rawValue, cost: resource.cost.rawValue,
            costLabel: resource.cost.label, author: resource.author ?? "", hasAuthor: resource.author != nil,
            provider: resource.provider ?? "", searchText: search, uses: uses, useCount: uses.count)
    }
}

extension EnrichmentPages {
    /// Writes a roadmap's timeline page, resource index and `roadmap.json`; returns the pages' links.
    func write(_ enriched: EnrichedRoadmap, with writer: SiteWriter, reportedFolder: String) throws -> [RenderedPageLinks] {
        let slug = enriched.roadmap.slug
        let timeline = timelinePage(enriched)
        try writer.write(timeline, to: slug + "/timeline.html")
        let resources = resourcesPage(enriched.resources, roadmap: enriched.roadmap)
        try writer.write(resources, to: slug + "/resources.html")
        try writer.write(RoadmapDataWriter().roadmapJSON(enriched), to: slug + "/roadmap.json")
        return [
            RenderedLinkChecker.scan(timeline, page: slug + "/timeline.html", template: "timeline", reportedFolder: reportedFolder),
            RenderedLinkChecker.scan(resources, page: slug + "/resources.html", template: "resources", reportedFolder: reportedFolder),
        ]
    }

    /// Writes `resources.html` and `resources.json` for the whole site. `slugs[i]` owns
    /// `resources[i]`; `order` is the site's order of roadmaps.
    func writeSiteWide(
        _ slugs: [String], resources: [[Resource]], order: [String], with writer: SiteWriter, reportedFolder: String
    ) throws -> RenderedPageLinks {
        let bySlug = Dictionary(zip(slugs, resources), uniquingKeysWith: { a, _ in a })
        let merged = ResourceIndex.merge(order.compactMap { bySlug[$0] })
        let page = resourcesPage(merged, roadmap: nil)
        try writer.write(page, to: "resources.html")
        try writer.write(RoadmapDataWriter().resourcesJSON(merged), to: "resources.json")
        return RenderedLinkChecker.scan(page, page: "resources.html", template: "resources", reportedFolder: reportedFolder)
    }
}
