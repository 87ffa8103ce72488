import Foundation

/// Whole-text byte questions asked on hot paths, answered over the contiguous UTF-8 bytes in
/// one branch-free pass (the compiler vectorises it) rather than a byte at a time through
/// `String.UTF8View`'s iterator.
extension StringProtocol {
    /// Whether every byte is ASCII.
    var isAllASCII: Bool {
        if let answer = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var merged: UInt8 = 0
            for byte in bytes { merged |= byte }
            return merged < 0x80
        }) {
            return answer
        }
        return utf8.allSatisfy { $0 < 0x80 }
    }

    /// How many line feeds the text holds.
    var lineFeedCount: Int {
        if let answer = utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            var count = 0
            for byte in bytes { count &+= byte == 0x0A ? 1 : 0 }
            return count
        }) {
            return answer
        }
        return utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Whether the text holds `byte` (an ASCII byte, which never occurs inside a longer character).
    func containsASCII(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}

extension String {
    /// Where the first `byte` at or after `start` is, compared as bytes (unlike
    /// ``firstIndex(ofASCII:)``, which keeps Character semantics), found by `memchr` over the
    /// contiguous bytes instead of a byte at a time through the UTF-8 view.
    func firstUTF8Index(of byte: UInt8, from start: Index) -> Index? {
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard offset < bytes.count, let base = bytes.baseAddress,
                  let hit = memchr(base + offset, Int32(byte), bytes.count - offset)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let found else { return utf8[start...].firstIndex(of: byte) }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}

/// ASCII byte classes, written once for the byte loops that read words.
extension UInt8 {
    /// Whether the byte is an ASCII letter, `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }

    /// Whether the byte is an ASCII digit, `0`–`9`.
    var isASCIIDigit: Bool { self &- 0x30 < 10 }

    /// The byte with an ASCII capital letter made lower case; any other byte as it is.
    var asciiLowercased: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }
}
