import Foundation

/// Splits text into search tokens. The browser's `search.js` applies the same rules to queries;
/// `Tests/Fixtures/search-vectors.json` holds the cases both must agree on.
///
/// The rules, in order:
/// 1. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the soft hyphen are removed.
/// 2. Unicode NFKC normalisation, then lower case.
/// 3. Diacritics are folded: canonical decomposition, combining diacritical marks (U+0300–036F,
///    U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F) dropped, NFC again. Other marks stay,
///    so ジ keeps its dakuten and Devanagari its vowel signs.
/// 4. Tokens are runs of letters, marks and numbers; anything else separates them.
/// 5. Runs of CJK characters (Han, Hiragana, Katakana, Hangul, by fixed code point ranges) are
///    split off and cut into overlapping character bigrams; a lone CJK character is a token.
public struct SearchTokenizer: Sendable {
    public init() {}

    /// The normalised, folded form of `text` (steps 1–3), before it is split.
    public func fold(_ text: String) -> String {
        var stripped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !Self.isZeroWidth(scalar) { stripped.append(scalar) }
        let compatible = String(stripped).precomposedStringWithCompatibilityMapping.lowercased()
        var folded = String.UnicodeScalarView()
        for scalar in compatible.decomposedStringWithCanonicalMapping.unicodeScalars where !Self.isDiacritic(scalar) {
            folded.append(scalar)
        }
        return String(folded).precomposedStringWithCanonicalMapping
    }

    /// The tokens of `text`, in order, duplicates kept.
    public func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Calls `body` with the UTF-8 bytes of each token of `text`, in order, without making a
    /// `String` for ASCII text. ASCII whitespace separates tokens under every rule and nothing
    /// normalises across it, so each whitespace-separated chunk is tokenised on its own, ASCII
    /// ones on bytes (lower-cased, split at anything but letters and digits).
    func forEachToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            guard count > 0 else { return }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { word in
                var index = 0
                while index < count {
                    // Skip whitespace, then find the chunk's end and whether it is ASCII.
                    while index < count, bytes[index].isASCIIWhitespace { index += 1 }
                    let start = index
                    var ascii = true
                    while index < count, !bytes[index].isASCIIWhitespace {
                        if bytes[index] >= 0x80 { ascii = false }
                        index += 1
                    }
                    guard index > start else { break }
                    let chunk = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if ascii || Self.separatesLikeASCII(chunk) {
                        var length = 0
                        for byte in chunk {
                            if byte.isASCIILetter || byte.isASCIIDigit {
                                word[length] = byte.asciiLowercased
                                length += 1
                            } else if length > 0 {
                                body(UnsafeBufferPointer(rebasing: word[0..<length]))
                                length = 0
                            }
                        }
                        if length > 0 { body(UnsafeBufferPointer(rebasing: word[0..<length])) }
                    } else {
                        for var token in unicodeTokens(String(decoding: chunk, as: UTF8.self)) { token.withUTF8(body) }
                    }
                }
            }
        }
    }

    /// Whether every non-ASCII scalar of `chunk` is `·` or General Punctuation (U+2000–206F)
    /// other than the zero-width characters rule 1 removes: none of those normalises to a letter,
    /// digit or mark or composes with a neighbour, so each only separates tokens, and the chunk's
    /// tokens are its ASCII words, as the bytes path reads them (`embedding…`, `a·b`, `“quoted”`).
    static func separatesLikeASCII(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = chunk.count
        while index < count {
            let byte = chunk[index]
            if byte < 0x80 {
                index += 1
            } else if byte == 0xC2, index + 1 < count, chunk[index + 1] == 0xB7 {
                index += 2
            } else if byte == 0xE2, index + 2 < count, chunk[index + 1] == 0x80 || chunk[index + 1] == 0x81 {
                let value = 0x2000 + (UInt32(chunk[index + 1] & 0x3F) << 6 | UInt32(chunk[index + 2] & 0x3F))
                guard value <= 0x206F, !(0x200B...0x200D).contains(value), value != 0x2060 else { return false }
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// The tokens of `text` under the full rules (normalisation included), as `search.js` reads them.
    func unicodeTokens(_ text: String) -> [String] {
        var out: [String] = []
        var word = String.UnicodeScalarView()
        var cjk: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty { out.append(String(word)); word = String.UnicodeScalarView() }
        }
        func flushCJK() {
            if cjk.count == 1 {
                out.append(String(Character(cjk[0])))
            } else if cjk.count > 1 {
                for index in 0..<(cjk.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(cjk[index]); pair.append(cjk[index + 1])
                    out.append(String(pair))
                }
            }
            cjk.removeAll()
        }
        for scalar in fold(text).unicodeScalars {
            if Self.isCJK(scalar) {
                flushWord()
                cjk.append(scalar)
            } else if Self.isWordScalar(scalar) {
                flushCJK()
                word.append(scalar)
            } else {
                flushWord()
                flushCJK()
            }
        }
        flushWord()
        flushCJK()
        return out
    }

    static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .spacingMark, .enclosingMark, .nonspacingMark:
            return true
        default:
            return false
        }
    }

    /// CJK code point ranges; `search.js` lists the same ranges.
    static let cjkRanges: [ClosedRange<UInt32>] = [
        0x1100...0x11FF,  // Hangul Jamo
        0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
        0x3005...0x3007,  // 々 〆 〇
        0x3021...0x3029,  // Hangzhou numerals
        0x3041...0x309F,  // Hiragana
        0x30A0...0x30FF,  // Katakana
        0x3130...0x318F,  // Hangul compatibility Jamo
        0x31F0...0x31FF,  // Katakana phonetic extensions
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xAC00...0xD7AF,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0x20000...0x3134F,  // CJK extensions B–G
    ]

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        return cjkRanges.contains { $0.contains(value) }
    }
}
