import Foundation

extension String {
    /// Whether `other` occurs in this string, compared code unit by code unit, as Foundation's
    /// `contains(_:)` does on Linux (a literal search) — but without its trip through NSString
    /// and CFString, which costs about 9,000 instructions a call. Being non-generic on `String`,
    /// this overload is the one `text.contains("…")` picks inside RoadmapKit, so every caller
    /// (term normalising, resource extraction, search) gets it without changes.
    func contains(_ other: String) -> Bool {
        var haystack = self
        var needle = other
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return false }  // as Foundation: "" is never found
                let count = pattern.count
                guard hay.count >= count else { return false }
                var index = 0
                let last = hay.count - count
                while index <= last {
                    if hay[index] == first {
                        var offset = 1
                        while offset < count, hay[index + offset] == pattern[offset] { offset += 1 }
                        if offset == count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
