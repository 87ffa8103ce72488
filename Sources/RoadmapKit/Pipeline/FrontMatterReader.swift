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
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard text.hasPrefix("---") else {
            return Result(frontMatter: FrontMatter(), body: text, diagnostics: [])
        }
        // Split only as far as the closing fence (the last element is the unsplit rest):
        // splitting the whole file by Character cost more than reading the YAML.
        var lines: [Substring] = []
        var closing: Int?
        var maxSplits = 32
        while true {
            lines = text.split(separator: "\n", maxSplits: maxSplits, omittingEmptySubsequences: false)
            guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else {
                return Result(frontMatter: FrontMatter(), body: text, diagnostics: [])
            }
            let complete = lines.count <= maxSplits
            for index in 1..<(complete ? lines.count : lines.count - 1) {
                let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
                if trimmed == "---" || trimmed == "..." {
                    closing = index
                    break
                }
            }
            if closing != nil || complete { break }
            maxSplits *= 8
        }
        guard let closing else {
            diagnostics.append(.warning(
                "front-matter.unterminated",
                "front matter starts with '---' but has no closing '---'; reading the file as Markdown",
                file: file, at: SourceLocation(line: 1, column: 1)))
            return Result(frontMatter: FrontMatter(), body: text, diagnostics: diagnostics)
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        for index in 0...closing { lines[index] = "" }
        let body = lines.joined(separator: "\n")
        var frontMatter = FrontMatter(lineCount: closing + 1)

        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml, .default, .default, .utf8)  // .default reads the environment each call
        } catch {
            diagnostics.append(Self.diagnostic(for: error, file: file))
            return Result(frontMatter: frontMatter, body: body, diagnostics: diagnostics)
        }
        guard let loaded else {
            return Result(frontMatter: frontMatter, body: body, diagnostics: diagnostics)
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
        frontMatter.title = stringValue("title")?.trimmingCharacters(in: .whitespacesAndNewlines)
        frontMatter.summary = (stringValue("summary") ?? stringValue("description"))?.trimmingCharacters(in: .whitespacesAndNewlines)
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

    /// A Yams error as a diagnostic at its place in the file (the YAML starts on line 2).
    static func diagnostic(for error: any Error, file: String, lineOffset: Int = 1) -> Diagnostic {
        var location = SourceLocation(line: 1 + lineOffset, column: 1)
        var message = "front matter is not valid YAML"
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
        return .error("front-matter.yaml", message, file: file, at: location)
    }
}
