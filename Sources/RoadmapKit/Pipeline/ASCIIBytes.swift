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
