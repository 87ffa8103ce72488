import Foundation
import RoadmapMarkdown

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
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

    /// The diagnostic, its file shown relative to `directory` when it lies inside it (`roadmap`
    /// when it concerns no file). Control characters in the path and the message are escaped,
    /// so that neither a file name nor quoted content can print a line of its own.
    public func formatted(relativeTo directory: String? = FileManager.default.currentDirectoryPath) -> String {
        let path = file.isEmpty ? "roadmap" : path(relativeTo: directory)
        var line = Self.printable(path)
        if let location { line += ":\(location.line):\(location.column)" }
        line += ": \(severity.rawValue): \(Self.printable(message))"
        if !id.isEmpty { line += " [\(id)]" }
        for note in notes { line += "\n" + note.formatted(relativeTo: directory) }
        return line
    }

    public var description: String { formatted(relativeTo: nil) }

    /// The file, relative to `directory` when it lies inside it (not escaped).
    public func path(relativeTo directory: String?) -> String {
        guard let directory, file.hasPrefix("/") else { return file }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return file.hasPrefix(base) ? String(file.dropFirst(base.count)) : file
    }

    /// `text` with its control characters written as escapes (`\n`, `\r`, `\t`, `\u{1B}`), and
    /// so the Unicode line and paragraph separators and the bidirectional controls, which can
    /// make a line read as another: printed, it is one line that shows what it holds.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where needsEscape(scalar): escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true  // C0 and C1 controls, DEL
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional marks and controls
        default: false
        }
    }

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

/// A failure that stops the build: I/O problems and invalid options. Content problems are
/// diagnostics. It is an error diagnostic that is thrown: the file it concerns (none for a
/// failure of the whole build), a stable id, and the reason, printed as any other.
public struct BuildError: Error, CustomStringConvertible, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// `file`: the file or folder the failure concerns; empty when none.
    public init(_ id: String, _ message: String, file: String) {
        self.init(.error(id, message, file: file))
    }

    /// A failure of the whole build, concerning no one file.
    public init(_ message: String) {
        self.init("build.failed", message, file: "")
    }

    /// A failure to `action` (`cannot read`) the file at `path`, with the system's reason: from
    /// the error Foundation threw, else from `errno`.
    public static func io(_ id: String, _ action: String, path: String, error: (any Error)? = nil) -> BuildError {
        BuildError(id, action + ": " + (error.map(reason) ?? String(cString: strerror(errno))), file: path)
    }

    /// The error as a build failure: itself when it is one; for an error Foundation threw, the
    /// path it names and the system's reason, rather than its `NSCocoaErrorDomain` text.
    public static func describing(_ error: any Error) -> BuildError {
        if let buildError = error as? BuildError { return buildError }
        let nsError = error as NSError
        let path = nsError.userInfo[NSFilePathErrorKey] as? String ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        guard let path else { return BuildError("\(error)") }
        return BuildError("io.failed", reason(error), file: path)
    }

    /// Why a file operation failed, in the system's words ("No such file or directory").
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error,
           (underlying as NSError).domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32((underlying as NSError).code)))
        }
        return nsError.localizedDescription
    }

    public var description: String { diagnostic.description }
}
