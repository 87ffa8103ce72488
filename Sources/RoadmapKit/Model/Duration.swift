/// A unit a roadmap states a span of time in.
public enum DurationUnit: String, Sendable, Hashable, Codable {
    case hour, day, week, month, year

    /// How many weeks one of this unit lasts: an hour is 1/40 week (a full-time working week),
    /// a day 1/7 week, a month 52/12 weeks, a year 52 weeks.
    public var lengthInWeeks: Double {
        switch self {
        case .hour: return 1.0 / 40.0
        case .day: return 1.0 / 7.0
        case .week: return 1
        case .month: return 52.0 / 12.0
        case .year: return 52
        }
    }
}

/// A stated span of time, as a range in weeks (1 month = 52/12 weeks, 1 year = 52 weeks,
/// 1 day = 1/7 week, 1 hour = 1/40 week i.e. a full-time working week).
public struct DurationValue: Sendable, Hashable, Codable {
    /// The matched source text, e.g. "4-5 months".
    public var text: String
    /// The unit the text states its first quantity in.
    public var unit: DurationUnit
    /// The lower bound, in `unit` (4 for "4-5 months").
    public var minimum: Double
    /// The upper bound, in `unit` (5 for "4-5 months"); equal to `minimum` for "2+ years".
    public var maximum: Double
    /// Whether the text leaves the upper bound open ("2+ years").
    public var isOpenEnded: Bool
    /// The lower bound in weeks.
    public var minWeeks: Double
    /// The upper bound in weeks.
    public var maxWeeks: Double

    /// A value with every field given.
    public init(
        text: String, unit: DurationUnit, minimum: Double, maximum: Double, isOpenEnded: Bool,
        minWeeks: Double, maxWeeks: Double
    ) {
        self.text = text
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.isOpenEnded = isOpenEnded
        self.minWeeks = minWeeks
        self.maxWeeks = maxWeeks
    }

    /// A value whose bounds in weeks follow from `unit`.
    public init(text: String, unit: DurationUnit, minimum: Double, maximum: Double, isOpenEnded: Bool = false) {
        self.init(
            text: text, unit: unit, minimum: minimum, maximum: maximum, isOpenEnded: isOpenEnded,
            minWeeks: minimum * unit.lengthInWeeks, maxWeeks: maximum * unit.lengthInWeeks)
    }
}
