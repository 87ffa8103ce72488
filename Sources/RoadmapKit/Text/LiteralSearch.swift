import Foundation

/// Literal (code unit by code unit) substring search and trimming by a set of characters,
/// without Foundation's trips through NSString: `range(of:)` and
/// `trimmingCharacters(in: CharacterSet(charactersIn:))` cost thousands of instructions a call on
/// Linux, and resource extraction calls them for every list item and link.
extension String {
    /// The first occurrence of `other`, as Foundation's `range(of:)` finds it with no options;
    /// `""` is never found. With `lower`, the search starts there, as `range(of:range:)` with
    /// `lower..<endIndex` does. Foundation compares canonically equivalent text as equal, so a
    /// needle with characters that have decompositions, and a match followed by a combining mark,
    /// are left to Foundation; every other match is the code-unit match found here.
    func literalRange(of other: String, from lower: String.Index? = nil) -> Range<String.Index>? {
        guard other.unicodeScalars.allSatisfy({ $0.value < 0x80 || (0x2000...0x206F).contains($0.value)
            || (0x4E00...0x9FFF).contains($0.value) })
        else {
            // ASCII text holds no other character, in any form (decomposed ones have non-ASCII marks).
            if isAllASCII { return nil }
            return range(of: other, range: (lower ?? startIndex)..<endIndex)
        }
        guard let found = utf8Match(of: other, from: lower) else { return nil }
        if found.upperBound < endIndex, unicodeScalars[found.upperBound].value >= 0x300 {
            return range(of: other, range: (lower ?? startIndex)..<endIndex)
        }
        return found
    }

    /// `firstIndex(of: Character(ascii))` on bytes for ASCII text (other text keeps the
    /// Character search, where an ASCII byte followed by a combining mark is no match).
    func firstIndex(ofASCII ascii: UInt8) -> String.Index? {
        if isAllASCII { return firstUTF8Index(of: ascii, from: startIndex) }
        return firstIndex(of: Character(Unicode.Scalar(ascii)))
    }

    /// `split(separator: " ").count`, counted on bytes for ASCII text (where a space is always
    /// a Character of its own).
    var spaceSeparatedCount: Int {
        guard isAllASCII else { return split(separator: " ").count }
        var count = 0
        var inWord = false
        for byte in utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Whether `word` occurs as a whole word: no letter just before or just after it. Literal,
    /// as ``literalRange(of:from:)``.
    func containsWord(_ word: String) -> Bool {
        if isAllASCII, word.isAllASCII { return asciiContainsWord(word) }
        var search = startIndex
        while let range = literalRange(of: word, from: search) {
            let before = range.lowerBound == startIndex ? nil : self[index(before: range.lowerBound)]
            let after = range.upperBound == endIndex ? nil : self[range.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            search = range.upperBound
        }
        return false
    }

    /// ``containsWord(_:)`` for ASCII text and word, on bytes: in ASCII a character is a byte
    /// and a letter is A–Z or a–z. After a match that is not a whole word the search goes on
    /// from the match's end, as there.
    private func asciiContainsWord(_ word: String) -> Bool {
        var haystack = self
        var needle = word
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern -> Bool in
                var from = 0
                while let index = ByteSearch.firstOffset(of: pattern, in: text, from: from) {
                    let end = index + pattern.count
                    if !(index > 0 && text[index - 1].isASCIILetter), !(end < text.count && text[end].isASCIILetter) { return true }
                    from = end
                }
                return false
            }
        }
    }

    private func utf8Match(of other: String, from lower: String.Index?) -> Range<String.Index>? {
        let skip = lower.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        guard let found = utf8Offset(of: other, fromOffset: skip) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: other.utf8.count)
    }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: characters))`: the Unicode scalars of
    /// `characters` removed from both ends.
    func trimmingScalars(in characters: String) -> String {
        let set = characters.unicodeScalars
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        if start == scalars.startIndex, end == scalars.endIndex { return self }
        return String(self[start..<end])
    }
}
