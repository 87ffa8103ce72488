import Testing
@testable import RoadmapKit

/// HTML written as bytes reads back as the same text, whichever characters fall on the cuts.
@Suite struct HTMLBytesTests {
    @Test(arguments: ["", "plain ascii\n", "a › b — c", "東京 / k8s", "👩🏽‍💻 <&>\"'", "é"])
    func textRoundTrips(piece: String) {
        // Long texts whose multi-byte characters land on every offset around the 256-byte blocks.
        for padding in 0..<8 {
            let text = String(repeating: "x", count: padding) + String(repeating: piece + String(repeating: "y", count: 251), count: 40)
            let bytes = Array(text.utf8)
            #expect(bytes.utf8Text == text)
            #expect(bytes.lineFeedCount == text.lineFeedCount)
        }
    }

    /// The String escaper hands text with a special character to the byte one, so each is also
    /// checked against the text it must give.
    @Test(arguments: [
        ("", ""), ("plain", "plain"), ("a < b & c > d \"e\" 'f'", "a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39;"),
        ("<<&&>>", "&lt;&lt;&amp;&amp;&gt;&gt;"), ("東京 & 大阪", "東京 &amp; 大阪"), ("&amp;", "&amp;amp;"),
    ])
    func escapesAsTheStringEscaper(text: String, escaped: String) {
        var bytes: [UInt8] = []
        bytes.append(escaping: text)
        #expect(String(decoding: bytes, as: UTF8.self) == HTMLEscaping.escape(text))
        #expect(HTMLEscaping.escape(text) == escaped)
    }

    @Test func writesNumbersAsInterpolation() {
        for value in [0, 7, 10, 99, 100, 1234, -5, -1200, Int.max, Int.min] {
            var bytes: [UInt8] = []
            bytes.append(decimal: value)
            #expect(String(decoding: bytes, as: UTF8.self) == "\(value)")
        }
    }
}
