import Testing
@testable import RoadmapKit

/// `SearchIndexBuilder.clip` takes a scalar fast path for text whose scalars are characters of
/// their own; it must cut exactly where the character-by-character reading does.
@Suite struct SearchClipTests {
    /// The reading the fast paths must match: split into characters at whitespace, cut at `limit`.
    static func reference(_ text: String, _ limit: Int) -> String {
        var out = ""
        var length = 0
        for word in text.split(whereSeparator: \.isWhitespace) {
            if length + (out.isEmpty ? 0 : 1) + word.count > limit {
                if out.isEmpty { out = String(word.prefix(limit)) }
                return out + "…"
            }
            if !out.isEmpty { out += " "; length += 1 }
            out += word
            length += word.count
        }
        return out
    }

    static let samples = [
        "Kubernetes · Helm · Argo CD", "  Model serving —\tlatency budgets…  ", "Crème brûlée\u{00A0}for\u{202F}everyone",
        "line one\r\nline two\u{2028}three", "naïve “quoted” words – with ‘dashes’", String(repeating: "é", count: 30),
        "Déjà vu " + String(repeating: "x", count: 200), "e\u{301}tude caf\u{E9}", "日本語 テキスト · 検索", "emoji 👩‍💻 here ›",
        "\u{85}next line\u{85}", "", "   ", "a" + String(repeating: " b", count: 120),
    ]

    @Test(arguments: samples, [5, 12, 40, 160])
    func clipMatchesCharacterReading(_ text: String, _ limit: Int) {
        #expect(SearchIndexBuilder.clip(text, limit) == Self.reference(text, limit))
    }
}
