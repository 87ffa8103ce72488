import Foundation

/// Literal (code unit by code unit) substring search, without Foundation's trips through
/// NSString: `range(of:)` and `contains(_:)` cost thousands of instructions a call on Linux, and
/// resource extraction, term normalising and search call them for every list item and link.
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

    /// Whether `word` occurs as a whole word: no letter just before or just after it. Literal,
    /// as ``literalRange(of:from:)``.
    func containsWord(_ word: String) -> Bool {
        var search = startIndex
        while let range = literalRange(of: word, from: search) {
            let before = range.lowerBound == startIndex ? nil : self[index(before: range.lowerBound)]
            let after = range.upperBound == endIndex ? nil : self[range.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            search = range.upperBound
        }
        return false
    }

    private func utf8Match(of other: String, from lower: String.Index?) -> Range<String.Index>? {
        let skip = lower.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        guard let found = utf8Offset(of: other, fromOffset: skip) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: other.utf8.count)
    }
}

extension String {
    /// Whether `other` occurs in this string, compared code unit by code unit, as Foundation's
    /// `contains(_:)` does on Linux (a literal search) — but without its trip through NSString
    /// and CFString, which costs about 9,000 instructions a call. Being non-generic on `String`,
    /// this overload is the one `text.contains("…")` picks inside RoadmapKit, so every caller
    /// (term normalising, resource extraction, search) gets it without changes.
    func contains(_ other: String) -> Bool {
        utf8Offset(of: other, fromOffset: 0) != nil
    }

    /// The byte offset of the first occurrence of `other`'s UTF-8 at or after `skip`, compared
    /// byte by byte; `""` is never found, as with Foundation.
    func utf8Offset(of other: String, fromOffset skip: Int) -> Int? {
        withUTF8Bytes { hay in other.withUTF8Bytes { ByteSearch.firstOffset(of: $0, in: hay, from: skip) } }
    }
}

enum ByteSearch {
    /// The offset of the first occurrence of `pattern` in `hay` at or after `skip`; an empty
    /// pattern is never found.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from skip: Int = 0) -> Int? {
        guard let first = pattern.first, hay.count >= pattern.count else { return nil }
        let count = pattern.count
        var index = skip
        let last = hay.count - count
        while index <= last {
            if hay[index] == first {
                var offset = 1
                while offset < count, hay[index + offset] == pattern[offset] { offset += 1 }
                if offset == count { return index }
            }
            index += 1
        }
        return nil
    }
}
