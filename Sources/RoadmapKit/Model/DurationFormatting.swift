/// Turns a range in weeks into the words a reader expects, in the site's language: "4 weeks",
/// "14–17 months", "1–2 years" (`duration.*` strings: one for a single number, with its plural
/// forms, one for a range).
enum DurationFormatting {
    /// In days below a week, in weeks up to 12, in years from 104, else in months.
    static func describe(_ range: WeekRange, in strings: InterfaceStrings) -> String {
        let (minWeeks, maxWeeks) = (range.minWeeks, range.maxWeeks)
        func words(_ low: Double, _ high: Double, _ unit: String) -> String {
            let lo = max(1, Int(low.rounded()))
            let hi = max(lo, Int(high.rounded()))
            if lo == hi { return strings.text("duration." + unit, count: lo) }
            return strings.text("duration." + unit + "-range", count: hi, ["low": String(lo)])
        }
        if maxWeeks < 1 { return words(minWeeks * 7, maxWeeks * 7, "days") }
        if maxWeeks <= 12 { return words(minWeeks, maxWeeks, "weeks") }
        if minWeeks >= 104 { return words(minWeeks / 52, maxWeeks / 52, "years") }
        let weeksPerMonth = 52.0 / 12.0
        return words(minWeeks / weeksPerMonth, maxWeeks / weeksPerMonth, "months")
    }
}
