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
        ("ci/cd", "cicd"), ("ci-cd", "cicd"), ("ci / cd", "cicd"), ("k8s", "kubernetes"),
        ("infrastructure-as-code", "infrastructure as code"), ("iac", "infrastructure as code"),
        ("a/b", "ab"), ("e2e", "end to end"), ("end-to-end", "end to end"), ("mlops", "mlops"),
        ("javascript", "javascript"), ("js", "javascript"), ("ts", "typescript"), ("postgresql", "postgres"),
    ]

    /// One-word spellings ("k8s", "ci/cd", an alias) → the stems they stand for.
    private var singleWords: [String: [String]] = [:]

    init(aliases: [String: String] = [:]) {
        var lowered: [String: String] = [:]
        for (key, value) in aliases { lowered[key.lowercased()] = value.lowercased() }
        self.aliases = lowered
        var single: [String: [String]] = [:]
        for (phrase, replacement) in Self.builtInPhrases + lowered.map({ ($0.key, $0.value) }) where !phrase.contains(" ") {
            single[phrase] = replacement.split(separator: " ").map(String.init)
                .filter { !Self.stopWords.contains($0) }.map(Self.stem)
        }
        singleWords = single
    }

    /// The stems of one word of running text, cheaply: no phrase look-up beyond one-word spellings.
    func wordStems(_ word: Substring) -> [String] {
        let lower = word.lowercased()
        if let mapped = singleWords[lower] { return mapped }
        if Self.stopWords.contains(lower) { return [] }
        if lower.contains("/") {
            return lower.split(separator: "/").filter { !Self.stopWords.contains(String($0)) }.map { Self.stem(String($0)) }
        }
        return [Self.stem(lower)]
    }

    /// The stems of `text`, in order, without repeats.
    func stems(_ text: String) -> [String] {
        var seen = Set<String>()
        return words(text).compactMap { word in
            let stem = Self.stem(word)
            return seen.insert(stem).inserted ? stem : nil
        }
    }

    /// The lowercased words of `text` after abbreviations are applied, small words dropped.
    func words(_ text: String) -> [String] {
        var lower = " " + Self.clean(text.lowercased()) + " "
        for (phrase, replacement) in aliases where lower.contains(phrase) {
            lower = Self.replaceWholeWords(phrase, with: replacement, in: lower)
        }
        for (phrase, replacement) in Self.builtInPhrases where lower.contains(phrase) {
            lower = Self.replaceWholeWords(phrase, with: replacement, in: lower)
        }
        var out: [String] = []
        var current = ""
        for character in lower {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.filter { !Self.stopWords.contains($0) }
    }

    /// Removes zero-width and formatting characters and turns other separators into spaces.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .format || (0xFE00...0xFE0F).contains(scalar.value) { continue }
            out.append(category == .control ? " " : scalar)
        }
        return String(out)
    }

    /// Replaces `phrase` where it stands as whole words (not inside another word).
    static func replaceWholeWords(_ phrase: String, with replacement: String, in text: String) -> String {
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: phrase) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWhole = !(before.map { $0.isLetter || $0.isNumber } ?? false)
                && !(after.map { $0.isLetter || $0.isNumber } ?? false)
            result += rest[..<range.lowerBound]
            result += isWhole ? replacement : String(rest[range])
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }

    /// A light suffix stemmer: enough to make automated/automation/automate, monitoring/monitor,
    /// systems/system and optimisation/optimization meet, without making unrelated words meet.
    static func stem(_ word: String) -> String {
        guard word.count > 4, word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return word }
        let rules: [(String, String)] = [
            ("ibilities", "ibl"), ("ibility", "ibl"), ("abilities", "abl"), ("ability", "abl"), ("ible", "ibl"),
            ("able", "abl"), ("izations", "iz"), ("isations", "iz"), ("ization", "iz"), ("isation", "iz"), ("ations", "at"),
            ("ation", "at"), ("ions", ""), ("ion", ""), ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""),
            ("ies", "y"), ("ied", "y"), ("ised", "iz"), ("ized", "iz"), ("ises", "iz"), ("izes", "iz"),
            ("ise", "iz"), ("ize", "iz"), ("sses", "ss"), ("ed", ""), ("es", "e"), ("s", ""),
        ]
        var stem = word
        for (suffix, replacement) in rules where stem.hasSuffix(suffix) {
            if suffix == "s", stem.hasSuffix("ss") || stem.hasSuffix("us") || stem.hasSuffix("is") { break }
            let candidate = String(stem.dropLast(suffix.count)) + replacement
            if candidate.count >= 3 { stem = candidate }
            break
        }
        if stem.count > 4, stem.hasSuffix("e") { stem.removeLast() }
        return stem
    }
}
