/// The `href` and `src` values of raw HTML an author opted into (`allow_raw_html: true`),
/// resolved as Markdown links are: a link to another roadmap's file becomes its page, an asset
/// is made relative to the page, and a value that must not be linked (a missing file, an unsafe
/// scheme) loses its attribute, so that the page never carries a broken link.
enum RawHTMLLinks {
    /// `html` with each `href`/`src` value replaced by `resolve(value)`, or the attribute
    /// removed when `resolve` returns nil. Values are entity-decoded before they are resolved
    /// and escaped again after. Comments are left alone.
    static func rewrite(_ html: String, resolve: (String) -> String?) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(0x3C) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        let count = bytes.count
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 58 || byte == 95
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        func lowered(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[start..<end].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        while index < count {
            guard bytes[index] == 0x3C else { out.append(bytes[index]); index += 1; continue }
            // A comment is copied whole.
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                var end = index + 4
                while end < count, !bytes[end...].starts(with: Array("-->".utf8)) { end += 1 }
                end = min(count, end + 3)
                out += bytes[index..<end]
                index = end
                continue
            }
            guard index + 1 < count, (bytes[index + 1] >= 65 && bytes[index + 1] <= 90) || (bytes[index + 1] >= 97 && bytes[index + 1] <= 122) else {
                out.append(bytes[index]); index += 1; continue
            }
            // An opening tag: its name, then attributes up to '>'.
            var cursor = index + 1
            while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
            out += bytes[index..<cursor]
            while cursor < count, bytes[cursor] != 0x3E {
                guard isNameByte(bytes[cursor]) else { out.append(bytes[cursor]); cursor += 1; continue }
                let nameStart = cursor
                while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
                let name = lowered(nameStart, cursor)
                var afterName = cursor
                while afterName < count, isSpace(bytes[afterName]) { afterName += 1 }
                guard afterName < count, bytes[afterName] == 0x3D else { out += bytes[nameStart..<cursor]; continue }
                var valueStart = afterName + 1
                while valueStart < count, isSpace(bytes[valueStart]) { valueStart += 1 }
                var valueEnd = valueStart
                var end = valueStart
                if valueStart < count, bytes[valueStart] == 0x22 || bytes[valueStart] == 0x27 {
                    let quote = bytes[valueStart]
                    valueEnd = valueStart + 1
                    while valueEnd < count, bytes[valueEnd] != quote { valueEnd += 1 }
                    end = min(count, valueEnd + 1)
                    valueStart += 1
                } else {
                    while valueEnd < count, !isSpace(bytes[valueEnd]), bytes[valueEnd] != 0x3E { valueEnd += 1 }
                    end = valueEnd
                }
                guard name == "href" || name == "src" else { out += bytes[nameStart..<end]; cursor = end; continue }
                let value = HTMLEscaping.unescape(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
                if let resolved = resolve(value) {
                    out += Array(name.utf8) + Array("=\"".utf8) + Array(HTMLEscaping.escape(resolved).utf8) + [0x22]
                } else {
                    // The attribute goes, and the space before it.
                    while let last = out.last, isSpace(last) { out.removeLast() }
                }
                cursor = end
            }
            index = cursor
        }
        return String(decoding: out, as: UTF8.self)
    }
}
