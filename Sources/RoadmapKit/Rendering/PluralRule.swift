/// A plural category of the Unicode CLDR: which form of a counted word a language uses.
enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case zero, one, two, few, many, other
}

/// How a language chooses the form of a counted word for a whole number, after the Unicode
/// CLDR's plural rules (integers only: counts on the site are whole numbers).
enum PluralRule: Sendable, Hashable {
    /// One form for every number: Chinese, Japanese, Korean, Vietnamese, Thai, Indonesian, Malay.
    case none
    /// `one` for 1, `other` for the rest: English, Spanish, German, Italian, Dutch, the
    /// Scandinavian languages, Greek, Hungarian, Turkish, Bulgarian, Catalan; and any language
    /// not listed here.
    case oneOther
    /// `one` for 0 and 1: French, Portuguese (Brazil), Hindi.
    case zeroOneOther
    /// `one`, `few`, `many` by the last digits: Russian, Ukrainian, Belarusian.
    case eastSlavic
    /// `one` for 1, `few` for 2–4 (not 12–14), `many` for the rest: Polish.
    case polish
    /// `one` for 1, `few` for 2–4, `other` for the rest: Czech, Slovak.
    case czech

    /// The rule of a BCP 47 language tag (`zh`, `zh-Hans`, `es-MX`), by its language subtag.
    static func of(language tag: String) -> PluralRule {
        switch baseLanguage(tag) {
        case "zh", "ja", "ko", "vi", "th", "id", "ms", "lo", "my", "km": return .none
        case "fr", "hi", "bn": return .zeroOneOther
        case "pt": return tag.lowercased().hasPrefix("pt-pt") ? .oneOther : .zeroOneOther
        case "ru", "uk", "be": return .eastSlavic
        case "pl": return .polish
        case "cs", "sk": return .czech
        default: return .oneOther
        }
    }

    /// The category of `count`.
    func category(_ count: Int) -> PluralCategory {
        let n = abs(count)
        let (last, lastTwo) = (n % 10, n % 100)
        switch self {
        case .none: return .other
        case .oneOther: return n == 1 ? .one : .other
        case .zeroOneOther: return n <= 1 ? .one : .other
        case .eastSlavic:
            if last == 1, lastTwo != 11 { return .one }
            if (2...4).contains(last), !(12...14).contains(lastTwo) { return .few }
            return .many
        case .polish:
            if n == 1 { return .one }
            if (2...4).contains(last), !(12...14).contains(lastTwo) { return .few }
            return .many
        case .czech:
            if n == 1 { return .one }
            return (2...4).contains(n) ? .few : .other
        }
    }

    /// The language subtag of a BCP 47 tag: `zh` for `zh-Hans-CN`.
    static func baseLanguage(_ tag: String) -> String {
        tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? tag
    }
}
