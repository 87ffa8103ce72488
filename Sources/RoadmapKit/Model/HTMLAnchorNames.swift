/// The anchors raw HTML in a README defines for its own links: `<a name="top"></a>`,
/// `<a id="setup">`, `<h2 id="faq">`. Raw HTML is dropped from pages by default, so the
/// renderer puts an empty `<a id>` in its place and `[Back to top](#top)` still lands.
enum HTMLAnchorNames {
    /// The `name` of each `<a>` tag and the `id` of every tag in `html`, in order.
    static func names(in html: String) -> [String] {
        guard html.containsASCII(UInt8(ascii: "=")) else { return [] }
        var names: [String] = []
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1].isASCIILetter else {
                index += 1
                continue
            }
            var nameEnd = index + 1
            while nameEnd < bytes.count, bytes[nameEnd].isASCIILetter || bytes[nameEnd].isASCIIDigit { nameEnd += 1 }
            let isAnchorTag = nameEnd - index == 2 && bytes[index + 1] | 0x20 == UInt8(ascii: "a")
            var position = nameEnd
            // Attributes up to the tag's end.
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                guard bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A else {
                    position += 1
                    continue
                }
                position += 1
                var keyEnd = position
                while keyEnd < bytes.count, bytes[keyEnd].isASCIILetter || bytes[keyEnd] == UInt8(ascii: "-") { keyEnd += 1 }
                let key = String(decoding: bytes[position..<keyEnd], as: UTF8.self).lowercased()
                guard keyEnd + 1 < bytes.count, bytes[keyEnd] == UInt8(ascii: "="),
                      key == "id" || (key == "name" && isAnchorTag) else { continue }
                let quote = bytes[keyEnd + 1]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                      let close = bytes[(keyEnd + 2)...].firstIndex(of: quote) else { continue }
                let value = String(decoding: bytes[(keyEnd + 2)..<close], as: UTF8.self)
                if !value.isEmpty, !value.contains(where: \.isWhitespace) { names.append(value) }
                position = close + 1
            }
            index = max(position, index + 1)
        }
        return names
    }
}
