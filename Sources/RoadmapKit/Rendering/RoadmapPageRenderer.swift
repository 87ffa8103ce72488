import RoadmapMarkdown

/// Renders one roadmap into its page: the Markdown as HTML, the table of contents and the
/// phase overview, through the `roadmap` template.
struct RoadmapPageRenderer {
    var templates: TemplateSet
    var config: SiteConfig
    var resolver: LinkResolver
    /// What the enrichment stage found, shown on the page (timeline, resource badges, cross-links).
    var enrichment: EnrichedRoadmap?
    /// Its place in its folder's series (previous and next), if it is in one.
    var series: SeriesIndex.Place?

    struct Output: Sendable {
        var html: String
        /// The page's `RoadmapDataBlock`, which the timeline page embeds too.
        var dataJSON: String
    }

    func render(_ roadmap: Roadmap) -> Output {
        let strings = templates.strings
        var html = HTMLRenderer(
            file: roadmap.sourcePath, allowRawHTML: config.allowRawHTML, itemAnchors: roadmap.itemAnchors, resolver: resolver)
        html.strings = strings
        html.trackedAnchors = Set(roadmap.trackable.map(\.id))
        html.containedHeadingAnchors = roadmap.containedHeadingAnchors
        if let enrichment {
            html.skillAnchors = enrichment.skillAnchors
            html.decorations = enrichment.decorations
            html.partials = templates.partials
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 16)
        html.render(roadmap.preamble, into: &bytes)
        for section in roadmap.sections { html.renderSection(section, into: &bytes) }
        let content = bytes.utf8Text

        var titleHTML = ""
        if let title = Self.titleInlines(of: roadmap) {
            var titleBytes: [UInt8] = []
            html.renderInlines(title, into: &titleBytes)
            titleHTML = titleBytes.utf8Text.trimmingWhitespace()
        }
        if titleHTML.isEmpty { titleHTML = HTMLEscaping.escape(roadmap.title) }

        // Two levels of headings, and deeper the phases and modules, whose state the entries show.
        func tocEntries(_ sections: [Section], depth: Int) -> [TOCEntryView] {
            sections.compactMap { section in
                guard depth <= 2 || section.role != .section else { return nil }
                let children = tocEntries(section.children, depth: depth + 1)
                return TOCEntryView(
                    id: section.id, title: section.title, isTracked: html.trackedAnchors.contains(section.id),
                    children: children, hasChildren: !children.isEmpty)
            }
        }
        let toc = tocEntries(roadmap.sections, depth: 1)
        let phasesNumberThemselves = Self.phasesNumberThemselves(roadmap.phases)
        let phases = roadmap.phases.enumerated().map { index, phase in
            PhaseOverviewView(
                id: phase.id, title: phase.duration == nil ? phase.title : phase.titleWithoutStatedDuration, number: index + 1,
                showsNumber: !phasesNumberThemselves, hasDuration: phase.duration != nil,
                duration: phase.duration.map { WeekRange(minWeeks: $0.minWeeks, maxWeeks: $0.maxWeeks).text(in: strings) } ?? "",
                moduleCount: phase.modules.count)
        }
        let facts = RoadmapFacts.make(roadmap, strings: strings)
        let dataJSON = RoadmapDataBlock.json(for: roadmap)
        let view = RoadmapPageView(
            site: SiteView.make(config, root: SitePath.root(from: roadmap.slug), strings: strings),
            page: PageMetaView.make(
                title: roadmap.title, description: roadmap.summary.isEmpty ? config.description : roadmap.summary,
                path: roadmap.slug + "/", config: config, bodyClass: "roadmap-page"),
            title: roadmap.title, titleHTML: titleHTML, summary: roadmap.summary,
            hasSummary: !roadmap.summary.isEmpty && !roadmap.summaryIsOnPage,
            slug: roadmap.slug, source: roadmap.source,
            hasDuration: roadmap.totalDuration != nil, totalDuration: roadmap.totalDuration.map { $0.text(in: strings) } ?? "",
            phaseCount: roadmap.phases.count, moduleCount: roadmap.modules.count, facts: facts, hasFacts: !facts.isEmpty,
            phases: phases, hasPhases: !phases.isEmpty, hasPhaseOverview: !phases.isEmpty && !roadmap.isTopicFolder,
            phasesNumberThemselves: phasesNumberThemselves,
            graph: Self.drawing(of: roadmap, trackable: html.trackedAnchors), toc: toc, hasTOC: !toc.isEmpty, content: content,
            dataJSON: dataJSON,
            enrichment: enrichment.map { EnrichmentPages.roadmapView($0, strings: strings) } ?? .none,
            series: .make(series, from: roadmap.slug))
        return Output(html: templates.roadmap.render(view), dataJSON: dataJSON)
    }
}

extension RoadmapPageRenderer {
    /// The roadmap drawn: a roadmap.sh folder's graph as its author laid it out, else the
    /// roadmap's phases, modules and topics as ``RoadmapOutlineLayout`` lays them out; nil
    /// for a roadmap without phases.
    static func drawing(of roadmap: Roadmap, trackable: Set<String>) -> GraphDrawingView? {
        if let graph = roadmap.graph {
            return GraphDrawing(graph: graph, title: roadmap.title, trackable: trackable).view()
        }
        guard let graph = RoadmapOutlineLayout(roadmap: roadmap).graph() else { return nil }
        return GraphDrawing(graph: graph, title: roadmap.title, trackable: trackable, isOutline: true).view()
    }
}

extension SiteView {
    static func make(_ config: SiteConfig, root: String, strings: InterfaceStrings) -> SiteView {
        SiteView(title: config.title, description: config.description, language: config.language, root: root,
                 generator: "roadmap-site", scriptStrings: strings.scriptJSON)
    }
}

extension PageMetaView {
    /// `path` is the page's URL path relative to the site root ("" for the home page).
    static func make(title: String, description: String, path: String, config: SiteConfig, bodyClass: String) -> PageMetaView {
        var canonical = ""
        if let base = config.baseURL {
            canonical = (base.hasSuffix("/") ? base : base + "/") + path
        }
        return PageMetaView(title: title, description: description, canonical: canonical,
                            hasCanonical: !canonical.isEmpty, bodyClass: bodyClass)
    }
}

extension RoadmapPageRenderer {
    /// Whether a phase's title numbers it: a number in its first word ("1. Git", "第一阶段") or
    /// starting its second ("Phase 1: …", "Month 2"; not "Deployment (4 weeks)"). The page's own
    /// numbering of the phases would then contradict the titles ("2" beside "Phase 1").
    static func phasesNumberThemselves(_ phases: [Phase]) -> Bool {
        phases.contains { phase in
            let words = phase.title.split(whereSeparator: \.isWhitespace).prefix(2)
            guard let first = words.first else { return false }
            return first.contains(where: \.isNumber) || (words.dropFirst().first?.first?.isNumber ?? false)
        }
    }

    /// The Markdown of the page's title, when the page renders it (a title from the front matter
    /// is shown as text): the title heading's inlines without badges.
    static func titleInlines(of roadmap: Roadmap) -> [MarkdownNode]? {
        guard let heading = roadmap.titleHeading, roadmap.frontMatter.title == nil else { return nil }
        return withoutBadges(heading.node.children)
    }

    /// A title's inlines without images and image-only links: the badges READMEs put beside
    /// their title (`# Awesome DevOps [![Awesome](…)](…)`) are not part of the page's heading.
    static func withoutBadges(_ nodes: [MarkdownNode]) -> [MarkdownNode] {
        func isBadge(_ node: MarkdownNode) -> Bool {
            switch node.kind {
            case .image: return true
            case .link:
                return !node.children.isEmpty && node.children.allSatisfy {
                    if case .image = $0.kind { return true }
                    return $0.plainText.trimmingWhitespace().isEmpty
                }
            default: return false
            }
        }
        var out: [MarkdownNode] = []
        for node in nodes where !isBadge(node) {
            var copy = node
            if !node.children.isEmpty { copy.children = withoutBadges(node.children) }
            // The spaces that stood between badges collapse to one.
            if case .text(let text) = copy.kind, text.trimmingWhitespace().isEmpty, let last = out.last,
               case .text(let previous) = last.kind, previous.last?.isWhitespace ?? false
            {
                continue
            }
            out.append(copy)
        }
        return out
    }
}
