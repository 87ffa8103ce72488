import Testing
@testable import RoadmapKit

/// Search titles and excerpts: whitespace squeezed, cut at a word boundary to at most `limit`
/// characters and an ellipsis. ASCII text is cut on its bytes, other text by characters.
@Suite struct SearchClipTests {
    @Test(arguments: [
        ("Kubernetes · Helm · Argo CD", 40, "Kubernetes · Helm · Argo CD"),
        ("Kubernetes · Helm · Argo CD", 12, "Kubernetes ·…"),
        ("  Model serving —\tlatency budgets…  ", 12, "Model…"),
        ("Crème brûlée\u{00A0}for\u{202F}everyone", 40, "Crème brûlée for everyone"),
        ("line one\r\nline two\u{2028}three", 160, "line one line two three"),
        ("\u{85}next line\u{85}", 40, "next line"),
        (String(repeating: "é", count: 30), 12, String(repeating: "é", count: 12) + "…"),
        ("Déjà vu " + String(repeating: "x", count: 200), 40, "Déjà vu…"),
        ("e\u{301}tude caf\u{E9}", 5, "e\u{301}tude…"),
        ("日本語 テキスト · 検索", 5, "日本語…"),
        ("emoji 👩‍💻 here ›", 7, "emoji 👩‍💻…"),
        ("", 5, ""), ("   ", 5, ""),
        ("a" + String(repeating: " b", count: 120), 12, "a b b b b b…"),
        ("a b  c", 3, "a b…"), ("  one   two three ", 7, "one two…"), ("abcdefgh ij", 4, "abcd…"), ("word", 4, "word"),
        ("x\ty\nz", 10, "x y z"), ("exactly ten", 11, "exactly ten"),
    ])
    func clipsAtWordBoundaries(_ text: String, _ limit: Int, _ expected: String) {
        #expect(SearchIndexBuilder.clip(text, limit) == expected)
    }
}
