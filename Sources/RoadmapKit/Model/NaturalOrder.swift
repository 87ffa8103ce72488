/// Text as people sort it: runs of digits compare as numbers ("Day 2" before "Day 10", `02-…`
/// before `10-…`), the rest ignoring case. Made once per text, compared many times.
struct NaturalSortKey: Comparable, Sendable {
    private enum Part: Comparable, Sendable {
        /// The digits without leading zeros ("" for zero), so that their count orders them first.
        case number(String)
        case text(String)

        static func < (a: Part, b: Part) -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): (x.utf8.count, x) < (y.utf8.count, y)
            case (.text(let x), .text(let y)): x < y
            // A number sorts before text, as a digit does before a letter.
            case (.number, .text): true
            case (.text, .number): false
            }
        }
    }

    private let parts: [Part]

    init(_ text: String) {
        var parts: [Part] = []
        var run: [UInt8] = []
        var runIsDigits = false
        func finish() {
            guard !run.isEmpty else { return }
            if runIsDigits {
                parts.append(.number(String(decoding: run.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)))
            } else {
                parts.append(.text(String(decoding: run, as: UTF8.self).lowercased()))
            }
            run.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            let isDigit = byte.isASCIIDigit
            if isDigit != runIsDigits { finish() }
            runIsDigits = isDigit
            run.append(byte)
        }
        finish()
        self.parts = parts
    }

    static func < (a: NaturalSortKey, b: NaturalSortKey) -> Bool {
        a.parts.lexicographicallyPrecedes(b.parts)
    }
}
