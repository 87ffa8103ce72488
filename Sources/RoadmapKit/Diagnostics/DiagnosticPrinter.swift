import Foundation

/// Writes a build's diagnostics in one of three formats: for people (`file:line:column:
/// severity: message [id]`, at most ``defaultLimitPerID`` of each id, then one line counting the
/// rest), for GitHub Actions (workflow-command annotations) and as JSON lines. The machine
/// formats print every diagnostic.
public struct DiagnosticPrinter: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        /// `file:line:column: severity: message [id]`, as compilers print them.
        case human
        /// `::warning file=…,line=…,col=…::message [id]`, which GitHub Actions shows on the file.
        case github
        /// One JSON object a line: `file`, `line`, `column`, `severity`, `message`, `id` (and `notes`).
        case json
    }

    /// How many diagnostics of one id the human format shows by default.
    public static let defaultLimitPerID = 10

    public var format: Format
    /// Diagnostics of one id shown before the rest are counted on one line, in the human
    /// format; nil shows every one (`--verbose`).
    public var limitPerID: Int?
    /// Errors only (`--quiet`).
    public var errorsOnly: Bool
    /// Paths inside this folder are printed relative to it.
    public var directory: String?

    public init(
        format: Format = .human, limitPerID: Int? = DiagnosticPrinter.defaultLimitPerID, errorsOnly: Bool = false,
        directory: String? = FileManager.default.currentDirectoryPath
    ) {
        self.format = format
        self.limitPerID = limitPerID
        self.errorsOnly = errorsOnly
        self.directory = directory
    }

    /// The lines to print for `diagnostics`, in their order (a diagnostic's notes follow it on
    /// lines of their own in the human format). In the human format, the diagnostics of an id
    /// past the limit are left out, and one line after the others counts them.
    public func lines(_ diagnostics: [Diagnostic]) -> [String] {
        let shown = errorsOnly ? diagnostics.filter { $0.severity == .error } : diagnostics
        switch format {
        case .github:
            return shown.map(githubAnnotation)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return shown.map { diagnostic in
                // Encoding plain strings and numbers cannot fail.
                let data = (try? encoder.encode(JSONDiagnostic(diagnostic, directory: directory))) ?? Data()
                return String(decoding: data, as: UTF8.self)
            }
        case .human:
            return humanLines(shown)
        }
    }

    /// `file:line:column: severity: message [id]`, the first ``limitPerID`` of each id, then
    /// for each id that had more a line counting them.
    private func humanLines(_ diagnostics: [Diagnostic]) -> [String] {
        guard let limit = limitPerID else { return diagnostics.map { $0.formatted(relativeTo: directory) } }
        var lines: [String] = []
        var shownOfID: [String: Int] = [:]
        var hidden: [String: [Severity: Int]] = [:]
        for diagnostic in diagnostics {
            let count = shownOfID[diagnostic.id, default: 0]
            if count < limit {
                shownOfID[diagnostic.id] = count + 1
                lines.append(diagnostic.formatted(relativeTo: directory))
            } else {
                hidden[diagnostic.id, default: [:]][diagnostic.severity, default: 0] += 1
            }
        }
        for (id, counts) in hidden.sorted(by: { $0.key < $1.key }) {
            let rest = Severity.allCases.reversed().compactMap { severity in
                counts[severity].map { Self.counted($0, "more " + severity.rawValue) }
            }
            lines.append("\(id.isEmpty ? "(no id)" : id): \(rest.joined(separator: ", ")) not shown (--verbose shows all)")
        }
        return lines
    }

    /// Prints `diagnostics` to `handle`, in pieces of about 64 KB: a large site's thousands of
    /// warnings (with `--verbose`) are not a write each.
    public func print(_ diagnostics: [Diagnostic], to handle: FileHandle = .standardError) {
        var text = ""
        for line in lines(diagnostics) {
            text += line + "\n"
            if text.utf8.count >= 1 << 16 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        if !text.isEmpty { handle.write(Data(text.utf8)) }
    }

    // MARK: - GitHub Actions

    /// `::error file=…,line=…,col=…::message [id]` (`::notice` for a note), escaped as GitHub's
    /// toolkit escapes workflow commands; the notes follow the message on lines of its own.
    func githubAnnotation(_ diagnostic: Diagnostic) -> String {
        let command = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        let file = diagnostic.path(relativeTo: directory)
        if !file.isEmpty { properties.append("file=" + Self.escapedProperty(Diagnostic.printable(file))) }
        if let location = diagnostic.location {
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        var message = Diagnostic.printable(diagnostic.message)
        if !diagnostic.id.isEmpty { message += " [\(diagnostic.id)]" }
        for note in diagnostic.notes { message += "\n" + note.formatted(relativeTo: directory) }
        return "::" + command + (properties.isEmpty ? "" : " " + properties.joined(separator: ",")) + "::"
            + Self.escapedData(message)
    }

    /// A command's message: `%`, carriage return and line feed as `%25`, `%0D`, `%0A`.
    static func escapedData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A command's property value: as a message, and `:` and `,` as `%3A` and `%2C`.
    static func escapedProperty(_ text: String) -> String {
        escapedData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    // MARK: - Counts

    /// "3 errors (3 link.missing-anchor), 1,135 warnings (1,130 content.missing-image, 5
    /// link.missing-file)": each severity's count, most serious first, with its ids, the most
    /// frequent first (after four, the rest as "N others"); "" when there are none.
    public static func summary(of diagnostics: [Diagnostic]) -> String {
        var counts: [Severity: [String: Int]] = [:]
        for diagnostic in diagnostics { counts[diagnostic.severity, default: [:]][diagnostic.id, default: 0] += 1 }
        return Severity.allCases.reversed().compactMap { severity -> String? in
            guard let ids = counts[severity] else { return nil }
            let total = ids.values.reduce(0, +)
            let ranked = ids.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var parts = ranked.prefix(4).map { grouped($0.value) + " " + ($0.key.isEmpty ? "(no id)" : $0.key) }
            let others = ranked.dropFirst(4).reduce(0) { $0 + $1.value }
            if others > 0 { parts.append(grouped(others) + " other" + (others == 1 ? "" : "s")) }
            return counted(total, severity.rawValue) + " (" + parts.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
    }

    /// "1 warning", "1,135 warnings".
    static func counted(_ count: Int, _ noun: String) -> String {
        grouped(count) + " " + noun + (count == 1 ? "" : "s")
    }

    /// The number with its thousands separated by commas, whatever the locale: "1,135".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}

/// A diagnostic as one line of `--diagnostics json`.
private struct JSONDiagnostic: Encodable {
    struct Note: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var message: String
    }

    var file: String
    var line: Int?
    var column: Int?
    var severity: String
    var message: String
    var id: String
    var notes: [Note]?

    init(_ diagnostic: Diagnostic, directory: String?) {
        file = diagnostic.path(relativeTo: directory)
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        id = diagnostic.id
        notes = diagnostic.notes.isEmpty ? nil : diagnostic.notes.map {
            Note(file: $0.path(relativeTo: directory), line: $0.location?.line, column: $0.location?.column, message: $0.message)
        }
    }
}
