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

    /// Something the page lets a learner mark: `kind` is `phase`, `module`, `topic`, `project` or `task`.
    struct TrackableData: Codable, Equatable {
        var id: String
        var title: String
        var line: Int
        var kind: String
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
        /// Everything the page lets a learner mark, in document order.
        var trackable: [TrackableData]
    }

    struct ResourcesData: Codable, Equatable {
        var schema: Int
        var resources: [ResourceData]
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// A length as data: the roadmap's words for it, else ours in English, whatever the site's
    /// language (the data files are read by programs).
    static func duration(_ length: WeekRange?, text: String?) -> DurationData? {
        guard let length else { return nil }
        return DurationData(text: text ?? length.text(in: .english), minWeeks: rounded(length.minWeeks), maxWeeks: rounded(length.maxWeeks))
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
            duration: Self.duration(enriched.timeline.total, text: nil), phases: phases,
            resources: enriched.resources.map { Self.resourceData($0, siteWide: false) },
            skills: enriched.crossLinks.skills.map {
                SkillData(id: $0.id, title: $0.title, line: $0.location.line, group: $0.group, taughtIn: $0.taughtIn,
                          practisedIn: $0.practisedIn)
            },
            projects: roadmap.projects.map {
                ProjectData(id: $0.id, title: $0.title, line: $0.location.line, section: $0.sectionID)
            },
            links: enriched.crossLinks.links.map { LinkData(from: $0.from, to: $0.to, kind: $0.kind.rawValue) },
            trackable: roadmap.trackable.map {
                TrackableData(id: $0.id, title: $0.title, line: $0.location.line, kind: $0.kind.rawValue)
            })
    }

    /// A roadmap's roadmap.json as UTF-8, for writing without making (and validating) a string.
    func roadmapJSON(_ enriched: EnrichedRoadmap) -> [UInt8] { roadmapData(enriched).jsonBytes }

    /// `ResourcesData(schema:resources:).jsonText`, converted one resource at a time and
    /// handed to `flush` in pieces of about 256 KB: the site's index lists every use of every
    /// resource (over 100 MB of JSON for 10,000 roadmaps), and is never held whole.
    func writeResourcesJSON(_ resources: [Resource], flush: ([UInt8]) throws -> Void) throws {
        let piece = 1 << 18
        var json = JSONWriter(capacity: piece + 8192)
        try json.object { json in
            json.key("resources")
            try json.array(resources) { json, resource in
                Self.resourceData(resource, siteWide: true).write(to: &json)
                if json.bytes.count >= piece { try flush(json.takeBytes()) }
            }
            json.member("schema", Self.schema)
        }
        json.finish()
        try flush(json.takeBytes())
    }
}

// MARK: - As JSON (members in sorted key order; a nil field is left out, as JSONEncoder would)

extension RoadmapDataWriter.Span: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("maxWeeks", maxWeeks); $0.member("minWeeks", minWeeks) }
    }
}

extension RoadmapDataWriter.DurationData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("maxWeeks", maxWeeks); $0.member("minWeeks", minWeeks); $0.member("text", text) }
    }
}

extension RoadmapDataWriter.ModuleData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("duration", duration)
            json.member("end", end)
            json.member("id", id)
            json.member("line", line)
            json.member("start", start)
            json.member("title", title)
        }
    }
}

extension RoadmapDataWriter.PhaseData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("duration", duration)
            json.member("end", end)
            json.member("id", id)
            json.member("line", line)
            json.member("modules", modules)
            json.member("start", start)
            json.member("title", title)
        }
    }
}

extension RoadmapDataWriter.UseData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("anchor", anchor)
            json.member("href", href)
            json.member("line", line)
            json.member("roadmap", roadmap)
            json.member("section", section)
        }
    }
}

extension RoadmapDataWriter.ResourceData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("author", author)
            json.member("cost", cost)
            json.member("id", id)
            json.member("kind", kind)
            json.member("provider", provider)
            json.member("title", title)
            json.member("url", url)
            json.member("usedIn", usedIn)
        }
    }
}

extension RoadmapDataWriter.SkillData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("group", group)
            json.member("id", id)
            json.member("line", line)
            json.member("practisedIn", practisedIn)
            json.member("taughtIn", taughtIn)
            json.member("title", title)
        }
    }
}

extension RoadmapDataWriter.ProjectData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("line", line)
            json.member("section", section)
            json.member("title", title)
        }
    }
}

extension RoadmapDataWriter.TrackableData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", id)
            json.member("kind", kind)
            json.member("line", line)
            json.member("title", title)
        }
    }
}

extension RoadmapDataWriter.LinkData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { $0.member("from", from); $0.member("kind", kind); $0.member("to", to) }
    }
}

extension RoadmapDataWriter.RoadmapData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("duration", duration)
            json.member("links", links)
            json.member("phases", phases)
            json.member("projects", projects)
            json.member("resources", resources)
            json.member("schema", schema)
            json.member("skills", skills)
            json.member("slug", slug)
            json.member("source", source)
            json.member("title", title)
            json.member("trackable", trackable)
        }
    }
}

extension RoadmapDataWriter.ResourcesData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("resources", resources)
            json.member("schema", schema)
        }
    }
}
