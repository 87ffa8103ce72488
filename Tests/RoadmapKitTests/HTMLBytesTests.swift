import Testing
@testable import RoadmapKit

/// HTML written as bytes.
@Suite struct HTMLBytesTests {
    @Test(arguments: [
        (0, "0"), (7, "7"), (10, "10"), (99, "99"), (100, "100"), (1234, "1234"), (-5, "-5"), (-1200, "-1200"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func writesNumbersInDecimal(_ value: Int, _ expected: String) {
        var bytes: [UInt8] = Array("n=".utf8)
        bytes.append(decimal: value)
        #expect(bytes.utf8Text == "n=" + expected)
    }

    @Test(arguments: [
        ("", ""), ("plain", "plain"), ("a < b & c > d \"e\" 'f'", "a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39;"),
        ("<<&&>>", "&lt;&lt;&amp;&amp;&gt;&gt;"), ("東京 & 大阪", "東京 &amp; 大阪"), ("&amp;", "&amp;amp;"),
    ])
    func appendsEscapedText(_ text: String, _ escaped: String) {
        var bytes: [UInt8] = []
        bytes.append("<p>")
        bytes.append(escaping: text)
        bytes.append(utf8: "—")
        #expect(bytes.utf8Text == "<p>" + escaped + "—")
    }
}
