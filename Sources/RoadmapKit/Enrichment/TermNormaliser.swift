import Foundation

/// Turns a phrase into the word stems cross-links and resource identities match on: lowercase,
/// punctuation and zero-width characters removed, common abbreviations expanded to one token
/// (`machine learning` → `ml`, `CI/CD` → `cicd`, `k8s` → `kubernetes`), small words dropped and
/// a light stemmer applied (automated / automation → `automat`, monitoring → `monitor`).
struct TermNormaliser: Sendable {
    /// Extra phrase → canonical phrase pairs, from front matter `aliases:` and `glossary.yml`.
    var aliases: [String: String] = [:]

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "for", "in", "on", "with", "to", "as", "by", "at", "from", "into",
        "via", "your", "you", "using", "its", "their", "how", "what", "is", "are", "be", "&", "+", "vs", "etc",
    ]

    /// Multi-word phrases and spellings that mean one thing; applied to lowercased text.
    static let builtInPhrases: [(String, String)] = [
        ("machine learning", "ml"), ("artificial intelligence", "ai"), ("deep learning", "dl"),
        ("large language models", "llm"), ("large language model", "llm"), ("llms", "llm"),
        ("continuous integration and continuous delivery", "cicd"),
        ("continuous integration and continuous deployment", "cicd"),
        ("continuous integration / continuous delivery", "cicd"),
        ("ci/cd", "cicd"), ("ci cd", "cicd"), ("k8s", "kubernetes"),
        ("iac", "infrastructure as code"),
        ("a/b", "ab"), ("e2e", "end to end"),
        ("js", "javascript"), ("ts", "typescript"), ("postgresql", "postgres"),
    ]

    /// What a word may be, found with one look-up (most words are none of these): a stop word,
    /// a one-word spelling, the first word of multi-word phrases (("machine", ["learning"]) →
    /// ["ml"], longest first).
    private struct Entry {
        var isStopWord = false
        var spelling: [String]?
        var phrases: [(rest: [String], replacement: [String])] = []
    }

    private var lexicon: [String: Entry] = [:]
    /// For each first byte of a lexicon word, a bit for each of their lengths (63 for 63 and
    /// longer): most words of a text are in no entry, and this tells so without hashing them.
    private var lexiconShapes = [UInt64](repeating: 0, count: 256)

    init(aliases: [String: String] = [:]) {
        // Without aliases (a site without a glossary, a roadmap without front-matter aliases)
        // the lexicon is the built-in one, made once rather than for every roadmap.
        self = aliases.isEmpty ? Self.builtIn : TermNormaliser(building: aliases)
    }

    /// The normaliser of the built-in phrases and stop words alone.
    private static let builtIn = TermNormaliser(building: [:])

    private init(building aliases: [String: String]) {
        var lowered: [String: String] = [:]
        for (key, value) in aliases { lowered[key.lowercased()] = value.lowercased() }
        self.aliases = lowered
        var single: [String: [String]] = [:]
        var multi: [String: [(rest: [String], replacement: [String])]] = [:]
        // Aliases last, so an author's word wins over a built-in spelling.
        for (phrase, replacement) in Self.builtInPhrases + lowered.sorted(by: { $0.key < $1.key }).map({ ($0.key, $0.value) }) {
            let target = Self.tokens(replacement).filter { !Self.stopWords.contains($0) }
            if !phrase.contains(" ") {
                single[phrase] = target
                continue
            }
            let words = Self.tokens(phrase)
            guard let first = words.first, words.count > 1 else { continue }
            multi[first, default: []].removeAll { $0.rest == Array(words.dropFirst()) }
            multi[first, default: []].append((Array(words.dropFirst()), target))
        }
        for key in multi.keys { multi[key]?.sort { $0.rest.count > $1.rest.count } }
        var lexicon: [String: Entry] = [:]
        for word in Self.stopWords { lexicon[word, default: Entry()].isStopWord = true }
        for (word, target) in single { lexicon[word, default: Entry()].spelling = target }
        for (word, candidates) in multi { lexicon[word, default: Entry()].phrases = candidates }
        self.lexicon = lexicon
        for word in lexicon.keys { if let first = word.utf8.first { lexiconShapes[Int(first)] |= Self.lengthBit(word) } }
    }

    private static func lengthBit(_ word: String) -> UInt64 { 1 << UInt64(min(word.utf8.count, 63)) }

    /// The lexicon's entry for `word`, if any.
    private func entry(_ word: String) -> Entry? {
        guard let first = word.utf8.first, lexiconShapes[Int(first)] & Self.lengthBit(word) != 0 else { return nil }
        return lexicon[word]
    }

    /// One-word spellings that stand for other words ("k8s", "js", an alias).
    var spellings: [String] { lexicon.compactMap { $0.value.spelling == nil ? nil : $0.key } }

    /// The stems of one lowercased word of running text, cheaply (no phrase look-up beyond
    /// one-word spellings), each handed to `body`.
    func forEachStem(ofLowercasedWord lower: String, _ body: (String) -> Void) {
        if let entry = entry(lower) {
            if let mapped = entry.spelling { for word in mapped { body(Self.stem(word)) }; return }
            if entry.isStopWord { return }
        }
        if lower.containsASCII(0x2F) { for part in Self.slashParts(lower) { body(Self.stem(part)) }; return }
        body(Self.stem(lower))
    }

    /// The stems of `text`, in order, without repeats.
    func stems(_ text: String) -> [String] {
        let tokens = Self.tokens(text)
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        // Each word stemmed as it is found: no list of the words made first.
        forEachWord(of: tokens) { word in
            let stem = Self.stem(word)
            if !out.contains(stem) { out.append(stem) }
        }
        return out
    }

    /// The lowercased words of `text` after abbreviations are applied, small words dropped.
    func words(_ text: String) -> [String] {
        let tokens = Self.tokens(text)
        var out: [String] = []
        out.reserveCapacity(tokens.count)
        forEachWord(of: tokens) { out.append($0) }
        return out
    }

    /// ``words(_:)`` of `raw`, the text's ``tokens(_:)``, each handed to `body` in order.
    private func forEachWord(of raw: [String], _ body: (String) -> Void) {
        var index = 0
        while index < raw.count {
            let word = raw[index]
            guard let entry = entry(word) else {
                if word.containsASCII(0x2F) { Self.slashParts(word).forEach(body) } else { body(word) }
                index += 1
                continue
            }
            var matched = false
            for candidate in entry.phrases where index + candidate.rest.count < raw.count {
                if raw[(index + 1)...(index + candidate.rest.count)].elementsEqual(candidate.rest) {
                    candidate.replacement.forEach(body)
                    index += candidate.rest.count + 1
                    matched = true
                    break
                }
            }
            if matched { continue }
            if let mapped = entry.spelling {
                mapped.forEach(body)
            } else if word.containsASCII(0x2F) {
                Self.slashParts(word).forEach(body)
            } else if !entry.isStopWord {
                body(word)
            }
            index += 1
        }
    }

    /// "ui/ux" → ["ui", "ux"], small words dropped.
    private static func slashParts(_ word: String) -> [String] {
        word.split(separator: "/").map(String.init).filter { !stopWords.contains($0) }
    }

    /// Lowercased runs of letters and digits ("/" kept inside a word: "ci/cd"); zero-width and
    /// formatting characters are skipped. ASCII text takes a byte-level fast path.
    static func tokens(_ text: String) -> [String] {
        if text.isAllASCII {
            var copy = text
            return copy.withUTF8(asciiTokens)
        }
        var out: [String] = []
        var word = ""
        func flushWord() {
            while word.hasSuffix("/") { word.removeLast() }
            if !word.isEmpty { out.append(word.lowercased()) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .format || (0xFE00...0xFE0F).contains(scalar.value) { continue }
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
                word.unicodeScalars.append(scalar)
            } else if scalar == "/", !word.isEmpty {
                word.unicodeScalars.append(scalar)
            } else {
                flushWord()
            }
        }
        flushWord()
        return out
    }

    /// ``tokens(_:)`` for ASCII text: each run of letters, digits and inner slashes, lowercased
    /// as it is copied out, without building the word a byte at a time.
    private static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        func isWordByte(_ byte: UInt8) -> Bool { byte.isASCIILetter || byte.isASCIIDigit }
        var out: [String] = []
        // Room for every word the text can hold (a word and a separator each), so that the
        // array is allocated once instead of grown word by word.
        out.reserveCapacity((bytes.count + 1) / 2)
        var index = 0
        let count = bytes.count
        while index < count {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < count, isWordByte(bytes[index]) || bytes[index] == 0x2F { index += 1 }
            var end = index
            while bytes[end - 1] == 0x2F { end -= 1 }
            out.append(String(unsafeUninitializedCapacity: end - start) { buffer in
                for offset in 0..<(end - start) {
                    let byte = bytes[start + offset]
                    buffer[offset] = byte.asciiLowercased
                }
                return end - start
            })
        }
        return out
    }

    /// A light suffix stemmer: enough to make automated/automation/automate, monitoring/monitor,
    /// systems/system and optimisation/optimization meet, without making unrelated words meet.
    static func stem(_ word: String) -> String {
        var copy = word
        let stemmed: String? = copy.withUTF8 { bytes -> String? in
            let count = bytes.count
            guard count > 4, !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            func hasSuffix(_ suffix: [UInt8], length: Int) -> Bool {
                guard length >= suffix.count else { return false }
                var offset = 0
                while offset < suffix.count {
                    if bytes[length - suffix.count + offset] != suffix[offset] { return false }
                    offset += 1
                }
                return true
            }
            var length = count
            var replacement: [UInt8] = []
            let last = bytes[count - 1]
            for (suffix, replaced) in stemRulesByLastByte[Int(last)] where hasSuffix(suffix, length: count) {
                if suffix == [0x73], hasSuffix([0x73, 0x73], length: count) || hasSuffix([0x75, 0x73], length: count)
                    || hasSuffix([0x69, 0x73], length: count)
                {
                    break
                }
                if count - suffix.count + replaced.count >= 3 {
                    length = count - suffix.count
                    replacement = replaced
                }
                break
            }
            var total = length + replacement.count
            let lastByte = replacement.last ?? bytes[length - 1]
            if total > 4, lastByte == 0x65 { total -= 1 }
            if total == count, replacement.isEmpty { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 4) { buffer in
                var written = 0
                for index in 0..<min(length, total) {
                    buffer[written] = bytes[index]
                    written += 1
                }
                for byte in replacement where written < total {
                    buffer[written] = byte
                    written += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<written]), as: UTF8.self)
            }
        }
        return stemmed ?? word
    }

    /// Suffix → replacement, longest first within each family; the first that fits applies.
    static let stemRules: [([UInt8], [UInt8])] = [
        ("ibilities", "ibl"), ("ibility", "ibl"), ("abilities", "abl"), ("ability", "abl"), ("ible", "ibl"),
        ("able", "abl"), ("izations", "iz"), ("isations", "iz"), ("ization", "iz"), ("isation", "iz"), ("ations", "at"),
        ("ation", "at"), ("ions", ""), ("ion", ""), ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""),
        ("ies", "y"), ("ied", "y"), ("ised", "iz"), ("ized", "iz"), ("ises", "iz"), ("izes", "iz"),
        ("ise", "iz"), ("ize", "iz"), ("sses", "ss"), ("ed", ""), ("es", "e"), ("s", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// ``stemRules`` by the last byte of their suffix, in the same order: a word's last byte
    /// picks the few rules that can fit it.
    static let stemRulesByLastByte: [[([UInt8], [UInt8])]] = {
        var table = [[([UInt8], [UInt8])]](repeating: [], count: 256)
        for rule in stemRules { table[Int(rule.0.last!)].append(rule) }
        return table
    }()
}
