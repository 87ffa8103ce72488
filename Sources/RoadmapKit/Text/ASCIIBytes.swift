/// A text's UTF-8 bytes, read where they are, and the questions hot paths ask of them.
extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes, contiguous (a native string's own storage; a
    /// copy otherwise). A loop over them costs a few instructions a byte and is vectorised where
    /// it can be; a loop through `String.UTF8View`'s iterator costs several times that. On the
    /// 100-roadmap corpus (callgrind), `isAllASCII` took 57 million instructions through the
    /// iterator and 12 million here; `containsASCII` 84 million through the iterator, and too few
    /// to show here.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether every byte is ASCII.
    var isAllASCII: Bool {
        withUTF8Bytes { bytes in
            var merged: UInt8 = 0
            for byte in bytes { merged |= byte }
            return merged < 0x80
        }
    }

    /// How many line feeds the text holds.
    var lineFeedCount: Int { withUTF8Bytes { $0.lineFeedCount } }

    /// Whether the text holds `byte` (an ASCII byte, which never occurs inside a longer character).
    func containsASCII(_ byte: UInt8) -> Bool { withUTF8Bytes { $0.contains(byte) } }
}

extension String {
    /// Where the first `byte` at or after `start` is, compared as bytes: a line feed is found
    /// even where it is part of a `\r\n` character, which a search by `Character` would not see.
    /// (Through the UTF-8 view's iterator the front matter reader's line search took about 30
    /// million more instructions on the 100-roadmap corpus.)
    func firstUTF8Index(of byte: UInt8, from start: Index) -> Index? {
        let skip = utf8.distance(from: utf8.startIndex, to: start)
        let found = withUTF8Bytes { $0[skip...].firstIndex(of: byte) }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}

extension Collection where Element == UInt8 {
    /// How many line feeds the bytes hold.
    var lineFeedCount: Int {
        var count = 0
        for byte in self { count &+= byte == 0x0A ? 1 : 0 }
        return count
    }
}

/// ASCII byte classes, written once for the byte loops that read words.
extension UInt8 {
    /// Whether the byte is an ASCII letter, `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }

    /// Whether the byte is an ASCII digit, `0`–`9`.
    var isASCIIDigit: Bool { self &- 0x30 < 10 }

    /// Whether the byte is ASCII whitespace: space, tab, line feed, vertical tab, form feed or
    /// carriage return (the ASCII characters `Character.isWhitespace` accepts).
    var isASCIIWhitespace: Bool { self == 0x20 || self &- 0x09 < 5 }

    /// The byte with an ASCII capital letter made lower case; any other byte as it is.
    var asciiLowercased: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }
}
