/// Turns a range in weeks into the words a reader expects, in the site's language: "4 weeks",
/// "14–17 months", "1–2 years" (`duration.*` strings: one for a single number, with its plural
/// forms, one for a range).
enum DurationFormatting {
    /// In days below a week, in weeks up to 12, in years from 104, else in months; whole numbers.
    static func describe(_ range: WeekRange, in strings: InterfaceStrings) -> String {
        let (minWeeks, maxWeeks) = (range.minWeeks, range.maxWeeks)
        let unit: DurationUnit = maxWeeks < 1 ? .day : maxWeeks <= 12 ? .week : minWeeks >= 104 ? .year : .month
        let low = max(1, (minWeeks / unit.lengthInWeeks).rounded())
        return words(low, max(low, (maxWeeks / unit.lengthInWeeks).rounded()), unit, strings)
    }

    /// A range in weeks said in `unit`, for a table that says every length in one unit:
    /// "17–22 weeks", "4.5–6 months", "1 year". Hours, days and weeks are whole; months and
    /// years below ten to the half.
    static func describe(_ range: WeekRange, in unit: DurationUnit, strings: InterfaceStrings) -> String {
        func amount(_ weeks: Double) -> Double {
            let value = weeks / unit.lengthInWeeks
            switch unit {
            case .hour, .day, .week: return value.rounded()
            case .month, .year: return value < 10 ? (value * 2).rounded() / 2 : value.rounded()
            }
        }
        let low = amount(range.minWeeks)
        return words(low, max(low, amount(range.maxWeeks)), unit, strings)
    }

    /// A range written in weeks, rounded to a tenth: "36 weeks", "17.3–21.7 weeks".
    static func weeks(_ range: WeekRange, strings: InterfaceStrings) -> String {
        func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        return words(tenth(range.minWeeks), max(tenth(range.minWeeks), tenth(range.maxWeeks)), .week, strings)
    }

    /// "4 weeks", "4–5 months", "4.5 months": a whole count chooses its plural form; a
    /// fraction takes the `other` form.
    private static func words(_ low: Double, _ high: Double, _ unit: DurationUnit, _ strings: InterfaceStrings) -> String {
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        let key = "duration." + unit.rawValue + "s"
        let count = high == high.rounded() ? Int(high) : nil
        if low == high { return strings.text(key, count: count, ["count": number(high)]) }
        return strings.text(key + "-range", count: count, ["low": number(low), "count": number(high)])
    }

    /// The unit most of `durations` are stated in (the longer of two as common), for a table that
    /// says every length in one unit; weeks when there are none.
    static func commonUnit(of durations: [DurationValue]) -> DurationUnit {
        guard !durations.isEmpty else { return .week }
        let counts = Dictionary(grouping: durations, by: \.unit).mapValues(\.count)
        // Longest first: `max(by:)` keeps the first of equals.
        let units: [DurationUnit] = [.year, .month, .week, .day, .hour]
        return units.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? .week
    }
}
