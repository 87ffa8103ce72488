import Foundation

/// Writes the enriched model as data: `<slug>/roadmap.json` for a roadmap and `resources.json`
/// for the site, both with `"schema": 1`. Keys are sorted and lists keep document (or index)
/// order, so two builds of the same content give byte-identical files.
struct RoadmapDataWriter: Sendable {
    static let schema = 1

    struct Span: Codable, Equatable {
        var minWeeks: Double
        var maxWeeks: Double
    }

    struct DurationData: Codable, Equatable {
        var text: String
        var minWeeks: Double
        var maxWeeks: Double
    }

    struct ModuleData: Codable, Equatable {
        var id: String
        var title: String
        var line: Int
        var duration: DurationData?
        var start: Span
        var end: Span
    }

    struct PhaseData: Codable, Equatable {
        var id: String
        var title: String
        var line: Int
        var duration: DurationData?
        var start: Span
        var end: Span
        var modules: [ModuleData]
    }

    struct UseData: Codable, Equatable {
        var roadmap: String
        var section: String
        var anchor: String
        var line: Int
        var href: String
    }

    struct ResourceData: Codable, Equatable {
        var id: String
        var title: String
        var url: String?
        var kind: String
        var provider: String?
        var cost: String
        var author: String?
        var usedIn: [UseData]
    }

    struct SkillData: Codable, Equatable {
        var id: String
        var title: String
        var line: Int
        var group: String
        var taughtIn: [String]
        var practisedIn: [String]
    }

    struct ProjectData: Codable, Equatable {
        var id: String
        var title: String
        var line: Int
        var section: String
    }

    struct LinkData: Codable, Equatable {
        var from: String
        var to: String
        var kind: String
    }

    struct RoadmapData: Codable, Equatable {
        var schema: Int
        var title: String
        var slug: String
        var source: String
        var duration: DurationData?
        var phases: [PhaseData]
        var resources: [ResourceData]
        var skills: [SkillData]
        var projects: [ProjectData]
        var links: [LinkData]
    }

    struct ResourcesData: Codable, Equatable {
        var schema: Int
        var resources: [ResourceData]
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    static func duration(_ length: WeekRange?, text: String?) -> DurationData? {
        guard let length else { return nil }
        return DurationData(text: text ?? length.text, minWeeks: rounded(length.minWeeks), maxWeeks: rounded(length.maxWeeks))
    }

    static func span(_ range: WeekRange) -> Span { Span(minWeeks: rounded(range.minWeeks), maxWeeks: rounded(range.maxWeeks)) }

    static func resourceData(_ resource: Resource, siteWide: Bool) -> ResourceData {
        ResourceData(
            id: resource.id, title: resource.title, url: resource.url, kind: resource.kind.rawValue,
            provider: resource.provider, cost: resource.cost.rawValue, author: resource.author,
            usedIn: resource.uses.map { use in
                UseData(roadmap: use.roadmapSlug, section: use.sectionID, anchor: use.anchor, line: use.location.line,
                        href: (siteWide ? use.roadmapSlug + "/" : "") + "index.html#" + use.anchor)
            })
    }

    func roadmapData(_ enriched: EnrichedRoadmap) -> RoadmapData {
        let roadmap = enriched.roadmap
        let phases = enriched.timeline.phases.map { phase in
            PhaseData(
                id: phase.id, title: phase.title, line: phase.location.line,
                duration: Self.duration(phase.length, text: phase.stated?.text), start: Self.span(phase.start),
                end: Self.span(phase.end),
                modules: phase.modules.map { module in
                    ModuleData(id: module.id, title: module.title, line: module.location.line,
                               duration: Self.duration(module.length, text: module.stated?.text),
                               start: Self.span(module.start), end: Self.span(module.end))
                })
        }
        return RoadmapData(
            schema: Self.schema, title: roadmap.title, slug: roadmap.slug, source: roadmap.source,
            duration: Self.duration(enriched.timeline.total, text: enriched.timeline.total?.text), phases: phases,
            resources: enriched.resources.map { Self.resourceData($0, siteWide: false) },
            skills: enriched.crossLinks.skills.map {
                SkillData(id: $0.id, title: $0.title, line: $0.location.line, group: $0.group, taughtIn: $0.taughtIn,
                          practisedIn: $0.practisedIn)
            },
            projects: roadmap.projects.map {
                ProjectData(id: $0.id, title: $0.title, line: $0.location.line, section: $0.sectionID)
            },
            links: enriched.crossLinks.links.map { LinkData(from: $0.from, to: $0.to, kind: $0.kind.rawValue) })
    }

    func roadmapJSON(_ enriched: EnrichedRoadmap) -> String { roadmapData(enriched).json.text }

    /// `ResourcesData(schema:resources:).json.text`, written one resource at a time: the site's
    /// index lists every use of every resource (over 100 MB of JSON for 10,000 roadmaps), and
    /// the whole value tree would be held at once besides the text.
    func resourcesJSON(_ resources: [Resource]) -> String {
        var out = "{\n" + JSONValue.spaces(2)
        JSONValue.quote("resources", into: &out)
        out += ": "
        if resources.isEmpty {
            out += "[]"
        } else {
            out += "[\n"
            for (index, resource) in resources.enumerated() {
                out += JSONValue.spaces(4)
                Self.resourceData(resource, siteWide: true).json.write(into: &out, indent: 4)
                out += index == resources.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.spaces(2) + "]"
        }
        out += ",\n" + JSONValue.spaces(2)
        JSONValue.quote("schema", into: &out)
        out += ": " + String(Self.schema) + "\n}\n"
        return out
    }
}

// MARK: - As JSON text (keys sorted; a nil field is left out, as JSONEncoder would)

extension RoadmapDataWriter.Span {
    var json: JSONValue { .object(["minWeeks": .number(minWeeks), "maxWeeks": .number(maxWeeks)]) }
}

extension RoadmapDataWriter.DurationData {
    var json: JSONValue { .object(["text": .string(text), "minWeeks": .number(minWeeks), "maxWeeks": .number(maxWeeks)]) }
}

extension RoadmapDataWriter.ModuleData {
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "title": .string(title), "line": .int(line), "start": start.json, "end": end.json,
        ]
        if let duration { members["duration"] = duration.json }
        return .object(members)
    }
}

extension RoadmapDataWriter.PhaseData {
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "title": .string(title), "line": .int(line), "start": start.json, "end": end.json,
            "modules": .array(modules.map(\.json)),
        ]
        if let duration { members["duration"] = duration.json }
        return .object(members)
    }
}

extension RoadmapDataWriter.UseData {
    var json: JSONValue {
        .object(["roadmap": .string(roadmap), "section": .string(section), "anchor": .string(anchor), "line": .int(line),
                 "href": .string(href)])
    }
}

extension RoadmapDataWriter.ResourceData {
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id), "title": .string(title), "kind": .string(kind), "cost": .string(cost),
            "usedIn": .array(usedIn.map(\.json)),
        ]
        if let url { members["url"] = .string(url) }
        if let provider { members["provider"] = .string(provider) }
        if let author { members["author"] = .string(author) }
        return .object(members)
    }
}

extension RoadmapDataWriter.SkillData {
    var json: JSONValue {
        .object(["id": .string(id), "title": .string(title), "line": .int(line), "group": .string(group),
                 "taughtIn": .array(taughtIn.map(JSONValue.string)), "practisedIn": .array(practisedIn.map(JSONValue.string))])
    }
}

extension RoadmapDataWriter.ProjectData {
    var json: JSONValue { .object(["id": .string(id), "title": .string(title), "line": .int(line), "section": .string(section)]) }
}

extension RoadmapDataWriter.LinkData {
    var json: JSONValue { .object(["from": .string(from), "to": .string(to), "kind": .string(kind)]) }
}

extension RoadmapDataWriter.RoadmapData {
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "schema": .int(schema), "title": .string(title), "slug": .string(slug), "source": .string(source),
            "phases": .array(phases.map(\.json)), "resources": .array(resources.map(\.json)),
            "skills": .array(skills.map(\.json)), "projects": .array(projects.map(\.json)), "links": .array(links.map(\.json)),
        ]
        if let duration { members["duration"] = duration.json }
        return .object(members)
    }
}

extension RoadmapDataWriter.ResourcesData {
    var json: JSONValue { .object(["schema": .int(schema), "resources": .array(resources.map(\.json))]) }
}
