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

/// Reads the durations a career roadmap states: "(4-5 months)", "8 weeks", "2+ years",
/// "6 months to 1 year", "six weeks", "a month", and tells effort rates ("6-10 hours/week") apart.
///
/// The text is cut into tokens (``DurationTokenizer``), which a grammar reads (``DurationGrammar``)
/// with the words of ``DurationVocabulary``.
public struct DurationParser: Sendable {
    /// A parser; it holds no state.
    public init() {}

    /// Every duration (and effort rate) a human would read in `text`, in order.
    ///
    /// Period labels ("Month 1", "Weeks 5–8", "Day 1 - Day 5") are not reported: they name a
    /// point in a schedule; ``periodDuration(_:)`` and ``headingDuration(_:)`` read them.
    public func matches(in text: String) -> [DurationMatch] {
        let grammar = DurationGrammar(text)
        return grammar.utf16Matches(grammar.phrases())
    }

    /// The duration stated by a heading's text: a parenthesised duration `(4-5 months)`, a trailing
    /// ` - 1 Month` / `: 8 weeks`, a `(Day 1 - Day 5)` span (= 5 days), or nil. Effort rates never count.
    ///
    /// Square brackets count as parentheses; a heading that is only a duration ("8 Weeks") states it;
    /// an experience requirement ("(2+ years experience)") does not.
    public func headingDuration(_ heading: String) -> DurationValue? {
        DurationGrammar(heading).headingDuration()
    }

    /// The duration a period heading implies: "Month 1", "Week 2", "Day 3", "Year 1",
    /// "Month 1-2" ( = 2 months), "Weeks 3–4" (= 2 weeks); nil otherwise.
    public func periodDuration(_ heading: String) -> DurationValue? {
        DurationGrammar(heading).periodDuration()
    }

    /// The duration a heading states wherever it stands: ``headingDuration(_:)``'s, else the first
    /// anywhere in it ("Learn SQL in 3 weeks", "2 weeks of Git"). An experience requirement
    /// ("5 years of experience") or an effort rate never counts.
    public func durationAnywhere(_ heading: String) -> DurationValue? {
        DurationGrammar(heading).durationAnywhere()
    }

    /// The period a line opens with: "Day 12 > Containers" (1 day), "Weeks 3-4: Trees" (2 weeks),
    /// marks before the first word skipped ("[✔️] Day 1 > Introduction"); nil otherwise. A list of
    /// such lines is a dated list, each line one period of a schedule.
    public func leadingPeriod(_ line: String) -> DurationValue? {
        DurationGrammar(line).leadingPeriodDuration()
    }

    /// The value of a `**Duration**: 4 weeks` / `Duration: 4 weeks` / `Time: 2-3 months` /
    /// `Timeline: ...` bullet or line (plain text after markup is removed: "Duration: 4 weeks"), or nil.
    public func labelledDuration(_ line: String) -> DurationValue? {
        DurationGrammar(line).labelledDuration()
    }
}

extension DurationGrammar {
    /// The phrases with UTF-16 offsets in the text.
    func utf16Matches(_ phrases: [Phrase]) -> [DurationMatch] {
        func utf16Offset(ofToken index: Int) -> Int {
            let byteOffset = index < tokens.count ? tokens[index].start : utf8.count
            return String(decoding: utf8[..<byteOffset], as: UTF8.self).utf16.count
        }
        return phrases.map { phrase in
            let start = utf16Offset(ofToken: phrase.start)
            let end = utf16Offset(ofToken: phrase.end)
            return DurationMatch(value: phrase.value, kind: phrase.kind, utf16Offset: start, utf16Length: end - start)
        }
    }
}
