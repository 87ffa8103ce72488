import Testing
@testable import RoadmapKit

/// The whole-text byte questions, on Strings and Substrings.
@Suite struct ASCIIBytesTests {
    @Test(arguments: [
        ("", true, 0), ("plain ascii\n", true, 1), ("café\nand\nmore", false, 2), ("\r\n\r\n", true, 2),
        ("line\nfeeds\n\n at the end\n", true, 4), ("東京 / k8s", false, 0), ("\u{7F}", true, 0), ("\u{80}", false, 0),
    ])
    func answersWholeTextQuestions(_ text: String, _ isAllASCII: Bool, _ lineFeeds: Int) {
        #expect(text.isAllASCII == isAllASCII)
        #expect(text.lineFeedCount == lineFeeds)
        #expect(text.containsASCII(0x0A) == (lineFeeds > 0))
        #expect(Array(text.utf8).lineFeedCount == lineFeeds)
        // Long enough to be read in vectorised blocks, and as a Substring.
        let long = String(repeating: text, count: 40)
        #expect(long.isAllASCII == isAllASCII)
        #expect(long.lineFeedCount == 40 * lineFeeds)
        #expect(Substring(long.utf8.dropFirst(text.utf8.count)).lineFeedCount == 39 * lineFeeds)
    }

    @Test(arguments: [("a&b", UInt8(ascii: "&"), true), ("a/b", UInt8(ascii: ":"), false), ("日本/語", UInt8(ascii: "/"), true),
                      ("", UInt8(ascii: "a"), false)])
    func findsAnASCIIByte(_ text: String, _ byte: UInt8, _ found: Bool) {
        #expect(text.containsASCII(byte) == found)
    }

    /// Line feeds found from a start, as UTF-8 offsets: one inside a `\r\n` character too.
    @Test(arguments: [
        ("a\nb\nc", 0, 1), ("a\nb\nc", 2, 3), ("a\nb\nc", 4, nil), ("é\r\nx", 0, 3), ("é\r\nx", 4, nil), ("", 0, nil),
    ] as [(String, Int, Int?)])
    func findsTheNextLineFeed(_ text: String, _ from: Int, _ expected: Int?) {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: from)
        let found = text.firstUTF8Index(of: 0x0A, from: start)
        #expect(found.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } == expected)
    }
}

/// The byte classes: exactly these bytes are in each.
@Suite struct ASCIIByteClassTests {
    @Test func classesHoldExactlyTheirBytes() {
        let all = Array(UInt8.min...UInt8.max)
        #expect(all.filter(\.isASCIILetter) == Array(UInt8(ascii: "A")...UInt8(ascii: "Z")) + Array(UInt8(ascii: "a")...UInt8(ascii: "z")))
        #expect(all.filter(\.isASCIIDigit) == Array(UInt8(ascii: "0")...UInt8(ascii: "9")))
        #expect(all.filter(\.isASCIIWhitespace) == [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20])
    }

    @Test(arguments: [("A", "a"), ("Z", "z"), ("a", "a"), ("@", "@"), ("[", "["), ("0", "0")] as [(Unicode.Scalar, Unicode.Scalar)])
    func lowerCasesCapitalsOnly(_ byte: Unicode.Scalar, _ lower: Unicode.Scalar) {
        #expect(UInt8(ascii: byte).asciiLowercased == UInt8(ascii: lower))
    }

    @Test func lowerCasingLeavesEveryOtherByte() {
        for byte in UInt8.min...UInt8.max where !(0x41...0x5A).contains(byte) { #expect(byte.asciiLowercased == byte) }
    }
}

/// FNV-1a, 64 bits: the published test vectors; the search term table's hash is its high half.
@Suite struct FNV1aTests {
    @Test(arguments: [("", 0xCBF2_9CE4_8422_2325), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8)] as [(String, UInt64)])
    func hashesAsPublished(_ text: String, _ expected: UInt64) {
        #expect(FNV1a.hash(text) == expected)
        #expect(FNV1a.hash(Array(text.utf8)) == expected)
        #expect(Array(text.utf8).withUnsafeBufferPointer { SearchTermTable.hash($0) } == UInt32(expected >> 32))
    }
}
