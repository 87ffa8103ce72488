/// Durations and effort rates in running text: "4-5 months", "2+ years", "6 months to 1 year",
/// "six weeks", "a month", "6-10 hours/week".
///
///     phrase   = quantity [ "+" | range [ "+" ] | "or more" ] unit [ "+" ] [ rate | upper [ "+" ] [ rate ] ]
///     range    = ( dash | "to" | "or" | "and" after "between" ) quantity, no smaller than the first
///     upper    = ( dash | "to" ) quantity unit, no shorter than the first: "6 months to 1 year"
///     quantity = number | number word | "a" | "an" | "half a"   (an article takes no range and a singular unit)
///     rate     = "/" unit | ( "per" | "a" | "an" | "each" | "every" ) singular unit | "daily" | "weekly" | ...
///
/// A unit followed by "ago", a day by "of" ("100 days of code"), or "a day in the life" is no duration.
extension DurationGrammar {
    /// A duration or rate found, from token `start` up to token `end`.
    struct Phrase: Sendable {
        var value: DurationValue
        var kind: DurationKind
        var start: Int
        var end: Int
    }

    struct Quantity: Sendable {
        enum Form: Sendable { case numeral, word, article }
        var value: Double
        var start: Int
        var end: Int
        var form: Form
    }

    /// A unit word found in the text, and where it ends.
    struct FoundUnit: Sendable {
        var unit: DurationUnit
        var isSingular: Bool
        var end: Int
    }

    /// The words between the bounds of a range: "3 to 4 weeks", "2 or 3 weeks", "between 2 and 3 months".
    static let rangeWords: Set<String> = ["to", "or"]
    static let rangeWordsAfterBetween: Set<String> = ["to", "or", "and"]
    /// The word between the bounds of a span of two units or two periods: "6 months to 1 year", "Months 1 to 3".
    static let spanWords: Set<String> = ["to"]

    // MARK: Quantities and units

    /// A quantity: a number, a number word ("six"), or with `allowsArticle` "a"/"an" (1) or "half a" (0.5).
    func quantity(at index: Int, allowsArticle: Bool) -> Quantity? {
        if let value = number(at: index) {
            if isSymbol("%", at: index + 1) { return nil }  // 99%
            if isSymbol(":", at: index + 1) || isSymbol("/", at: index + 1), isDigits(at: index + 2) {
                return nil  // 10:30, 24/7, 1/2
            }
            return Quantity(value: value, start: index, end: index + 1, form: .numeral)
        }
        guard let word = word(at: index) else { return nil }
        if let value = DurationVocabulary.numberWords[word] {
            return Quantity(value: value, start: index, end: index + 1, form: .word)
        }
        guard allowsArticle else { return nil }
        if word == "a" || word == "an" {
            return Quantity(value: 1, start: index, end: index + 1, form: .article)
        }
        let next = skipSpaces(index + 1)
        guard word == "half", next > index + 1, let article = self.word(at: next), article == "a" || article == "an" else {
            return nil
        }
        return Quantity(value: 0.5, start: index, end: next + 1, form: .article)
    }

    /// The unit word at `index`, without looking at what follows it.
    func unitWord(at index: Int) -> FoundUnit? {
        guard let word = word(at: index), let unit = DurationVocabulary.unitWords[word] else { return nil }
        return FoundUnit(unit: unit.unit, isSingular: unit.isSingular, end: index + 1)
    }

    /// A unit word standing as a word: not "weeks.md", "weeks_plan", "weeks-course" or "Week1"
    /// (but "year-long").
    func standingUnit(at index: Int) -> FoundUnit? {
        guard let unit = unitWord(at: index) else { return nil }
        let next = unit.end
        if isDigits(at: next) { return nil }
        if isSymbol(".", at: next) || isSymbol("_", at: next), isAlphanumeric(at: next + 1) { return nil }
        if isHyphen(at: next), isWord(at: next + 1) {
            // "a year-long course" is a duration; "4-weeks-course" is a slug.
            guard word(at: next + 1) == "long", !isAlphanumeric(at: next + 2), !isHyphen(at: next + 2) else { return nil }
        }
        return unit
    }

    /// The unit after a quantity ending at `index`: glued ("4weeks"), hyphenated ("4-week") or after spaces.
    func unitAfterQuantity(endingAt index: Int, allowsGlued: Bool) -> FoundUnit? {
        if isWord(at: index) { return allowsGlued ? standingUnit(at: index) : nil }
        if isHyphen(at: index), isWord(at: index + 1) { return standingUnit(at: index + 1) }
        let start = skipSpaces(index)
        guard start > index else { return nil }
        return standingUnit(at: start)
    }

    // MARK: Ranges and rates

    /// The upper quantity of a range after `index`: "-5", " – 5", " to 5", " or 5" ("and" after "between").
    func rangeEnd(after index: Int, minimum: Double, allowsAnd: Bool) -> Quantity? {
        guard let separatorEnd = rangeSeparatorEnd(after: index, words: allowsAnd ? Self.rangeWordsAfterBetween : Self.rangeWords),
              let upper = quantity(at: skipSpaces(separatorEnd), allowsArticle: false), upper.value >= minimum
        else { return nil }
        return upper
    }

    /// "or more" after `index` ("2 or more years"): where it ends.
    func orMoreEnd(after index: Int) -> Int? {
        let orStart = skipSpaces(index)
        guard orStart > index, word(at: orStart) == "or" else { return nil }
        let moreStart = skipSpaces(orStart + 1)
        guard moreStart > orStart + 1, word(at: moreStart) == "more" else { return nil }
        return moreStart + 1
    }

    /// A second quantity and unit after a unit ending at `index`: " to 1 year", " - 6 weeks".
    func mixedRangeEnd(after index: Int) -> (value: Double, unit: DurationUnit, weeks: Double, end: Int)? {
        guard let separatorEnd = rangeSeparatorEnd(after: index, words: Self.spanWords),
              let upper = quantity(at: skipSpaces(separatorEnd), allowsArticle: true),
              let unit = unitAfterQuantity(endingAt: upper.end, allowsGlued: upper.form == .numeral),
              upper.form != .article || unit.isSingular
        else { return nil }
        let next = skipSpaces(unit.end)
        if next > unit.end, word(at: next) == "ago" { return nil }
        return (upper.value, unit.unit, upper.value * unit.unit.lengthInWeeks, unit.end)
    }

    /// The end of a rate after a unit ending at `index`: "/week", " per week", " a day", " daily",
    /// and for hours " of focused study per week".
    func rateEnd(after index: Int, unit: DurationUnit) -> Int? {
        var start = skipSpaces(index)
        if isSymbol("/", at: start) { return standingUnit(at: skipSpaces(start + 1))?.end }
        guard start > index, var word = word(at: start) else { return nil }
        if word == "of" {
            // Up to four words between "of" and the rate: "8 hours of focused study per week".
            guard unit == .hour, let rate = rateWordAfterOf(at: start) else { return nil }
            (start, word) = rate
        }
        if DurationVocabulary.rateAdverbs.contains(word) { return start + 1 }
        guard DurationVocabulary.rateConnectors.contains(word) else { return nil }
        let unitStart = skipSpaces(start + 1)
        guard unitStart > start + 1, let denominator = standingUnit(at: unitStart), denominator.isSingular else { return nil }
        return denominator.end
    }

    /// The first rate connector or adverb among the four words after "of" at `index`, each after spaces.
    private func rateWordAfterOf(at index: Int) -> (index: Int, word: String)? {
        var end = index + 1
        for _ in 0..<4 {
            let next = skipSpaces(end)
            guard next > end, let following = word(at: next) else { return nil }
            if DurationVocabulary.rateConnectors.contains(following) || DurationVocabulary.rateAdverbs.contains(following) {
                return (next, following)
            }
            end = next + 1
        }
        return nil
    }

    // MARK: Phrases

    /// A duration or rate starting with the quantity at `index`.
    func phrase(at index: Int, allowsAnd: Bool) -> Phrase? {
        guard let first = quantity(at: index, allowsArticle: true) else { return nil }
        let isArticle = first.form == .article
        var end = first.end
        let minimum = first.value
        var maximum = first.value
        var isOpenEnded = false

        if !isArticle {
            if isSymbol("+", at: end) {
                isOpenEnded = true
                end += 1
            } else if let upper = rangeEnd(after: end, minimum: minimum, allowsAnd: allowsAnd) {
                maximum = upper.value
                end = upper.end
                if isSymbol("+", at: end) {
                    isOpenEnded = true
                    end += 1
                }
            } else if let orMore = orMoreEnd(after: end) {
                isOpenEnded = true
                end = orMore
            }
        }

        guard let unit = unitAfterQuantity(endingAt: end, allowsGlued: first.form == .numeral),
              !isArticle || unit.isSingular
        else { return nil }
        end = unit.end
        if isSymbol("+", at: end) {
            isOpenEnded = true
            end += 1
        }
        if namesSomethingElse(unitEnd: end, unit: unit.unit, isArticle: isArticle) { return nil }

        let unitWeeks = unit.unit.lengthInWeeks
        var maxWeeks = maximum * unitWeeks
        var kind = DurationKind.duration
        if let rate = rateEnd(after: end, unit: unit.unit) {
            kind = .effort
            end = rate
        } else if !isOpenEnded, let upper = mixedRangeEnd(after: end), upper.weeks >= maxWeeks {
            // "6 months to 1 year", "4 weeks - 6 weeks"
            maximum = upper.unit == unit.unit ? upper.value : (upper.weeks / unitWeeks * 1e9).rounded() / 1e9  // 1 year = 12 months
            maxWeeks = upper.weeks
            end = upper.end
            if isSymbol("+", at: end) {
                isOpenEnded = true
                end += 1
            }
            if let rate = rateEnd(after: end, unit: upper.unit) {
                kind = .effort
                end = rate
            }
        }

        let value = DurationValue(
            text: text(from: first.start, to: end), unit: unit.unit,
            minimum: minimum, maximum: maximum, isOpenEnded: isOpenEnded,
            minWeeks: minimum * unitWeeks, maxWeeks: maxWeeks)
        return Phrase(value: value, kind: kind, start: first.start, end: end)
    }

    /// Whether what follows a unit ending at `unitEnd` makes the phrase a date, a name or a period
    /// label: "1 week ago", "100 days of code", "a day in the life", "a Month 1 project".
    private func namesSomethingElse(unitEnd: Int, unit: DurationUnit, isArticle: Bool) -> Bool {
        let following = skipSpaces(unitEnd)
        guard following > unitEnd else { return false }
        switch word(at: following) {
        case "ago": return true
        case "of": if unit == .day { return true }
        case "in": if followedByWords(["the", "life"], after: following + 1) { return true }
        default: break
        }
        return isArticle && isDigits(at: following)
    }
}
