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
            let notes = timed.map { module in
                Diagnostic.note("module '\(module.title)' states \(module.durationText ?? module.duration?.text ?? "")",
                                file: roadmap.sourcePath, at: module.durationLocation ?? module.location)
            }
            if let exceeding = exceedingMessage(phase) {
                diagnostics.append(Diagnostic(
                    .warning, id: "duration.modules-exceed-phase", exceeding, file: roadmap.sourcePath, at: phase.location,
                    notes: notes))
                continue
            }
            let sumMax = timed.reduce(0) { $0 + ($1.duration?.maxWeeks ?? 0) }
            if timed.count == phase.modules.count, sumMax < stated.minWeeks * underShare - 0.01,
               !Self.isImpliedByPeriod(phase.title)
            {
                let sumMin = timed.reduce(0) { $0 + ($1.duration?.minWeeks ?? 0) }
                diagnostics.append(Diagnostic(
                    .warning, id: "duration.modules-short-of-phase",
                    "the modules of '\(phase.title)' add up to only \(DurationFormatting.weeks(WeekRange(minWeeks: sumMin, maxWeeks: sumMax), strings: .english)), "
                        + "well short of the phase's \(Self.statedText(stated))",
                    file: roadmap.sourcePath, at: phase.location, notes: notes))
            }
        }
        return diagnostics
    }

    /// The warning `duration.modules-exceed-phase` gives when the modules of `phase` add up to
    /// more than it states (the timeline marks such a phase with the same words); nil when they do not.
    func exceedingMessage(_ phase: Phase) -> String? {
        guard let stated = phase.duration else { return nil }
        let timed = phase.modules.compactMap(\.duration)
        guard !timed.isEmpty else { return nil }
        let sumMin = timed.reduce(0) { $0 + $1.minWeeks }
        let sumMax = timed.reduce(0) { $0 + $1.maxWeeks }
        guard exceeds(stated, weeks: sumMin) else { return nil }
        return "the modules of '\(phase.title)' add up to \(DurationFormatting.weeks(WeekRange(minWeeks: sumMin, maxWeeks: sumMax), strings: .english)), "
            + "more than the phase's \(Self.statedText(stated))"
    }

    /// Whether `weeks` of modules (at the fewest) are more than a phase that states `stated` holds.
    func exceeds(_ stated: DurationValue, weeks: Double) -> Bool {
        weeks > stated.maxWeeks * (1 + overTolerance) + 0.01
    }

    /// "'5-6 months' (21.7–26 weeks)".
    static func statedText(_ stated: DurationValue) -> String {
        "'\(stated.text)' (\(DurationFormatting.weeks(WeekRange(minWeeks: stated.minWeeks, maxWeeks: stated.maxWeeks), strings: .english)))"
    }
}

extension DurationConsistencyCheck {
    /// "Month 1" implies a month without promising its weeks are all written down; "(2 months)" states it.
    static func isImpliedByPeriod(_ title: String) -> Bool {
        let parser = DurationParser()
        return parser.headingDuration(title) == nil && parser.periodDuration(title) != nil
    }
}
