/// The roadmap's structure as JSON for the page's scripts (progress per phase, the study plan):
/// placed in `<script type="application/json" id="roadmap-data">`, which browsers never execute,
/// so a strict Content-Security-Policy allows it. `JSONWriter` escapes `<`, so no text can
/// close the element.
struct RoadmapDataBlock: Sendable {
    /// The compact JSON text: `{"phases":[{"id","items","maxWeeks","minWeeks","modules","title"}],"slug","title"}`,
    /// where a module has the same members but no `modules`, and a phase's `items` are the
    /// anchors of what a learner marks in it (``TrackableItem/phaseID``; projects count in the
    /// roadmap's progress only), a module's its topics'.
    static func json(for roadmap: Roadmap) -> String {
        var json = JSONWriter(capacity: 256 + roadmap.phases.count * 512)
        var itemsByPhase: [String: [String]] = [:]
        for item in roadmap.trackable where item.kind != .project {
            if let phase = item.phaseID { itemsByPhase[phase, default: []].append(item.id) }
        }
        json.object { json in
            json.key("phases")
            json.array(roadmap.phases) { json, phase in
                json.object { json in
                    json.member("id", phase.id)
                    json.member("items", itemsByPhase[phase.id] ?? [])
                    json.member("maxWeeks", phase.duration?.maxWeeks)
                    json.member("minWeeks", phase.duration?.minWeeks)
                    json.key("modules")
                    json.array(phase.modules) { json, module in
                        json.object { json in
                            json.member("id", module.id)
                            json.member("items", module.topics.map(\.id))
                            json.member("maxWeeks", module.duration?.maxWeeks)
                            json.member("minWeeks", module.duration?.minWeeks)
                            json.member("title", module.title)
                        }
                    }
                    json.member("title", phase.title)
                }
            }
            json.member("slug", roadmap.slug)
            json.member("title", roadmap.title)
        }
        return json.text
    }
}
