import Foundation

/// The roadmap's structure as JSON for the page's scripts (progress per phase, the study plan):
/// placed in `<script type="application/json" id="roadmap-data">`, which browsers never execute,
/// so a strict Content-Security-Policy allows it.
struct RoadmapDataBlock: Sendable {
    struct Entry: Encodable, Sendable {
        var id: String
        var title: String
        /// The stated duration in weeks, absent when none is stated.
        var minWeeks: Double?
        var maxWeeks: Double?
        /// Anchors of the tracked items (modules, then topics) inside this entry.
        var items: [String]
        var modules: [Entry]?
    }

    struct Payload: Encodable, Sendable {
        var slug: String
        var title: String
        var phases: [Entry]
    }

    /// The JSON text, safe to place inside a `<script>` element.
    static func json(for roadmap: Roadmap) -> String {
        let phases = roadmap.phases.map { phase in
            let modules = phase.modules.map { module in
                Entry(id: module.id, title: module.title, minWeeks: module.duration?.minWeeks,
                      maxWeeks: module.duration?.maxWeeks, items: module.topics.map(\.id), modules: nil)
            }
            return Entry(id: phase.id, title: phase.title, minWeeks: phase.duration?.minWeeks,
                         maxWeeks: phase.duration?.maxWeeks,
                         items: phase.modules.flatMap { [$0.id] + $0.topics.map(\.id) }, modules: modules)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Payload(slug: roadmap.slug, title: roadmap.title, phases: phases))) ?? Data("{}".utf8)
        var out = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
