/// The duration grammar over one text's tokens. Positions are token indices; a position before
/// the first token or after the last reads as nothing.
///
/// The rules live in extensions: phrases in running text (`DurationPhrases.swift`), period labels
/// such as "Week 2" (`PeriodLabels.swift`), headings and labelled lines (`HeadingDurations.swift`),
/// and durations written in Chinese, Japanese or Korean (`CJKDurations.swift`).
struct DurationGrammar: Sendable {
    let utf8: [UInt8]
    let tokens: [DurationToken]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        tokens = DurationTokenizer.tokens(of: utf8)
    }

    /// The source text of the tokens from `start` up to `end`.
    func text(from start: Int, to end: Int) -> String {
        String(decoding: utf8[tokens[start].start..<tokens[end - 1].end], as: UTF8.self)
    }

    // MARK: Reading tokens

    func kind(at index: Int) -> DurationToken.Kind? {
        index >= 0 && index < tokens.count ? tokens[index].kind : nil
    }

    /// The lowercased word at `index`.
    func word(at index: Int) -> String? {
        guard case .word(let word)? = kind(at: index) else { return nil }
        return word
    }

    func number(at index: Int) -> Double? {
        guard case .number(let value)? = kind(at: index) else { return nil }
        return value
    }

    func isSymbol(_ symbol: Unicode.Scalar, at index: Int) -> Bool { kind(at: index) == .symbol(symbol) }

    func isWord(at index: Int) -> Bool {
        if case .word? = kind(at: index) { return true }
        return false
    }

    /// Whether the token at `index` is digits: a number or a version.
    func isDigits(at index: Int) -> Bool {
        switch kind(at: index) {
        case .number?, .version?: return true
        default: return false
        }
    }

    func isAlphanumeric(at index: Int) -> Bool { isWord(at: index) || isDigits(at: index) }

    func isSpace(at index: Int) -> Bool {
        if case .space? = kind(at: index) { return true }
        return false
    }

    /// Whether the token at `index` is an ASCII space or tab, the only spaces some rules look back over.
    func isPlainSpace(at index: Int) -> Bool { kind(at: index) == .space(" ") || kind(at: index) == .space("\t") }

    func isDash(at index: Int) -> Bool {
        if case .dash? = kind(at: index) { return true }
        return false
    }

    /// The ASCII hyphen-minus, the dash that joins words ("4-week", "year-long").
    func isHyphen(at index: Int) -> Bool { kind(at: index) == .dash("-") }

    /// Markdown emphasis or code marks left in plain text: `*`, `_`, a backquote.
    func isMarkup(at index: Int) -> Bool { isSymbol("*", at: index) || isSymbol("_", at: index) || isSymbol("`", at: index) }

    /// The first position at or after `index` that is not a space.
    func skipSpaces(_ index: Int) -> Int {
        var position = index
        while isSpace(at: position) { position += 1 }
        return position
    }

    /// The first position at or after `index` that is neither a space nor markup.
    func skipSpacesAndMarkup(_ index: Int) -> Int {
        var position = index
        while isSpace(at: position) || isMarkup(at: position) { position += 1 }
        return position
    }

    /// The end of a range separator after `index`: a dash, or one of `words` followed by a space.
    func rangeSeparatorEnd(after index: Int, words: Set<String>) -> Int? {
        let separator = skipSpaces(index)
        if isDash(at: separator) { return separator + 1 }
        guard separator > index, let word = word(at: separator), words.contains(word), isSpace(at: separator + 1) else {
            return nil
        }
        return separator + 1
    }

    /// Whether the words `words` follow `index`, each after spaces.
    func followedByWords(_ words: [String], after index: Int) -> Bool {
        var end = index
        for expected in words {
            let start = skipSpaces(end)
            guard start > end, word(at: start) == expected else { return false }
            end = start + 1
        }
        return true
    }
}
