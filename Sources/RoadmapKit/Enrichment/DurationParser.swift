import Foundation

// MARK: - Values

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

/// Whether a match states how long something lasts or how much time it takes per period.
public enum DurationKind: Sendable, Hashable {
    /// A span of time: "8 weeks", "4-5 months".
    case duration
    /// A rate of effort: "6-10 hours/week", "1 hour a day".
    case effort
}

/// A duration or effort rate found in a text, with where it starts.
public struct DurationMatch: Sendable, Hashable {
    /// The value the matched text states.
    public var value: DurationValue
    /// Whether the text is a span or a rate.
    public var kind: DurationKind
    /// Where the match starts in the input string, in UTF-16 code units.
    public var utf16Offset: Int
    /// How long the match is, in UTF-16 code units.
    public var utf16Length: Int

    /// A match with every field given.
    public init(value: DurationValue, kind: DurationKind, utf16Offset: Int, utf16Length: Int) {
        self.value = value
        self.kind = kind
        self.utf16Offset = utf16Offset
        self.utf16Length = utf16Length
    }
}

// MARK: - Parser

/// Reads the durations a career roadmap states: "(4-5 months)", "8 weeks", "2+ years",
/// "6 months to 1 year", "six weeks", "a month", and tells effort rates ("6-10 hours/week") apart.
///
/// A hand-written scanner over UTF-8 bytes; no regular expressions, no allocation for text
/// without a digit or a unit word.
public struct DurationParser: Sendable {
    /// A parser; it holds no state.
    public init() {}

    /// Every duration (and effort rate) a human would read in `text`, in order.
    ///
    /// Period labels ("Month 1", "Weeks 5–8", "Day 1 - Day 5") are not reported: they name a
    /// point in a schedule; ``periodDuration(_:)`` and ``headingDuration(_:)`` read them.
    public func matches(in text: String) -> [DurationMatch] {
        guard DurationVocabulary.mayContainDuration(text.utf8) else { return [] }
        let scan = DurationTextScan(text)
        return scan.utf16Matches(scan.phrases())
    }

    /// The duration stated by a heading's text: a parenthesised duration `(4-5 months)`, a trailing
    /// ` - 1 Month` / `: 8 weeks`, a `(Day 1 - Day 5)` span (= 5 days), or nil. Effort rates never count.
    ///
    /// Square brackets count as parentheses; a heading that is only a duration ("8 Weeks") states it;
    /// an experience requirement ("(2+ years experience)") does not.
    public func headingDuration(_ heading: String) -> DurationValue? {
        guard DurationVocabulary.mayContainDuration(heading.utf8) else { return nil }
        return DurationTextScan(heading).headingDuration()
    }

    /// The duration a period heading implies: "Month 1", "Week 2", "Day 3", "Year 1",
    /// "Month 1-2" ( = 2 months), "Weeks 3–4" (= 2 weeks); nil otherwise.
    public func periodDuration(_ heading: String) -> DurationValue? {
        guard DurationVocabulary.mayContainDuration(heading.utf8) else { return nil }
        return DurationTextScan(heading).periodDuration()
    }

    /// The value of a `**Duration**: 4 weeks` / `Duration: 4 weeks` / `Time: 2-3 months` /
    /// `Timeline: ...` bullet or line (plain text after markup is removed: "Duration: 4 weeks"), or nil.
    public func labelledDuration(_ line: String) -> DurationValue? {
        guard DurationVocabulary.mayContainDuration(line.utf8) else { return nil }
        return DurationTextScan(line).labelledDuration()
    }
}

// MARK: - Vocabulary

/// The words the scanner knows, keyed by a packed lowercase form (5 bits a letter, at most 12 letters).
fileprivate enum DurationVocabulary {
    struct UnitWord: Sendable {
        var unit: DurationUnit
        var isSingular: Bool
    }

    static func key(_ word: String) -> UInt64 {
        word.utf8.reduce(0) { $0 << 5 | UInt64(($1 | 0x20) &- 96) }
    }

    private static func keys(_ words: [String]) -> Set<UInt64> { Set(words.map(key)) }

    static let unitWords: [UInt64: UnitWord] = {
        var table: [UInt64: UnitWord] = [:]
        let forms: [(DurationUnit, singular: [String], plural: [String])] = [
            (.hour, ["hour", "hr"], ["hours", "hrs"]),
            (.day, ["day"], ["days"]),
            (.week, ["week", "wk"], ["weeks", "wks"]),
            (.month, ["month", "mo", "mth"], ["months", "mos", "mths"]),
            (.year, ["year", "yr"], ["years", "yrs"]),
        ]
        for (unit, singular, plural) in forms {
            for word in singular { table[key(word)] = UnitWord(unit: unit, isSingular: true) }
            for word in plural { table[key(word)] = UnitWord(unit: unit, isSingular: false) }
        }
        return table
    }()

    static let numberWords: [UInt64: Double] = {
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        var table: [UInt64: Double] = [:]
        for (index, word) in words.enumerated() { table[key(word)] = Double(index + 1) }
        return table
    }()

    static let a = key("a"), an = key("an"), half = key("half")
    static let to = key("to"), or = key("or"), and = key("and"), more = key("more"), between = key("between")
    static let ago = key("ago"), of = key("of"), inWord = key("in"), the = key("the"), life = key("life")
    static let www = key("www"), long = key("long")
    static let experience = key("experience"), exp = key("exp")

    /// Words after which a number is a name's ordinal or version, not a quantity: "Phase 1", "Python 3".
    static let labelWords = keys([
        "phase", "stage", "step", "part", "module", "level", "lvl", "chapter", "ch", "section", "lesson",
        "unit", "sprint", "milestone", "version", "ver", "tier", "round", "session", "track", "block",
        "quarter", "semester", "term", "grade", "class", "lab", "project", "assignment", "exercise", "task",
        "episode", "ep", "season", "video", "item", "page", "rank", "top", "best", "release", "iteration",
        "cohort", "batch", "group", "course", "book", "volume", "vol", "no", "number", "figure", "fig",
        "table", "question", "problem", "challenge", "python", "java", "angular", "vue", "react", "node",
        "html", "css", "windows", "ios", "android", "ubuntu", "php", "swift", "kotlin", "rails", "django",
        "bootstrap", "ecmascript", "es", "oauth", "http", "web", "gpt", "office", "excel", "net", "dotnet",
    ])

    /// Words after which "a week" is a frequency or a price's period, not a span: "twice a week", "USD a month".
    static let frequencyWords = keys([
        "once", "twice", "thrice", "times", "per", "half", "usd", "eur", "gbp", "inr", "dollars", "euros", "bucks",
    ])

    /// Words that make the unit before them a rate: "10 hours per week", "1 hour a day".
    static let rateConnectors = keys(["per", "a", "an", "each", "every"])
    /// Adverbs that make the unit before them a rate: "2 hours daily".
    static let rateAdverbs = keys(["weekly", "daily", "monthly", "yearly", "annually", "nightly"])
    /// Hedges that may stand between a heading's separator and its duration: "- about 8 weeks".
    static let approximators = keys([
        "about", "around", "approx", "roughly", "est", "estimated", "circa", "ca", "nearly", "almost",
    ])
    /// Words that make a line's label a duration label: "Duration", "Time", "Timeline".
    static let durationLabelWords = keys(["duration", "time", "timeline", "timeframe", "timespan", "length", "period", "eta"])

    /// False when `text` has neither an ASCII digit nor a unit word, so cannot state a duration.
    static func mayContainDuration(_ text: String.UTF8View) -> Bool {
        var wordKey: UInt64 = 0
        var wordLength = 0
        for byte in text {
            if byte &- 48 < 10 { return true }
            if (byte | 0x20) &- 97 < 26 {
                wordKey = wordKey << 5 | UInt64((byte | 0x20) &- 96)
                wordLength += 1
                continue
            }
            if wordLength >= 2, wordLength <= 6, unitWords[wordKey] != nil { return true }
            wordKey = 0
            wordLength = 0
        }
        return wordLength >= 2 && wordLength <= 6 && unitWords[wordKey] != nil
    }
}

// MARK: - Scanner

/// One pass of the duration grammar over a text's UTF-8 bytes. Offsets are byte offsets.
fileprivate struct DurationTextScan: Sendable {
    /// A duration or rate found, in byte offsets.
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

    struct UnitToken: Sendable {
        var unit: DurationUnit
        var isSingular: Bool
        var end: Int
    }

    /// "Week 2", "Weeks 5–8", "Day 1 - Day 5".
    struct PeriodLabel: Sendable {
        var unit: DurationUnit
        var first: Double
        var last: Double
        var isRange: Bool
        var start: Int
        var end: Int
    }

    /// Where a number stands: free, after a unit word ("Week 2"), or after a name ("Phase 2").
    enum StartContext: Sendable {
        case free
        case period(DurationUnit)
        case label
    }

    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    // MARK: Bytes

    @inline(__always) func at(_ index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    @inline(__always) static func isMarkup(_ byte: UInt8) -> Bool { byte == 0x2A || byte == 0x5F || byte == 0x60 }

    func wordEnd(from index: Int) -> Int {
        var end = index
        while Self.isLetter(at(end)) { end += 1 }
        return end
    }

    func key(_ start: Int, _ end: Int) -> UInt64? {
        guard end > start, end - start <= 12 else { return nil }
        var packed: UInt64 = 0
        for index in start..<end { packed = packed << 5 | UInt64((bytes[index] | 0x20) &- 96) }
        return packed
    }

    /// The key of the word starting at `index`, and where it ends.
    func word(at index: Int) -> (key: UInt64, end: Int)? {
        guard Self.isLetter(at(index)) else { return nil }
        let end = wordEnd(from: index)
        guard let key = key(index, end) else { return nil }
        return (key, end)
    }

    /// Length of a space at `index`: ASCII space or tab, no-break, thin, hair or narrow no-break space.
    func spaceLength(at index: Int) -> Int {
        switch at(index) {
        case 0x20, 0x09: return 1
        case 0xC2: return at(index + 1) == 0xA0 ? 2 : 0
        case 0xE2:
            guard at(index + 1) == 0x80 else { return 0 }
            let last = at(index + 2)
            return last == 0x89 || last == 0x8A || last == 0xAF ? 3 : 0
        default: return 0
        }
    }

    func skipSpaces(_ index: Int) -> Int {
        var position = index
        while true {
            let length = spaceLength(at: position)
            if length == 0 { return position }
            position += length
        }
    }

    /// Length of a dash at `index`: hyphen-minus, hyphen, figure dash, en dash, em dash, bar, minus.
    func dashLength(at index: Int) -> Int {
        let byte = at(index)
        if byte == 0x2D { return 1 }
        guard byte == 0xE2 else { return 0 }
        if at(index + 1) == 0x80, (0x90...0x95).contains(at(index + 2)) { return 3 }
        if at(index + 1) == 0x88, at(index + 2) == 0x92 { return 3 }
        return 0
    }

    /// Whether an en or em dash ends just before `index`.
    func longDashEnds(before index: Int) -> Bool {
        index >= 3 && at(index - 3) == 0xE2 && at(index - 2) == 0x80 && (at(index - 1) == 0x93 || at(index - 1) == 0x94)
    }

    // MARK: Numbers and units

    /// A decimal number: "4", "1.5", "10,000". Nil for a version ("3.11.2").
    func numeral(at index: Int) -> (value: Double, end: Int)? {
        guard Self.isDigit(at(index)) else { return nil }
        var end = index
        var value = 0.0
        while Self.isDigit(at(end)) {
            value = value * 10 + Double(at(end) - 48)
            end += 1
        }
        while end - index <= 3 || at(end - 4) == 0x2C,
              at(end) == 0x2C, Self.isDigit(at(end + 1)), Self.isDigit(at(end + 2)), Self.isDigit(at(end + 3)),
              !Self.isDigit(at(end + 4))
        {
            for offset in 1...3 { value = value * 10 + Double(at(end + offset) - 48) }
            end += 4
        }
        if at(end) == 0x2E, Self.isDigit(at(end + 1)) {
            end += 1
            var scale = 0.1
            while Self.isDigit(at(end)) {
                value += Double(at(end) - 48) * scale
                scale /= 10
                end += 1
            }
            if at(end) == 0x2E, Self.isDigit(at(end + 1)) { return nil }
        }
        return (value, end)
    }

    /// Where the run of digits, decimal points and group separators starting at `index` ends.
    func numberTokenEnd(from index: Int) -> Int {
        var end = index
        while Self.isDigit(at(end)) || ((at(end) == 0x2E || at(end) == 0x2C) && Self.isDigit(at(end + 1))) { end += 1 }
        return end
    }

    /// A quantity: a numeral, a number word ("six"), or with `allowsArticle` "a"/"an" (1) or "half a" (0.5).
    func quantity(at index: Int, allowsArticle: Bool) -> Quantity? {
        if Self.isDigit(at(index)) {
            guard let number = numeral(at: index) else { return nil }
            let next = at(number.end)
            if next == 0x25 { return nil }  // 99%
            if next == 0x3A || next == 0x2F, Self.isDigit(at(number.end + 1)) { return nil }  // 10:30, 24/7, 1/2
            return Quantity(value: number.value, start: index, end: number.end, form: .numeral)
        }
        guard let word = word(at: index) else { return nil }
        if let value = DurationVocabulary.numberWords[word.key] {
            return Quantity(value: value, start: index, end: word.end, form: .word)
        }
        guard allowsArticle else { return nil }
        if word.key == DurationVocabulary.a || word.key == DurationVocabulary.an {
            return Quantity(value: 1, start: index, end: word.end, form: .article)
        }
        if word.key == DurationVocabulary.half {
            let next = skipSpaces(word.end)
            guard next > word.end, let article = self.word(at: next),
                  article.key == DurationVocabulary.a || article.key == DurationVocabulary.an else { return nil }
            return Quantity(value: 0.5, start: index, end: article.end, form: .article)
        }
        return nil
    }

    /// A whole-number quantity of at least 1, as period labels use.
    func ordinalQuantity(at index: Int) -> Quantity? {
        guard let quantity = quantity(at: index, allowsArticle: false),
              quantity.value >= 1, quantity.value.rounded() == quantity.value,
              !Self.isLetter(at(quantity.end)) else { return nil }
        return quantity
    }

    /// The unit word at `index`, without looking at what follows it.
    func unitWord(at index: Int) -> UnitToken? {
        guard let word = word(at: index), let unit = DurationVocabulary.unitWords[word.key] else { return nil }
        return UnitToken(unit: unit.unit, isSingular: unit.isSingular, end: word.end)
    }

    /// A unit word standing as a word: not "weeks.md", "weeks_plan", "weeks-course" or "Week1"
    /// (but "year-long").
    func unitToken(at index: Int) -> UnitToken? {
        guard let token = unitWord(at: index) else { return nil }
        let next = at(token.end)
        if Self.isDigit(next) { return nil }
        if next == 0x2E || next == 0x5F, Self.isAlphanumeric(at(token.end + 1)) { return nil }
        if next == 0x2D, Self.isLetter(at(token.end + 1)) {
            // "a year-long course" is a duration; "4-weeks-course" is a slug.
            guard let suffix = word(at: token.end + 1), suffix.key == DurationVocabulary.long,
                  !Self.isAlphanumeric(at(suffix.end)), at(suffix.end) != 0x2D else { return nil }
        }
        return token
    }

    // MARK: Context

    /// The word just before `index`, separated from it by spaces only.
    func precedingWord(before index: Int) -> (key: UInt64, start: Int)? {
        var end = index
        while end > 0, at(end - 1) == 0x20 || at(end - 1) == 0x09 { end -= 1 }
        var start = end
        while start > 0, Self.isLetter(at(start - 1)) { start -= 1 }
        guard start < end, !Self.isDigit(at(start - 1)), let key = key(start, end) else { return nil }
        return (key, start)
    }

    func context(before index: Int) -> StartContext {
        guard let word = precedingWord(before: index) else { return .free }
        if let unit = DurationVocabulary.unitWords[word.key] { return .period(unit.unit) }
        if DurationVocabulary.labelWords.contains(word.key) { return .label }
        return .free
    }

    /// Whether a numeral at `index` can start a quantity: not "ES6", "3.11", "in-4-weeks", "24/7", "$49", "#100".
    func numeralMayStart(at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = at(index - 1)
        if Self.isAlphanumeric(previous) || previous == 0x2E { return false }
        switch previous {
        case 0x24, 0x23, 0x40: return false  // $ # @
        case 0x2D, 0x5F, 0x2F, 0x2C, 0x5C: return !Self.isAlphanumeric(at(index - 2))
        case 0xAC: return !(at(index - 2) == 0x82 && at(index - 3) == 0xE2)  // €
        case 0xA3: return at(index - 2) != 0xC2  // £
        default: return true
        }
    }

    /// Whether a word at `index` can start a quantity: not glued to a word before it ("day-one").
    func wordMayStart(at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = at(index - 1)
        if Self.isAlphanumeric(previous) { return false }
        if previous == 0x2D || previous == 0x5F || previous == 0x2F || previous == 0x27 {
            return !Self.isAlphanumeric(at(index - 2))
        }
        return true
    }

    /// Whether "a"/"an"/"half a" at `index` is a frequency or price ("twice a week", "$59 a month", "hours a week").
    func articleIsFrequency(at index: Int) -> Bool {
        var end = index
        while end > 0, at(end - 1) == 0x20 || at(end - 1) == 0x09 { end -= 1 }
        var wordStart = end
        while wordStart > 0, Self.isLetter(at(wordStart - 1)) { wordStart -= 1 }
        if Self.isDigit(at(wordStart - 1)) { return true }  // "$59 a month", "2x a week"
        guard let word = precedingWord(before: index) else { return false }
        if DurationVocabulary.frequencyWords.contains(word.key) || DurationVocabulary.unitWords[word.key] != nil {
            return true
        }
        // "30 minutes a day", "two problems a week": a counted noun before it makes a rate.
        var countEnd = word.start
        while countEnd > 0, at(countEnd - 1) == 0x20 || at(countEnd - 1) == 0x09 { countEnd -= 1 }
        guard countEnd < word.start else { return false }
        if Self.isDigit(at(countEnd - 1)) { return true }
        if let count = precedingWord(before: word.start), DurationVocabulary.numberWords[count.key] != nil { return true }
        return false
    }

    /// Where a URL starting before `index` ends: at whitespace or a closing bracket or quote.
    func urlEnd(from index: Int) -> Int {
        var end = index
        while end < bytes.count {
            switch bytes[end] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x29, 0x3E, 0x5D, 0x22, 0x27, 0x3C, 0x60, 0x7C: return end
            default: end += 1
            }
        }
        return end
    }

    // MARK: Grammar

    /// The end of a range's upper quantity after `index`: "-5", " – 5", " to 5", " or 5" ("and" after "between").
    func rangeEnd(after index: Int, minimum: Double, allowsAnd: Bool) -> Quantity? {
        let separator = skipSpaces(index)
        var afterSeparator = separator
        let dash = dashLength(at: separator)
        if dash > 0 {
            afterSeparator = separator + dash
        } else if separator > index, let word = word(at: separator),
                  word.key == DurationVocabulary.to || word.key == DurationVocabulary.or
                    || (allowsAnd && word.key == DurationVocabulary.and)
        {
            afterSeparator = word.end
            guard spaceLength(at: afterSeparator) > 0 else { return nil }
        } else {
            return nil
        }
        let start = skipSpaces(afterSeparator)
        guard let upper = quantity(at: start, allowsArticle: false), upper.value >= minimum else { return nil }
        return upper
    }

    /// The unit after a quantity ending at `index`: glued ("4weeks"), hyphenated ("4-week") or after spaces.
    func unitAfterQuantity(endingAt index: Int, allowsGlued: Bool) -> UnitToken? {
        if Self.isLetter(at(index)) {
            return allowsGlued ? unitToken(at: index) : nil
        }
        if at(index) == 0x2D, Self.isLetter(at(index + 1)) {
            return unitToken(at: index + 1)
        }
        let start = skipSpaces(index)
        guard start > index else { return nil }
        return unitToken(at: start)
    }

    /// The end of a rate after a unit ending at `index`: "/week", " per week", " a day", " daily",
    /// and for hours " of focused study per week".
    func rateEnd(after index: Int, unit: DurationUnit) -> Int? {
        var start = skipSpaces(index)
        if at(start) == 0x2F {
            return unitToken(at: skipSpaces(start + 1))?.end
        }
        guard start > index, var word = word(at: start) else { return nil }
        if word.key == DurationVocabulary.of {
            guard unit == .hour else { return nil }
            var found = false
            var end = word.end
            for _ in 0..<4 {
                let next = skipSpaces(end)
                guard next > end, let following = self.word(at: next) else { return nil }
                if DurationVocabulary.rateConnectors.contains(following.key) || DurationVocabulary.rateAdverbs.contains(following.key) {
                    start = next
                    word = following
                    found = true
                    break
                }
                end = following.end
            }
            guard found else { return nil }
        }
        if DurationVocabulary.rateAdverbs.contains(word.key) { return word.end }
        guard DurationVocabulary.rateConnectors.contains(word.key) else { return nil }
        let unitStart = skipSpaces(word.end)
        guard unitStart > word.end, let denominator = unitToken(at: unitStart), denominator.isSingular else { return nil }
        return denominator.end
    }

    /// A duration or rate starting with the quantity at `index`.
    func phrase(at index: Int, allowsAnd: Bool) -> Phrase? {
        guard let first = quantity(at: index, allowsArticle: true) else { return nil }
        let isArticle = first.form == .article
        var end = first.end
        let minimum = first.value
        var maximum = first.value
        var isOpenEnded = false

        if !isArticle {
            if at(end) == 0x2B {
                isOpenEnded = true
                end += 1
            } else if let upper = rangeEnd(after: end, minimum: minimum, allowsAnd: allowsAnd) {
                maximum = upper.value
                end = upper.end
                if at(end) == 0x2B {
                    isOpenEnded = true
                    end += 1
                }
            } else {
                // "2 or more years"
                let orStart = skipSpaces(end)
                if orStart > end, let or = word(at: orStart), or.key == DurationVocabulary.or {
                    let moreStart = skipSpaces(or.end)
                    if moreStart > or.end, let more = word(at: moreStart), more.key == DurationVocabulary.more {
                        isOpenEnded = true
                        end = more.end
                    }
                }
            }
        }

        guard let unit = unitAfterQuantity(endingAt: end, allowsGlued: first.form == .numeral && !isArticle) else {
            return nil
        }
        if isArticle && !unit.isSingular { return nil }
        end = unit.end
        if at(end) == 0x2B {
            isOpenEnded = true
            end += 1
        }

        // What follows the unit may make the phrase a name, a date or a period label.
        let following = skipSpaces(end)
        if following > end {
            if let word = word(at: following) {
                if word.key == DurationVocabulary.ago { return nil }  // "1 week ago"
                if word.key == DurationVocabulary.of, unit.unit == .day { return nil }  // "100 days of code"
                if word.key == DurationVocabulary.inWord, followedByWords([DurationVocabulary.the, DurationVocabulary.life], after: word.end) {
                    return nil  // "a day in the life"
                }
            }
            if isArticle, Self.isDigit(at(following)) { return nil }  // "a Month 1 project"
        }

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
            if at(end) == 0x2B {
                isOpenEnded = true
                end += 1
            }
            if let rate = rateEnd(after: end, unit: upper.unit) {
                kind = .effort
                end = rate
            }
        }

        let value = DurationValue(
            text: String(decoding: bytes[first.start..<end], as: UTF8.self), unit: unit.unit,
            minimum: minimum, maximum: maximum, isOpenEnded: isOpenEnded,
            minWeeks: minimum * unitWeeks, maxWeeks: maxWeeks)
        return Phrase(value: value, kind: kind, start: first.start, end: end)
    }

    /// A second quantity and unit after a unit ending at `index`: " to 1 year", " - 6 weeks".
    func mixedRangeEnd(after index: Int) -> (value: Double, unit: DurationUnit, weeks: Double, end: Int)? {
        let separator = skipSpaces(index)
        var afterSeparator: Int
        let dash = dashLength(at: separator)
        if dash > 0 {
            afterSeparator = separator + dash
        } else if separator > index, let word = word(at: separator), word.key == DurationVocabulary.to {
            afterSeparator = word.end
            guard spaceLength(at: afterSeparator) > 0 else { return nil }
        } else {
            return nil
        }
        afterSeparator = skipSpaces(afterSeparator)
        guard let upper = quantity(at: afterSeparator, allowsArticle: true),
              let unit = unitAfterQuantity(endingAt: upper.end, allowsGlued: upper.form == .numeral),
              upper.form != .article || unit.isSingular else { return nil }
        let next = skipSpaces(unit.end)
        if next > unit.end, let word = word(at: next), word.key == DurationVocabulary.ago { return nil }
        return (upper.value, unit.unit, upper.value * unit.unit.lengthInWeeks, unit.end)
    }

    func followedByWords(_ keys: [UInt64], after index: Int) -> Bool {
        var end = index
        for key in keys {
            let start = skipSpaces(end)
            guard start > end, let word = word(at: start), word.key == key else { return false }
            end = word.end
        }
        return true
    }

    /// The numbers of a period label whose unit word came just before `index`: "2", "1-4", "1 - Day 5", "1 to 3".
    func periodNumbers(at index: Int, unit: DurationUnit) -> (first: Double, last: Double, isRange: Bool, end: Int)? {
        guard let first = ordinalQuantity(at: index) else { return nil }
        var last = first.value
        var end = first.end
        var isRange = false
        let separator = skipSpaces(first.end)
        var afterSeparator = separator
        let dash = dashLength(at: separator)
        if dash > 0 {
            afterSeparator = separator + dash
        } else if separator > first.end, let word = word(at: separator),
                  word.key == DurationVocabulary.to, spaceLength(at: word.end) > 0
        {
            afterSeparator = word.end
        }
        if afterSeparator > separator {
            var start = skipSpaces(afterSeparator)
            if let repeated = unitWord(at: start), repeated.unit == unit {
                let next = skipSpaces(repeated.end)
                if next > repeated.end || Self.isDigit(at(repeated.end)) { start = next }
            }
            // "Month 1 - 2 weeks" is a label followed by a duration, not a range.
            if let second = ordinalQuantity(at: start), second.value >= first.value,
               unitAfterQuantity(endingAt: second.end, allowsGlued: true) == nil
            {
                last = second.value
                end = second.end
                isRange = true
            }
        }
        return (first.value, last, isRange, end)
    }

    /// A period label starting with its unit word at `index`: "Week 2", "Weeks 5–8", "Day 1 - Day 5", "Week1".
    func periodLabel(at index: Int) -> PeriodLabel? {
        guard let unit = unitWord(at: index) else { return nil }
        let numberStart = skipSpaces(unit.end)
        guard numberStart > unit.end || Self.isDigit(at(unit.end)),
              let numbers = periodNumbers(at: numberStart, unit: unit.unit) else { return nil }
        if unit.unit == .year, numbers.first >= 100 { return nil }  // "Year 2024 Review": a date, not a year of study
        return PeriodLabel(
            unit: unit.unit, first: numbers.first, last: numbers.last, isRange: numbers.isRange,
            start: index, end: numbers.end)
    }

    func value(of label: PeriodLabel) -> DurationValue {
        let count = label.last - label.first + 1
        return DurationValue(
            text: String(decoding: bytes[label.start..<label.end], as: UTF8.self), unit: label.unit,
            minimum: count, maximum: count)
    }

    // MARK: Scanning

    /// Every duration and rate in the text, in order.
    func phrases() -> [Phrase] {
        var found: [Phrase] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if Self.isDigit(byte) {
                let tokenEnd = numberTokenEnd(from: index)
                if numeralMayStart(at: index) {
                    switch context(before: index) {
                    case .period(let unit):
                        index = max(tokenEnd, periodNumbers(at: index, unit: unit)?.end ?? tokenEnd)
                        continue
                    case .label:
                        break
                    case .free:
                        if let phrase = phrase(at: index, allowsAnd: precededByBetween(index)) {
                            found.append(phrase)
                            index = phrase.end
                            continue
                        }
                    }
                }
                index = tokenEnd
            } else if Self.isLetter(byte) {
                let end = wordEnd(from: index)
                if at(end) == 0x3A, at(end + 1) == 0x2F, at(end + 2) == 0x2F {
                    index = urlEnd(from: end)  // scheme://…
                    continue
                }
                let length = end - index
                if length <= 6, wordMayStart(at: index), let key = key(index, end) {
                    if length == 3, key == DurationVocabulary.www, at(end) == 0x2E {
                        index = urlEnd(from: end)
                        continue
                    }
                    let isNumberWord = DurationVocabulary.numberWords[key] != nil
                    let isArticle = key == DurationVocabulary.a || key == DurationVocabulary.an || key == DurationVocabulary.half
                    if isNumberWord || isArticle {
                        switch context(before: index) {
                        case .period(let unit):
                            if isNumberWord {
                                index = max(end, periodNumbers(at: index, unit: unit)?.end ?? end)
                                continue
                            }
                        case .label:
                            break
                        case .free:
                            if isArticle && articleIsFrequency(at: index) { break }
                            if let phrase = phrase(at: index, allowsAnd: precededByBetween(index)) {
                                found.append(phrase)
                                index = phrase.end
                                continue
                            }
                        }
                    }
                }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    func precededByBetween(_ index: Int) -> Bool {
        precedingWord(before: index)?.key == DurationVocabulary.between
    }

    /// The phrases with UTF-16 offsets in place of byte offsets.
    func utf16Matches(_ phrases: [Phrase]) -> [DurationMatch] {
        var matches: [DurationMatch] = []
        matches.reserveCapacity(phrases.count)
        var byteIndex = 0
        var utf16Index = 0
        func advance(to target: Int) {
            while byteIndex < target {
                let byte = bytes[byteIndex]
                if byte & 0xC0 != 0x80 { utf16Index += byte >= 0xF0 ? 2 : 1 }
                byteIndex += 1
            }
        }
        for phrase in phrases {
            advance(to: phrase.start)
            let start = utf16Index
            advance(to: phrase.end)
            matches.append(DurationMatch(
                value: phrase.value, kind: phrase.kind, utf16Offset: start, utf16Length: utf16Index - start))
        }
        return matches
    }

    // MARK: Headings and lines

    func headingDuration() -> DurationValue? {
        // "Junior Engineer (0–2 years experience)" states a requirement, not how long the section takes.
        let phrases = phrases().filter { $0.kind == .duration && !isFollowedByExperience($0) }
        var searchFrom = 0
        while let open = bytes[searchFrom...].firstIndex(where: { $0 == 0x28 || $0 == 0x5B }) {
            let closer: UInt8 = bytes[open] == 0x28 ? 0x29 : 0x5D
            guard let close = bytes[(open + 1)...].firstIndex(of: closer) else { break }
            if let label = periodLabel(at: skipSpaces(open + 1)), label.isRange, skipSpaces(label.end) == close {
                return value(of: label)  // "(Day 1 - Day 5)"
            }
            if let phrase = phrases.first(where: { $0.start > open && $0.end <= close }) {
                return phrase.value
            }
            searchFrom = close + 1
        }
        if let last = phrases.last, isTrailing(last) { return last.value }
        return cjkBracketDuration()
    }

    /// Whether "experience" or "of experience" follows a phrase.
    func isFollowedByExperience(_ phrase: Phrase) -> Bool {
        var start = skipSpaces(phrase.end)
        guard start > phrase.end, var word = word(at: start) else { return false }
        if word.key == DurationVocabulary.of {
            start = skipSpaces(word.end)
            guard start > word.end, let next = self.word(at: start) else { return false }
            word = next
        }
        return word.key == DurationVocabulary.experience || word.key == DurationVocabulary.exp
    }

    /// Whether a phrase ends the text and follows a separator (": 8 weeks", " - about 1 Month")
    /// or is the whole text.
    func isTrailing(_ phrase: Phrase) -> Bool {
        var end = phrase.end
        while end < bytes.count, spaceLength(at: end) > 0 || Self.isMarkup(bytes[end]) || bytes[end] == 0x2E {
            end += max(1, spaceLength(at: end))
        }
        guard end >= bytes.count else { return false }
        var start = phrase.start
        func skipBackSpacesAndMarkup() {
            while start > 0, at(start - 1) == 0x20 || at(start - 1) == 0x09 || Self.isMarkup(at(start - 1)) { start -= 1 }
        }
        skipBackSpacesAndMarkup()
        if at(start - 1) == 0x7E {  // ~
            start -= 1
        } else if start >= 3, at(start - 3) == 0xE2, at(start - 2) == 0x89, at(start - 1) == 0x88 {  // ≈
            start -= 3
        } else {
            // "about", "approx.", "est."
            let wordEnd = at(start - 1) == 0x2E ? start - 1 : start
            var wordStart = wordEnd
            while wordStart > 0, Self.isLetter(at(wordStart - 1)) { wordStart -= 1 }
            if let key = key(wordStart, wordEnd), DurationVocabulary.approximators.contains(key) {
                start = wordStart
            } else if isWord(wordStart, wordEnd, "approximately") {
                start = wordStart
            }
        }
        skipBackSpacesAndMarkup()
        if start == 0 { return true }
        switch at(start - 1) {
        case 0x3A, 0x2D, 0x7C, 0x2C: return true  // : - | ,
        default: return longDashEnds(before: start)
        }
    }

    func isWord(_ start: Int, _ end: Int, _ lowercase: String) -> Bool {
        let utf8 = lowercase.utf8
        guard end - start == utf8.count else { return false }
        return zip(bytes[start..<end], utf8).allSatisfy { ($0 | 0x20) == $1 }
    }

    func periodDuration() -> DurationValue? {
        if let value = cjkPeriodDuration() { return value }
        var index = 0
        // The label at the start, after any emoji, markup or spaces.
        while index < bytes.count, !Self.isAlphanumeric(bytes[index]) { index += 1 }
        if let label = periodLabel(at: index) { return value(of: label) }
        // Or one just after an opening bracket or a separator: "Foundations (Months 1–3)".
        while index < bytes.count {
            let byte = bytes[index]
            var after = 0
            switch byte {
            case 0x28, 0x5B, 0x3A, 0x7C, 0x2C: after = index + 1
            default:
                let dash = dashLength(at: index)
                if dash > 0, !Self.isAlphanumeric(at(index - 1)) { after = index + dash }
            }
            if after > 0 {
                var start = skipSpaces(after)
                while Self.isMarkup(at(start)) { start += 1 }
                if let label = periodLabel(at: start) { return value(of: label) }
                index = after
            } else {
                index += 1
            }
        }
        return nil
    }

    // MARK: Chinese, Japanese and Korean

    /// Units written after the number without a space: 4周, 1个月, 3天, 2年, 10小时, 4週間, 3ヶ月, 4주, 6개월.
    static let cjkUnits: [(String, DurationUnit)] = [
        ("周", .week), ("星期", .week), ("週間", .week), ("週", .week), ("주", .week),
        ("个月", .month), ("個月", .month), ("ヶ月", .month), ("か月", .month), ("カ月", .month), ("개월", .month),
        ("天", .day), ("日間", .day), ("일", .day), ("小时", .hour), ("小時", .hour), ("時間", .hour), ("시간", .hour),
        ("年", .year), ("년", .year),
    ]

    func cjkUnit(at index: Int) -> (unit: DurationUnit, end: Int)? {
        for (word, unit) in Self.cjkUnits where hasBytes(word, at: index) { return (unit, index + word.utf8.count) }
        return nil
    }

    func hasBytes(_ text: String, at index: Int) -> Bool {
        var position = index
        for byte in text.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
        }
        return true
    }

    /// "4", "3-4", "3～4", "3至4": a count or range of whole or decimal numbers, and where it ends.
    func cjkNumbers(at index: Int) -> (first: Double, last: Double, end: Int)? {
        guard let first = numeral(at: index) else { return nil }
        let end = skipSpaces(first.end)
        var separator = dashLength(at: end)
        if separator == 0 {
            for word in ["～", "~", "至", "到"] where hasBytes(word, at: end) { separator = word.utf8.count }
        }
        if separator > 0, let second = numeral(at: skipSpaces(end + separator)), second.value >= first.value {
            return (first.value, second.value, second.end)
        }
        return (first.value, first.value, first.end)
    }

    /// A duration in brackets written the Chinese, Japanese or Korean way: "（4周）", "(1个月)",
    /// "（约3-4周）", "（2週間）". Not "（第4版）" or "（2024年）": an ordinal, or a year that is a date.
    func cjkBracketDuration() -> DurationValue? {
        guard bytes.contains(where: { $0 >= 0xE0 }) else { return nil }  // every unit is a CJK character
        var index = 0
        while index < bytes.count {
            var contentStart = -1
            if bytes[index] == 0x28 || bytes[index] == 0x5B { contentStart = index + 1 }
            if hasBytes("（", at: index) { contentStart = index + 3 }
            guard contentStart >= 0 else { index += 1; continue }
            index = contentStart
            var start = skipSpaces(contentStart)
            for hedge in ["大约", "约", "約", "~", "～"] where hasBytes(hedge, at: start) {
                start = skipSpaces(start + hedge.utf8.count)
                break
            }
            guard let numbers = cjkNumbers(at: start) else { continue }
            var end = numbers.end
            let isOpenEnded = at(end) == 0x2B
            if isOpenEnded { end += 1 }
            guard let unit = cjkUnit(at: skipSpaces(end)) else { continue }
            if unit.unit == .year, numbers.last > 10 { continue }
            var close = skipSpaces(unit.end)
            for word in ["左右", "以上", "ほど", "程度", "정도"] where hasBytes(word, at: close) { close = skipSpaces(close + word.utf8.count) }
            guard at(close) == 0x29 || at(close) == 0x5D || hasBytes("）", at: close) else { continue }
            return DurationValue(
                text: String(decoding: bytes[start..<unit.end], as: UTF8.self),
                unit: unit.unit, minimum: numbers.first, maximum: numbers.last, isOpenEnded: isOpenEnded)
        }
        return nil
    }

    /// A period heading written the Chinese way: "第1周：HTML 基础" (1 week), "第3-4周" (2 weeks), "第2个月".
    func cjkPeriodDuration() -> DurationValue? {
        guard bytes.contains(where: { $0 >= 0xE0 }) else { return nil }
        var start = skipSpaces(0)
        while Self.isMarkup(at(start)) { start += 1 }
        guard hasBytes("第", at: start), let numbers = cjkNumbers(at: skipSpaces(start + 3)),
              numbers.first.rounded() == numbers.first, numbers.last.rounded() == numbers.last,
              let unit = cjkUnit(at: skipSpaces(numbers.end)), unit.unit != .year || numbers.last <= 10
        else { return nil }
        let count = numbers.last - numbers.first + 1
        return DurationValue(
            text: String(decoding: bytes[start..<unit.end], as: UTF8.self), unit: unit.unit, minimum: count, maximum: count)
    }

    func labelledDuration() -> DurationValue? {
        guard let colon = bytes.firstIndex(of: 0x3A), colon <= 60, isDurationLabel(before: colon) else { return nil }
        let lineEnd = bytes[colon...].firstIndex(of: 0x0A) ?? bytes.count
        var valueStart = skipSpaces(colon + 1)
        while Self.isMarkup(at(valueStart)) || spaceLength(at: valueStart) > 0 { valueStart += max(1, spaceLength(at: valueStart)) }
        if let label = periodLabel(at: valueStart), label.isRange { return value(of: label) }
        return phrases().first { $0.kind == .duration && $0.start > colon && $0.end <= lineEnd }?.value
    }

    /// Whether the text before `colon` is a duration label: "Duration", "**Estimated Time**", "- Timeline".
    func isDurationLabel(before colon: Int) -> Bool {
        var words = 0
        var hasLabelWord = false
        var index = 0
        while index < colon {
            if Self.isLetter(bytes[index]) {
                let end = min(wordEnd(from: index), colon)
                words += 1
                if let key = key(index, end), DurationVocabulary.durationLabelWords.contains(key) { hasLabelWord = true }
                index = end
            } else {
                if bytes[index] == 0x2F || bytes[index] == 0x0A { return false }
                index += 1
            }
        }
        return hasLabelWord && words <= 5
    }
}
