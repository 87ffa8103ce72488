import RoadmapMarkdown

/// A span of time as a range in weeks: the earliest and the latest.
public struct WeekRange: Sendable, Hashable, Codable {
    public var minWeeks: Double
    public var maxWeeks: Double

    public init(minWeeks: Double, maxWeeks: Double) {
        self.minWeeks = minWeeks
        self.maxWeeks = maxWeeks
    }

    public static let zero = WeekRange(minWeeks: 0, maxWeeks: 0)

    public static func + (lhs: WeekRange, rhs: WeekRange) -> WeekRange {
        WeekRange(minWeeks: lhs.minWeeks + rhs.minWeeks, maxWeeks: lhs.maxWeeks + rhs.maxWeeks)
    }

    /// "4 weeks", "4–5 months", in the site's language.
    func text(in strings: InterfaceStrings) -> String { DurationFormatting.describe(self, in: strings) }
}

/// Where a phase or module sits on a roadmap's timeline.
public struct TimelineEntry: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation
    /// How long it takes, as stated, or summed from its modules when the phase states nothing.
    public var length: WeekRange?
    /// The duration as the roadmap states it, if it does.
    public var stated: DurationValue?
    /// Whether `length` was summed from the modules rather than stated.
    public var isSummed: Bool
    /// When it starts, counted from the roadmap's start: (earliest, latest).
    public var start: WeekRange
    /// When it ends: start plus length, or the start again when there is no length.
    public var end: WeekRange
    /// The modules of a phase (empty for a module).
    public var modules: [TimelineEntry]
    /// For a phase whose modules add up to more than it states: the duration check's warning
    /// (`duration.modules-exceed-phase`). For a module that ends past its phase's stated end,
    /// even at the fewest weeks: the same sentence. Nil otherwise.
    public var overflow: String? = nil
}

/// A roadmap's phases laid out in document order, each module in turn within its phase.
public struct Timeline: Sendable, Hashable {
    public var phases: [TimelineEntry]
    /// The whole roadmap, when at least one phase has a length.
    public var total: WeekRange?

    public var isEmpty: Bool { phases.allSatisfy { $0.length == nil } }
}
