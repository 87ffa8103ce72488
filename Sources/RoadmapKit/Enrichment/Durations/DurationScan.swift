/// Finding the phrases of running text: which numbers and words may start one, read left to right.
extension DurationGrammar {
    /// Where a number stands: free, after a unit word ("Week 2"), or after a name ("Phase 2").
    enum StartContext: Sendable {
        case free
        case period(DurationUnit)
        case label
    }

    /// Every duration and rate in the text, in order.
    func phrases() -> [Phrase] {
        var found: [Phrase] = []
        var index = 0
        while index < tokens.count {
            var next = index + 1
            switch tokens[index].kind {
            case .number, .version:
                if numeralMayStart(at: index) { next = afterQuantity(at: index, isArticle: false, found: &found) }
            case .word(let word):
                if isSymbol(":", at: index + 1), isSymbol("/", at: index + 2), isSymbol("/", at: index + 3) {
                    next = urlEnd(from: index + 1)  // scheme://…
                } else if wordMayStart(at: index) {
                    if word == "www", isSymbol(".", at: index + 1) {
                        next = urlEnd(from: index + 1)
                    } else if DurationVocabulary.numberWords[word] != nil {
                        next = afterQuantity(at: index, isArticle: false, found: &found)
                    } else if word == "a" || word == "an" || word == "half" {
                        next = afterQuantity(at: index, isArticle: true, found: &found)
                    }
                }
            default:
                break
            }
            index = next
        }
        return found
    }

    /// Where the scan goes on after a number, number word or article at `index`: past the phrase
    /// it starts (added to `found`), past a period label's numbers ("Week 2-3"), or to the next token.
    private func afterQuantity(at index: Int, isArticle: Bool, found: inout [Phrase]) -> Int {
        switch context(before: index) {
        case .period(let unit):
            if !isArticle { return max(index + 1, periodNumbers(at: index, unit: unit)?.end ?? index + 1) }
        case .label:
            break
        case .free:
            if isArticle && articleIsFrequency(at: index) { break }
            let between = precedingWord(before: index).flatMap(word(at:)) == "between"
            if let phrase = phrase(at: index, allowsAnd: between) {
                found.append(phrase)
                return phrase.end
            }
        }
        return index + 1
    }

    /// Where a URL starting before `index` ends: at an ASCII space or tab, a line break, or a
    /// closing bracket or quote.
    func urlEnd(from index: Int) -> Int {
        var end = index
        while end < tokens.count, !isPlainSpace(at: end), !Self.urlEnds.contains(where: { isSymbol($0, at: end) }) {
            end += 1
        }
        return end
    }

    static let urlEnds: [Unicode.Scalar] = ["\n", "\r", ")", ">", "]", "\"", "'", "<", "`", "|"]

    // MARK: What comes before

    /// The word just before `index`, after ASCII spaces or tabs only, and not glued to a number.
    func precedingWord(before index: Int) -> Int? {
        var end = index
        while isPlainSpace(at: end - 1) { end -= 1 }
        guard word(at: end - 1) != nil, !isDigits(at: end - 2) else { return nil }
        return end - 1
    }

    func context(before index: Int) -> StartContext {
        guard let word = precedingWord(before: index).flatMap(word(at:)) else { return .free }
        if let unit = DurationVocabulary.unitWords[word] { return .period(unit.unit) }
        if DurationVocabulary.labelWords.contains(word) { return .label }
        return .free
    }

    /// Whether a number at `index` can start a quantity: not "ES6", "3.11", "in-4-weeks", "24/7", "$49", "#100".
    func numeralMayStart(at index: Int) -> Bool {
        switch kind(at: index - 1) {
        case nil: return true
        case .word?, .number?, .version?: return false
        case .dash("-")?: return !isAlphanumeric(at: index - 2)
        case .symbol(let symbol)?:
            switch symbol {
            case ".", "$", "#", "@", "€", "£": return false
            case "_", "/", ",", "\\": return !isAlphanumeric(at: index - 2)
            default: return true
            }
        default: return true
        }
    }

    /// Whether a word at `index` can start a quantity: not glued to a word before it ("day-one").
    func wordMayStart(at index: Int) -> Bool {
        switch kind(at: index - 1) {
        case .word?, .number?, .version?: return false
        case .dash("-")?, .symbol("_")?, .symbol("/")?, .symbol("'")?: return !isAlphanumeric(at: index - 2)
        default: return true
        }
    }

    /// Whether "a"/"an"/"half a" at `index` is a frequency or price ("twice a week", "$59 a month", "hours a week").
    func articleIsFrequency(at index: Int) -> Bool {
        var end = index
        while isPlainSpace(at: end - 1) { end -= 1 }
        if isWord(at: end - 1) ? isDigits(at: end - 2) : isDigits(at: end - 1) { return true }  // "2x a week", "$59 a month"
        guard let wordIndex = precedingWord(before: index), let word = word(at: wordIndex) else { return false }
        if DurationVocabulary.frequencyWords.contains(word) || DurationVocabulary.unitWords[word] != nil { return true }
        // "30 minutes a day", "two problems a week": a counted noun before it makes a rate.
        guard isPlainSpace(at: wordIndex - 1) else { return false }
        var countEnd = wordIndex
        while isPlainSpace(at: countEnd - 1) { countEnd -= 1 }
        if isDigits(at: countEnd - 1) { return true }
        guard let count = precedingWord(before: wordIndex).flatMap(word(at:)) else { return false }
        return DurationVocabulary.numberWords[count] != nil
    }
}
