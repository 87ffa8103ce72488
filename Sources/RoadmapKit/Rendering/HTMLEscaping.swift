/// Escapes text for HTML element content and double-quoted attribute values.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    /// Runs between the five special characters are appended whole, as slices of `text` (the
    /// special characters are ASCII, so each cut falls between whole characters).
    static func escape(_ text: String, into out: inout String) {
        var copy = text
        let cuts: [(Int, StaticString)] = copy.withUTF8 { bytes in
            // Most text has none of them: one branch-free pass (vectorised) says so.
            var special: UInt8 = 0
            for byte in bytes {
                special |= (byte == 0x26 ? 1 : 0) | (byte == 0x3C ? 1 : 0) | (byte == 0x3E ? 1 : 0) | (byte == 0x22 ? 1 : 0)
                    | (byte == 0x27 ? 1 : 0)
            }
            guard special != 0 else { return [] }
            var cuts: [(Int, StaticString)] = []
            for index in 0..<bytes.count {
                switch bytes[index] {
                case 0x26: cuts.append((index, "&amp;"))
                case 0x3C: cuts.append((index, "&lt;"))
                case 0x3E: cuts.append((index, "&gt;"))
                case 0x22: cuts.append((index, "&quot;"))
                case 0x27: cuts.append((index, "&#39;"))
                default: continue
                }
            }
            return cuts
        }
        guard !cuts.isEmpty else {
            out += text
            return
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        for (offset, replacement) in cuts {
            let cut = utf8.index(utf8.startIndex, offsetBy: offset)
            out += text[start..<cut]
            out += replacement.description
            start = utf8.index(after: cut)
        }
        out += text[start...]
    }
}

extension HTMLEscaping {
    /// `escape(_:into:)` for text written as UTF-8 bytes (the same replacements); runs without a
    /// special character are copied whole.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { bytes in
            var special: UInt8 = 0
            for byte in bytes {
                special |= (byte == 0x26 ? 1 : 0) | (byte == 0x3C ? 1 : 0) | (byte == 0x3E ? 1 : 0) | (byte == 0x22 ? 1 : 0)
                    | (byte == 0x27 ? 1 : 0)
            }
            guard special != 0 else { return out.append(contentsOf: bytes) }
            var start = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(replacement)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
