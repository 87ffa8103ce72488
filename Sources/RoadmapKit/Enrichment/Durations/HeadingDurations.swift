/// Where a heading or a labelled line states its duration: in brackets ("DevOps Essentials (8 weeks)"),
/// after a separator at its end ("Kubernetes - about 6 weeks"), or after a label ("Duration: 4 weeks").
extension DurationGrammar {
    /// The duration a heading states; see ``DurationParser/headingDuration(_:)``.
    func headingDuration() -> DurationValue? {
        // "Junior Engineer (0–2 years experience)" states a requirement, not how long the section takes.
        let phrases = phrases().filter { $0.kind == .duration && !isFollowedByExperience($0) }
        var searchFrom = 0
        while let open = tokens.indices[searchFrom...].first(where: { isSymbol("(", at: $0) || isSymbol("[", at: $0) }) {
            let closer: Unicode.Scalar = isSymbol("(", at: open) ? ")" : "]"
            guard let close = tokens.indices[(open + 1)...].first(where: { isSymbol(closer, at: $0) }) else { break }
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

    /// The duration a heading states, else the first one anywhere in its text ("Learn SQL in 3
    /// weeks"), an experience requirement left out; see ``DurationParser/durationAnywhere(_:)``.
    func durationAnywhere() -> DurationValue? {
        headingDuration() ?? phrases().first { $0.kind == .duration && !isFollowedByExperience($0) }?.value
    }

    /// Whether "experience" or "of experience" follows a phrase.
    func isFollowedByExperience(_ phrase: Phrase) -> Bool {
        var start = skipSpaces(phrase.end)
        guard start > phrase.end, var word = word(at: start) else { return false }
        if word == "of" {
            let ofEnd = start + 1
            start = skipSpaces(ofEnd)
            guard start > ofEnd, let next = self.word(at: start) else { return false }
            word = next
        }
        return word == "experience" || word == "exp"
    }

    /// Whether a phrase ends the text and follows a separator (": 8 weeks", " - about 1 Month")
    /// or is the whole text.
    func isTrailing(_ phrase: Phrase) -> Bool {
        var end = phrase.end
        while isSpace(at: end) || isMarkup(at: end) || isSymbol(".", at: end) { end += 1 }
        guard end >= tokens.count else { return false }
        var start = phrase.start
        func skipBackSpacesAndMarkup() {
            while isPlainSpace(at: start - 1) || isMarkup(at: start - 1) { start -= 1 }
        }
        skipBackSpacesAndMarkup()
        if isSymbol("~", at: start - 1) || isSymbol("≈", at: start - 1) {
            start -= 1
        } else {
            // "about", "approx.", "est."
            let wordEnd = isSymbol(".", at: start - 1) ? start - 1 : start
            if case .word(let word)? = kind(at: wordEnd - 1), DurationVocabulary.approximators.contains(word) {
                start = wordEnd - 1
            }
        }
        skipBackSpacesAndMarkup()
        switch kind(at: start - 1) {
        case nil: return true
        case .symbol(":")?, .symbol("|")?, .symbol(",")?, .dash("-")?, .dash("–")?, .dash("—")?: return true
        default: return false
        }
    }

    /// The duration a `Duration: 4 weeks` line states; see ``DurationParser/labelledDuration(_:)``.
    func labelledDuration() -> DurationValue? {
        guard let colon = tokens.indices.first(where: { isSymbol(":", at: $0) }),
              tokens[colon].start <= 60, isDurationLabel(before: colon) else { return nil }
        let lineEnd = tokens.indices[colon...].first(where: { isSymbol("\n", at: $0) }) ?? tokens.count
        let valueStart = skipSpacesAndMarkup(colon + 1)
        if let label = periodLabel(at: valueStart), label.isRange { return value(of: label) }
        return phrases().first { $0.kind == .duration && $0.start > colon && $0.end <= lineEnd }?.value
    }

    /// Whether the text before `colon` is a duration label of at most five words: "Duration",
    /// "**Estimated Time**", "- Timeline".
    func isDurationLabel(before colon: Int) -> Bool {
        var words = 0
        var hasLabelWord = false
        for index in 0..<colon {
            if case .word = tokens[index].kind {
                words += 1
                if let word = word(at: index), DurationVocabulary.durationLabelWords.contains(word) { hasLabelWord = true }
            } else if isSymbol("/", at: index) || isSymbol("\n", at: index) {
                return false
            }
        }
        return hasLabelWord && words <= 5
    }
}
