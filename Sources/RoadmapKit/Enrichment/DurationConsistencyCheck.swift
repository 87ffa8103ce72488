import RoadmapMarkdown

/// Warns when the modules of a phase add up to more than the phase's stated maximum, or to
/// clearly less than its minimum: one of the two figures is wrong, and readers plan by them.
struct DurationConsistencyCheck: Sendable {
    /// Modules may exceed the phase's maximum by this share (rounding: "4 months" vs 18 weeks).
    var overTolerance = 0.05
    /// Modules adding up to less than this share of the phase's minimum are "clearly" short.
    var underShare = 0.75

    func check(_ roadmap: Roadmap) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for phase in roadmap.phases {
            guard let stated = phase.duration else { continue }
            let timed = phase.modules.filter { $0.duration != nil }
            guard !timed.isEmpty else { continue }
            let sumMin = timed.reduce(0) { $0 + ($1.duration?.minWeeks ?? 0) }
            let sumMax = timed.reduce(0) { $0 + ($1.duration?.maxWeeks ?? 0) }
            let sumText = DurationFormatting.weeks(minWeeks: sumMin, maxWeeks: sumMax)
            let notes = timed.map { module in
                Diagnostic.note("module '\(module.title)' states \(module.durationText ?? module.duration?.text ?? "")",
                                file: roadmap.sourcePath, at: module.durationLocation ?? module.location)
            }
            let phaseText = "'\(stated.text)' (\(DurationFormatting.weeks(minWeeks: stated.minWeeks, maxWeeks: stated.maxWeeks)))"
            if sumMin > stated.maxWeeks * (1 + overTolerance) + 0.01 {
                diagnostics.append(Diagnostic(
                    .warning, id: "duration.modules-exceed-phase",
                    "the modules of '\(phase.title)' add up to \(sumText), more than the phase's \(phaseText)",
                    file: roadmap.sourcePath, at: phase.location, notes: notes))
            } else if timed.count == phase.modules.count, sumMax < stated.minWeeks * underShare - 0.01,
                      !Self.isImpliedByPeriod(phase.title)
            {
                diagnostics.append(Diagnostic(
                    .warning, id: "duration.modules-short-of-phase",
                    "the modules of '\(phase.title)' add up to only \(sumText), well short of the phase's \(phaseText)",
                    file: roadmap.sourcePath, at: phase.location, notes: notes))
            }
        }
        return diagnostics
    }
}

extension DurationConsistencyCheck {
    /// "Month 1" implies a month without promising its weeks are all written down; "(2 months)" states it.
    static func isImpliedByPeriod(_ title: String) -> Bool {
        let parser = DurationParser()
        return parser.headingDuration(title) == nil && parser.periodDuration(title) != nil
    }
}

extension DurationFormatting {
    /// A range written in weeks, rounded to a tenth: "36 weeks", "17.3–21.7 weeks".
    static func weeks(minWeeks: Double, maxWeeks: Double) -> String {
        func number(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let low = number(minWeeks), high = number(maxWeeks)
        if low == high { return "\(low) week\(low == "1" ? "" : "s")" }
        return "\(low)–\(high) weeks"
    }
}
