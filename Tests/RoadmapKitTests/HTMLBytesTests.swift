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

    @Test func escapesAsTheStringEscaper() {
        for text in ["", "plain", "a < b & c > d \"e\" 'f'", "<<&&>>", "東京 & 大阪", "&amp;"] {
            var bytes: [UInt8] = []
            bytes.append(escaping: text)
            #expect(String(decoding: bytes, as: UTF8.self) == HTMLEscaping.escape(text))
        }
    }

    @Test func writesNumbersAsInterpolation() {
        for value in [0, 7, 10, 99, 100, 1234, -5, -1200, Int.max, Int.min] {
            var bytes: [UInt8] = []
            bytes.append(decimal: value)
            #expect(String(decoding: bytes, as: UTF8.self) == "\(value)")
        }
    }
}
