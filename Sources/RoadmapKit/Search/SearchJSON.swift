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
        var anchor = anchor, title = title
        let written: Bool = anchor.withUTF8 { anchorBytes in
            guard !anchorBytes.isEmpty else { return false }
            return title.withUTF8 { titleBytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(titleBytes.count, 1)) { derived in
                    var length = 0
                    for byte in titleBytes {
                        switch byte {
                        case 0x80...: return false
                        case 0x41...0x5A: derived[length] = byte + 0x20
                        case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: derived[length] = byte
                        case 0x20: derived[length] = 0x2D
                        default: continue
                        }
                        length += 1
                    }
                    guard length >= 3, anchorBytes.count >= length else { return false }
                    let made = UnsafeBufferPointer(rebasing: derived[0..<length])
                    if anchorBytes.count == length {
                        guard memcmp(anchorBytes.baseAddress!, made.baseAddress!, length) == 0 else { return false }
                        out.append(0x31)
                        return true
                    }
                    for start in 0...(anchorBytes.count - length) where anchorBytes[start] == made[0] {
                        if memcmp(anchorBytes.baseAddress! + start, made.baseAddress!, length) == 0 {
                            out.append(0x5B)
                            string(UnsafeBufferPointer(rebasing: anchorBytes[0..<start]), into: &out)
                            out.append(0x2C)
                            string(UnsafeBufferPointer(rebasing: anchorBytes[(start + length)...]), into: &out)
                            out.append(0x5D)
                            return true
                        }
                    }
                    return false
                }
            }
        }
        if !written { string(anchor, into: &out) }
    }
}
