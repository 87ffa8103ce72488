import Testing

@testable import RoadmapKit

@Suite("DurationTokenizer")
struct DurationTokenizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var tokens: [DurationToken]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        .init(text: "Phase 1 (4–5 Weeks)", tokens: [
            .init(kind: .word("phase"), start: 0, end: 5),
            .init(kind: .space(" "), start: 5, end: 6),
            .init(kind: .number(1), start: 6, end: 7),
            .init(kind: .space(" "), start: 7, end: 8),
            .init(kind: .symbol("("), start: 8, end: 9),
            .init(kind: .number(4), start: 9, end: 10),
            .init(kind: .dash("–"), start: 10, end: 13),
            .init(kind: .number(5), start: 13, end: 14),
            .init(kind: .space(" "), start: 14, end: 15),
            .init(kind: .word("weeks"), start: 15, end: 20),
            .init(kind: .symbol(")"), start: 20, end: 21),
        ]),
        .init(text: "10,000 hrs", tokens: [
            .init(kind: .number(10_000), start: 0, end: 6),
            .init(kind: .space(" "), start: 6, end: 7),
            .init(kind: .word("hrs"), start: 7, end: 10),
        ]),
        .init(text: "1.5\u{00A0}mo", tokens: [
            .init(kind: .number(1.5), start: 0, end: 3),
            .init(kind: .space("\u{00A0}"), start: 3, end: 5),
            .init(kind: .word("mo"), start: 5, end: 7),
        ]),
        // A version is one token; four digits after a comma are no thousands group.
        .init(text: "3.11.2 1,2345", tokens: [
            .init(kind: .version, start: 0, end: 6),
            .init(kind: .space(" "), start: 6, end: 7),
            .init(kind: .number(1), start: 7, end: 8),
            .init(kind: .symbol(","), start: 8, end: 9),
            .init(kind: .number(2345), start: 9, end: 13),
        ]),
        .init(text: "ES6", tokens: [
            .init(kind: .word("es"), start: 0, end: 2),
            .init(kind: .number(6), start: 2, end: 3),
        ]),
        // CJK words from the vocabulary, longest first; other characters one scalar each.
        .init(text: "第3-4週間（约", tokens: [
            .init(kind: .cjkWord("第"), start: 0, end: 3),
            .init(kind: .number(3), start: 3, end: 4),
            .init(kind: .dash("-"), start: 4, end: 5),
            .init(kind: .number(4), start: 5, end: 6),
            .init(kind: .cjkWord("週間"), start: 6, end: 12),
            .init(kind: .symbol("（"), start: 12, end: 15),
            .init(kind: .cjkWord("约"), start: 15, end: 18),
        ]),
        .init(text: "🚀€", tokens: [
            .init(kind: .symbol("🚀"), start: 0, end: 4),
            .init(kind: .symbol("€"), start: 4, end: 7),
        ]),
        .init(text: "", tokens: []),
    ]

    @Test("tokens, with their kinds and UTF-8 ranges", arguments: cases)
    func tokens(_ example: Case) {
        #expect(DurationTokenizer.tokens(of: Array(example.text.utf8)) == example.tokens)
    }
}
