import Foundation

/// The light first pass of the "Also in" links: a line scan of a roadmap's Markdown, without
/// parsing it, for the items of its skill lists (under a heading that says "skills" or
/// "competencies", outside phases) and of its tool lists (under a heading or list label such
/// as "Tools and Platforms"), each with the anchor its page will most likely give it.
///
/// It reads as ``CrossLinker`` and ``ResourceExtractor`` do, but more roughly; where it guesses
/// an anchor or an entry the page does not have, the page adds that anchor at the entry (or at
/// its end), so a link to it never breaks (see ``RoadmapEnricher``).
struct SharedTermScanner: Sendable {
    let glossary: Glossary
    /// The site glossary's normaliser and vetoed stems, made once for the roadmaps (most) that
    /// add no aliases of their own.
    private let siteNormaliser: TermNormaliser
    private let siteVetoed: Set<String>

    init(glossary: Glossary = Glossary()) {
        self.glossary = glossary
        (siteNormaliser, siteVetoed) = Self.normaliser(for: glossary)
    }

    private static func normaliser(for glossary: Glossary) -> (TermNormaliser, Set<String>) {
        let normaliser = TermNormaliser(aliases: glossary.aliases)
        return (normaliser, Set(glossary.vetoed.map { normaliser.stems($0).joined(separator: " ") }))
    }

    private enum Region {
        case skills(level: Int)
        case tools(level: Int)
        var level: Int { switch self { case .skills(let level), .tools(let level): level } }
    }

    private struct Item {
        var indent: Int
        /// The whole line; its text (``listItem(_:)``) is read only for the items that need it.
        var line: Substring
        var region: Region
        var text: Substring { SharedTermScanner.listItem(line)?.1 ?? "" }
    }

    func listing(_ document: PreparedDocument) -> SharedTermReader.Listing {
        let (normaliser, vetoed) = document.frontMatter.aliases.isEmpty ? (siteNormaliser, siteVetoed)
            : Self.normaliser(for: glossary.adding(frontMatterAliases: document.frontMatter.aliases))
        var title = document.frontMatter.title
        // `<h1 align="center">…</h1>` before any heading, a common README header.
        var htmlTitle: String?
        var sawHeading = false
        var items: [Item] = []
        var region: Region?
        // Headings above the current line: (level, Markdown text).
        var open: [(level: Int, text: Substring)] = []
        var fence: String?
        var previous: Substring = ""

        func heading(_ level: Int, _ markdown: Substring) {
            sawHeading = true
            if title == nil, level == 1 { title = Self.inlineText(markdown) }
            while let last = open.last, last.level >= level { open.removeLast() }
            defer { open.append((level, markdown)) }
            if let current = region, level <= current.level { region = nil }
            guard level >= 2, region == nil else { return }
            // The words are looked for in the raw text first: most headings name neither.
            var found: Region?
            if Self.mayName(["skill", "competenc"], markdown.utf8) {
                if CrossLinker.namesSkills(normaliser.stems(Self.inlineText(markdown))) { found = .skills(level: level) }
            }
            if found == nil, Self.mayName(Self.toolWords, markdown.utf8),
               let hint = ResourceExtractor.hint(from: Self.inlineText(markdown)), hint.kind == .tool
            {
                found = .tools(level: level)
            }
            // Skill lists inside a phase or module are not the roadmap's skills.
            if let found, !open.contains(where: { RoadmapBuilder.namesPhase(Self.inlineText($0.text)) }) { region = found }
        }

        let body = document.body
        var lineStart = body.utf8.startIndex
        while lineStart < body.utf8.endIndex {
            let lineEnd = body.firstUTF8Index(of: 0x0A, from: lineStart) ?? body.utf8.endIndex
            let line = body[lineStart..<lineEnd]
            lineStart = lineEnd < body.utf8.endIndex ? body.utf8.index(after: lineEnd) : lineEnd
            let bytes = line.utf8
            let indent = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
            let trimmed = line.utf8.dropFirst(indent)
            let first = trimmed.first ?? 0
            if let open = fence {
                if trimmed.starts(with: open.utf8) { fence = nil }
                previous = ""
                continue
            }
            if (first == 0x60 || first == 0x7E), trimmed.prefix(3).count == 3, trimmed.prefix(3).allSatisfy({ $0 == first }) {
                fence = first == 0x60 ? "```" : "~~~"
                continue
            }
            if first == 0x23 {  // #
                let hashes = trimmed.prefix { $0 == 0x23 }.count
                let rest = trimmed.dropFirst(hashes)
                if hashes <= 6, rest.isEmpty || rest.first == 0x20 {
                    var text = Substring(rest).drop { $0 == " " }
                    while text.last == "#" || text.last == " " || text.last == "\r" { text = text.dropLast() }
                    heading(hashes, text)
                    previous = ""
                    continue
                }
            }
            // Setext: a paragraph line underlined with = or -.
            if first == 0x3D || first == 0x2D, !previous.isEmpty,
               trimmed.allSatisfy({ $0 == first || $0 == 0x20 || $0 == 0x0D }), Self.listItemIndent(previous) == nil
            {
                heading(first == 0x3D ? 1 : 2, previous.drop { $0 == " " })
                previous = ""
                continue
            }
            if first == 0x3C, title == nil, htmlTitle == nil, !sawHeading {  // <
                // A line that opens with `<h1>`, read as the model reads a README's HTML header.
                let line = Substring(trimmed)
                if line.prefix(3).lowercased() == "<h1" { htmlTitle = RoadmapBuilder.headingOneText(in: line) }
            }
            previous = trimmed.isEmpty ? "" : line
            guard let itemIndent = Self.listItemIndent(line) else { continue }
            // Outside skill and tool lists, a list label may still introduce tools
            // ("2. Tools and Platforms" with the tools below it).
            items.append(Item(indent: itemIndent, line: line, region: region ?? .skills(level: -1)))
        }

        var terms = SharedTermList(normaliser: normaliser, vetoed: vetoed)
        var skillSlugger = Slugger()
        // Tools under a tool label, by the label's indent.
        var toolLabelIndent: Int?
        for (index, item) in items.enumerated() {
            if let labelIndent = toolLabelIndent, item.indent <= labelIndent { toolLabelIndent = nil }
            let isLabel = index + 1 < items.count && items[index + 1].indent > item.indent
            if isLabel {
                // Markup needs no removing: the hint reads the label's words only.
                let label = item.text
                if label.utf8.count <= 60, Self.mayName(Self.toolWords, label.utf8),
                   let hint = ResourceExtractor.hint(from: String(label)), hint.kind == .tool
                {
                    toolLabelIndent = item.indent
                }
                continue
            }
            let isTool = toolLabelIndent != nil || { if case .tools = item.region { true } else { false } }()
            let isSkill = { if case .skills(let level) = item.region { level >= 0 } else { false } }()
            guard isTool || isSkill else { continue }
            let itemText = item.text
            let text = Self.inlineText(itemText)
            if isTool {
                let (title, url) = Self.toolTitle(itemText)
                guard !title.isEmpty else { continue }
                let identity = url.map { "url:" + ResourceIdentity.normalisedURL($0) }
                    ?? "tool:" + ResourceIdentity.normalisedTitle(title)
                terms.add("tool", title, "u-" + ResourceIdentity.anchor(title: title, identity: identity).dropFirst(2))
            } else {
                var (core, _) = ResourceExtractor.splitNotes(text)
                if let colon = core.firstIndex(of: ":") { core = String(core[..<colon]) }
                core = core.trimmingSpaces()
                guard !core.isEmpty, core.count <= 60, core.split(separator: " ").count <= 7 else { continue }
                terms.add("skill", core, skillSlugger.anchor(for: "skill " + core))
            }
        }
        // The page's own fallbacks, in its order: an HTML `<h1>` header, then the file (a README by its folder).
        let fallback = htmlTitle ?? Slugger.pageStem(relativePath: document.file.relativePath)
        return SharedTermReader.Listing(slug: document.slug, title: title ?? fallback, order: document.frontMatter.order,
                                        terms: terms.terms)
    }

    /// The words that make a list of tools ("Tools and Platforms", "Frameworks"), lowercased.
    static let toolWords: [String] = (ResourceExtractor.listWords.merging(ResourceExtractor.singleWords) { a, _ in a })
        .filter { $0.value == .tool }.keys.sorted()

    /// Whether ASCII `text` may hold one of `words` (lowercase), compared without case: a cheap
    /// test before the real one. Text with other characters always may.
    static func mayName(_ words: [String], _ text: some Collection<UInt8>) -> Bool {
        var lower: [UInt8] = []
        lower.reserveCapacity(text.count)
        for byte in text {
            if byte >= 0x80 { return true }
            lower.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        }
        return lower.withUnsafeBufferPointer { hay in
            words.contains { word in
                var word = word
                return word.withUTF8 { ByteSearch.firstOffset(of: $0, in: hay) != nil }
            }
        }
    }

    /// A list marker (`-`, `*`, `+`, `1.`, `1)`) and the blank after it: the line's indent and the
    /// byte offset just past the marker, where the blank is; nil when the line starts no item.
    private static func listMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> (indent: Int, end: Int)? {
        var at = 0
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
        let indent = at
        guard at < bytes.count else { return nil }
        if bytes[at] == 0x2D || bytes[at] == 0x2A || bytes[at] == 0x2B {  // - * +
            at += 1
        } else {
            let digitsStart = at
            while at < bytes.count, bytes[at] &- 0x30 < 10 { at += 1 }
            guard at > digitsStart, at - digitsStart <= 9, at < bytes.count,
                  bytes[at] == 0x2E || bytes[at] == 0x29  // . )
            else { return nil }
            at += 1
        }
        guard at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 else { return nil }
        return (indent, at)
    }

    /// The indent of a line that ``listItem(_:)`` reads as an item, found on the bytes without
    /// making its text; nil when it is not one.
    static func listItemIndent(_ line: Substring) -> Int? {
        var line = line
        return line.withUTF8 { bytes -> Int? in
            guard let (indent, markerEnd) = listMarker(bytes) else { return nil }
            var at = markerEnd
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
            // A carriage return or spaces at the end are not text (and a task box is only taken
            // off with text after it, so it never leaves an item empty).
            var end = bytes.count
            while end > at, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 { end -= 1 }
            return end > at ? indent : nil
        }
    }

    /// `- text`, `* text`, `+ text`, `1. text`, `1) text`: the indent and the text.
    static func listItem(_ line: Substring) -> (Int, Substring)? {
        var copy = line
        guard let (indent, markerEnd) = copy.withUTF8({ listMarker($0) }) else { return nil }
        var text = Substring(line.utf8.dropFirst(markerEnd)).drop { $0 == " " || $0 == "\t" }
        // Bytes first: the last Character can only be "\r" or " " when the last byte is.
        while let last = text.utf8.last, last == 0x0D || last == 0x20, text.last == "\r" || text.last == " " {
            text = text.dropLast()
        }
        if text.utf8.first == 0x5B {  // [
            for box in ["[ ] ", "[x] ", "[X] "] where text.hasPrefix(box) { text = text.dropFirst(box.count) }
        }
        return text.isEmpty ? nil : (indent, text)
    }

    /// The text a reader sees: link and image texts kept, emphasis and code marks removed.
    static func inlineText(_ markdown: Substring) -> String {
        if !markdown.utf8.contains(where: { $0 == 0x5B || $0 == 0x2A || $0 == 0x60 || $0 == 0x5F }) {
            return ResourceExtractor.squeeze(String(markdown))
        }
        var out = ""
        var rest = markdown[...]
        while let open = rest.firstIndex(of: "[") {
            var before = rest[..<open]
            if before.last == "!" { before = before.dropLast() }  // an image: its alt text
            out += before
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "]"), rest.index(after: close) < rest.endIndex,
               rest[rest.index(after: close)] == "(", let end = rest[close...].firstIndex(of: ")")
            {
                out += rest[afterOpen..<close]
                rest = rest[rest.index(after: end)...]
            } else {
                out += "["
                rest = rest[afterOpen...]
            }
        }
        out += rest
        // Emphasis and code marks; "__" but not a single "_" (snake_case).
        var cleaned = ""
        for character in out where character != "*" && character != "`" {
            if character == "_", cleaned.last == "_" {
                cleaned.removeLast()
                continue
            }
            cleaned.append(character)
        }
        return ResourceExtractor.squeeze(cleaned)
    }

    /// A tool item's title and address: a leading link's text and URL, else the text without notes.
    static func toolTitle(_ item: Substring) -> (String, String?) {
        let text = item.drop { $0 == "*" || $0 == "_" }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text.index(after: close) < text.endIndex,
           text[text.index(after: close)] == "(", let end = text[close...].firstIndex(of: ")")
        {
            let title = inlineText(text[text.index(after: text.startIndex)..<close])
            let url = String(text[text.index(close, offsetBy: 2)..<end]).trimmingSpaces()
            return (ResourceExtractor.splitNotes(title).0.trimmingSpaces(), url.isEmpty ? nil : url)
        }
        var plain = inlineText(item)
        if let colon = plain.literalRange(of: ": ") {
            // "Tool: Docker" names its kind first; "Docker: containers" its title.
            let before = String(plain[..<colon.lowerBound])
            plain = ResourceExtractor.hint(from: before) != nil ? String(plain[colon.upperBound...]) : before
        }
        let (core, _) = ResourceExtractor.splitNotes(plain)
        return (core.trimmingSpaces(), nil)
    }
}
