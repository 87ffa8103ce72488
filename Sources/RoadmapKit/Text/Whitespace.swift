/// Whitespace: trimmed from the ends, squeezed between words.
///
/// Trimming is done here rather than by Foundation's `trimmingCharacters(in:)`, which bridges
/// through NSString and costs about 14,000 instructions a call on Linux; the model builder trims
/// every list item. The sets are Foundation's: `.whitespaces` is Unicode category Zs plus tab;
/// `.whitespacesAndNewlines` adds categories Zl and Zp, U+000A–U+000D and U+0085.
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`.
    func trimmingSpaces() -> String { trimmed(newlines: false) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingWhitespace() -> String { trimmed(newlines: true) }

    private func trimmed(newlines: Bool) -> String {
        (self as? String ?? String(self)).trimming { Self.isTrimmed($0, newlines: newlines) }
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D, 0x85: return newlines
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator: return true
            case .lineSeparator, .paragraphSeparator: return newlines
            default: return false
            }
        }
    }
}

extension String {
    /// `trimmingCharacters(in: CharacterSet(charactersIn: characters))`: the Unicode scalars of
    /// `characters` removed from both ends.
    func trimmingScalars(in characters: String) -> String {
        let set = characters.unicodeScalars
        return trimming { set.contains($0) }
    }

    /// The text without the scalars at either end for which `isTrimmed` is true.
    @inline(__always)
    fileprivate func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard isTrimmed(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex, end == scalars.endIndex { return self }
        return String(self[start..<end])
    }

    /// Which characters separate the words ``squeezingWhitespace(_:)`` keeps.
    enum WhitespaceRule {
        /// Every whitespace scalar (Unicode's White_Space property), a no-break space among
        /// them: the rule for running text.
        case unicode
        /// ASCII whitespace only (space, tab, line feed, vertical tab, form feed, carriage
        /// return): the rule for titles, where a no-break or ideographic space is the author's
        /// choice and is kept.
        case ascii

        func separates(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return UInt8(scalar.value).isASCIIWhitespace }
            return self == .unicode && scalar.properties.isWhitespace
        }
    }

    /// Runs of whitespace as one space, none at either end.
    ///
    /// Done on the UTF-8 bytes, which are checked first and copied a word at a time, not split
    /// into `Character`s: `split(whereSeparator: \.isWhitespace)` took 544 million instructions
    /// on the 100-roadmap corpus (callgrind), this 51 million.
    func squeezingWhitespace(_ rule: WhitespaceRule = .unicode) -> String {
        withUTF8Bytes { bytes in
            // Most text needs no change. Its bytes say so when no whitespace is beyond ASCII:
            // in ASCII text, and under the ASCII rule.
            let ascii = isAllASCII
            if rule == .ascii || ascii, Self.isSqueezed(bytes) { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var wordStart: Int?
            var offset = 0
            func next(isSeparator: Bool, width: Int) {
                if isSeparator, let start = wordStart {
                    if !out.isEmpty { out.append(0x20) }
                    out.append(contentsOf: bytes[start..<offset])
                    wordStart = nil
                } else if !isSeparator, wordStart == nil {
                    wordStart = offset
                }
                offset += width
            }
            if ascii {
                for byte in bytes { next(isSeparator: byte.isASCIIWhitespace, width: 1) }
            } else {
                for scalar in unicodeScalars { next(isSeparator: rule.separates(scalar), width: UTF8.width(scalar)) }
            }
            next(isSeparator: true, width: 0)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the bytes hold no ASCII whitespace but single spaces between words.
    private static func isSqueezed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0x20  // a space at the start is one to remove
        for byte in bytes {
            if byte.isASCIIWhitespace, byte != 0x20 || previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// The text without zero-width and formatting characters (Unicode category Cf, variation
    /// selectors), control characters as spaces.
    func removingFormatCharacters() -> String {
        if isAllASCII {
            // ASCII has no formatting character; its control characters are 0x00–0x1F and 0x7F.
            // (Scalar by scalar, with a property look-up each, resource titles took 283 million
            // instructions on the 100-roadmap corpus, rather than 7 million.)
            func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }
            guard withUTF8Bytes({ $0.contains(where: isControl) }) else { return self }
            return String(decoding: utf8.map { isControl($0) ? 0x20 : $0 }, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .format || (0xFE00...0xFE0F).contains(scalar.value) { continue }
            out.append(category == .control ? " " : scalar)
        }
        return String(out)
    }
}
