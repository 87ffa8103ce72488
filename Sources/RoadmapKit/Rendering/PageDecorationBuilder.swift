import Foundation
import RoadmapMarkdown

/// Builds the HTML a roadmap page adds to its Markdown: a badge after each resource use that
/// links to its entry in the resource index, "Taught in / Practised in" under each skill,
/// "Grows from" under portfolio projects, "Referenced from" under modules, and the skills
/// coverage matrix at the end of the skills section.
struct PageDecorationBuilder {
    var roadmap: Roadmap
    var timeline: Timeline
    var markers: [ResourceIndex.Marker]
    var crossLinks: CrossLinks
    /// Whether "N more roadmaps" can lead to the site's search page.
    var hasSearchPage = false

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

        func link(_ anchor: String) -> String {
            var html = "<a href=\"#"
            HTMLEscaping.escape(anchor, into: &html)
            html += "\">"
            HTMLEscaping.escape(titles[anchor] ?? anchor, into: &html)
            html += "</a>"
            return html
        }
        func append(_ html: String, at location: SourceLocation, isLink: Bool) {
            if isLink { decorations.afterLink[location, default: ""] += html } else { decorations.itemEnd[location, default: ""] += html }
        }

        // Resource badges.
        let markerByAnchor = Dictionary(markers.map { ($0.anchor, $0) }, uniquingKeysWith: { a, _ in a })
        for marker in markers {
            var label = marker.kind.rawValue
            if marker.cost != .unknown { label += " · " + marker.cost.label.lowercased() }
            // One string grown in place (the escaped parts written straight into it), not a
            // concatenation of interpolated pieces: a roadmap has hundreds of badges.
            var html = " <a class=\"resource-ref cost-"
            html.reserveCapacity(160 + marker.anchor.utf8.count + marker.resourceID.utf8.count + marker.title.utf8.count)
            html += marker.cost.rawValue
            html += "\" id=\""
            HTMLEscaping.escape(marker.anchor, into: &html)
            html += "\" href=\"resources.html#"
            HTMLEscaping.escape(marker.resourceID, into: &html)
            html += "\" title=\""
            HTMLEscaping.escape(marker.title, into: &html)
            html += " in the resource index\">"
            HTMLEscaping.escape(label, into: &html)
            html += "</a>"
            append(html, at: marker.location, isLink: marker.isLink)
        }

        // Skills.
        var skillByID: [String: Skill] = [:]
        for skill in crossLinks.skills {
            skillByID[skill.id] = skill
            var parts: [String] = []
            if !skill.taughtIn.isEmpty {
                parts.append("<span class=\"xref-label\">Taught in</span> " + skill.taughtIn.map(link).joined(separator: ", "))
            }
            if !skill.practisedIn.isEmpty {
                parts.append("<span class=\"xref-label\">Practised in</span> " + skill.practisedIn.map(link).joined(separator: ", "))
            }
            if parts.isEmpty {
                parts.append("<span class=\"xref-none\">Not taught in any module\(skill.isSoft ? "" : " (check the roadmap)")</span>")
            }
            decorations.itemEnd[skill.location, default: ""] += "<span class=\"xref\">" + parts.joined(separator: "; ") + "</span>"
        }

        // Portfolio projects and tools → where they come from.
        var backlinks: [String: [String]] = [:]
        var grows: [String: [String]] = [:]
        for crossLink in crossLinks.links {
            switch crossLink.kind {
            case .taughtIn:
                backlinks[crossLink.to, default: []].append(link(crossLink.from) + " <span class=\"xref-kind\">skill</span>")
            case .practisedIn, .alsoIn:
                break
            case .mentions:
                backlinks[crossLink.to, default: []].append(link(crossLink.from) + " <span class=\"xref-kind\">mention</span>")
            case .growsFrom:
                grows[crossLink.from, default: []].append(link(crossLink.to))
                let module = titles[crossLink.to] != nil && projectSection[crossLink.to] == nil ? crossLink.to : projectSection[crossLink.to]
                if let module {
                    backlinks[module, default: []].append(link(crossLink.from) + " <span class=\"xref-kind\">portfolio project</span>")
                }
            case .about:
                if let marker = markerByAnchor[crossLink.from] {
                    append("<span class=\"xref\"><span class=\"xref-label\">See</span> \(link(crossLink.to))</span>",
                           at: marker.location, isLink: marker.isLink)
                    backlinks[crossLink.to, default: []].append(link(crossLink.from) + " <span class=\"xref-kind\">\(marker.kind.rawValue)</span>")
                }
            }
        }
        // Skills and tools other roadmaps list too.
        let skillLocations = Dictionary(crossLinks.skills.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        for entry in crossLinks.alsoIn {
            if let location = skillLocations[entry.from] {
                decorations.itemEnd[location, default: ""] += alsoInHTML(entry)
            } else if let marker = markerByAnchor[entry.from] {
                append(alsoInHTML(entry), at: marker.location, isLink: marker.isLink)
            }
        }

        for project in roadmap.projects {
            guard let targets = grows[project.id] else { continue }
            decorations.itemEnd[project.location, default: ""] +=
                "<span class=\"xref\"><span class=\"xref-label\">Grows from</span> " + targets.joined(separator: ", ") + "</span>"
        }
        for id in roadmap.phases.map(\.id) + roadmap.modules.map(\.id) {
            guard var entries = backlinks[id] else { continue }
            var seen = Set<String>()
            entries = entries.filter { seen.insert($0).inserted }
            decorations.afterHeading[id] = "<p class=\"backlinks\"><span class=\"xref-label\">Referenced from</span> "
                + entries.joined(separator: ", ") + "</p>\n"
        }

        if let section = crossLinks.skillSectionID, !crossLinks.skills.isEmpty, !roadmap.phases.isEmpty {
            decorations.sectionEnd[section] = coverageMatrix() + (decorations.sectionEnd[section] ?? "")
        }
        return decorations
    }

    /// "Also in: Data Engineer › Docker, …, 12 more": the same skill or tool on other roadmaps.
    func alsoInHTML(_ entry: AlsoIn) -> String {
        var links = entry.targets.map { target in
            var html = "<a href=\""
            HTMLEscaping.escape(target.href, into: &html)
            html += "\">"
            HTMLEscaping.escape(target.roadmapTitle, into: &html)
            html += " › "
            HTMLEscaping.escape(target.title, into: &html)
            html += "</a>"
            return html
        }
        if entry.more > 0 {
            let more = "\(entry.more) more roadmap\(entry.more == 1 ? "" : "s")"
            if hasSearchPage {
                let query = entry.title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                links.append("<a href=\"../search.html?q=\(HTMLEscaping.escape(query))\">\(more)</a>")
            } else {
                links.append(more)
            }
        }
        return "<span class=\"xref also-in\"><span class=\"xref-label\">Also in</span> " + links.joined(separator: ", ") + "</span>"
    }

    /// A table: one row a skill, one column a phase; a mark where a module of the phase teaches it.
    func coverageMatrix() -> String {
        var phaseOfModule: [String: Int] = [:]
        for (index, phase) in roadmap.phases.enumerated() {
            phaseOfModule[phase.id] = index
            for module in phase.modules { phaseOfModule[module.id] = index }
        }
        var out = "<section class=\"skill-matrix\" aria-labelledby=\"skill-matrix-title\">\n"
        out += "<h3 id=\"skill-matrix-title\">Skills coverage</h3>\n"
        out += "<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Skill</th>"
        for (index, phase) in roadmap.phases.enumerated() {
            out += "<th scope=\"col\"><a href=\"#"
            HTMLEscaping.escape(phase.id, into: &out)
            out += "\" title=\""
            HTMLEscaping.escape(phase.title, into: &out)
            out += "\">\(index + 1)</a></th>"
        }
        out += "<th scope=\"col\">Projects</th></tr></thead>\n<tbody>\n"
        for skill in crossLinks.skills {
            let phases = Set(skill.taughtIn.compactMap { phaseOfModule[$0] })
            let untaught = phases.isEmpty
            out += untaught ? "<tr class=\"untaught\"><th scope=\"row\"><a href=\"#" : "<tr><th scope=\"row\"><a href=\"#"
            HTMLEscaping.escape(skill.id, into: &out)
            out += "\">"
            HTMLEscaping.escape(skill.title, into: &out)
            out += "</a>"
            if untaught { out += " <span class=\"warning-mark\">taught nowhere</span>" }
            out += "</th>"
            for index in roadmap.phases.indices {
                out += phases.contains(index) ? "<td class=\"taught\"><span aria-label=\"taught\">●</span></td>" : "<td></td>"
            }
            out += "<td>\(skill.practisedIn.isEmpty ? "" : String(skill.practisedIn.count))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n<p class=\"matrix-note\">Columns are the phases in order; "
            + "“taught nowhere” marks a skill no module teaches.</p>\n</section>\n"
        return out
    }
}
