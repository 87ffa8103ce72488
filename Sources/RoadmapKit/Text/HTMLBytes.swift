/// HTML written as UTF-8 bytes: appending a literal or a text to a byte array costs about a
/// third of appending it to a `String` (no small-string, uniqueness and ASCII bookkeeping), which
/// counts where a page is made of many short pieces (resource entries, timeline rows).
extension Array where Element == UInt8 {
    /// Appends a literal's bytes.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        // (withUTF8Buffer also handles a one-character literal, which has no pointer.)
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a text's UTF-8 bytes as they are.
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a number in decimal, as `"\(value)"` writes it.
    mutating func append(decimal value: Int) {
        guard value >= 0 else { return append(utf8: String(value)) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// The bytes as a String. They are valid UTF-8 (only Strings and literals are appended), but
    /// making a String checks them again: eight bytes at a time when all are ASCII, a byte at a
    /// time (about ten instructions) otherwise. A page is mostly ASCII with a few characters
    /// beyond (›, —, emoji), so a long text is made in stretches cut between characters, and
    /// only the stretches around those characters get the slow check.
    var utf8Text: String {
        let block = 256
        guard count > 8 * block else { return String(decoding: self, as: UTF8.self) }
        return withUnsafeBufferPointer { bytes in
            func isASCII(from start: Int) -> Bool {
                var merged: UInt8 = 0
                for byte in UnsafeBufferPointer(rebasing: bytes[start..<Swift.min(start + block, bytes.count)]) { merged |= byte }
                return merged < 0x80
            }
            var text = ""
            text.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                // A run of blocks that are all ASCII, or all not.
                let ascii = isASCII(from: start)
                var end = Swift.min(start + block, bytes.count)
                while end < bytes.count, isASCII(from: end) == ascii { end = Swift.min(end + block, bytes.count) }
                // A cut falls before a character's first byte, never on a continuation byte.
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                start = end
            }
            return text
        }
    }

    /// Appends a text escaped for HTML content and attribute values (``HTMLEscaping``).
    mutating func append(escaping text: String) {
        HTMLEscaping.escape(text, into: &self)
    }
}

extension Collection where Element == UInt8 {
    /// How many line feeds the bytes hold.
    var lineFeedCount: Int {
        withContiguousStorageIfAvailable { bytes -> Int in
            var count = 0
            for byte in bytes { count &+= byte == 0x0A ? 1 : 0 }
            return count
        } ?? reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
