import Foundation
import RoadmapMarkdown

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

    /// The timeline page; `dataJSON` is the roadmap page's ``RoadmapDataBlock`` (for the study plan's dates).
    func timelinePage(_ enriched: EnrichedRoadmap, dataJSON: String) -> String {
        let roadmap = enriched.roadmap
        var rows: [UInt8] = []
        rows.reserveCapacity(enriched.timeline.phases.count * 2048)
        for (index, phase) in enriched.timeline.phases.enumerated() {
            row(phase, title: "\(index + 1). \(phase.title)", isModule: false, into: &rows)
            for module in phase.modules { row(module, title: module.title, isModule: true, into: &rows) }
        }
        let total = enriched.timeline.total?.text ?? ""
        let view = TimelinePageView(
            site: .make(config, root: "../"),
            page: .make(title: "Timeline · " + roadmap.title, description: "How long each phase and module of \(roadmap.title) takes.",
                        path: roadmap.slug + "/timeline.html", config: config, bodyClass: "timeline-page"),
            roadmapTitle: roadmap.title, roadmapHref: "index.html", resourcesHref: "resources.html",
            hasTotal: !total.isEmpty, total: total,
            svg: TimelineSVG(timeline: enriched.timeline, includeModules: true, idPrefix: "page-").render(),
            rowsHTML: rows.utf8Text, hasRows: !rows.isEmpty, dataJSON: dataJSON)
        return templates.timeline?.render(view) ?? ""
    }

    private func row(_ entry: TimelineEntry, title: String, isModule: Bool, into out: inout [UInt8]) {
        func when(_ range: WeekRange) {
            if range.maxWeeks < 0.01 {
                out.append("at the start")
            } else {
                out.append("after ")
                out.append(utf8: range.text)
            }
        }
        out.append(isModule ? "<tr class=\"tl-row-module\"><th scope=\"row\"><a href=\"index.html#"
                            : "<tr class=\"tl-row-phase\"><th scope=\"row\"><a href=\"index.html#")
        out.append(escaping: entry.id)
        out.append("\">")
        out.append(escaping: title)
        out.append("</a></th><td>")
        if let length = entry.length { out.append(escaping: length.text) } else { out.append("not stated") }
        if entry.isSummed { out.append(" (sum of modules)") }
        out.append("</td><td>")
        when(entry.start)
        out.append("</td><td>")
        if entry.length == nil { out.append("—") } else { when(entry.end) }
        // Filled with calendar dates by site.js when the learner has saved a study plan.
        out.append(isModule ? "</td><td class=\"plan-only\" data-plan-module=\"" : "</td><td class=\"plan-only\" data-plan-phase=\"")
        out.append(escaping: entry.id)
        out.append("\"></td></tr>\n")
    }

    /// A resource index: one roadmap's (`roadmap` set, page in the roadmap's folder) or the site's.
    /// How many uses in other roadmaps a roadmap's index lists per resource.
    static let otherUsesShown = 3

    func resourcesPage(
        _ resources: [Resource], roadmap: (slug: String, title: String)?,
        moreElsewhere: [String: (count: Int, siteID: String)] = [:]
    ) -> String {
        var html: [UInt8] = []
        html.reserveCapacity(resources.count * 400)
        resourceGroups(resources, page: roadmap?.slug, moreElsewhere: moreElsewhere, into: &html, flush: { _ in })
        return templates.resources?.render(resourcePageView(resources, roadmap: roadmap, groupsHTML: html.utf8Text)) ?? ""
    }

    /// Told of each link an entry writes to another page: the target (site-relative), the
    /// fragment, and the byte offset of its `href` attribute in the text being written.
    typealias LinkRecorder = (_ target: String, _ fragment: String, _ offset: Int) -> Void

    /// A roadmap's resource index and its links. The template is rendered around a marker and
    /// only its parts are scanned; the entries' ids and links are recorded as they are written,
    /// at the lines and columns the scanner would find them.
    /// The page is returned as the UTF-8 bytes written to its file (no String made of it).
    func roadmapResourcesPage(
        _ resources: [Resource], roadmap: (slug: String, title: String),
        moreElsewhere: [String: (count: Int, siteID: String)], reportedFolder: String
    ) -> (html: [UInt8], links: RenderedPageLinks) {
        let path = roadmap.slug + "/resources.html"
        guard let (head, tail) = templateParts(resources, roadmap: roadmap) else {
            // No entries, or a template that does not show them once as they are: rendered whole.
            let html = resourcesPage(resources, roadmap: roadmap, moreElsewhere: moreElsewhere)
            return (Array(html.utf8), RenderedLinkChecker.scan(html, page: path, template: "resources", reportedFolder: reportedFolder))
        }
        var groups: [UInt8] = []
        groups.reserveCapacity(resources.count * 400)
        var ids: [UInt64] = []
        var recorded: [(target: String, fragment: String, offset: Int)] = []
        resourceGroups(resources, page: roadmap.slug, moreElsewhere: moreElsewhere, ids: { ids.append(HashedIDs.hash($0)) },
                       links: { recorded.append(($0, $1, $2)) }, into: &groups, flush: { _ in })
        // Where the entries start: the head's last line, and how many of its bytes come before them.
        var line = 1 + head.lineFeedCount
        var lineStart = -head.utf8.reversed().prefix { $0 != 0x0A }.count
        var links: [FragmentLink] = []
        links.reserveCapacity(recorded.count)
        // The line feeds before each link, found with memchr (the entries are many short lines).
        var offset = 0
        groups.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for link in recorded {
                while offset < link.offset, let found = memchr(base + offset, 0x0A, link.offset - offset) {
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    line += 1
                    lineStart = offset
                }
                offset = max(offset, link.offset)
                links.append(FragmentLink(target: link.target, fragment: link.fragment,
                                          location: SourceLocation(line: line, column: link.offset - lineStart + 1)))
            }
        }
        // The entries end with a newline: the template's tail starts a line of its own.
        let tailLine = line + groups[offset...].lineFeedCount
        let pageLinks = RenderedLinkChecker.scan(
            parts: [(head, 1), (tail, tailLine)], generatedIDHashes: ids, generatedLinks: links, page: path,
            template: "resources", reportedFolder: reportedFolder)
        var html: [UInt8] = []
        html.reserveCapacity(head.utf8.count + groups.count + tail.utf8.count)
        html.append(utf8: head)
        html += groups
        html.append(utf8: tail)
        return (html, pageLinks)
    }

    /// The resource page as the template renders it before and after its entries, or nil when
    /// there are no entries or the template does not show them once, unescaped and unchanged
    /// (the page is then rendered whole).
    private func templateParts(
        _ resources: [Resource], roadmap: (slug: String, title: String)?
    ) -> (head: String, tail: String)? {
        guard !resources.isEmpty else { return nil }
        // The '&' makes an escaped `{{groupsHTML}}` show as "&amp;…" and not be found: such a
        // template, one that transforms the value, or one that shows it twice is rendered whole.
        let marker = "\u{1}resource-groups&\u{1}"
        let page = templates.resources?.render(resourcePageView(resources, roadmap: roadmap, groupsHTML: marker)) ?? ""
        guard let split = page.literalRange(of: marker) else { return nil }
        let tail = String(page[split.upperBound...])
        guard tail.literalRange(of: marker) == nil else { return nil }
        return (String(page[..<split.lowerBound]), tail)
    }

    /// The resource page's view; its entries are `groupsHTML`.
    private func resourcePageView(
        _ resources: [Resource], roadmap: (slug: String, title: String)?, groupsHTML: String
    ) -> ResourcePageView {
        var kinds: [FilterOptionView] = []
        var index = 0
        while index < resources.count {
            let kind = resources[index].kind
            var end = index
            while end < resources.count, resources[end].kind == kind { end += 1 }
            kinds.append(FilterOptionView(value: kind.rawValue, label: kind.pluralTitle, count: end - index))
            index = end
        }
        var costCounts: [ResourceCost: Int] = [:]
        for resource in resources { costCounts[resource.cost, default: 0] += 1 }
        let costs = ResourceCost.allCases.compactMap { cost -> FilterOptionView? in
            guard let count = costCounts[cost] else { return nil }
            return FilterOptionView(value: cost.rawValue, label: cost.label, count: count)
        }
        let heading = roadmap.map { "Resources · " + $0.title } ?? "Resources"
        let lead = roadmap == nil
            ? "Every course, book, tool and link the roadmaps on this site point to, with where each is used."
            : "Every course, book, tool and link this roadmap points to, with where each is used."
        return ResourcePageView(
            site: .make(config, root: roadmap == nil ? "" : "../"),
            page: .make(title: heading, description: lead, path: (roadmap.map { $0.slug + "/" } ?? "") + "resources.html",
                        config: config, bodyClass: "resources-page"),
            heading: heading, lead: lead, count: resources.count, hasBack: roadmap != nil,
            backHref: "index.html", backTitle: roadmap?.title ?? "", kinds: kinds, costs: costs, groupsHTML: groupsHTML,
            hasGroups: !resources.isEmpty)
    }

    /// The entries grouped by kind, then provider. `flush` is handed the text so far whenever it
    /// grows past `piece` bytes (the site's index is streamed); `ids` collects the ids written.
    private func resourceGroups(
        _ resources: [Resource], page: String?, moreElsewhere: [String: (count: Int, siteID: String)],
        piece: Int = .max, ids: ((String) -> Void)? = nil, links: LinkRecorder? = nil, into html: inout [UInt8],
        flush: (inout [UInt8]) throws -> Void = { _ in }
    ) rethrows {
        var index = 0
        while index < resources.count {
            let kind = resources[index].kind
            var end = index
            while end < resources.count, resources[end].kind == kind { end += 1 }
            ids?("kind-" + kind.rawValue)
            html.append(utf8: "<section class=\"resource-kind\" data-kind=\"\(kind.rawValue)\" aria-labelledby=\"kind-\(kind.rawValue)\">\n")
            html.append(utf8: "<h2 id=\"kind-\(kind.rawValue)\">\(kind.pluralTitle) <span class=\"count\">\(end - index)</span></h2>\n")
            var provider: String?
            for resource in resources[index..<end] {
                let name = resource.provider ?? "Other"
                if provider != name {
                    if provider != nil { html.append("</ul>\n") }
                    html.append("<h3 class=\"resource-provider\">")
                    html.append(escaping: name)
                    html.append("</h3>\n<ul class=\"resource-list\">\n")
                    provider = name
                }
                ids?(resource.id)
                entry(resource, page: page, more: moreElsewhere[resource.id], links: links, into: &html)
                if html.count >= piece { try flush(&html) }
            }
            html.append("</ul>\n</section>\n")
            index = end
        }
    }

    /// Writes the site's resource index in pieces, never holding it whole: the page the template
    /// renders around a marker, then the entries as they are made. Returns its links: those of
    /// the template's parts, scanned, and the ids of the entries (each use's link is also on its
    /// own roadmap's index, whose scan checks it).
    func writeSiteResourcesPage(
        _ resources: [Resource], with writer: SiteWriter, reportedFolder: String
    ) throws -> RenderedPageLinks {
        let path = "resources.html"
        guard let (head, tail) = templateParts(resources, roadmap: nil) else {
            // No entries, or a template that does not show them once as they are: rendered whole.
            let html = resourcesPage(resources, roadmap: nil)
            try writer.write(html, to: path)
            return RenderedLinkChecker.scan(html, page: path, template: "resources", reportedFolder: reportedFolder)
        }
        var idHashes: [UInt64] = []
        var lines = 1 + head.lineFeedCount
        try writer.stream(to: path) { file in
            try file.append(head)
            var html: [UInt8] = []
            html.reserveCapacity(1 << 18 + 4096)
            func flush(_ text: inout [UInt8]) throws {
                lines += text.lineFeedCount
                try file.append(text)
                text.removeAll(keepingCapacity: true)
            }
            try resourceGroups(resources, page: nil, moreElsewhere: [:], piece: 1 << 18,
                               ids: { idHashes.append(HashedIDs.hash($0)) }, into: &html, flush: flush)
            try flush(&html)
            try file.append(tail)
        }
        // The entries end with a newline: the template's tail starts a line of its own.
        return RenderedLinkChecker.scan(
            parts: [(head, 1), (tail, lines)], generatedIDHashes: idHashes, page: path, template: "resources",
            reportedFolder: reportedFolder)
    }

    /// One entry; `page` is the slug of the roadmap whose index it is on (nil: the site's).
    private func entry(
        _ resource: Resource, page: String?, more: (count: Int, siteID: String)?, links: LinkRecorder?, into html: inout [UInt8]
    ) {
        html.append("  <li class=\"resource\" id=\"")
        html.append(escaping: resource.id)
        html.append("\" data-kind=\"")
        html.append(utf8: resource.kind.rawValue)
        html.append("\" data-cost=\"")
        html.append(utf8: resource.cost.rawValue)
        html.append("\" data-text=\"")
        let words = [resource.title, resource.author ?? "", resource.provider ?? "", resource.kind.rawValue]
        if words.allSatisfy(\.isAllASCII) {
            // ASCII: lowercasing maps A-Z only, which escaping neither makes nor removes, so the
            // escaped words are lowercased where they were written.
            let start = html.count
            for (index, word) in words.enumerated() {
                if index > 0 { html.append(0x20) }
                html.append(escaping: word)
            }
            for index in start..<html.count where html[index] &- 0x41 < 26 { html[index] |= 0x20 }
        } else {
            html.append(escaping: words.joined(separator: " ").lowercased())
        }
        html.append("\">\n    ")
        if let url = resource.url {
            html.append("<a class=\"resource-title\" href=\"")
            html.append(escaping: url)
            html.append("\">")
        } else {
            html.append("<span class=\"resource-title\">")
        }
        html.append(escaping: resource.title)
        html.append(resource.url == nil ? "</span>" : "</a>")
        if let author = resource.author {
            html.append(" <span class=\"resource-author\">by ")
            html.append(escaping: author)
            html.append("</span>")
        }
        html.append(" <span class=\"cost-badge cost-")
        html.append(utf8: resource.cost.rawValue)
        html.append("\">")
        html.append(utf8: resource.cost.label)
        html.append("</span>\n    <ul class=\"resource-uses\" aria-label=\"Used in\">\n")
        for use in resource.uses {
            // On a roadmap's index, a use in another roadmap is marked and named; on the site's, every use is named.
            let isOther = page != nil && use.roadmapSlug != page
            let namesRoadmap = page == nil || isOther
            let opening: StaticString = isOther ? "      <li class=\"other-roadmap\"><a href=\"" : "      <li><a href=\""
            links?(use.roadmapSlug + "/index.html", use.anchor, html.count + opening.utf8CodeUnitCount - "href=\"".utf8.count)
            html.append(opening)
            if namesRoadmap {
                if isOther { html.append("../") }
                html.append(escaping: use.roadmapSlug)
                html.append("/")
            }
            html.append("index.html#")
            html.append(escaping: use.anchor)
            html.append("\">")
            if namesRoadmap {
                html.append(escaping: use.roadmapTitle)
                html.append(" › ")
            }
            html.append(escaping: use.sectionTitle)
            html.append("</a></li>\n")
        }
        if let more {
            let opening: StaticString = "      <li class=\"other-roadmap\"><a href=\"../resources.html#"
            links?("resources.html", more.siteID, html.count + opening.utf8CodeUnitCount - "href=\"../resources.html#".utf8.count)
            html.append(opening)
            html.append(escaping: more.siteID)
            html.append(utf8: "\">\(more.count) more \(more.count == 1 ? "use" : "uses") elsewhere on the site</a></li>\n")
        }
        html.append("    </ul>\n  </li>\n")
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

    /// Writes the resource indexes once every roadmap is built: `resources.html` and
    /// `resources.json` for the whole site, and each roadmap's `resources.html`, whose entries
    /// also link to the other roadmaps that use the same resource. `roadmaps[i]` owns
    /// `resources[i]`; `order` is the site's order of roadmap slugs.
    func writeSiteWide(
        _ roadmaps: [RoadmapSummary], resources: [[Resource]], order: [String], with writer: SiteWriter, reportedFolder: String
    ) throws -> [RenderedPageLinks] {
        let bySlug = Dictionary(zip(roadmaps.map(\.slug), resources), uniquingKeysWith: { a, _ in a })
        let merged = ResourceIndex.merge(order.compactMap { bySlug[$0] })
        let siteLinks = try writeSiteResourcesPage(merged, with: writer, reportedFolder: reportedFolder)
        try writer.stream(to: "resources.json") { file in
            try RoadmapDataWriter().writeResourcesJSON(merged) { try file.append($0) }
        }
        // Each resource more than one roadmap uses, by identity: its uses, its id on the site's
        // index, and how many uses each roadmap has (so that a page finds the count of other
        // roadmaps' uses without walking them all: that walk made 10,000 roadmaps quadratic).
        var sharing: [String: (uses: [ResourceUse], siteID: String, perRoadmap: [String: Int])] = [:]
        for resource in merged where resource.uses.contains(where: { $0.roadmapSlug != resource.uses[0].roadmapSlug }) {
            sharing[resource.identity] = (resource.uses, resource.id,
                                          Dictionary(resource.uses.map { ($0.roadmapSlug, 1) }, uniquingKeysWith: +))
        }
        let shared = sharing
        let indexes = zip(roadmaps, resources).map { ($0, $1) }
        let pages = try ConcurrentMap.map(indexes) { summary, own -> RenderedPageLinks in
            // At most a few other roadmaps' uses per entry, so a resource every roadmap uses does
            // not make every page as long as the site's index; the rest are counted and linked.
            var moreElsewhere: [String: (count: Int, siteID: String)] = [:]
            let resources = own.map { resource -> Resource in
                guard let elsewhere = shared[resource.identity] else { return resource }
                var copy = resource
                copy.uses += elsewhere.uses.lazy.filter { $0.roadmapSlug != summary.slug }.prefix(Self.otherUsesShown)
                let othersCount = elsewhere.uses.count - (elsewhere.perRoadmap[summary.slug] ?? 0)
                if othersCount > Self.otherUsesShown {
                    moreElsewhere[resource.id] = (othersCount - Self.otherUsesShown, elsewhere.siteID)
                }
                return copy
            }
            let (html, links) = roadmapResourcesPage(
                resources, roadmap: (summary.slug, summary.title), moreElsewhere: moreElsewhere, reportedFolder: reportedFolder)
            try writer.write(html, to: summary.slug + "/resources.html")
            return links
        }
        return [siteLinks] + pages
    }
}
