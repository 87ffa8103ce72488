/// One piece of a text as the duration grammar reads it, and where it stands.
struct DurationToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A decimal number: "4", "1.5", "10,000".
        case number(Double)
        /// Digits that are no quantity: a version such as "3.11.2", or a number over
        /// ``DurationTokenizer/largestQuantity``.
        case version
        /// A run of ASCII letters, lowercased: "weeks", "six", "to".
        case word(String)
        /// A word of the Chinese, Japanese and Korean vocabulary: "周", "个月", "约", "第".
        case cjkWord(String)
        /// One space: a space, tab, no-break, thin, hair or narrow no-break space.
        case space(Unicode.Scalar)
        /// One dash: a hyphen-minus, hyphen, figure dash, en dash, em dash, horizontal bar or minus sign.
        case dash(Unicode.Scalar)
        /// Any other character: "(", "+", "/", "（", "€", a line break, one scalar of an emoji.
        case symbol(Unicode.Scalar)
    }

    var kind: Kind
    /// Where the token starts in the text's UTF-8 bytes.
    var start: Int
    /// Where the next token starts.
    var end: Int
}

/// Cuts a text into ``DurationToken``s. Every byte belongs to one token, so two tokens are
/// adjacent in the text exactly when they are adjacent in the list.
enum DurationTokenizer {
    static func tokens(of utf8: [UInt8]) -> [DurationToken] {
        var tokens: [DurationToken] = []
        tokens.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            let (kind, end) = token(in: utf8, at: index)
            tokens.append(DurationToken(kind: kind, start: index, end: end))
            index = end
        }
        return tokens
    }

    /// The token starting at byte `index`, and where it ends.
    static func token(in utf8: [UInt8], at index: Int) -> (DurationToken.Kind, end: Int) {
        if isDigit(utf8[index]) { return number(in: utf8, at: index) }
        if isLetter(utf8[index]) {
            var end = index
            while end < utf8.count, isLetter(utf8[end]) { end += 1 }
            return (.word(String(decoding: utf8[index..<end], as: UTF8.self).lowercased()), end)
        }
        let (scalar, end) = self.scalar(in: utf8, at: index)
        switch scalar {
        case " ", "\t", "\u{00A0}", "\u{2009}", "\u{200A}", "\u{202F}":
            return (.space(scalar), end)
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "–", "—", "―", "−":
            return (.dash(scalar), end)
        default:
            if !scalar.isASCII, let word = cjkWordsByFirstScalar[scalar]?.first(where: { utf8[index...].starts(with: $0) }) {
                return (.cjkWord(String(decoding: word, as: UTF8.self)), index + word.count)
            }
            return (.symbol(scalar), end)
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// The Unicode scalar starting at byte `index`, and where it ends.
    static func scalar(in utf8: [UInt8], at index: Int) -> (Unicode.Scalar, end: Int) {
        guard utf8[index] >= 0x80 else { return (Unicode.Scalar(utf8[index]), index + 1) }
        var end = index + 1
        while end < utf8.count, UTF8.isContinuation(utf8[end]) { end += 1 }
        let scalar = String(decoding: utf8[index..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        return (scalar, end)
    }

    /// The largest number read as a quantity. A larger one states no span a roadmap could mean
    /// (a million years is 52 million weeks), and its weeks would not fit the integers a page
    /// shows them in: "(1 7777…7 months)", 117 digits, stopped the build (found by make fuzz).
    static let largestQuantity = 1_000_000.0

    /// The number starting at byte `index` and where it ends: digits, then groups of three after
    /// commas when the first group has at most three digits ("10,000"), then decimals ("1.5").
    /// Digits, points and commas that go on as a version ("3.11.2"), and a number over
    /// ``largestQuantity``, are one `.version` token.
    static func number(in utf8: [UInt8], at index: Int) -> (DurationToken.Kind, end: Int) {
        func digit(_ position: Int) -> Double? {
            position < utf8.count && isDigit(utf8[position]) ? Double(utf8[position] - UInt8(ascii: "0")) : nil
        }
        func isByte(_ character: Unicode.Scalar, at position: Int) -> Bool {
            position >= 0 && position < utf8.count && utf8[position] == UInt8(ascii: character)
        }
        var end = index
        var value = 0.0
        while let digit = digit(end) {
            value = value * 10 + digit
            end += 1
        }
        while end - index <= 3 || isByte(",", at: end - 4), isByte(",", at: end),
              let hundreds = digit(end + 1), let tens = digit(end + 2), let ones = digit(end + 3), digit(end + 4) == nil
        {
            value = ((value * 10 + hundreds) * 10 + tens) * 10 + ones
            end += 4
        }
        if isByte(".", at: end), digit(end + 1) != nil {
            end += 1
            var scale = 0.1
            while let digit = digit(end) {
                value += digit * scale
                scale /= 10
                end += 1
            }
            if isByte(".", at: end), digit(end + 1) != nil {
                while digit(end) != nil || ((isByte(".", at: end) || isByte(",", at: end)) && digit(end + 1) != nil) {
                    end += 1
                }
                return (.version, end)
            }
        }
        return (value <= largestQuantity ? .number(value) : .version, end)
    }

    /// The UTF-8 bytes of the CJK vocabulary by first scalar, longest word first.
    static let cjkWordsByFirstScalar: [Unicode.Scalar: [[UInt8]]] = Dictionary(
        grouping: DurationVocabulary.cjkWords.sorted { $0.utf8.count > $1.utf8.count }.map { Array($0.utf8) },
        by: { scalar(in: $0, at: 0).0 })
}
