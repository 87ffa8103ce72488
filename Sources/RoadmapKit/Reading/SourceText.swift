import Foundation
import RoadmapMarkdown

/// A content file's bytes as text: UTF-8 (a byte-order mark dropped), or, when they are not,
/// with each invalid byte replaced by U+FFFD and a warning, so that no content file stops the
/// build for its encoding.
enum SourceText {
    static func decode(_ data: Data, file: String) -> (text: String, diagnostics: [Diagnostic]) {
        if let text = String(data: data, encoding: .utf8) { return (text, []) }
        let warning = Diagnostic.warning("file.encoding", "file is not valid UTF-8; invalid bytes were replaced",
                                         file: file, at: SourceLocation(line: 1, column: 1))
        return (String(decoding: data, as: UTF8.self), [warning])
    }
}
