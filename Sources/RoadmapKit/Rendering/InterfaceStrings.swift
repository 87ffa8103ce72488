import TemplateEngine

/// The site's interface strings in its language (``InterfaceStringsReader`` reads them from
/// `Templates/strings/<language>.yml`): what the templates show with `{{t.key}}`, what the
/// generator writes itself (facts, durations, page titles, the timeline's labels) and what the
/// scripts show (the `script.` strings, given to them in each page as JSON).
struct InterfaceStrings: Sendable {
    /// One string: a text for each plural form the language file gives (always `other`).
    struct Message: Sendable {
        var forms: [PluralCategory: [TemplateString.Piece]]
        /// Where it is defined: `Templates/strings/zh.yml:12:3`.
        var source: String
    }

    let rule: PluralRule
    let messages: [String: Message]
    /// The scripts' strings as JSON, made once (``scriptJSON(_:)``).
    let scriptJSON: String
    /// Each resource kind's and cost's words, looked up once: a page names them at every use of
    /// a resource (40,000 on the largest pages the bounds allow).
    private let kindNames: [ResourceKind: String]
    private let kindGroupNames: [ResourceKind: String]
    private let costNames: [ResourceCost: String]

    init(language: String, messages: [String: Message]) {
        rule = PluralRule.of(language: language)
        self.messages = messages
        scriptJSON = Self.scriptJSON(messages)
        func words(_ key: String) -> String {
            messages[key]?.forms[.other].map(Self.sourceText) ?? key
        }
        kindNames = Dictionary(uniqueKeysWithValues: ResourceKind.allCases.map { ($0, words("resource-kind." + $0.rawValue)) })
        kindGroupNames = Dictionary(uniqueKeysWithValues: ResourceKind.allCases.map { ($0, words("resource-kinds." + $0.rawValue)) })
        costNames = Dictionary(uniqueKeysWithValues: ResourceCost.allCases.map { ($0, words("resource-cost." + $0.rawValue)) })
    }

    /// The English built into the generator (``BuiltInStrings``), the same as `Templates/strings/en.yml`.
    static let english: InterfaceStrings = {
        guard case .success(let messages) = InterfaceStringsReader.messages(
            fromYAML: BuiltInStrings.english, file: BuiltInStrings.file)
        else { preconditionFailure("the built-in English strings do not parse") }
        return InterfaceStrings(language: "en", messages: messages)
    }()

    /// The string `key` for `count` (its plural form, and its `{count}`), with the other
    /// placeholders filled from `values`. A key the strings do not have gives the key itself.
    func text(_ key: String, count: Int? = nil, _ values: [String: String] = [:]) -> String {
        guard let message = messages[key] else { return key }
        let category = count.map(rule.category) ?? .other
        guard let pieces = message.forms[category] ?? message.forms[.other] else { return key }
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case .placeholder("count") where count != nil: text += String(count!)
            case .placeholder(let name): text += values[name] ?? "{\(name)}"
            }
        }
        return text
    }

    /// The strings as templates look them up: a string's forms in the order of
    /// ``PluralCategory``, chosen by the language's rule.
    var templateStrings: TemplateStrings {
        let (messages, rule) = (self.messages, self.rule)
        return TemplateStrings { key in
            guard let message = messages[key] else { return nil }
            let categories = PluralCategory.allCases.filter { message.forms[$0] != nil }
            let other = categories.firstIndex(of: .other) ?? 0
            return TemplateString(
                forms: categories.map { message.forms[$0] ?? [] },
                form: { categories.firstIndex(of: rule.category($0)) ?? other }, source: message.source)
        }
    }

    /// The scripts' strings (`script.…`, without the prefix) as a JSON object for a page's
    /// `<script type="application/json" id="site-strings">`: a string with one form is its text,
    /// one with plural forms an object of them (`{"one": …, "other": …}`), which the scripts
    /// choose from with `Intl.PluralRules`. Placeholders stay as `{name}` for the scripts to fill.
    static func scriptJSON(_ messages: [String: Message]) -> String {
        let prefix = "script."
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            for key in messages.keys.filter({ $0.hasPrefix(prefix) }).sorted() {
                let forms = messages[key]!.forms
                json.key(String(key.dropFirst(prefix.count)))
                if forms.count == 1, let other = forms[.other] {
                    json.string(Self.sourceText(other))
                } else {
                    json.object { json in
                        for category in PluralCategory.allCases {
                            guard let pieces = forms[category] else { continue }
                            json.key(category.rawValue)
                            json.string(Self.sourceText(pieces))
                        }
                    }
                }
            }
        }
        return json.text
    }

    /// A text as the language file writes it, its placeholders as `{name}`.
    static func sourceText(_ pieces: [TemplateString.Piece]) -> String {
        pieces.map {
            switch $0 {
            case .text(let text): text
            case .placeholder(let name): "{" + name + "}"
            }
        }.joined()
    }

    /// A text's pieces: `{name}` (letters, digits, `_`, `-` and `.`) is a placeholder; any
    /// other brace is text.
    static func pieces(_ text: String) -> [TemplateString.Piece] {
        var pieces: [TemplateString.Piece] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "{", let close = text[index...].firstIndex(of: "}") {
                let name = text[text.index(after: index)..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) {
                    if !literal.isEmpty { pieces.append(.text(literal)) }
                    literal = ""
                    pieces.append(.placeholder(String(name)))
                    index = text.index(after: close)
                    continue
                }
            }
            literal.append(text[index])
            index = text.index(after: index)
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }

    /// The names of a message's placeholders, in every form.
    static func placeholders(_ message: Message) -> Set<String> {
        var names = Set<String>()
        for pieces in message.forms.values {
            for case .placeholder(let name) in pieces { names.insert(name) }
        }
        return names
    }
}

extension InterfaceStrings {
    /// A resource kind as a badge names it: "course".
    func kind(_ kind: ResourceKind) -> String { kindNames[kind] ?? kind.rawValue }

    /// A group of resources of a kind, as its heading names it: "Courses".
    func kindGroup(_ kind: ResourceKind) -> String { kindGroupNames[kind] ?? kind.rawValue }

    /// What a resource costs: "Free to audit".
    func cost(_ cost: ResourceCost) -> String { costNames[cost] ?? cost.rawValue }
}
