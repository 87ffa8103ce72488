/// Trimming without Foundation's `trimmingCharacters(in:)`, which bridges through NSString and
/// costs about 14,000 instructions a call on Linux; the model builder trims every list item.
///
/// Same sets as Foundation: `.whitespaces` is Unicode category Zs plus tab;
/// `.whitespacesAndNewlines` adds categories Zl and Zp, U+000A–U+000D and U+0085.
extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`.
    func trimmingSpaces() -> String { trimmed(newlines: false) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingWhitespace() -> String { trimmed(newlines: true) }

    private func trimmed(newlines: Bool) -> String {
        let string = self as? String ?? String(self)
        let scalars = string.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isTrimmed(scalars[start], newlines: newlines) { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard Self.isTrimmed(scalars[last], newlines: newlines) else { break }
            end = last
        }
        if start == scalars.startIndex, end == scalars.endIndex { return string }
        return String(string[start..<end])
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D, 0x85: return newlines
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator: return true
            case .lineSeparator, .paragraphSeparator: return newlines
            default: return false
            }
        }
    }
}
