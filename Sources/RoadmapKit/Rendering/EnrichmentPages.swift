import Foundation
import RoadmapMarkdown

/// Renders the enrichment pages: a roadmap's timeline page and resource index, and the
/// site-wide resource index.
struct EnrichmentPages {
    var templates: TemplateSet
    var config: SiteConfig

    /// The roadmap page's view of its enrichment.
    static func roadmapView(_ enriched: EnrichedRoadmap, strings: InterfaceStrings) -> RoadmapEnrichmentView {
        let svg = TimelineSVG(timeline: enriched.timeline, includeModules: false, idPrefix: "overview-", strings: strings).render()
        return RoadmapEnrichmentView(
            hasTimeline: !svg.isEmpty, timelineSVG: svg, overflows: svg.isEmpty ? [] : overflowNotes(enriched.timeline, strings: strings),
            timelineHref: "timeline.html", resourcesHref: "resources.html",
            resourceCount: enriched.resources.count, hasResources: !enriched.resources.isEmpty)
    }

    /// The timeline page; `dataJSON` is the roadmap page's ``RoadmapDataBlock`` (for the study plan's dates).
    func timelinePage(_ enriched: EnrichedRoadmap, dataJSON: String) -> String {
        let roadmap = enriched.roadmap
        // One unit for the whole table: the one most of its lengths are stated in.
        let entries = enriched.timeline.phases.flatMap { [$0] + $0.modules }
        let unit = DurationFormatting.commonUnit(of: entries.compactMap(\.stated))
        var rows: [TimelineRowView] = []
        for (index, phase) in enriched.timeline.phases.enumerated() {
            rows.append(Self.timelineRow(phase, number: index + 1, unit: unit, strings: templates.strings))
            rows += phase.modules.map { Self.timelineRow($0, number: nil, unit: unit, strings: templates.strings) }
        }
        let strings = templates.strings
        let total = enriched.timeline.total.map { $0.text(in: strings) } ?? ""
        let view = TimelinePageView(
            site: .make(config, root: SitePath.root(from: roadmap.slug), strings: strings),
            page: .make(title: strings.text("timeline.page-title", ["roadmap": roadmap.title]),
                        description: strings.text("timeline.description", ["roadmap": roadmap.title]),
                        path: roadmap.slug + "/timeline.html", config: config, bodyClass: "timeline-page"),
            roadmapTitle: roadmap.title, roadmapHref: "index.html", resourcesHref: "resources.html",
            hasTotal: !total.isEmpty, total: total,
            svg: TimelineSVG(timeline: enriched.timeline, includeModules: true, idPrefix: "page-", strings: strings).render(),
            overflows: Self.overflowNotes(enriched.timeline, strings: strings), rows: rows, hasRows: !rows.isEmpty, dataJSON: dataJSON)
        return templates.timeline?.render(view) ?? ""
    }

    /// A phase's row (`number` is its place, from 1) or a module's (`number` nil), its lengths
    /// and times in `unit`, with the length as stated when that is in another unit and its
    /// title does not say it.
    static func timelineRow(_ entry: TimelineEntry, number: Int?, unit: DurationUnit, strings: InterfaceStrings) -> TimelineRowView {
        func said(_ range: WeekRange) -> String { DurationFormatting.describe(range, in: unit, strings: strings) }
        var stated = ""
        if let duration = entry.stated, duration.unit != unit, !entry.title.contains(duration.text) { stated = duration.text }
        return TimelineRowView(
            kind: number == nil ? "module" : "phase", isPhase: number != nil, id: entry.id, number: number ?? 0,
            title: entry.title, hasLength: entry.length != nil, length: entry.length.map(said) ?? "", stated: stated,
            isSummed: entry.isSummed, startsAtStart: entry.start.maxWeeks < 0.01, start: said(entry.start),
            endsAtStart: entry.end.maxWeeks < 0.01, end: said(entry.end), overflows: number == nil && entry.overflow != nil)
    }

    /// The note under a chart for each phase whose modules overflow it, in the words of the
    /// duration check's warning (``DurationConsistencyCheck/exceedingMessage(_:)``), in the
    /// site's language (`timeline.overflow-note`).
    static func overflowNotes(_ timeline: Timeline, strings: InterfaceStrings) -> [String] {
        timeline.phases.compactMap { phase -> String? in
            guard phase.overflow != nil, let stated = phase.stated else { return nil }
            let lengths = phase.modules.compactMap(\.length)
            let sum = WeekRange(minWeeks: lengths.reduce(0) { $0 + $1.minWeeks }, maxWeeks: lengths.reduce(0) { $0 + $1.maxWeeks })
            return strings.text("timeline.overflow-note", [
                "phase": phase.title, "sum": DurationFormatting.weeks(sum, strings: strings), "stated": stated.text,
                "statedWeeks": DurationFormatting.weeks(WeekRange(minWeeks: stated.minWeeks, maxWeeks: stated.maxWeeks), strings: strings),
            ])
        }
    }

    /// How many uses in other roadmaps a roadmap's index lists per resource.
    static let otherUsesShown = 3

    /// A resource index, whole: a roadmap's (`roadmap` set, page in the roadmap's folder) or the
    /// site's. `moreElsewhere`: for a roadmap's entries, the uses in other roadmaps not listed.
    func resourcesPage(
        _ resources: [Resource], roadmap: (slug: String, title: String)?,
        moreElsewhere: [String: (count: Int, siteHref: String)] = [:]
    ) -> String {
        var (html, tail) = pageParts(resources, roadmap: roadmap)
        writeEntries(resources, page: roadmap?.slug, moreElsewhere: moreElsewhere) { html += $0 }
        return html + tail
    }

    /// A roadmap's resource index and its links.
    func roadmapResourcesPage(
        _ resources: [Resource], roadmap: (slug: String, title: String),
        moreElsewhere: [String: (count: Int, siteHref: String)], reportedFolder: String
    ) -> (html: String, links: RenderedPageLinks) {
        let html = resourcesPage(resources, roadmap: roadmap, moreElsewhere: moreElsewhere)
        let links = RenderedLinkChecker.scan(
            html, page: roadmap.slug + "/resources.html", template: "resources", reportedFolder: reportedFolder)
        return (html, links)
    }

    /// Writes page `number` (from 0) of the site's resource index (``ResourcePages``): its part
    /// before the entries, the entries, the part after. Returns its links: those of the page's
    /// two parts, and the ids of the entries (each use's link is also on its own roadmap's
    /// index, whose scan checks it).
    func writeSiteResourcesPage(
        _ number: Int, of paging: ResourcePages, resources: [Resource], with writer: SiteWriter, reportedFolder: String
    ) throws -> RenderedPageLinks {
        let path = ResourcePages.file(number)
        let entries = Array(resources[paging.pages[number]])
        let pager = paging.pages.count > 1
            ? PagerView(number: number + 1, of: paging.pages.count, total: resources.count) { ResourcePages.file($0 - 1) }
            : nil
        let (head, tail) = pageParts(entries, roadmap: nil, pager: pager)
        var body = ""
        writeEntries(entries, page: nil, moreElsewhere: [:], usesShown: paging.usesShown) { body += $0 }
        try writer.write(head + body + tail, to: path)
        // The entries end with a newline: the page's part after them starts a line of its own.
        return RenderedLinkChecker.scan(
            parts: [(head, 1), (tail, 1 + head.lineFeedCount + body.lineFeedCount)],
            generatedIDHashes: HTMLTagScanner.scan(body, hashingIDs: true).idHashes, page: path, template: "resources",
            reportedFolder: reportedFolder)
    }

    /// A resource index's page around its entries: the `resources` template rendered for its
    /// part before them and for its part after them (empty without the template).
    private func pageParts(
        _ resources: [Resource], roadmap: (slug: String, title: String)?, pager: PagerView? = nil
    ) -> (head: String, tail: String) {
        guard let template = templates.resources else { return ("", "") }
        var view = resourcePageView(resources, roadmap: roadmap, pager: pager)
        let head = template.render(view)
        view.beforeEntries = false
        return (head, template.render(view))
    }

    /// The resource page's view, for its part before the entries; `pager` for a page of the
    /// site's index when it has more than one.
    private func resourcePageView(
        _ resources: [Resource], roadmap: (slug: String, title: String)?, pager: PagerView? = nil
    ) -> ResourcePageView {
        let strings = templates.strings
        var kinds: [FilterOptionView] = []
        var index = 0
        while index < resources.count {
            let kind = resources[index].kind
            var end = index
            while end < resources.count, resources[end].kind == kind { end += 1 }
            kinds.append(FilterOptionView(value: kind.rawValue, label: strings.kindGroup(kind), count: end - index))
            index = end
        }
        var costCounts: [ResourceCost: Int] = [:]
        for resource in resources { costCounts[resource.cost, default: 0] += 1 }
        let costs = ResourceCost.allCases.compactMap { cost -> FilterOptionView? in
            guard let count = costCounts[cost] else { return nil }
            return FilterOptionView(value: cost.rawValue, label: strings.cost(cost), count: count)
        }
        let heading = roadmap.map { strings.text("resources.roadmap-title", ["roadmap": $0.title]) }
            ?? strings.text("resources.title")
        let lead = strings.text(roadmap == nil ? "resources.lead-site" : "resources.lead-roadmap")
        let title = pager.map { $0.pageTitle(heading, strings: strings) } ?? heading
        let path = (roadmap.map { $0.slug + "/" } ?? "") + ResourcePages.file((pager?.number ?? 1) - 1)
        return ResourcePageView(
            site: .make(config, root: roadmap.map { SitePath.root(from: $0.slug) } ?? "", strings: strings),
            page: .make(title: title, description: lead, path: path, config: config, bodyClass: "resources-page"),
            heading: heading, lead: lead, count: resources.count, hasBack: roadmap != nil,
            backHref: "index.html", backTitle: roadmap?.title ?? "", kinds: kinds, costs: costs,
            hasGroups: !resources.isEmpty, beforeEntries: true, pager: pager ?? PagerView())
    }

    /// The entries grouped by kind, then provider, each part rendered by its partial and handed
    /// to `write` in page order: a group's part before its entries, each provider's part before
    /// its entries, the entries, the provider's part after them, …, the group's part after them.
    private func writeEntries(
        _ resources: [Resource], page: String?, moreElsewhere: [String: (count: Int, siteHref: String)],
        usesShown: Int = .max, to write: (String) throws -> Void
    ) rethrows {
        var index = 0
        while index < resources.count {
            let kind = resources[index].kind
            var end = index
            while end < resources.count, resources[end].kind == kind { end += 1 }
            func group(beforeEntries: Bool) -> String {
                templates.partials.resourceGroup.render(
                    ResourceGroupView(kind: kind.rawValue, title: templates.strings.kindGroup(kind), count: end - index,
                                      beforeEntries: beforeEntries))
            }
            func provider(_ name: String, beforeEntries: Bool) -> String {
                templates.partials.resourceProvider.render(
                    ResourceProviderView(name: name, beforeEntries: beforeEntries))
            }
            try write(group(beforeEntries: true))
            var current: String?
            for resource in resources[index..<end] {
                let name = resource.provider ?? templates.strings.text("resources.other-provider")
                if current != name {
                    if let current { try write(provider(current, beforeEntries: false)) }
                    try write(provider(name, beforeEntries: true))
                    current = name
                }
                try write(templates.partials.resourceEntry.render(
                    entry(resource, page: page, more: moreElsewhere[resource.id], usesShown: usesShown)))
            }
            if let current { try write(provider(current, beforeEntries: false)) }
            try write(group(beforeEntries: false))
            index = end
        }
    }

    /// One entry; `page` is the slug of the roadmap whose index it is on (nil: the site's), and
    /// `more` (on a roadmap's index) the uses elsewhere not listed and where they are: the
    /// site's entry, as a path from the site root (`resources-2.html#r-…`). At most `usesShown`
    /// uses are listed.
    private func entry(
        _ resource: Resource, page: String?, more: (count: Int, siteHref: String)?, usesShown: Int = .max
    ) -> ResourceEntryView {
        let root = page.map(SitePath.root(from:)) ?? ""
        let uses = resource.uses.prefix(usesShown).map { use in
            // On a roadmap's index, a use in another roadmap is marked and named; on the site's, every use is named.
            let isOther = page != nil && use.roadmapSlug != page
            let namesRoadmap = page == nil || isOther
            let folder = namesRoadmap ? root + use.roadmapSlug + "/" : ""
            return ResourceUseView(
                href: folder + "index.html#" + use.anchor, isOtherRoadmap: isOther, namesRoadmap: namesRoadmap,
                roadmapTitle: use.roadmapTitle, sectionTitle: use.sectionTitle)
        }
        let words = [resource.title, resource.author ?? "", resource.provider ?? "", resource.kind.rawValue]
        return ResourceEntryView(
            id: resource.id, kind: resource.kind.rawValue, cost: resource.cost.rawValue, hasCost: resource.cost != .unknown,
            costLabel: templates.strings.cost(resource.cost),
            searchText: words.joined(separator: " ").lowercased(), title: resource.title,
            hasURL: resource.url != nil, url: resource.url ?? "", hasAuthor: resource.author != nil, author: resource.author ?? "",
            uses: Array(uses), hasMoreUses: more != nil, moreUses: more?.count ?? 0, isOneMoreUse: more?.count == 1,
            moreUsesHref: more.map { root + $0.siteHref } ?? "",
            hasUnlistedUses: resource.uses.count > usesShown, unlistedUses: max(0, resource.uses.count - usesShown),
            dataHref: root + "resources.json")
    }
}

extension EnrichmentPages {
    /// Writes a roadmap's timeline page, resource index and `roadmap.json`; returns the pages' links.
    func write(
        _ enriched: EnrichedRoadmap, dataJSON: String, with writer: SiteWriter, reportedFolder: String
    ) throws -> [RenderedPageLinks] {
        let slug = enriched.roadmap.slug
        let timeline = timelinePage(enriched, dataJSON: dataJSON)
        try writer.write(timeline, to: slug + "/timeline.html")
        try writer.write(RoadmapDataWriter().roadmapJSON(enriched), to: slug + "/roadmap.json")
        return [
            RenderedLinkChecker.scan(timeline, page: slug + "/timeline.html", template: "timeline", reportedFolder: reportedFolder),
        ]
    }

    /// A page's job in ``siteWideJobs(_:resources:merged:paging:with:reusing:reportedFolder:)``:
    /// it writes its pages and returns their links.
    typealias Job = @Sendable () throws -> [RenderedPageLinks]

    /// Each resource more than one roadmap uses, by identity: its uses, its id on the site's
    /// index, and how many uses each roadmap has (so that a page finds the count of other
    /// roadmaps' uses without walking them all: that walk made 10,000 roadmaps quadratic).
    private typealias Sharing = [String: (uses: [ResourceUse], siteHref: String, perRoadmap: [String: Int])]

    /// The jobs that write the resource indexes once every roadmap is built: `resources.json`
    /// (the longest, so first) and the pages of `resources.html` for the whole site, and each
    /// roadmap's `resources.html`, whose entries also link to the other roadmaps that use the
    /// same resource. `roadmaps[i]` owns `resources[i]`, both in site order; `merged` is
    /// ``ResourceIndex/merge(_:)`` of them. The caller runs them on every core.
    func siteWideJobs(
        _ roadmaps: [RoadmapSummary], resources: [[Resource]], merged: [Resource], paging: ResourcePages,
        with writer: SiteWriter, reusing reuse: SitePageReuse, reportedFolder: String
    ) -> [Job] {
        var sharing: Sharing = [:]
        for resource in merged where resource.uses.contains(where: { $0.roadmapSlug != resource.uses[0].roadmapSlug }) {
            sharing[resource.identity] = (resource.uses, paging.href(of: resource.id),
                                          Dictionary(resource.uses.map { ($0.roadmapSlug, 1) }, uniquingKeysWith: +))
        }
        let shared = sharing
        let data: Job = {
            try writer.stream(to: "resources.json") { file in
                try RoadmapDataWriter().writeResourcesJSON(merged) { try file.append($0) }
            }
            return []
        }
        let sitePages = paging.pages.indices.map { number -> Job in {
            [try reuse.page(ResourcePages.file(number), inputs: { encoder in
                encoder.encode(paging.pages.count)
                encoder.encode(merged.count)
                encoder.encode(Array(merged[paging.pages[number]]))
            }, into: writer) {
                try writeSiteResourcesPage(number, of: paging, resources: merged, with: writer, reportedFolder: reportedFolder)
            }]
        } }
        let roadmapPages = roadmaps.indices.map { index -> Job in {
            [try writeRoadmapResourcesPage(roadmaps[index], own: resources[index], shared: shared, with: writer,
                                           reusing: reuse, reportedFolder: reportedFolder)]
        } }
        return [data] + sitePages + roadmapPages
    }

    /// A roadmap's `resources.html`: its own resources, each with at most a few other roadmaps'
    /// uses, so a resource every roadmap uses does not make every page as long as the site's
    /// index; the rest are counted and linked.
    private func writeRoadmapResourcesPage(
        _ summary: RoadmapSummary, own: [Resource], shared: Sharing, with writer: SiteWriter, reusing reuse: SitePageReuse,
        reportedFolder: String
    ) throws -> RenderedPageLinks {
        var moreElsewhere: [String: (count: Int, siteHref: String)] = [:]
        let shown = own.map { resource -> Resource in
            guard let elsewhere = shared[resource.identity] else { return resource }
            var copy = resource
            copy.uses += elsewhere.uses.lazy.filter { $0.roadmapSlug != summary.slug }.prefix(Self.otherUsesShown)
            let othersCount = elsewhere.uses.count - (elsewhere.perRoadmap[summary.slug] ?? 0)
            if othersCount > Self.otherUsesShown {
                moreElsewhere[resource.id] = (othersCount - Self.otherUsesShown, elsewhere.siteHref)
            }
            return copy
        }
        let file = summary.slug + "/resources.html"
        return try reuse.page(file, inputs: { encoder in
            encoder.encode(summary.title)
            encoder.encode(shown)
            for (id, more) in moreElsewhere.sorted(by: { $0.key < $1.key }) {
                encoder.encode(id)
                encoder.encode(more.count)
                encoder.encode(more.siteHref)
            }
        }, into: writer) {
            let (html, links) = roadmapResourcesPage(
                shown, roadmap: (summary.slug, summary.title), moreElsewhere: moreElsewhere, reportedFolder: reportedFolder)
            try writer.write(html, to: file)
            return links
        }
    }
}
