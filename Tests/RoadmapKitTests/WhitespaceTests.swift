import Testing
@testable import RoadmapKit

/// Whitespace trimmed from the ends and squeezed between words.
@Suite struct WhitespaceTests {
    @Test(arguments: [
        ("", ""), ("   ", ""), ("a", "a"), ("already squeezed", "already squeezed"), (" a  b\tc\n", "a b c"),
        ("tab\u{0B}vt\u{0C}ff\r\ncr", "tab vt ff cr"), ("Crème\u{00A0}brûlée\u{3000}x", "Crème brûlée x"),
        ("\u{85}x\u{2028}y\u{2029}", "x y"), ("a\u{200B}b", "a\u{200B}b"), ("a\u{01}b", "a\u{01}b"),
        ("東京  大阪 ", "東京 大阪"),
    ])
    func squeezesRunningText(_ text: String, _ expected: String) {
        #expect(text.squeezingWhitespace() == expected)
    }

    /// Titles keep a no-break or ideographic space as the author wrote it.
    @Test(arguments: [
        ("Phase\u{00A0}1  (4\tweeks)", "Phase\u{00A0}1 (4 weeks)"), ("第一阶段\u{3000}基础", "第一阶段\u{3000}基础"),
        (" a\r\nb ", "a b"), ("Docker", "Docker"), ("", ""),
    ])
    func squeezesTitlesByASCIIWhitespace(_ text: String, _ expected: String) {
        #expect(text.squeezingWhitespace(.ascii) == expected)
    }

    @Test(arguments: [
        ("plain", "plain"), ("a\u{01}b\u{7F}c", "a b c"), ("tab\tkept", "tab kept"), ("zero\u{200B}width", "zerowidth"),
        ("soft\u{AD}hyphen", "softhyphen"), ("emoji\u{FE0F}", "emoji"), ("é\u{0}", "é "),
    ])
    func removesFormatCharacters(_ text: String, _ expected: String) {
        #expect(text.removingFormatCharacters() == expected)
    }

    /// Resource titles and labels: zero-width characters removed, controls as spaces, squeezed.
    @Test(arguments: [
        ("  **Label**:   value  ", "**Label**: value"), ("Course:\u{01}[x](y)  (Free)\r\n", "Course: [x](y) (Free)"),
        ("zero\u{200B}width  here", "zerowidth here"), ("naïve  café ", "naïve café"), ("\u{7F}end ", "end"), ("", ""),
    ])
    func squeezesResourceText(_ text: String, _ expected: String) {
        #expect(ResourceExtractor.squeeze(text) == expected)
    }

    @Test(arguments: [
        ("  a b \t", "a b", "a b"), ("\n a \n", "\n a \n", "a"), ("\u{3000}x\u{00A0}", "x", "x"),
        ("\u{85}x\u{2028}", "\u{85}x\u{2028}", "x"), ("", "", ""), ("tight", "tight", "tight"),
    ])
    func trims(_ text: String, _ spaces: String, _ whitespace: String) {
        #expect(text.trimmingSpaces() == spaces)
        #expect(text.trimmingWhitespace() == whitespace)
        #expect(text[...].trimmingWhitespace() == whitespace)
    }

    @Test(arguments: [
        ("***_Label_ -", "*_-–— ", "Label"), ("—Title—", "*_-–— ", "Title"), ("naïve – notes [x]", " ,–—-", "naïve – notes [x]"),
        (", – free –", " ,–—-", "free"), ("", "*", ""), ("***", "*", ""),
    ])
    func trimsScalarsOfASet(_ text: String, _ set: String, _ expected: String) {
        #expect(text.trimmingScalars(in: set) == expected)
    }
}
