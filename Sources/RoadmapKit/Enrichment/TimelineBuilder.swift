import RoadmapMarkdown

/// Lays a roadmap's phases out in time: phases one after another in document order, the
/// modules of a phase one after another from the phase's start. Every start and end is a range
/// (earliest, latest) because stated durations are ranges. A phase whose modules add up to more
/// than it states keeps its stated length; it and the modules that end past it are marked with
/// the duration check's warning (``TimelineEntry/overflow``).
struct TimelineBuilder: Sendable {
    func build(_ roadmap: Roadmap) -> Timeline {
        let check = DurationConsistencyCheck()
        var phases: [TimelineEntry] = []
        var cursor = WeekRange.zero
        var anyLength = false
        for phase in roadmap.phases {
            var moduleCursor = cursor
            var modules: [TimelineEntry] = []
            var moduleSum = WeekRange.zero
            var allModulesTimed = !phase.modules.isEmpty
            for module in phase.modules {
                let length = module.duration.map { WeekRange(minWeeks: $0.minWeeks, maxWeeks: $0.maxWeeks) }
                if let length { moduleSum = moduleSum + length } else { allModulesTimed = false }
                let end = moduleCursor + (length ?? .zero)
                modules.append(TimelineEntry(
                    id: module.id, title: module.title, location: module.location, length: length,
                    stated: module.duration, isSummed: false, start: moduleCursor, end: end, modules: []))
                moduleCursor = end
            }
            var length = phase.duration.map { WeekRange(minWeeks: $0.minWeeks, maxWeeks: $0.maxWeeks) }
            var isSummed = false
            if length == nil, allModulesTimed {
                length = moduleSum
                isSummed = true
            }
            if length != nil { anyLength = true }
            let end = cursor + (length ?? .zero)
            let overflow = check.exceedingMessage(phase)
            if let overflow, let stated = phase.duration {
                // A module overflows when, at the fewest weeks, it ends past the phase's most.
                var fewest = 0.0
                for index in modules.indices {
                    fewest += modules[index].length?.minWeeks ?? 0
                    if modules[index].length != nil, check.exceeds(stated, weeks: fewest) { modules[index].overflow = overflow }
                }
            }
            phases.append(TimelineEntry(
                id: phase.id, title: phase.title, location: phase.location, length: length, stated: phase.duration,
                isSummed: isSummed, start: cursor, end: end, modules: modules, overflow: overflow))
            cursor = end
        }
        return Timeline(phases: phases, total: anyLength ? cursor : nil)
    }
}
