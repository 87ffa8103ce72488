import Testing
@testable import RoadmapKit

/// The whole-text byte questions agree with the byte-at-a-time answers, on Strings and Substrings.
@Suite struct ASCIIBytesTests {
    @Test(arguments: ["", "plain ascii\n", "café\nand\nmore", "\r\n\r\n", "line\nfeeds\n\n at the end\n", "東京 / k8s"])
    func agreesWithTheIterator(text: String) {
        for value in [text, String(repeating: text, count: 9)] {
            #expect(value.isAllASCII == value.utf8.allSatisfy { $0 < 0x80 })
            #expect(value.lineFeedCount == value.utf8.filter { $0 == 0x0A }.count)
            for byte: UInt8 in [0x0A, 0x2F, 0x3A, 0x26] { #expect(value.containsASCII(byte) == value.utf8.contains(byte)) }
            let sub = value.dropFirst()
            #expect(sub.isAllASCII == sub.utf8.allSatisfy { $0 < 0x80 })
            #expect(sub.lineFeedCount == sub.utf8.filter { $0 == 0x0A }.count)
            if value.isAllASCII {
                #expect(value.firstIndex(ofASCII: 0x0A) == value.utf8.firstIndex(of: 0x0A))
            }
            // From every byte position, as the UTF-8 view's own search finds it.
            for start in value.utf8.indices {
                #expect(value.firstUTF8Index(of: 0x0A, from: start) == value.utf8[start...].firstIndex(of: 0x0A))
            }
        }
    }
}

/// The byte classes agree with `Character`'s answers over every byte.
@Suite struct ASCIIByteClassTests {
    @Test func classesAgreeWithCharacter() {
        for byte in UInt8.min...UInt8.max {
            let character = Character(Unicode.Scalar(byte))
            let isASCII = byte < 0x80
            #expect(byte.isASCIILetter == (isASCII && character.isLetter))
            #expect(byte.isASCIIDigit == (isASCII && character.isWholeNumber))
            #expect(byte.asciiLowercased == (isASCII && character.isUppercase ? character.lowercased().utf8.first! : byte))
        }
    }
}
