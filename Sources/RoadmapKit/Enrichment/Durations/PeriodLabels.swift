/// Period labels: a unit word and the numbers of the periods it names, "Week 2", "Weeks 5–8",
/// "Day 1 - Day 5", "Months 1 to 3", "Week One", "Week1". They name a place in a schedule, and
/// imply a length: as many units as periods.
///
///     label   = unit [spaces] ordinal [ separator [unit] ordinal ]   (no unit after the last ordinal)
///     ordinal = a whole number of at least 1, as digits or a word
extension DurationGrammar {
    /// "Week 2", "Weeks 5–8", "Day 1 - Day 5".
    struct PeriodLabel: Sendable {
        var unit: DurationUnit
        var first: Double
        var last: Double
        var isRange: Bool
        var start: Int
        var end: Int
    }

    /// A whole-number quantity of at least 1, as period labels use.
    func ordinalQuantity(at index: Int) -> Quantity? {
        guard let quantity = quantity(at: index, allowsArticle: false),
              quantity.value >= 1, quantity.value.rounded() == quantity.value,
              !isWord(at: quantity.end) else { return nil }
        return quantity
    }

    /// The numbers of a period label whose unit word came just before `index`: "2", "1-4", "1 - Day 5", "1 to 3".
    func periodNumbers(at index: Int, unit: DurationUnit) -> (first: Double, last: Double, isRange: Bool, end: Int)? {
        guard let first = ordinalQuantity(at: index) else { return nil }
        guard let separatorEnd = rangeSeparatorEnd(after: first.end, words: Self.spanWords) else {
            return (first.value, first.value, false, first.end)
        }
        var start = skipSpaces(separatorEnd)
        if let repeated = unitWord(at: start), repeated.unit == unit {
            let next = skipSpaces(repeated.end)
            if next > repeated.end || isDigits(at: repeated.end) { start = next }
        }
        // "Month 1 - 2 weeks" is a label followed by a duration, not a range.
        guard let second = ordinalQuantity(at: start), second.value >= first.value,
              unitAfterQuantity(endingAt: second.end, allowsGlued: true) == nil
        else { return (first.value, first.value, false, first.end) }
        return (first.value, second.value, true, second.end)
    }

    /// A period label starting with its unit word at `index`: "Week 2", "Weeks 5–8", "Day 1 - Day 5", "Week1".
    func periodLabel(at index: Int) -> PeriodLabel? {
        guard let unit = unitWord(at: index) else { return nil }
        let numberStart = skipSpaces(unit.end)
        guard numberStart > unit.end || isDigits(at: unit.end),
              let numbers = periodNumbers(at: numberStart, unit: unit.unit) else { return nil }
        if unit.unit == .year, numbers.first >= 100 { return nil }  // "Year 2024 Review": a date, not a year of study
        return PeriodLabel(
            unit: unit.unit, first: numbers.first, last: numbers.last, isRange: numbers.isRange,
            start: index, end: numbers.end)
    }

    /// The length a label implies: "Weeks 5–8" lasts 4 weeks.
    func value(of label: PeriodLabel) -> DurationValue {
        let count = label.last - label.first + 1
        return DurationValue(text: text(from: label.start, to: label.end), unit: label.unit, minimum: count, maximum: count)
    }

    /// The duration a period heading implies: the label at its start ("📅 Week 1: Setup",
    /// "**Month 2**: Data", "第1周"), or one after an opening bracket or a separator
    /// ("Foundations (Months 1–3)", "Phase 1 - Weeks 1-6").
    func periodDuration() -> DurationValue? {
        if let value = cjkPeriodDuration() { return value }
        var index = 0
        while index < tokens.count, !isAlphanumeric(at: index) { index += 1 }
        if let label = periodLabel(at: index) { return value(of: label) }
        while index < tokens.count {
            let isSeparator = isSymbol("(", at: index) || isSymbol("[", at: index) || isSymbol(":", at: index)
                || isSymbol("|", at: index) || isSymbol(",", at: index) || (isDash(at: index) && !isAlphanumeric(at: index - 1))
            index += 1
            guard isSeparator else { continue }
            var start = skipSpaces(index)
            while isMarkup(at: start) { start += 1 }
            if let label = periodLabel(at: start) { return value(of: label) }
        }
        return nil
    }

    /// The period a text opens with, after any marks before its first word ("[✔️] Day 12 > Containers",
    /// "**Weeks 3-4**: Trees"); nil when the text opens with anything else.
    func leadingPeriodDuration() -> DurationValue? {
        var index = 0
        while index < tokens.count, !isAlphanumeric(at: index) { index += 1 }
        return periodLabel(at: index).map(value(of:))
    }
}
