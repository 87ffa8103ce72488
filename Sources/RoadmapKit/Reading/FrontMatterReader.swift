import Foundation
import RoadmapMarkdown
import Yams

/// Splits the optional YAML front matter off a roadmap and reads it with Yams.
///
/// The front matter lines are replaced by empty lines in the returned body, so cmark-gfm's
/// positions in the body are the positions in the file.
struct FrontMatterReader: Sendable {
    struct Result: Sendable {
        var frontMatter: FrontMatter
        var body: String
        var diagnostics: [Diagnostic]
    }

    func read(_ text: String, file: String) -> Result {
        var diagnostics: [Diagnostic] = []
        // Strip a byte-order mark; it would otherwise hide the opening fence.
        var text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // CRLF: "\r\n" is one Character, so a split on "\n" would not find the fences.
        if text.hasPrefix("---") || text.hasPrefix("+++"), text.containsASCII(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        if text.hasPrefix("+++") { return readTOML(text, file: file) }
        guard text.hasPrefix("---") else {
            return Result(frontMatter: FrontMatter(), body: text, diagnostics: [])
        }
        guard let fenced = Self.fenced(text, opens: { $0.trimmingSpaces() == "---" },
                                       closes: { let trimmed = $0.trimmingSpaces(); return trimmed == "---" || trimmed == "..." })
        else {
            return Result(frontMatter: FrontMatter(), body: text, diagnostics: [])
        }
        let lines = fenced.lines
        guard let closing = fenced.closing else {
            // A file that opens with a thematic break ("---", a blank line, prose) has no front matter.
            let next = lines.dropFirst().first { !$0.trimmingSpaces().isEmpty }
            guard let next, Self.looksLikeKey(next) else {
                return Result(frontMatter: FrontMatter(), body: text, diagnostics: [])
            }
            diagnostics.append(.warning(
                "front-matter.unterminated",
                "front matter starts with '---' but has no closing '---'; reading the file as Markdown",
                file: file, at: SourceLocation(line: 1, column: 1)))
            return Result(frontMatter: FrontMatter(), body: text, diagnostics: diagnostics)
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let firstYAMLLine = lines[1..<closing].first { !$0.trimmingSpaces().isEmpty }
        let body = fenced.body(of: text)
        var frontMatter = FrontMatter(lineCount: closing + 1)

        var loaded: Any?
        do {
            loaded = try YAMLLoader.load(yaml)
        } catch {
            // YAML forbids tabs for indentation; people indent with them anyway. Read them as
            // spaces when that makes the YAML valid, and say so.
            if let untabbed = Self.tabsAsSpaces(yaml), let retry = try? YAMLLoader.load(untabbed) {
                loaded = retry
                let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("\t") } ?? 0
                diagnostics.append(.warning(
                    "front-matter.tabs", "front matter is indented with tabs, which YAML does not allow; reading them as spaces",
                    file: file, at: SourceLocation(line: line + 2, column: 1)))
            } else {
                // The Markdown is still readable: a warning, and of the front matter only its plain
                // `key: value` lines ("title: Data: The Roadmap" is a YAML error but a clear title).
                var diagnostic = Self.diagnostic(for: error, file: file)
                diagnostic.severity = .warning
                diagnostic.message += "; reading only its top-level 'key: value' lines"
                diagnostics.append(diagnostic)
                loaded = Self.looseMapping(yaml)
            }
        }
        guard let loaded else {
            return Result(frontMatter: frontMatter, body: body, diagnostics: diagnostics)
        }
        if loaded is String, let firstYAMLLine, !Self.looksLikeKey(firstYAMLLine) {
            // "---", a line of prose, "---": a thematic break and a setext heading, not front matter.
            return Result(frontMatter: FrontMatter(), body: text, diagnostics: [])
        }
        guard let map = loaded as? [String: Any] else {
            diagnostics.append(.warning(
                "front-matter.not-a-mapping", "front matter is not a mapping of keys to values; ignoring it",
                file: file, at: SourceLocation(line: 2, column: 1)))
            return Result(frontMatter: frontMatter, body: body, diagnostics: diagnostics)
        }
        func location(of key: String) -> SourceLocation {
            for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.hasPrefix(key + ":") {
                return SourceLocation(line: offset + 2, column: 1)
            }
            return SourceLocation(line: 2, column: 1)
        }
        func stringValue(_ key: String) -> String? {
            guard let value = map[key], !(value is NSNull) else { return nil }
            if let string = value as? String { return string }
            if value is [Any] || value is [String: Any] {
                diagnostics.append(.warning(
                    "front-matter.type", "front matter '\(key)' should be text; ignoring it",
                    file: file, at: location(of: key)))
                return nil
            }
            return "\(value)"
        }
        frontMatter.title = stringValue("title")?.trimmingWhitespace()
        frontMatter.summary = (stringValue("summary") ?? stringValue("description"))?.trimmingWhitespace()
        if let slug = stringValue("slug") {
            let cleaned = Slugger.slug(slug)
            if cleaned.isEmpty {
                diagnostics.append(.warning(
                    "front-matter.slug", "slug '\(slug)' has no usable characters; using the file name",
                    file: file, at: location(of: "slug")))
            } else {
                frontMatter.slug = cleaned
            }
        }
        if let order = map["order"] {
            if let number = order as? Int {
                frontMatter.order = number
            } else if let text = order as? String, let number = Int(text.trimmingSpaces()) {
                frontMatter.order = number  // order: "3"
            } else if let number = order as? Double, number.isFinite, abs(number) < 1e9 {
                frontMatter.order = Int(number)
            } else if !(order is NSNull) {
                diagnostics.append(.warning(
                    "front-matter.type", "front matter 'order' should be a number", file: file, at: location(of: "order")))
            }
        }
        if let draft = map["draft"] {
            if let flag = draft as? Bool {
                frontMatter.draft = flag
            } else if !(draft is NSNull) {
                diagnostics.append(.warning(
                    "front-matter.type", "front matter 'draft' should be true or false", file: file, at: location(of: "draft")))
            }
        }
        if let aliases = map["aliases"] {
            if let list = aliases as? [Any] {
                frontMatter.aliases = list.map { "\($0)" }
            } else if let single = aliases as? String {
                frontMatter.aliases = [single]
            }
        }
        return Result(frontMatter: frontMatter, body: body, diagnostics: diagnostics)
    }

    /// Hugo's TOML front matter between `+++` lines: its top-level `key = "text"`, number and
    /// boolean values are read (`title`, `slug`, `summary`/`description`, `draft`, `order`/`weight`);
    /// tables and arrays are skipped. Without a closing `+++` the file is read as Markdown.
    func readTOML(_ text: String, file: String) -> Result {
        let isFence = { (line: Substring) in line.trimmingWhitespace() == "+++" }
        guard let fenced = Self.fenced(text, opens: isFence, closes: isFence), let closing = fenced.closing
        else { return Result(frontMatter: FrontMatter(), body: text, diagnostics: []) }
        var values: [String: String] = [:]
        for line in fenced.lines[1..<closing] {
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("[") { break }  // a table: the top-level keys are done
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingSpaces().lowercased()
            var value = trimmed[trimmed.index(after: equals)...].trimmingSpaces()
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
                if quote == "\"" {
                    value = value.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                }
            } else if value.hasPrefix("[") || value.hasPrefix("{") || value.hasPrefix("\"") || value.hasPrefix("'") {
                continue
            }
            if values[key] == nil { values[key] = value }
        }
        var frontMatter = FrontMatter(lineCount: closing + 1)
        func value(_ key: String) -> String? {
            values[key].map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        }
        frontMatter.title = value("title")
        frontMatter.summary = value("summary") ?? value("description")
        if let slug = value("slug").map(Slugger.slug), !slug.isEmpty { frontMatter.slug = slug }
        if let order = (value("order") ?? value("weight")).flatMap({ Int($0) }) { frontMatter.order = order }
        if value("draft") == "true" { frontMatter.draft = true }
        return Result(frontMatter: frontMatter, body: fenced.body(of: text), diagnostics: [])
    }

    /// A file's lines from its opening fence to its closing one (or to its end without one).
    private struct Fenced {
        var lines: [Substring]
        /// The closing fence's line number, counting the opening fence as 0.
        var closing: Int?
        /// Where the text after the closing fence's line starts; nil when the file ends on it.
        var rest: String.Index?

        /// The text with the front matter's lines blanked, so that positions in the body are
        /// positions in the file (without a closing fence, the text as it is). A carriage return
        /// alone ends a line for cmark-gfm (and YAML), so it blanks a line too (CRLF is gone by now).
        func body(of text: String) -> String {
            guard let closing else { return text }
            let carriageReturns = lines[...closing].reduce(0) { $0 + $1.utf8.count { $0 == 0x0D } }
            let blank = String(repeating: "\n", count: closing + carriageReturns)
            return rest.map { blank + "\n" + text[$0...] } ?? blank
        }
    }

    /// The lines of `text` as far as the closing fence, cut at line feeds (CRLF is gone by now,
    /// so a line feed is a Character of its own); the rest of the file is not split. Nil when
    /// the first line is not an opening fence.
    private static func fenced(
        _ text: String, opens: (Substring) -> Bool, closes: (Substring) -> Bool
    ) -> Fenced? {
        var lines: [Substring] = []
        var lineStart = text.utf8.startIndex
        while true {
            let lineEnd = text.firstUTF8Index(of: 0x0A, from: lineStart)
            let line = text[lineStart..<(lineEnd ?? text.endIndex)]
            if lines.isEmpty, !opens(line) { return nil }
            lines.append(line)
            if lines.count > 1, closes(line) {
                return Fenced(lines: lines, closing: lines.count - 1, rest: lineEnd.map { text.utf8.index(after: $0) })
            }
            guard let lineEnd else { return Fenced(lines: lines, closing: nil, rest: nil) }
            lineStart = text.utf8.index(after: lineEnd)
        }
    }

    /// Whether a line reads as a YAML key (`title:`, `slug: x`).
    static func looksLikeKey(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let colon = trimmed.firstIndex(of: ":") else { return false }
        let key = trimmed[..<colon]
        return !key.isEmpty && key.count <= 40 && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " || $0 == "\"" || $0 == "'" }
            && (trimmed.index(after: colon) == trimmed.endIndex || trimmed[trimmed.index(after: colon)] == " " || trimmed[trimmed.index(after: colon)] == "\t")
    }

    /// The top-level `key: value` lines of front matter that is not valid YAML, values unquoted;
    /// `true`/`false` and whole numbers as such.
    static func looseMapping(_ yaml: String) -> [String: Any] {
        var map: [String: Any] = [:]
        for line in yaml.split(separator: "\n") where looksLikeKey(line) && !line.hasPrefix(" ") && !line.hasPrefix("\t") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces().trimmingScalars(in: "\"'")
            var value = line[line.index(after: colon)...].trimmingSpaces()
            if value.isEmpty || map[key] != nil || value.hasPrefix("[") || value.hasPrefix("{") { continue }
            value = value.trimmingScalars(in: "\"'")
            map[key] = value == "true" ? true : value == "false" ? false : Int(value).map { $0 as Any } ?? value
        }
        return map
    }

    /// `yaml` with each tab of a line's indentation as two spaces, or nil when no line starts with a tab.
    static func tabsAsSpaces(_ yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: { $0.hasPrefix("\t") }) else { return nil }
        return lines.map { line -> String in
            let tabs = line.prefix { $0 == "\t" || $0 == " " }
            return tabs.replacingOccurrences(of: "\t", with: "  ") + line.dropFirst(tabs.count)
        }.joined(separator: "\n")
    }

    /// A Yams error, or a bound `YAMLLoader` keeps, as a diagnostic at its place in the file
    /// (the YAML starts on line 2).
    /// `subject` names the YAML in the message ("front matter is not valid YAML"), `id` is the
    /// diagnostic's for a YAML syntax error.
    static func diagnostic(
        for error: any Error, file: String, lineOffset: Int = 1, subject: String = "front matter", id: String = "front-matter.yaml"
    ) -> Diagnostic {
        if let limit = error as? YAMLLoader.LimitExceeded {
            return .error(limit.id, "the YAML " + limit.message, file: file,
                          at: SourceLocation(line: limit.line + lineOffset, column: limit.column))
        }
        var location = SourceLocation(line: 1 + lineOffset, column: 1)
        var message = subject + " is not valid YAML"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                location = SourceLocation(line: mark.line + lineOffset, column: mark.column)
                message += ": \(problem)"
                if let context { message += " (\(context.text))" }
            case .duplicatedKeysInMapping(let duplicates, let context):
                location = SourceLocation(line: context.mark.line + lineOffset, column: context.mark.column)
                message += ": duplicated keys \(duplicates.joined(separator: ", "))"
            default:
                message += ": \(yamlError)"
            }
        }
        return .error(id, message, file: file, at: location)
    }
}
