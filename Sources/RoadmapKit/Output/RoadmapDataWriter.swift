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

    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func roadmapJSON(_ enriched: EnrichedRoadmap) -> String { Self.encode(roadmapData(enriched)) }

    func resourcesJSON(_ resources: [Resource]) -> String {
        Self.encode(ResourcesData(schema: Self.schema, resources: resources.map { Self.resourceData($0, siteWide: true) }))
    }
}
