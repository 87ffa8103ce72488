/// Durations written the Chinese, Japanese or Korean way: the unit follows the number without a
/// space ("4周", "1个月", "2週間", "6개월"), in brackets ("（约3-4周）") or after 第 in a period
/// heading ("第3-4周").
extension DurationGrammar {
    func cjkUnit(at index: Int) -> DurationUnit? {
        guard case .cjkWord(let word)? = kind(at: index) else { return nil }
        return DurationVocabulary.cjkUnits[word]
    }

    func isCJKWord(in words: Set<String>, at index: Int) -> Bool {
        guard case .cjkWord(let word)? = kind(at: index) else { return false }
        return words.contains(word)
    }

    /// "4", "3-4", "3～4", "3至4": a count or range of whole or decimal numbers, and where it ends.
    func cjkNumbers(at index: Int) -> (first: Double, last: Double, end: Int)? {
        guard let first = number(at: index) else { return nil }
        let separator = skipSpaces(index + 1)
        let isSeparator = isDash(at: separator) || isSymbol("~", at: separator)
            || isCJKWord(in: DurationVocabulary.cjkRangeSeparators, at: separator)
        let secondStart = skipSpaces(separator + 1)
        if isSeparator, let second = number(at: secondStart), second >= first {
            return (first, second, secondStart + 1)
        }
        return (first, first, index + 1)
    }

    /// A duration in brackets: "（4周）", "(1个月)", "（约3-4周）", "（2週間）", "（10天左右）".
    /// Not "（第4版）" or "（2024年）": an ordinal, or a year that is a date.
    func cjkBracketDuration() -> DurationValue? {
        guard hasCJKWord else { return nil }
        for open in tokens.indices where isSymbol("(", at: open) || isSymbol("[", at: open) || isSymbol("（", at: open) {
            var start = skipSpaces(open + 1)
            if isSymbol("~", at: start) || isCJKWord(in: DurationVocabulary.cjkApproximators, at: start) {
                start = skipSpaces(start + 1)
            }
            guard let numbers = cjkNumbers(at: start) else { continue }
            let isOpenEnded = isSymbol("+", at: numbers.end)
            let unitStart = skipSpaces(isOpenEnded ? numbers.end + 1 : numbers.end)
            guard let unit = cjkUnit(at: unitStart), unit != .year || numbers.last <= 10 else { continue }
            var close = skipSpaces(unitStart + 1)
            for suffix in DurationVocabulary.cjkUnitSuffixes where kind(at: close) == .cjkWord(suffix) {
                close = skipSpaces(close + 1)
            }
            guard isSymbol(")", at: close) || isSymbol("]", at: close) || isSymbol("）", at: close) else { continue }
            return DurationValue(
                text: text(from: start, to: unitStart + 1), unit: unit,
                minimum: numbers.first, maximum: numbers.last, isOpenEnded: isOpenEnded)
        }
        return nil
    }

    /// A period heading: "第1周：HTML 基础" (1 week), "第3-4周" (2 weeks), "第2个月".
    func cjkPeriodDuration() -> DurationValue? {
        guard hasCJKWord else { return nil }
        var start = skipSpaces(0)
        while isMarkup(at: start) { start += 1 }
        guard kind(at: start) == .cjkWord(DurationVocabulary.cjkOrdinalPrefix),
              let numbers = cjkNumbers(at: skipSpaces(start + 1)),
              numbers.first.rounded() == numbers.first, numbers.last.rounded() == numbers.last
        else { return nil }
        let unitStart = skipSpaces(numbers.end)
        guard let unit = cjkUnit(at: unitStart), unit != .year || numbers.last <= 10 else { return nil }
        let count = numbers.last - numbers.first + 1
        return DurationValue(text: text(from: start, to: unitStart + 1), unit: unit, minimum: count, maximum: count)
    }

    private var hasCJKWord: Bool {
        tokens.contains { if case .cjkWord = $0.kind { return true } else { return false } }
    }
}
