import Foundation

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
        var haystack = self
        var needle = other
        return haystack.withUTF8 { hay in
            needle.withUTF8 { ByteSearch.firstOffset(of: $0, in: hay, from: skip) }
        }
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
