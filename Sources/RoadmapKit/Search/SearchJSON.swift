import Foundation

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

    /// Appends a document's anchor. Most anchors are made from the title: the title, when it is
    /// ASCII (where JavaScript's `toLowerCase()` lower-cases alike), lower-cased, spaces as
    /// hyphens, everything but letters, digits, `-` and `_` dropped, as `search.js` makes it. Such
    /// an anchor is written as `1`, and one that only adds to it (`skill-…`, `…-1`, `u-…-17ce`) as
    /// `["prefix","suffix"]`; any other as a string.
    static func anchor(_ anchor: String, title: String, into out: inout [UInt8]) {
        let made = anchorMade(from: title)
        let found = anchor.withUTF8Bytes { bytes in made.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: bytes) } }
        guard made.count >= 3, let start = found else { return string(anchor, into: &out) }
        if start == 0, made.count == anchor.utf8.count { return out.append(UInt8(ascii: "1")) }
        let utf8 = anchor.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start), upper = utf8.index(lower, offsetBy: made.count)
        out.append(UInt8(ascii: "["))
        string(String(anchor[..<lower]), into: &out)
        out.append(UInt8(ascii: ","))
        string(String(anchor[upper...]), into: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// The anchor `search.js` makes from an ASCII title, as UTF-8; empty for other titles.
    static func anchorMade(from title: String) -> [UInt8] {
        guard title.isAllASCII else { return [] }
        return title.withUTF8Bytes { bytes in
            var made: [UInt8] = []
            made.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte.isASCIILetter {
                    made.append(byte.asciiLowercased)
                } else if byte.isASCIIDigit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                    made.append(byte)
                } else if byte == UInt8(ascii: " ") {
                    made.append(UInt8(ascii: "-"))
                }
            }
            return made
        }
    }
}
