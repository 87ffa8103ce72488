/// Turns a range in weeks into the words a reader expects: "4 weeks", "14–17 months", "1–2 years".
enum DurationFormatting {
    static func describe(minWeeks: Double, maxWeeks: Double) -> String {
        let weeksPerMonth = 52.0 / 12.0
        func range(_ low: Double, _ high: Double, _ singular: String, _ plural: String) -> String {
            let lo = max(1, Int(low.rounded()))
            let hi = max(lo, Int(high.rounded()))
            if lo == hi { return "\(lo) \(lo == 1 ? singular : plural)" }
            return "\(lo)–\(hi) \(plural)"
        }
        if maxWeeks < 1 {
            return range(minWeeks * 7, maxWeeks * 7, "day", "days")
        }
        if maxWeeks <= 12 {
            return range(minWeeks, maxWeeks, "week", "weeks")
        }
        if minWeeks >= 104 {
            return range(minWeeks / 52, maxWeeks / 52, "year", "years")
        }
        return range(minWeeks / weeksPerMonth, maxWeeks / weeksPerMonth, "month", "months")
    }
}

extension DurationFormatting {
    /// The unit most of `durations` are stated in (the longer of two as common), for a table that
    /// says every length in one unit; weeks when there are none.
    static func commonUnit(of durations: [DurationValue]) -> DurationUnit {
        guard !durations.isEmpty else { return .week }
        let counts = Dictionary(grouping: durations, by: \.unit).mapValues(\.count)
        // Longest first: `max(by:)` keeps the first of equals.
        let units: [DurationUnit] = [.year, .month, .week, .day, .hour]
        return units.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? .week
    }

    /// A range in weeks said in `unit`: "17–22 weeks", "4.5–6 months", "1 year". Hours, days
    /// and weeks are whole; months and years below ten to the half.
    static func describe(minWeeks: Double, maxWeeks: Double, in unit: DurationUnit) -> String {
        func amount(_ weeks: Double) -> Double {
            let value = weeks / unit.lengthInWeeks
            switch unit {
            case .hour, .day, .week: return value.rounded()
            case .month, .year: return value < 10 ? (value * 2).rounded() / 2 : value.rounded()
            }
        }
        func text(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
        let low = amount(minWeeks), high = max(low, amount(maxWeeks))
        let name = unit.rawValue
        if low == high { return "\(text(low)) \(name)\(low == 1 ? "" : "s")" }
        return "\(text(low))–\(text(high)) \(name)s"
    }
}
