import Foundation

/// What must hold of every build ``PipelineFuzzTarget`` runs, whatever the input. Each
/// violation is a line of text naming what broke; none is a matter of taste:
///
/// 1. **Content without links never produces an `output.*` diagnostic.** When the roadmap
///    holds nothing that can become a link (``mayHoldLinks(_:)``), every link of every
///    page is one the generator made itself (anchors, tables of contents, "Also in", cross-links,
///    resource indexes, search), so a broken one is the generator's fault.
/// 2. **Diagnostics are well formed.** Every one but a note has an id; each prints as one line
///    (its notes one line each); one that names a content file points at a line the file has
///    (lines ended as CommonMark ends them), at a column from 1. (Not at a column the line has:
///    cmark-gfm places the inlines after a link whose destination or title runs onto the next
///    line on the link's first line, at their columns on the next.)
/// 3. **Files stay in the site.** Every path written is relative, without `.`, `..` or empty
///    parts.
/// 4. **Every file is valid UTF-8; every `.json` file, every search-index script's object and
///    every `<script type="application/json">` block parses as JSON.**
/// 5. **Pages keep the README's promises** (read with the tokenizer browsers' rules follow,
///    ``HTMLTokenizer``): no event handler, `style` or `srcdoc` attribute; no `iframe`, `object`,
///    `embed`, `base`, `style`, `frame` or `foreignObject` element, no `meta` refresh; a
///    script only from a file, or JSON data; no link to a `javascript:`, `vbscript:`, `data:`
///    or `file:` URL; what a page loads (`src`, `srcset`, `poster`, style sheets, icons) only
///    from the site itself.
/// 6. **Ids are unique on a page** when raw HTML is off (then the generator writes every id).
struct FuzzOracles {
    var input: FuzzInput
    /// The content files' paths, as diagnostics name them, and their bytes.
    var sources: [String: [UInt8]]
    var run: PipelineFuzzTarget.Run

    func violations() -> [String] {
        var found: [String] = []
        if !Self.mayHoldLinks(input.roadmap) {
            for diagnostic in run.diagnostics where diagnostic.id.hasPrefix("output.") {
                found.append("content without links produced an output diagnostic: \(diagnostic)")
            }
        }
        for diagnostic in run.diagnostics { found += problems(of: diagnostic) }
        for (path, bytes) in run.files.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
                found.append("a file was written at '\(Diagnostic.printable(path))', not a plain path inside the site")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                found.append("\(path) is not valid UTF-8")
                continue
            }
            if path.hasSuffix(".json"), !Self.isJSON(text) { found.append("\(path) is not valid JSON") }
            if path.hasSuffix(".js") { found += scriptProblems(text, path: path) }
            if path.hasSuffix(".html") { found += pageProblems(text, path: path) }
        }
        return found
    }

    // MARK: - Links in the content

    /// Whether Markdown `text` may hold something cmark-gfm or the raw-HTML sanitizer turns into
    /// a link, image or footnote reference, judged from the bytes alone and erring towards yes:
    ///
    /// - `](`: an inline link or image (`[a](b)`, `![a](b)`);
    /// - `]:`: a link reference or footnote definition (reference links need one), and `[^`, a
    ///   footnote reference;
    /// - `<` followed by characters other than spaces, `<` and `>` up to a `:` or `@`: an
    ///   autolink (`<https://x>`, `<irc:x>`, `<a@b.c>`);
    /// - the GFM autolink extension's starts: `www.`, `://`, `@` (an e-mail address), `mailto:`,
    ///   `xmpp:` (letters in any case);
    /// - a tag (`<` and a letter) and a link attribute's
    ///   name: `href`, `src` or `action` (also inside `srcset`, `xlink:href`, `formaction`).
    static func mayHoldLinks(_ text: [UInt8]) -> Bool {
        let lowered = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func contains(_ marker: String) -> Bool {
            let needle = Array(marker.utf8)
            guard lowered.count >= needle.count else { return false }
            return (0...(lowered.count - needle.count)).contains { lowered[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        if ["](", "]:", "[^", "www.", "://", "@", "mailto:", "xmpp:"].contains(where: contains) { return true }
        var sawTag = false
        for (index, byte) in lowered.enumerated() where byte == UInt8(ascii: "<") {
            if index + 1 < lowered.count, lowered[index + 1].isASCIILetter { sawTag = true }
            for next in lowered[(index + 1)...] {
                if next <= 0x20 || next == UInt8(ascii: "<") || next == UInt8(ascii: ">") { break }
                if next == UInt8(ascii: ":") || next == UInt8(ascii: "@") { return true }
            }
        }
        return sawTag && ["href", "src", "action"].contains(where: contains)
    }

    // MARK: - Diagnostics

    private func problems(of diagnostic: Diagnostic) -> [String] {
        var found: [String] = []
        let printed = diagnostic.formatted(relativeTo: nil)
        if diagnostic.severity != .note, diagnostic.id.isEmpty { found.append("a diagnostic has no id: \(printed)") }
        if printed.split(separator: "\n", omittingEmptySubsequences: false).count != 1 + diagnostic.notes.count {
            found.append("a diagnostic prints on more lines than it has notes: \(Diagnostic.printable(printed))")
        }
        if let location = diagnostic.location, let bytes = sources[diagnostic.file] {
            let lineCount = Self.lineCount(bytes)
            if location.line < 1 || location.line > lineCount || location.column < 1 {
                found.append("a diagnostic points outside its file (\(lineCount) lines): \(printed)")
            }
        }
        for note in diagnostic.notes { found += problems(of: note) }
        return found
    }

    /// How many lines `bytes` has, lines ended as CommonMark ends them (`\n`, `\r\n` or `\r`);
    /// after a last line ending comes an empty last line.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
            let isCRLF = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
            if !isCRLF { count += 1 }
        }
        return count
    }

    // MARK: - Files

    /// Whether `text` is one JSON value (RFC 8259), read by ``JSONSyntax``.
    static func isJSON(_ text: some StringProtocol) -> Bool {
        var syntax = JSONSyntax(bytes: Array(text.utf8))
        return syntax.isValidDocument()
    }

    /// A search-index script is `window.__roadmapSearch.add(` a JSON object `);`.
    private func scriptProblems(_ text: String, path: String) -> [String] {
        let opening = "window.__roadmapSearch.add(", closing = ");\n"
        guard text.hasPrefix(opening), text.hasSuffix(closing), text.count >= opening.count + closing.count,
              Self.isJSON(text.dropFirst(opening.count).dropLast(closing.count))
        else { return ["\(path) is not a search-index script around a JSON object"] }
        return []
    }

    /// Elements a page never has (`style` sheets are files; the site's SVG is drawn without these).
    static let forbiddenElements: Set<String> = [
        "iframe", "object", "embed", "base", "style", "frame", "frameset", "applet", "foreignobject",
    ]
    /// The schemes the README promises no link keeps, however spelled.
    static let removedSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]
    /// Attributes holding a URL the browser follows when clicked (`href`) or loads (the rest).
    static let followedURLAttributes: Set<String> = ["href", "xlink:href", "action", "formaction", "cite"]
    static let loadedURLAttributes: Set<String> = ["src", "poster", "data", "background", "ping"]

    private func pageProblems(_ html: String, path: String) -> [String] {
        var found: [String] = []
        var tokenizer = HTMLTokenizer(html)
        var ids: Set<String> = []
        var jsonScriptStart: Int?
        func problem(_ message: String, at offset: Int) {
            var locator = tokenizer
            let (line, column) = locator.lineAndColumn(of: offset)
            found.append("\(path):\(line):\(column): \(message)")
        }
        while let token = tokenizer.next() {
            switch token {
            case .rawText(let range) where jsonScriptStart != nil:
                if !Self.isJSON(String(decoding: tokenizer.bytes[range], as: UTF8.self)) {
                    problem("a JSON script block does not parse", at: range.lowerBound)
                }
                jsonScriptStart = nil
            case .startTag(let tag):
                jsonScriptStart = nil
                let at = tag.range.lowerBound
                func value(_ name: String) -> String? { tag.attributes.first { $0.name == name }?.value ?? nil }
                if Self.forbiddenElements.contains(tag.name) { problem("a <\(tag.name)> element", at: at) }
                if tag.name == "meta", value("http-equiv") != nil { problem("a <meta http-equiv>", at: at) }
                if tag.name == "script", value("src") == nil {
                    if value("type")?.lowercased() == "application/json" {
                        jsonScriptStart = at
                    } else {
                        problem("an inline script", at: at)
                    }
                }
                if tag.name == "link", let href = value("href") {
                    let relations = Set((value("rel") ?? "").lowercased().split(separator: " ").map(String.init))
                    if relations != ["canonical"], !isOwnFile(href) { problem("a <link> loads '\(href)'", at: at) }
                }
                for attribute in tag.attributes {
                    let name = attribute.name, url = attribute.value ?? ""
                    if name.hasPrefix("on") || name == "style" || name == "srcdoc" {
                        problem("a '\(name)' attribute on <\(tag.name)>", at: attribute.offset)
                    }
                    if Self.followedURLAttributes.contains(name), let scheme = Self.scheme(of: url),
                       Self.removedSchemes.contains(scheme)
                    {
                        problem("a '\(scheme):' URL in '\(name)' on <\(tag.name)>", at: attribute.offset)
                    }
                    if Self.loadedURLAttributes.contains(name), !isOwnFile(url) {
                        problem("<\(tag.name)> loads '\(url)'", at: attribute.offset)
                    }
                    if name == "srcset" {
                        for candidate in url.split(separator: ",") {
                            let address = candidate.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
                            if !isOwnFile(address) { problem("<\(tag.name)> loads '\(address)'", at: attribute.offset) }
                        }
                    }
                    if name == "id", !run.config.allowRawHTML, !ids.insert(url).inserted {
                        problem("the id '\(url)' is on the page twice", at: attribute.offset)
                    }
                }
            default:
                jsonScriptStart = nil
            }
        }
        return found
    }

    /// The scheme a browser reads in `url`, lowercased (WHATWG URL: leading and trailing C0
    /// controls and spaces stripped, tabs and line feeds removed), or nil for a relative URL.
    static func scheme(of url: String) -> String? {
        let cleaned = browserCleaned(url)
        guard let colon = cleaned.firstIndex(of: UInt8(ascii: ":")), colon > 0, cleaned[0].isASCIILetter,
              cleaned[..<colon].allSatisfy({ $0.isASCIILetter || (0x30...0x39).contains($0) || Array("+-.".utf8).contains($0) })
        else { return nil }
        return String(decoding: cleaned[..<colon], as: UTF8.self).lowercased()
    }

    /// Whether `url`, loaded by a page, names a file of the site: a relative URL but `//host`
    /// (a browser reads `\` as `/` there), or one under the site's `base_url` (the not-found
    /// page's links are absolute with one).
    func isOwnFile(_ url: String) -> Bool {
        let cleaned = Self.browserCleaned(url)
        if let base = run.config.baseURL, !base.isEmpty, cleaned.starts(with: Array(base.utf8)) {
            return base.hasSuffix("/") || cleaned.count == base.utf8.count || cleaned[base.utf8.count] == UInt8(ascii: "/")
        }
        func isSlash(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
        return Self.scheme(of: url) == nil && !(cleaned.count >= 2 && isSlash(cleaned[0]) && isSlash(cleaned[1]))
    }

    private static func browserCleaned(_ url: String) -> [UInt8] {
        var bytes = Array(url.utf8)
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        let start = bytes.firstIndex { $0 > 0x20 } ?? bytes.count
        return bytes[start...].filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}

/// RFC 8259's grammar, checked over bytes without building values (`JSONSerialization` made
/// NSNumbers and dictionaries of every file the fuzzer checks, a tenth of its time): whitespace,
/// objects, arrays, strings (no raw control character, only the defined escapes, `\\u` with four
/// hex digits), numbers (no leading zero, no bare `.`), `true`, `false`, `null`; nesting up to
/// ``maximumDepth``.
struct JSONSyntax {
    let bytes: [UInt8]
    private var index = 0
    static let maximumDepth = 512

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Whether the bytes are one value, with whitespace around it only.
    mutating func isValidDocument() -> Bool {
        skipSpace()
        guard value(depth: 0) else { return false }
        skipSpace()
        return index == bytes.count
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    private mutating func value(depth: Int) -> Bool {
        guard depth < Self.maximumDepth, let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "{"): return container(closing: UInt8(ascii: "}"), depth: depth, isObject: true)
        case UInt8(ascii: "["): return container(closing: UInt8(ascii: "]"), depth: depth, isObject: false)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func container(closing: UInt8, depth: Int, isObject: Bool) -> Bool {
        index += 1
        skipSpace()
        if consume(closing) { return true }
        while true {
            if isObject {
                guard string() else { return false }
                skipSpace()
                guard consume(UInt8(ascii: ":")) else { return false }
                skipSpace()
            }
            guard value(depth: depth + 1) else { return false }
            skipSpace()
            if consume(closing) { return true }
            guard consume(UInt8(ascii: ",")) else { return false }
            skipSpace()
        }
    }

    private mutating func string() -> Bool {
        guard consume(UInt8(ascii: "\"")) else { return false }
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case 0..<0x20: return false
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return false }
                index += 1
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        guard let hex = current, (0x30...0x39).contains(hex) || (0x61...0x66).contains(hex | 0x20) else {
                            return false
                        }
                        index += 1
                    }
                } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                    return false
                }
            default: continue
            }
        }
        return false
    }

    private mutating func number() -> Bool {
        _ = consume(UInt8(ascii: "-"))
        func digits() -> Int {
            let start = index
            while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
            return index - start
        }
        if consume(UInt8(ascii: "0")) {
            if let byte = current, (0x30...0x39).contains(byte) { return false }
        } else if digits() == 0 {
            return false
        }
        if consume(UInt8(ascii: ".")), digits() == 0 { return false }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            if digits() == 0 { return false }
        }
        return true
    }

    private mutating func literal(_ word: String) -> Bool {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else {
            return false
        }
        index += expected.count
        return true
    }
}
