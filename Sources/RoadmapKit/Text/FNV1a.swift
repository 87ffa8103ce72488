/// FNV-1a, 64 bits: a hash of bytes fed one at a time, so a loop that reads a word can hash it
/// as it goes. Stable across runs (unlike `Hasher`), which the link checker's sorted id hashes
/// rely on.
struct FNV1a: Sendable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    /// The hash of `bytes`.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = FNV1a()
        for byte in bytes { hash.add(byte) }
        return hash.value
    }

    /// The hash of `text`'s UTF-8 (read with ``StringProtocol/withUTF8Bytes(_:)``: through the
    /// UTF-8 view's iterator, the link checker's hashes took 46 million instructions on the
    /// 100-roadmap corpus rather than 11 million).
    static func hash(_ text: String) -> UInt64 { text.withUTF8Bytes { hash($0) } }
}
