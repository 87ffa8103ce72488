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

    /// Appends a document's anchor. Most anchors are made from the title: its ASCII form
    /// lower-cased, spaces as hyphens, everything but letters, digits, `-` and `_` dropped
    /// (``derivedAnchor(_:)``, as `search.js` makes it). Such an anchor is written as `1`, and one
    /// that only adds to it (`skill-…`, `…-1`, `u-…-17ce`) as `["prefix","suffix"]`.
    static func anchor(_ anchor: String, title: String, into out: inout [UInt8]) {
        if !anchor.isEmpty, let derived = derivedAnchor(title), derived.count >= 3 {
            let bytes = Array(anchor.utf8)
            if bytes == derived { out.append(0x31); return }
            if bytes.count > derived.count, let at = firstRange(of: derived, in: bytes) {
                out.append(0x5B)
                bytes.withUnsafeBufferPointer { buffer in
                    string(UnsafeBufferPointer(rebasing: buffer[0..<at]), into: &out)
                    out.append(0x2C)
                    string(UnsafeBufferPointer(rebasing: buffer[(at + derived.count)...]), into: &out)
                }
                out.append(0x5D)
                return
            }
        }
        string(anchor, into: &out)
    }

    /// `title` lower-cased, spaces as hyphens, everything but `[a-z0-9_-]` dropped; nil unless
    /// the title is ASCII, where JavaScript's `toLowerCase()` lower-cases alike.
    static func derivedAnchor(_ title: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(title.utf8.count)
        for byte in title.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x41...0x5A: out.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: out.append(byte)
            case 0x20: out.append(0x2D)
            default: continue
            }
        }
        return out
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
