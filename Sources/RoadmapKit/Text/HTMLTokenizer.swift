/// Splits raw HTML written in Markdown into tags, text and comments, as a browser's tokenizer
/// does (the WHATWG data state and the states it leads to).
///
/// It follows the standard where the difference shows in what a reader sees: a tag name ends at
/// a space, `/` or `>`; attribute values may be quoted or not and have their character references
/// decoded; the first of two attributes of the same name wins; `<!-->` is a whole comment;
/// `<!DOCTYPE …>`, `<![CDATA[…]]>`, `<?…>` and `</ …>` are read as comments, as browsers read
/// them in HTML; the text of `script`, `style`, `textarea` and the other raw-text elements is not
/// markup and runs to their end tag; a tag cut off by the end of the input is ignored. It does not
/// build a tree: that, and what is kept, is the reader's business (``HTMLSanitizer``,
/// ``HTMLAnchorNames``).
///
/// Linear in the input: every byte is read a bounded number of times and nothing backtracks.
struct HTMLTokenizer {
    enum Token: Equatable {
        /// Text between tags, its character references as written.
        case text(Range<Int>)
        /// The text of a raw-text element (`<script>`, `<style>`, …), which is not markup.
        case rawText(Range<Int>)
        case startTag(StartTag)
        case endTag(name: String, range: Range<Int>)
        /// What a browser shows nothing of: a comment, a doctype, CDATA, a processing instruction,
        /// `</>`, or a tag cut off by the end of the input.
        case ignored(Range<Int>)
    }

    struct StartTag: Equatable {
        /// Lowercased.
        var name: String
        var attributes: [Attribute]
        /// Written `<br/>`; browsers ignore this on elements that are not void.
        var isSelfClosing: Bool
        /// The bytes from `<` to `>`.
        var range: Range<Int>
    }

    struct Attribute: Equatable {
        /// Lowercased.
        var name: String
        /// The value with its character references decoded, or nil when written without `=`.
        var value: String?
        /// Where the name starts.
        var offset: Int
    }

    /// Elements whose contents are text up to their end tag, never markup, in HTML (not in SVG
    /// or MathML). `plaintext` has no end tag. (`title` and `textarea` decode character
    /// references in their text; their text is not markup either.)
    static let rawTextElements: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "plaintext",
    ]

    /// Attributes read from one tag; more are skipped. A tag of a hundred thousand attributes
    /// stays linear (the duplicate check is against at most this many).
    static let maximumAttributes = 64

    let bytes: [UInt8]
    private(set) var position = 0
    /// The raw-text element whose text is being read, when its end tag has not been seen yet.
    private(set) var rawTextElement: String?
    /// How far ``lineAndColumn(of:)`` has counted lines.
    private var counted = (offset: 0, line: 1, lineStart: 0)

    /// `rawTextElement`: the input continues the text of that element (its start tag was in an
    /// earlier piece of HTML).
    init(_ html: String, insideRawText rawTextElement: String? = nil) {
        bytes = Array(html.utf8)
        self.rawTextElement = rawTextElement
    }

    mutating func next() -> Token? {
        guard position < bytes.count else { return nil }
        if let element = rawTextElement { return rawText(of: element) }
        if bytes[position] == UInt8(ascii: "<"), let token = markup() { return token }
        // Text up to the next `<` that starts markup.
        let start = position
        position += 1
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), startsMarkup(at: position) { break }
            position += 1
        }
        return .text(start..<position)
    }

    /// Line and column (1-based, the column in bytes) of a byte offset. Counting resumes from
    /// the offset asked before when this one is not earlier, so that asking in order stays linear.
    mutating func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let offset = min(offset, bytes.count)
        if offset < counted.offset { counted = (0, 1, 0) }
        for index in counted.offset..<offset where bytes[index] == UInt8(ascii: "\n") {
            counted.line += 1
            counted.lineStart = index + 1
        }
        counted.offset = offset
        return (counted.line, offset - counted.lineStart + 1)
    }

    // MARK: - Markup

    /// Whether the `<` at `index` starts a tag, an end tag, a comment or a declaration.
    private func startsMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        return next.isASCIILetter || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            || (next == UInt8(ascii: "/") && index + 2 < bytes.count)
    }

    /// The markup starting at the `<` at `position`, or nil when it is text.
    private mutating func markup() -> Token? {
        guard startsMarkup(at: position) else { return nil }
        let start = position
        let next = bytes[start + 1]
        if next.isASCIILetter { return tag(from: start) }
        if next == UInt8(ascii: "/") {
            let afterSlash = bytes[start + 2]
            if afterSlash.isASCIILetter { return tag(from: start) }
            if afterSlash == UInt8(ascii: ">") {
                position = start + 3
                return .ignored(start..<position)
            }
            return bogusComment(from: start)
        }
        if next == UInt8(ascii: "!"), matches("<!--", at: start) { return comment(from: start) }
        return bogusComment(from: start)
    }

    /// A start or end tag from its `<`; its attributes are read either way, so that a `>` in a
    /// quoted value does not end it.
    private mutating func tag(from start: Int) -> Token {
        let isEnd = bytes[start + 1] == UInt8(ascii: "/")
        var index = start + (isEnd ? 2 : 1)
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        let name = lowercased(nameStart..<index)
        var attributes: [Attribute] = []
        var isSelfClosing = false
        var attributeCount = 0
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else {
                position = bytes.count
                return .ignored(start..<position)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") {
                    isSelfClosing = true
                    index += 1
                    break
                }
                continue
            }
            // An attribute name: a leading `=` belongs to it.
            let attributeStart = index
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                  bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=")
            {
                index += 1
            }
            let nameEnd = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value: Range<Int>?
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { continue }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    guard index < bytes.count else { continue }
                    value = valueStart..<index
                    index += 1
                } else if quote == UInt8(ascii: ">") {
                    value = index..<index
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = valueStart..<index
                }
            }
            attributeCount += 1
            guard !isEnd, attributeCount <= Self.maximumAttributes else { continue }
            let attributeName = lowercased(attributeStart..<nameEnd)
            guard !attributes.contains(where: { $0.name == attributeName }) else { continue }
            attributes.append(Attribute(
                name: attributeName, value: value.map { Self.decodingCharacterReferences(bytes[$0]) }, offset: attributeStart))
        }
        position = index
        if isEnd { return .endTag(name: name, range: start..<index) }
        if Self.rawTextElements.contains(name) { rawTextElement = name }
        return .startTag(StartTag(name: name, attributes: attributes, isSelfClosing: isSelfClosing, range: start..<index))
    }

    /// `<!--` to `-->` (or `--!>`); `<!-->` and `<!--->` end where they start. An unclosed
    /// comment runs to the end.
    private mutating func comment(from start: Int) -> Token {
        var index = start + 4
        if matches(">", at: index) {
            position = index + 1
        } else if matches("->", at: index) {
            position = index + 2
        } else {
            position = bytes.count
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "-") {
                    if matches("-->", at: index) { position = index + 3; break }
                    if matches("--!>", at: index) { position = index + 4; break }
                }
                index += 1
            }
        }
        return .ignored(start..<position)
    }

    /// A declaration, processing instruction or malformed end tag: up to the next `>`.
    private mutating func bogusComment(from start: Int) -> Token {
        var index = start + 2
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        position = min(index + 1, bytes.count)
        return .ignored(start..<position)
    }

    /// The text of a raw-text element, up to its end tag (`</name` then a space, `/` or `>`).
    private mutating func rawText(of element: String) -> Token {
        let start = position
        let name = Array(element.utf8)
        var index = position
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), element != "plaintext", isEndTag(of: name, at: index) {
                rawTextElement = nil
                break
            }
            index += 1
        }
        position = index
        return .rawText(start..<index)
    }

    private func isEndTag(of name: [UInt8], at index: Int) -> Bool {
        let after = index + 2 + name.count
        guard after < bytes.count, bytes[index + 1] == UInt8(ascii: "/") else { return false }
        for offset in 0..<name.count where bytes[index + 2 + offset] | 0x20 != name[offset] { return false }
        let byte = bytes[after]
        return isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    // MARK: - Bytes

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    private func lowercased(_ range: Range<Int>) -> String {
        String(decoding: bytes[range].map(\.asciiLowercased), as: UTF8.self)
    }

    /// HTML's whitespace in tags: tab, line feed, form feed, carriage return and space.
    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}

// MARK: - Character references

extension HTMLTokenizer {
    /// An attribute value as a browser reads it: numeric references (`&#106;`, `&#x6A`, with or
    /// without `;`) and the named references of ``namedReferences`` decoded; `&amp`, `&lt`,
    /// `&gt` and `&quot` also without `;` unless a letter, digit or `=` follows, as in attribute
    /// values. Any other `&` stays as written.
    static func decodingCharacterReferences(_ value: ArraySlice<UInt8>) -> String {
        guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
        var out = ""
        var index = value.startIndex
        var copiedUpTo = index
        func flush(to end: Int) {
            out += String(decoding: value[copiedUpTo..<end], as: UTF8.self)
        }
        while index < value.endIndex {
            guard value[index] == UInt8(ascii: "&") else { index += 1; continue }
            guard let (scalar, end) = reference(in: value, at: index) else { index += 1; continue }
            flush(to: index)
            out.unicodeScalars.append(scalar)
            index = end
            copiedUpTo = end
        }
        flush(to: value.endIndex)
        return out
    }

    /// The character of the reference at the `&` at `index`, and where the reference ends.
    /// (``SVGScriptScanner`` reads numeric references with it too.)
    static func reference(in value: ArraySlice<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var cursor = index + 1
        guard cursor < value.endIndex else { return nil }
        if value[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let isHex = cursor < value.endIndex && value[cursor] | 0x20 == UInt8(ascii: "x")
            if isHex { cursor += 1 }
            let digitsStart = cursor
            var code: UInt32 = 0
            while cursor < value.endIndex, let digit = digitValue(value[cursor], hex: isHex) {
                // Saturates past the last code point: a million digits stay one replacement character.
                code = min(code * (isHex ? 16 : 10) + digit, 0x110000)
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            if cursor < value.endIndex, value[cursor] == UInt8(ascii: ";") { cursor += 1 }
            return (numericCharacter(code), cursor)
        }
        let nameStart = cursor
        while cursor < value.endIndex, cursor - nameStart < 32, isAlphanumeric(value[cursor]) { cursor += 1 }
        let name = String(decoding: value[nameStart..<cursor], as: UTF8.self)
        if cursor < value.endIndex, value[cursor] == UInt8(ascii: ";"), let scalar = namedReferences[name] {
            return (scalar, cursor + 1)
        }
        // The legacy references without `;`: the longest that is a prefix of the name.
        for legacy in ["quot", "amp", "lt", "gt"] where name.hasPrefix(legacy) {
            let end = nameStart + legacy.utf8.count
            if end < value.endIndex, isAlphanumeric(value[end]) || value[end] == UInt8(ascii: "=") { return nil }
            return (namedReferences[legacy]!, end)
        }
        return nil
    }

    /// The character a numeric reference stands for: none, a surrogate or a number past
    /// Unicode is U+FFFD; 0x80–0x9F are read as Windows-1252, as browsers do.
    private static func numericCharacter(_ code: UInt32) -> Unicode.Scalar {
        if code >= 0x80, code <= 0x9F, let scalar = Unicode.Scalar(windows1252[Int(code - 0x80)]) { return scalar }
        guard code != 0, let scalar = Unicode.Scalar(code) else { return "\u{FFFD}" }
        return scalar
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte.isASCIIDigit { return UInt32(byte - 0x30) }
        if hex, (byte | 0x20) &- 0x61 < 6 { return UInt32((byte | 0x20) - 0x61 + 10) }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool { byte.isASCIILetter || byte.isASCIIDigit }

    /// Code points 0x80–0x9F of Windows-1252 (the ones it leaves undefined stay themselves).
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Named references decoded in attribute values: every one that stands for an ASCII
    /// character (so that no scheme such as `javascript&colon;` hides behind a name left
    /// undecoded), and the common typographic ones. Any other name is kept as written, and
    /// shows as written once the value is escaped again.
    static let namedReferences: [String: Unicode.Scalar] = [
        // ASCII.
        "Tab": "\t", "NewLine": "\n", "excl": "!", "quot": "\"", "QUOT": "\"", "num": "#", "dollar": "$",
        "percnt": "%", "amp": "&", "AMP": "&", "apos": "'", "lpar": "(", "rpar": ")", "ast": "*", "midast": "*",
        "plus": "+", "comma": ",", "period": ".", "sol": "/", "colon": ":", "semi": ";", "lt": "<", "LT": "<",
        "equals": "=", "gt": ">", "GT": ">", "quest": "?", "commat": "@", "lsqb": "[", "lbrack": "[", "bsol": "\\",
        "rsqb": "]", "rbrack": "]", "Hat": "^", "lowbar": "_", "UnderBar": "_", "grave": "`", "DiacriticalGrave": "`",
        "lcub": "{", "lbrace": "{", "verbar": "|", "vert": "|", "VerticalLine": "|", "rcub": "}", "rbrace": "}",
        // Spaces and joiners.
        "nbsp": "\u{A0}", "NonBreakingSpace": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{AD}",
        // Typography.
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "times": "×",
        "divide": "÷", "deg": "°", "plusmn": "±", "para": "¶", "sect": "§", "euro": "€", "pound": "£", "yen": "¥",
        "cent": "¢", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "check": "✓", "star": "☆",
        "starf": "★", "hearts": "♥", "iexcl": "¡", "iquest": "¿", "frac12": "½", "frac14": "¼", "frac34": "¾",
        "sup2": "²", "sup3": "³", "micro": "µ", "le": "≤", "ge": "≥", "ne": "≠", "infin": "∞", "dagger": "†",
    ]
}
