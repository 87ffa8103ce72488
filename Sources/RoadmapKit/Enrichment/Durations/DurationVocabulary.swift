/// The words the duration grammar knows, as data. English words are lowercase; the tokenizer
/// lowercases the text's ASCII letters before looking them up.
///
/// The grammar's own little words ("to", "or", "ago", "of", "between") are written where the
/// grammar uses them; the lists here are the open classes a new language or a new spelling extends.
enum DurationVocabulary {
    /// A unit word: which unit, and whether the form is singular ("a week" but not "a weeks").
    struct UnitWord: Sendable, Equatable {
        var unit: DurationUnit
        var isSingular: Bool

        static func singular(_ unit: DurationUnit) -> UnitWord { UnitWord(unit: unit, isSingular: true) }
        static func plural(_ unit: DurationUnit) -> UnitWord { UnitWord(unit: unit, isSingular: false) }
    }

    /// English unit words, with their abbreviations.
    static let unitWords: [String: UnitWord] = [
        "hour": .singular(.hour), "hr": .singular(.hour), "hours": .plural(.hour), "hrs": .plural(.hour),
        "day": .singular(.day), "days": .plural(.day),
        "week": .singular(.week), "wk": .singular(.week), "weeks": .plural(.week), "wks": .plural(.week),
        "month": .singular(.month), "mo": .singular(.month), "mth": .singular(.month),
        "months": .plural(.month), "mos": .plural(.month), "mths": .plural(.month),
        "year": .singular(.year), "yr": .singular(.year), "years": .plural(.year), "yrs": .plural(.year),
    ]

    /// Numbers written as words.
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    /// Words after which a number is a name's ordinal or version, not a quantity: "Phase 1", "Python 3".
    static let labelWords: Set<String> = [
        "phase", "stage", "step", "part", "module", "level", "lvl", "chapter", "ch", "section", "lesson",
        "unit", "sprint", "milestone", "version", "ver", "tier", "round", "session", "track", "block",
        "quarter", "semester", "term", "grade", "class", "lab", "project", "assignment", "exercise", "task",
        "episode", "ep", "season", "video", "item", "page", "rank", "top", "best", "release", "iteration",
        "cohort", "batch", "group", "course", "book", "volume", "vol", "no", "number", "figure", "fig",
        "table", "question", "problem", "challenge", "python", "java", "angular", "vue", "react", "node",
        "html", "css", "windows", "ios", "android", "ubuntu", "php", "swift", "kotlin", "rails", "django",
        "bootstrap", "ecmascript", "es", "oauth", "http", "web", "gpt", "office", "excel", "net", "dotnet",
    ]

    /// Words after which "a week" is a frequency or a price's period, not a span: "twice a week", "USD a month".
    static let frequencyWords: Set<String> = [
        "once", "twice", "thrice", "times", "per", "half", "usd", "eur", "gbp", "inr", "dollars", "euros", "bucks",
    ]

    /// Words that make the unit before them a rate: "10 hours per week", "1 hour a day".
    static let rateConnectors: Set<String> = ["per", "a", "an", "each", "every"]

    /// Adverbs that make the unit before them a rate: "2 hours daily".
    static let rateAdverbs: Set<String> = ["weekly", "daily", "monthly", "yearly", "annually", "nightly"]

    /// Hedges that may stand between a heading's separator and its duration: "- about 8 weeks".
    static let approximators: Set<String> = [
        "about", "around", "approx", "approximately", "roughly", "est", "estimated", "circa", "ca", "nearly", "almost",
    ]

    /// Words that make a line's label a duration label: "Duration", "Time", "Timeline".
    static let durationLabelWords: Set<String> = [
        "duration", "time", "timeline", "timeframe", "timespan", "length", "period", "eta",
    ]

    // MARK: Chinese, Japanese and Korean

    /// Units written after the number without a space: 4周, 1个月, 3天, 2年, 10小时, 4週間, 3ヶ月, 4주, 6개월.
    static let cjkUnits: [String: DurationUnit] = [
        "周": .week, "星期": .week, "週間": .week, "週": .week, "주": .week,
        "个月": .month, "個月": .month, "ヶ月": .month, "か月": .month, "カ月": .month, "개월": .month,
        "天": .day, "日間": .day, "일": .day,
        "小时": .hour, "小時": .hour, "時間": .hour, "시간": .hour,
        "年": .year, "년": .year,
    ]

    /// Hedges before a bracketed number: "（约3-4周）", "（大约2个月）". The ASCII "~" counts too.
    static let cjkApproximators: Set<String> = ["大约", "约", "約", "～"]

    /// Words between two numbers of a range, besides dashes: "3～4周", "3至4周". The ASCII "~" counts too.
    static let cjkRangeSeparators: Set<String> = ["～", "至", "到"]

    /// Hedges after the unit, checked in this order: "（10天左右）", "（2年以上）".
    static let cjkUnitSuffixes: [String] = ["左右", "以上", "ほど", "程度", "정도"]

    /// The ordinal prefix of a period heading: "第1周" (week 1).
    static let cjkOrdinalPrefix = "第"

    /// Every word above written in Chinese, Japanese or Korean, as the tokenizer finds them.
    static let cjkWords: Set<String> = Set(cjkUnits.keys)
        .union(cjkApproximators).union(cjkRangeSeparators).union(cjkUnitSuffixes).union([cjkOrdinalPrefix])
}
