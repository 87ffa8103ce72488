import Foundation
import RoadmapMarkdown
import TemplateEngine
import Yams

/// Reads the interface strings of the site's language from the templates' `strings/` folder:
/// `<language>.yml` (`zh-CN` reads `zh-CN.yml`, else `zh.yml`). A key the file lacks is taken
/// from English (the folder's `en.yml`, else the English built into the generator) with a
/// warning naming it; a language with no file is an error listing the languages there are. A
/// templates folder without `strings/` gives English, built in, as it did before languages.
enum InterfaceStringsReader {
    /// The strings of `language`, or nil when they cannot be read (the diagnostics say why).
    /// `configFile`: the site's settings, which the unknown-language error names.
    static func read(templatesDirectory: String, language: String, configFile: String?) -> (InterfaceStrings?, [Diagnostic]) {
        let folder = (templatesDirectory as NSString).appendingPathComponent("strings")
        let builtIn = InterfaceStrings.english
        var diagnostics: [Diagnostic] = []
        let isEnglish = PluralRule.baseLanguage(language) == "en"
        guard let file = languageFile(language, in: folder) else {
            if isEnglish { return (builtIn, []) }
            let available = Set(["en"] + languages(in: folder)).sorted()
            diagnostics.append(.error(
                "strings.unknown-language",
                "no interface strings for the language '\(language)': add strings/\(language).yml to the templates folder "
                    + "(\(folder)); languages there are: " + available.joined(separator: ", "),
                file: configFile ?? folder))
            return (nil, diagnostics)
        }
        guard let own = parse(file, diagnostics: &diagnostics) else { return (nil, diagnostics) }

        // English for what the file lacks: the folder's en.yml, itself completed by the built-in English.
        var english = builtIn.messages
        if !isEnglish, let englishFile = languageFile("en", in: folder) {
            guard let folderEnglish = parse(englishFile, diagnostics: &diagnostics) else { return (nil, diagnostics) }
            english.merge(folderEnglish.messages) { _, folder in folder }
        }
        var messages = own.messages
        for key in builtIn.messages.keys.sorted() where messages[key] == nil {
            messages[key] = english[key]
            diagnostics.append(.warning(
                "strings.missing", "no string '\(key)' in this language file; the English one is used", file: file,
                at: own.nearestGroup(of: key)))
        }
        // A translation shows only the values its English string has.
        for (key, message) in own.messages.sorted(by: { $0.key < $1.key }) {
            guard let reference = builtIn.messages[key] else { continue }
            let allowed = InterfaceStrings.placeholders(reference)
            for name in InterfaceStrings.placeholders(message).subtracting(allowed).sorted() {
                let values = allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                diagnostics.append(.error(
                    "strings.placeholder",
                    "'{\(name)}' in the string '\(key)' is not one of its values (" + (values.isEmpty ? "it has none" : values) + ")",
                    file: file, at: own.locations[key]))
            }
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (InterfaceStrings(language: language, messages: messages), diagnostics)
    }

    /// The strings of one file, with where each string and group is.
    struct ParsedFile {
        var messages: [String: InterfaceStrings.Message]
        var locations: [String: SourceLocation]
        var groups: [String: SourceLocation]

        /// Where a missing key belongs: its innermost group that the file has, else its first line.
        func nearestGroup(of key: String) -> SourceLocation {
            var parts = key.split(separator: ".").dropLast()
            while !parts.isEmpty {
                if let location = groups[parts.joined(separator: ".")] { return location }
                parts = parts.dropLast()
            }
            return SourceLocation(line: 1, column: 1)
        }
    }

    /// The messages of YAML text: each nested key a string (`header.search`); a mapping of
    /// plural categories with `other` is one string's plural forms.
    static func messages(fromYAML text: String, file: String) -> Result<[String: InterfaceStrings.Message], BuildError> {
        parse(text, file: file).map(\.messages)
    }

    private static func parse(_ file: String, diagnostics: inout [Diagnostic]) -> ParsedFile? {
        let text: String
        do {
            let (decoded, encodingDiagnostics) = SourceText.decode(try Data(contentsOf: URL(fileURLWithPath: file)), file: file)
            text = decoded
            diagnostics += encodingDiagnostics
        } catch {
            diagnostics.append(.error("strings.unreadable", "cannot read the language file: \(BuildError.reason(error))", file: file))
            return nil
        }
        switch parse(text, file: file) {
        case .success(let parsed): return parsed
        case .failure(let error):
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    private static func parse(_ text: String, file: String) -> Result<ParsedFile, BuildError> {
        var parsed = ParsedFile(messages: [:], locations: [:], groups: [:])
        let root: Node?
        do {
            root = try YAMLLoader.compose(text)
        } catch {
            return .failure(BuildError(FrontMatterReader.diagnostic(
                for: error, file: file, lineOffset: 0, subject: "the language file", id: "strings.invalid")))
        }
        guard let root else { return .success(parsed) }
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        func invalid(_ message: String, _ node: Node) -> BuildError {
            BuildError(.error("strings.invalid", message, file: file, at: location(node)))
        }
        guard case .mapping(let top) = root else {
            return .failure(invalid("the language file is not a mapping of keys to strings", root))
        }
        var pending: [(prefix: String, mapping: Node.Mapping)] = [("", top)]
        while let (prefix, mapping) = pending.popLast() {
            for (keyNode, value) in mapping {
                let key = prefix + (keyNode.string ?? "")
                switch value {
                case .scalar(let scalar):
                    parsed.messages[key] = InterfaceStrings.Message(
                        forms: [.other: InterfaceStrings.pieces(scalar.string)], source: "\(file):\(location(keyNode))")
                    parsed.locations[key] = location(keyNode)
                case .mapping(let inner):
                    let names = inner.keys.map { $0.string ?? "" }
                    let categories = names.compactMap(PluralCategory.init(rawValue:))
                    guard categories.count == names.count, !names.isEmpty else {
                        parsed.groups[key] = location(keyNode)
                        pending.append((key + ".", inner))
                        continue
                    }
                    guard categories.contains(.other) else {
                        return .failure(invalid("the plural forms of '\(key)' have no 'other' form, which every language uses", value))
                    }
                    var forms: [PluralCategory: [TemplateString.Piece]] = [:]
                    for (formKey, formValue) in inner {
                        guard case .scalar(let scalar) = formValue, let category = formKey.string.flatMap(PluralCategory.init) else {
                            return .failure(invalid("the plural form '\(formKey.string ?? "")' of '\(key)' is not a string", formValue))
                        }
                        forms[category] = InterfaceStrings.pieces(scalar.string)
                    }
                    parsed.messages[key] = InterfaceStrings.Message(forms: forms, source: "\(file):\(location(keyNode))")
                    parsed.locations[key] = location(keyNode)
                default:
                    return .failure(invalid("'\(key)' is a list; a string is text, or a mapping of plural forms", value))
                }
            }
        }
        return .success(parsed)
    }

    /// The file of `language` in `folder`: its own tag's, else its language subtag's.
    private static func languageFile(_ language: String, in folder: String) -> String? {
        var names = [language]
        let base = PluralRule.baseLanguage(language)
        if base != language { names.append(base) }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name + ".yml")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// The languages with a file in `folder`.
    private static func languages(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }
    }
}
