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
