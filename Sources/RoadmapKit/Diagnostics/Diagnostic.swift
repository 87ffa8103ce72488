import Foundation
import RoadmapMarkdown

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in the input, with where it is and a stable identifier.
///
/// Printed as `path:line:column: severity: message [id]`, the format compilers and editors read.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    /// A stable identifier such as `link.unsafe-scheme`, for filtering and documentation.
    public var id: String
    public var message: String
    /// The file the problem is in (absolute or relative); printed relative to the working directory.
    public var file: String
    public var location: SourceLocation?
    /// Related places, printed as `note:` lines after the diagnostic.
    public var notes: [Diagnostic]

    public init(
        _ severity: Severity, id: String, _ message: String, file: String,
        at location: SourceLocation? = nil, notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.file = file
        self.location = location
        self.notes = notes
    }

    public static func error(_ id: String, _ message: String, file: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, id: id, message, file: file, at: location)
    }

    public static func warning(_ id: String, _ message: String, file: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, id: id, message, file: file, at: location)
    }

    public static func note(_ message: String, file: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, id: "", message, file: file, at: location)
    }

    /// The diagnostic, its file shown relative to `directory` when it lies inside it.
    public func formatted(relativeTo directory: String? = FileManager.default.currentDirectoryPath) -> String {
        var path = file
        if let directory, path.hasPrefix("/") {
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            if path.hasPrefix(base) { path = String(path.dropFirst(base.count)) }
        }
        var line = path
        if let location { line += ":\(location.line):\(location.column)" }
        line += ": \(severity.rawValue): \(message)"
        if !id.isEmpty { line += " [\(id)]" }
        for note in notes { line += "\n" + note.formatted(relativeTo: directory) }
        return line
    }

    public var description: String { formatted(relativeTo: nil) }

    /// The same diagnostic, as an error when `strict` turns warnings into errors.
    public func escalated(strict: Bool) -> Diagnostic {
        guard strict, severity == .warning else { return self }
        var copy = self
        copy.severity = .error
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, then id: the order they are printed in.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            if $0.file != $1.file { return $0.file < $1.file }
            let l = $0.location ?? SourceLocation(line: 0, column: 0)
            let r = $1.location ?? SourceLocation(line: 0, column: 0)
            if l != r { return l < r }
            return ($0.id, $0.message) < ($1.id, $1.message)
        }
    }
}

/// A failure that stops the build: I/O problems and invalid options. Content problems are diagnostics.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
