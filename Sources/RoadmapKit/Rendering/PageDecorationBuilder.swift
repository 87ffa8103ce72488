import Foundation
import RoadmapMarkdown

/// Works out what a roadmap page adds to its Markdown, as views for partials: a badge after
/// each resource use that links to its entry in the resource index, "Taught in / Practised in"
/// under each skill, "Grows from" under portfolio projects, "Referenced from" under modules,
/// and the skills coverage matrix at the end of the skills section.
struct PageDecorationBuilder {
    var roadmap: Roadmap
    var timeline: Timeline
    var markers: [ResourceIndex.Marker]
    var crossLinks: CrossLinks
    /// Whether "N more roadmaps" can lead to the site's search page.
    var hasSearchPage = false
    /// The site's interface strings: the badges' kinds and costs, why a place points to a heading.
    var strings = InterfaceStrings.english

    /// A place that points to a phase or module, and why.
    private struct Backlink: Hashable {
        var from: String
        var kind: String
    }

    func build() -> PageDecorations {
        var decorations = PageDecorations()
        var titles: [String: String] = [:]
        roadmap.forEachSection { titles[$0.id] = $0.title }
        for phase in roadmap.phases {
            titles[phase.id] = CrossLinker.withoutDuration(phase.title)
            for module in phase.modules { titles[module.id] = CrossLinker.withoutDuration(module.title) }
        }
        for project in roadmap.projects { titles[project.id] = project.title }
        for skill in crossLinks.skills { titles[skill.id] = skill.title }
        for marker in markers { titles[marker.anchor] = marker.title }
        let projectSection = Dictionary(roadmap.projects.map { ($0.id, $0.sectionID) }, uniquingKeysWith: { a, _ in a })

        func link(_ anchor: String, isFirst: Bool = true) -> PageLinkView {
            PageLinkView(anchor: anchor, title: titles[anchor] ?? anchor, isFirst: isFirst)
        }
        // Two links with the same text ("Implement feature store" in two modules) are told
        // apart by the section each is in.
        func links(_ anchors: [String]) -> [PageLinkView] {
            let texts = anchors.map { titles[$0] ?? $0 }
            var counts: [String: Int] = [:]
            for text in texts { counts[text, default: 0] += 1 }
            return anchors.enumerated().map { index, anchor in
                var text = texts[index]
                if counts[text, default: 0] > 1, let section = projectSection[anchor].flatMap({ titles[$0] }), section != text {
                    text += " (" + section + ")"
                }
                return PageLinkView(anchor: anchor, title: text, isFirst: index == 0)
            }
        }
        func append(_ decoration: PageDecoration, at location: SourceLocation, isLink: Bool) {
            if isLink {
                decorations.afterLink[location, default: []].append(decoration)
            } else {
                decorations.itemEnd[location, default: []].append(decoration)
            }
        }

        // Resource badges.
        let markerByAnchor = Dictionary(markers.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        for marker in markers {
            let badge = ResourceBadgeView(
                anchor: marker.anchor, resourceID: marker.resourceID, title: marker.title, kind: strings.kind(marker.kind),
                cost: marker.cost.rawValue, hasCostLabel: marker.cost != .unknown && marker.cost != marker.statedCost,
                costLabel: strings.cost(marker.cost).lowercased())
            append(.resourceBadge(badge), at: marker.location, isLink: marker.isLink)
        }

        // Skills. A soft skill no module teaches says nothing: no roadmap is expected to teach it.
        for skill in crossLinks.skills {
            let isUnlinked = skill.taughtIn.isEmpty && skill.practisedIn.isEmpty
            if isUnlinked, skill.isSoft { continue }
            let view = SkillLinksView(
                taughtIn: links(skill.taughtIn), hasTaughtIn: !skill.taughtIn.isEmpty,
                practisedIn: links(skill.practisedIn), hasPractisedIn: !skill.practisedIn.isEmpty,
                isUnlinked: isUnlinked, isSoft: skill.isSoft)
            decorations.itemEnd[skill.location, default: []].append(.skillLinks(view))
        }

        // Portfolio projects and tools → where they come from.
        var backlinks: [String: [Backlink]] = [:]
        var grows: [String: [String]] = [:]
        for crossLink in crossLinks.links {
            switch crossLink.kind {
            case .taughtIn:
                backlinks[crossLink.to, default: []].append(Backlink(from: crossLink.from, kind: strings.text("xref.kind-skill")))
            case .practisedIn, .alsoIn:
                break
            case .mentions:
                backlinks[crossLink.to, default: []].append(Backlink(from: crossLink.from, kind: strings.text("xref.kind-mention")))
            case .growsFrom:
                grows[crossLink.from, default: []].append(crossLink.to)
                let module = titles[crossLink.to] != nil && projectSection[crossLink.to] == nil ? crossLink.to : projectSection[crossLink.to]
                if let module {
                    backlinks[module, default: []].append(Backlink(from: crossLink.from, kind: strings.text("xref.kind-project")))
                }
            case .about:
                if let marker = markerByAnchor[crossLink.from] {
                    append(.seeAlso(link(crossLink.to)), at: marker.location, isLink: marker.isLink)
                    backlinks[crossLink.to, default: []].append(Backlink(from: crossLink.from, kind: strings.kind(marker.kind)))
                }
            }
        }
        // Skills and tools other roadmaps list too.
        let skillLocations = Dictionary(crossLinks.skills.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        for entry in crossLinks.alsoIn {
            if let location = skillLocations[entry.from] {
                decorations.itemEnd[location, default: []].append(.alsoIn(alsoIn(entry)))
            } else if let marker = markerByAnchor[entry.from] {
                append(.alsoIn(alsoIn(entry)), at: marker.location, isLink: marker.isLink)
            }
        }

        for project in roadmap.projects {
            guard let targets = grows[project.id] else { continue }
            decorations.itemEnd[project.location, default: []].append(.growsFrom(GrowsFromView(links: links(targets))))
        }
        for id in roadmap.phases.map(\.id) + roadmap.modules.map(\.id) {
            guard let entries = backlinks[id] else { continue }
            var seen = Set<Backlink>()
            let shown = entries.filter { seen.insert($0).inserted }.enumerated().map { index, backlink in
                BacklinkView(anchor: backlink.from, title: titles[backlink.from] ?? backlink.from, kind: backlink.kind,
                             isFirst: index == 0)
            }
            decorations.afterHeading[id] = [.referencedFrom(ReferencedFromView(links: shown))]
        }

        if let section = crossLinks.skillSectionID, !crossLinks.skills.isEmpty, !roadmap.phases.isEmpty {
            decorations.sectionEnd[section] = [.coverageMatrix(coverageMatrix())] + (decorations.sectionEnd[section] ?? [])
        }
        return decorations
    }

    /// "Also in: Data Engineer › Docker, …, 12 more": the same skill or tool on other roadmaps.
    func alsoIn(_ entry: AlsoIn) -> AlsoInView {
        let targets = entry.targets.enumerated().map { index, target in
            AlsoInTargetView(href: target.href(from: roadmap.slug), roadmapTitle: target.roadmapTitle, title: target.title,
                             isFirst: index == 0)
        }
        let query = entry.title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return AlsoInView(
            targets: targets, hasTargets: !targets.isEmpty, more: entry.more, hasMore: entry.more > 0,
            isOneMore: entry.more == 1, hasSearchLink: hasSearchPage,
            searchHref: SitePath.root(from: roadmap.slug) + "search.html?q=" + query)
    }

    /// One row a skill, one column a phase; a mark where a module of the phase teaches it.
    func coverageMatrix() -> CoverageMatrixView {
        var phaseOfModule: [String: Int] = [:]
        for (index, phase) in roadmap.phases.enumerated() {
            phaseOfModule[phase.id] = index
            for module in phase.modules { phaseOfModule[module.id] = index }
        }
        let phases = roadmap.phases.enumerated().map { index, phase in
            MatrixPhaseView(anchor: phase.id, title: phase.title, number: index + 1)
        }
        let skills = crossLinks.skills.map { skill in
            let taught = Set(skill.taughtIn.compactMap { phaseOfModule[$0] })
            return MatrixSkillView(
                anchor: skill.id, title: skill.title, isUntaught: taught.isEmpty,
                cells: roadmap.phases.indices.map { MatrixCellView(isTaught: taught.contains($0)) },
                projectCount: skill.practisedIn.count, hasProjects: !skill.practisedIn.isEmpty)
        }
        return CoverageMatrixView(phases: phases, skills: skills)
    }
}
