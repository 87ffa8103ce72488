import Foundation

/// Which content files are published as they are: static files a browser shows but never runs.
/// An HTML page, a script or a style sheet from the content folder would be served from the
/// site's own origin, where `Content-Security-Policy: default-src 'self'` lets it run or load
/// anything, so those are left out (a style sheet can load from other hosts and restyle any
/// page); so is any kind not listed here.
enum StaticAssets {
    static let extensions: Set<String> = [
        // Images (SVG only without script: see ``SVGScriptScanner``).
        "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff", "svg",
        // Documents.
        "pdf",
        // Fonts.
        "woff", "woff2", "ttf", "otf",
        // Audio and video.
        "mp3", "m4a", "aac", "oga", "ogg", "opus", "wav", "flac", "mp4", "m4v", "webm", "ogv", "mov",
    ]

    /// Why `file` (extension `ext`, lowercased) is not published, or nil when it is.
    static func reasonToSkip(_ file: SourceFile, extension ext: String) -> SkippedFile.Reason? {
        guard extensions.contains(ext) else { return .notStatic(extension: ext) }
        guard ext == "svg" else { return nil }
        // An SVG that cannot be read is published as it is: the copy then reports the file.
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return SVGScriptScanner.activeContent(in: data).map { .activeSVG($0) }
    }
}

/// Finds what would run, or change what runs, in an SVG opened on its own: scripts, event
/// handlers, `javascript:` URLs, foreign objects (HTML inside the image), and the XML features
/// that can bring those in unseen (entity and attribute declarations, style-sheet processing
/// instructions, a UTF-16 or UTF-32 text). It reads the bytes as text, not as XML, and errs
/// towards finding: markup inside a comment counts too.
enum SVGScriptScanner {
    /// A description of the first active content found (for the warning), or nil.
    static func activeContent(in data: Data) -> String? {
        let bytes = [UInt8](data)
        // UTF-16 and UTF-32 (with or without a byte order mark) hide markup from a byte scan.
        if bytes.contains(0) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return "text that is not UTF-8"
        }
        let text = bytes.map(\.asciiLowercased)
        if let element = firstActiveElement(text) { return "a '\(element)' element" }
        let lowercased = String(decoding: text, as: UTF8.self)
        for (marker, what) in declarations where lowercased.contains(marker) { return what }
        if let handler = firstEventHandler(text) { return "an event handler ('\(handler)')" }
        let urls = String(decoding: decodedWithoutSpaces(text), as: UTF8.self)
        for scheme in ["javascript:", "vbscript:"] where urls.contains(scheme) { return "a '\(scheme)' URL" }
        return nil
    }

    /// Elements that run script or hold HTML (the local name, after any namespace prefix).
    static let activeElements: Set<String> = ["script", "foreignobject", "handler", "iframe", "embed", "object"]

    /// Markup that declares entities or default attributes, or applies a style sheet (XSLT can
    /// write a script).
    static let declarations: [(String, String)] = [
        ("<!entity", "an entity declaration"),
        ("<!attlist", "an attribute declaration"),
        ("<?xml-stylesheet", "a style-sheet processing instruction"),
    ]

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            || byte == 0x2E || byte == 0x3A || byte >= 0x80
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The first start or end tag whose local name is an active element.
    private static func firstActiveElement(_ text: [UInt8]) -> String? {
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text[index] == 0x3C else { continue }  // <
            var start = index + 1
            if start < text.count, text[start] == 0x2F { start += 1 }  // </
            var end = start
            while end < text.count, isNameByte(text[end]) { end += 1 }
            let name = text[start..<end]
            let local = name.split(separator: 0x3A, omittingEmptySubsequences: false).last ?? name[...]
            let element = String(decoding: local, as: UTF8.self)
            if activeElements.contains(element) { return element }
        }
        return nil
    }

    /// The first attribute named `on…` (`onload=`, `onclick =`, `ev:onfocusin=`), or an
    /// animation of one (`attributeName="onclick"`).
    private static func firstEventHandler(_ text: [UInt8]) -> String? {
        var index = 1
        while index + 2 < text.count {
            defer { index += 1 }
            guard text[index] == 0x6F, text[index + 1] == 0x6E else { continue }  // "on"
            let before = text[index - 1]
            let quoted = before == 0x22 || before == 0x27
            guard isSpace(before) || quoted || before == 0x2F || before == 0x3A else { continue }
            var end = index + 2
            while end < text.count, text[end] >= 0x61, text[end] <= 0x7A { end += 1 }
            guard end > index + 2 else { continue }
            let name = String(decoding: text[index..<end], as: UTF8.self)
            var after = end
            while after < text.count, isSpace(text[after]) { after += 1 }
            if after < text.count, text[after] == 0x3D { return name }  // on…=
            // A quoted value starting with on…: an animation that sets an event handler.
            if quoted, attributeNameBefore(index - 1, in: text) { return name }
        }
        return nil
    }

    /// Whether the quote at `quote` opens the value of an `attributename` attribute.
    private static func attributeNameBefore(_ quote: Int, in text: [UInt8]) -> Bool {
        var index = quote - 1
        while index >= 0, isSpace(text[index]) { index -= 1 }
        guard index >= 0, text[index] == 0x3D else { return false }  // =
        index -= 1
        while index >= 0, isSpace(text[index]) { index -= 1 }
        let name = Array("attributename".utf8)
        guard index + 1 >= name.count else { return false }
        return Array(text[(index + 1 - name.count)...index]) == name
    }

    /// The text with numeric character references decoded (as ``HTMLTokenizer`` reads them,
    /// any number of digits) and every space and control character dropped, as a browser reads
    /// a URL (`java&#x0A;script:` is `javascript:`).
    private static func decodedWithoutSpaces(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == 0x26, index + 1 < text.count, text[index + 1] == 0x23,  // &#
               let (character, next) = HTMLTokenizer.reference(in: text[...], at: index)
            {
                let scalar = character.value
                if scalar > 0x20, scalar < 0x80 { out.append(UInt8(scalar).asciiLowercased) }
                index = next
                continue
            }
            if text[index] > 0x20 { out.append(text[index]) }
            index += 1
        }
        return out
    }
}
