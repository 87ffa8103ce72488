import RoadmapMarkdown

/// Links mentions of a roadmap's defined terms in its prose — module titles, skills, tools — to
/// where they are defined: the first mention in each section only, never a link to the section
/// the mention is in, only in running text: never inside a heading, link, code or emphasis
/// (a bold topic title, an italic book title). Terms are matched on word stems
/// (see ``TermNormaliser``); a term defined in two places, or a single ordinary word, is not
/// linked at all (a wrong link is worse than none).
struct MentionLinker: Sendable {
    var normaliser: TermNormaliser
    var vetoed: Set<String> = []

    struct Term: Sendable {
        var stems: [String]
        var target: String
        /// The section the definition is in; mentions there are not linked.
        var definitionSection: String
        var title: String
    }

    /// Mentions linked, as (section, target) pairs, in document order.
    private(set) var linked: [CrossLink] = []
    /// The first three letters of every term's stems and of every special spelling.
    private(set) var prefixes: Set<String> = []
    /// The prefixes of three ASCII bytes, packed (see ``packedPrefix(_:_:_:)``): the look-up for
    /// an ASCII word, which needs no String made and hashed.
    private(set) var asciiPrefixes: Set<UInt32> = []

    /// Builds the term list: modules, skills and tools.
    static func terms(
        roadmap: Roadmap, skills: [Skill], skillSections: [String: String], tools: [(title: String, anchor: String, section: String)],
        normaliser: TermNormaliser, vetoed: Set<String>
    ) -> [Term] {
        var candidates: [Term] = []
        func add(_ title: String, target: String, section: String, singleWordAllowed: Bool) {
            let stems = normaliser.stems(title)
            guard !stems.isEmpty, !vetoed.contains(stems.joined(separator: " ")) else { return }
            // "Best Practices", "Next Steps", "Week 1": words any section might say.
            guard !stems.allSatisfy({ Self.genericWords.contains($0) || $0.allSatisfy(\.isNumber) }) else { return }
            if stems.count == 1 {
                // One word links only when it is a name: "MLflow", "DVC", "KubeFlow".
                guard singleWordAllowed, title.count >= 3, Self.looksLikeName(title) else { return }
            }
            candidates.append(Term(stems: stems, target: target, definitionSection: section, title: title))
        }
        for module in roadmap.modules {
            add(CrossLinker.withoutDuration(module.title), target: module.id, section: module.id, singleWordAllowed: true)
        }
        for skill in skills {
            add(skill.title, target: skill.id, section: skillSections[skill.id] ?? "", singleWordAllowed: true)
        }
        for tool in tools { add(tool.title, target: tool.anchor, section: tool.section, singleWordAllowed: true) }
        // A term with two definitions is ambiguous: drop it.
        var counts: [String: Int] = [:]
        for term in candidates { counts[term.stems.joined(separator: " "), default: 0] += 1 }
        return candidates.filter { counts[$0.stems.joined(separator: " ")] == 1 }
    }

    /// Stems of heading words too general to link on their own.
    static let genericWords: Set<String> = [
        "introduct", "overview", "basic", "get", "gett", "start", "next", "step", "best", "practic", "resourc", "summary",
        "conclus", "tip", "project", "advanc", "fundamental", "prerequisit", "beginner", "intermediat", "expert",
        "general", "miscellaneou", "other", "extra", "bonus", "final", "review", "week", "month", "phase", "day",
        "part", "chapter", "modul", "stage", "level", "learn", "path", "topic", "concept", "goal", "outcom", "key",
        "core", "essential", "foundat", "skill", "tool", "reading", "read", "further", "more", "note", "faq",
    ]

    /// "MLflow", "DVC", "KubeFlow", "k8s": a capital after the first letter, or a digit.
    static func looksLikeName(_ word: String) -> Bool {
        let trimmed = word.trimmingSpaces()
        guard !trimmed.contains(" ") else { return false }
        return trimmed.dropFirst().contains { $0.isUppercase || $0.isNumber }
    }

    /// Rewrites the roadmap's sections so that mentions become in-page links.
    mutating func link(_ roadmap: inout Roadmap, terms: [Term]) {
        guard !terms.isEmpty else { return }
        prefixes = Set(terms.flatMap(\.stems).map { String($0.prefix(3)) } + normaliser.spellings.map { String($0.prefix(3)) })
        asciiPrefixes = Set(prefixes.compactMap { prefix in
            let bytes = Array(prefix.utf8)
            guard bytes.count == 3, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Self.packedPrefix(bytes[0], bytes[1], bytes[2])
        })
        var byFirst: [String: [Term]] = [:]
        for term in terms { byFirst[term.stems[0], default: []].append(term) }
        for key in byFirst.keys { byFirst[key]?.sort { $0.stems.count > $1.stems.count } }
        var sections = roadmap.sections
        for index in sections.indices { rewrite(&sections[index], terms: byFirst) }
        roadmap.sections = sections
    }

    private mutating func rewrite(_ section: inout Section, terms: [String: [Term]]) {
        var used = Set<String>()
        if let blocks = rewriteBlocks(section.blocks, section: section.id, terms: terms, used: &used) {
            section.blocks = blocks
        }
        for index in section.children.indices { rewrite(&section.children[index], terms: terms) }
    }

    /// The blocks with their mentions linked, or nil when they have none. Most blocks have none:
    /// they (and their subtrees) are kept as they are instead of being rebuilt node by node, and
    /// they are read in place through the array (a `for node in` loop would copy each).
    private mutating func rewriteBlocks(_ nodes: [MarkdownNode], section: String, terms: [String: [Term]], used: inout Set<String>) -> [MarkdownNode]? {
        var out: [MarkdownNode]?
        for index in nodes.indices {
            let children: [MarkdownNode]?
            switch nodes[index].kind {
            case .paragraph, .tableCell:
                children = rewriteInlines(nodes[index].children, section: section, terms: terms, used: &used)
            case .list, .item, .blockQuote, .table, .tableRow:
                children = rewriteBlocks(nodes[index].children, section: section, terms: terms, used: &used)
            default:
                children = nil
            }
            guard let children else { continue }
            if out == nil { out = nodes }
            out![index].children = children
        }
        return out
    }

    /// The inlines with mentions in their text linked, or nil when there are none.
    private mutating func rewriteInlines(_ nodes: [MarkdownNode], section: String, terms: [String: [Term]], used: inout Set<String>) -> [MarkdownNode]? {
        var out: [MarkdownNode]?
        for index in nodes.indices {
            // Links, images, code and raw HTML stay as they are; so does emphasis: bold and
            // italic text is what authors make titles and labels of (`- **Version Control**`,
            // `*Title* by Author`), and a link inside one would split the title.
            guard case .text(let text) = nodes[index].kind,
                  let pieces = linkText(text, range: nodes[index].range, section: section, terms: terms, used: &used) else
            {
                out?.append(nodes[index])
                continue
            }
            if out == nil { out = Array(nodes[..<index]) }
            out!.append(contentsOf: pieces)
        }
        return out
    }

    /// Three lowercased ASCII bytes as one number.
    private static func packedPrefix(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        UInt32(a.asciiLowercased) << 16 | UInt32(b.asciiLowercased) << 8 | UInt32(c.asciiLowercased)
    }

    private struct Word {
        var stem: String
        /// UTF-8 offsets in the text.
        var start: Int
        var end: Int
    }

    /// The text node split into text and links to the terms it mentions, or nil when it mentions none.
    /// `range` is the text node's.
    private mutating func linkText(_ text: String, range nodeRange: SourceRange, section: String, terms: [String: [Term]], used: inout Set<String>) -> [MarkdownNode]? {
        // Words with their ranges, small words skipped (they may sit inside a term: "Infrastructure as Code").
        // A byte-level pass: ASCII letters and digits, and any non-ASCII letter, make words.
        var words: [Word] = []
        func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        var contiguous = text
        contiguous.withUTF8 { bytes in
            // Room for a word every four bytes, about what prose has, so the list rarely grows.
            words.reserveCapacity(bytes.count / 4 + 1)
            var start: Int?
            var skip = 0
            func close(_ end: Int) {
                guard let begin = start else { return }
                start = nil
                let length = end - begin
                // Only a word that may begin a term's stem (or is short enough to be a stop word or a
                // spelling such as "k8s") is stemmed; the rest cannot take part in a match. The
                // prefix is the first three characters lowercased; when the first four bytes are
                // ASCII, those are the first three bytes.
                if length > 5 {
                    let mayBeginTerm = bytes[begin] | bytes[begin + 1] | bytes[begin + 2] | bytes[begin + 3] < 0x80
                        ? asciiPrefixes.contains(Self.packedPrefix(bytes[begin], bytes[begin + 1], bytes[begin + 2]))
                        : prefixes.contains(String(text[index(begin)..<index(end)].prefix(3)).lowercased())
                    if !mayBeginTerm {
                        words.append(Word(stem: "", start: begin, end: end))
                        return
                    }
                }
                // An ASCII word (the common case) is lowercased from the bytes; another through a Substring.
                var isASCII = true
                for offset in begin..<end where bytes[offset] >= 0x80 { isASCII = false; break }
                let lowercased = isASCII
                    ? String(unsafeUninitializedCapacity: length) { buffer in
                        for offset in 0..<length {
                            let byte = bytes[begin + offset]
                            buffer[offset] = byte.asciiLowercased
                        }
                        return length
                    }
                    : text[index(begin)..<index(end)].lowercased()
                normaliser.forEachStem(ofLowercasedWord: lowercased) { stem in
                    words.append(Word(stem: stem, start: begin, end: end))
                }
            }
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                var isWordByte: Bool
                if skip > 0 {
                    skip -= 1
                    isWordByte = false
                } else if byte < 0x80 {
                    isWordByte = byte.isASCIILetter || byte.isASCIIDigit || (byte == 0x2F && start != nil)
                } else if byte >= 0xC0 {
                    // Punctuation and spaces outside ASCII: general punctuation (E2 80 xx), CJK
                    // punctuation (E3 80 xx), full-width forms (EF BC xx), no-break space (C2 A0).
                    let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
                    if (byte == 0xE2 && next == 0x80) || (byte == 0xE3 && next == 0x80) || (byte == 0xEF && next == 0xBC) {
                        skip = 2
                        isWordByte = false
                    } else if byte == 0xC2 && next == 0xA0 {
                        skip = 1
                        isWordByte = false
                    } else {
                        isWordByte = true
                    }
                } else {
                    isWordByte = start != nil  // a continuation byte of a letter
                }
                if isWordByte {
                    if start == nil { start = offset }
                } else {
                    close(offset)
                }
                offset += 1
            }
            close(bytes.count)
        }
        guard !words.isEmpty else { return nil }

        var pieces: [MarkdownNode] = []
        var cursor = text.startIndex
        var position = 0
        let synthetic = SourceRange(start: SourceLocation(line: 0, column: 0), end: SourceLocation(line: 0, column: 0))
        while position < words.count {
            // A word left without a stem (it cannot begin a term) needs no look-up.
            let candidates = words[position].stem.isEmpty ? [] : terms[words[position].stem] ?? []
            var matched: (Term, Int)?
            for term in candidates where position + term.stems.count <= words.count {
                if zip(term.stems, words[position..<(position + term.stems.count)]).allSatisfy({ $0 == $1.stem }) {
                    matched = (term, term.stems.count)
                    break
                }
            }
            guard let (term, length) = matched, term.definitionSection != section, term.target != section,
                  !used.contains(term.target) else {
                position += 1
                continue
            }
            used.insert(term.target)
            let range = index(words[position].start)..<index(words[position + length - 1].end)
            if cursor < range.lowerBound {
                pieces.append(MarkdownNode(kind: .text(String(text[cursor..<range.lowerBound])), range: nodeRange))
            }
            pieces.append(MarkdownNode(
                kind: .link(destination: "#" + term.target, title: term.title), range: synthetic,
                children: [MarkdownNode(kind: .text(String(text[range])), range: synthetic)]))
            linked.append(CrossLink(from: section, to: term.target, kind: .mentions, evidence: String(text[range])))
            cursor = range.upperBound
            position += length
        }
        guard !pieces.isEmpty else { return nil }
        if cursor < text.endIndex { pieces.append(MarkdownNode(kind: .text(String(text[cursor...])), range: nodeRange)) }
        return pieces
    }
}
