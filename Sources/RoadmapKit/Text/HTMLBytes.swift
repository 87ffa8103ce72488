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
        if value < 0 { append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            append(UInt8(truncatingIfNeeded: 0x30 + magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// The bytes as a String.
    var utf8Text: String { String(decoding: self, as: UTF8.self) }

    /// Appends a text escaped for HTML content and attribute values (``HTMLEscaping``).
    mutating func append(escaping text: String) {
        HTMLEscaping.escape(text, into: &self)
    }
}
