/// The few pieces of JSON the search index is made of, appended straight to bytes.
enum SearchJSON {
    static func string(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { JSONWriter.quote($0, into: &out) }
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        JSONWriter.quote(bytes, into: &out)
    }

    /// Text known to need no escaping (keys, names the writer makes).
    static func raw(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func number(_ value: Int, into out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            number(-value, into: &out)
            return
        }
        if value < 10 { out.append(0x30 + UInt8(value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    /// Whether `anchor` is `title` lower-cased with spaces as hyphens and everything but ASCII
    /// letters, digits, `-` and `_` dropped: then the index stores `1` instead of the anchor and
    /// `search.js` derives it the same way. Only for ASCII titles, where both lower-case alike.
    static func anchorFollowsTitle(_ anchor: String, _ title: String) -> Bool {
        guard !anchor.isEmpty else { return false }
        var expected = anchor.utf8.makeIterator()
        for byte in title.utf8 {
            let made: UInt8
            switch byte {
            case 0x80...: return false
            case 0x41...0x5A: made = byte + 0x20
            case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: made = byte
            case 0x20: made = 0x2D
            default: continue
            }
            guard expected.next() == made else { return false }
        }
        return expected.next() == nil
    }
}
