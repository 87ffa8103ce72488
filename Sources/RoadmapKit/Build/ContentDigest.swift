/// A 128-bit digest of bytes, the render cache's key (``RenderCache``): two 64-bit lanes, an
/// FNV-1a and a multiply-rotate hash, fed the same bytes. Stable across runs and machines.
///
/// Not cryptographic, and it need not be: a collision would show one roadmap's old page for
/// another input of the same author's making, which the author can publish anyway. Accidental
/// collisions are what it guards against, at about 2⁻¹²⁸ a pair.
struct ContentDigest: Sendable, Hashable, CustomStringConvertible {
    private(set) var low: UInt64
    private(set) var high: UInt64

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    var description: String { String(high, radix: 16) + String(low, radix: 16) }
}

/// Feeds values into a ``ContentDigest``. Every variable-length value is preceded by its length,
/// so that `("ab", "c")` and `("a", "bc")` differ.
struct ContentHasher: Sendable {
    private var fnv = FNV1a()
    private var mix: UInt64 = 0x6A09_E667_F3BC_C908

    init() {}

    @inline(__always)
    private mutating func add(_ byte: UInt8) {
        fnv.add(byte)
        mix = ((mix ^ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15)
        mix = (mix << 23) | (mix >> 41)
    }

    mutating func add(_ value: UInt64) {
        var value = value
        for _ in 0..<8 {
            add(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    mutating func add(_ value: Bool) { add(value ? UInt8(1) : 0) }

    mutating func add(_ bytes: some Collection<UInt8>) {
        add(bytes.count)
        for byte in bytes { add(byte) }
    }

    mutating func add(_ text: String) {
        text.withUTF8Bytes { add($0) }
    }

    mutating func add(_ digest: ContentDigest) {
        add(digest.low)
        add(digest.high)
    }

    /// An optional value: a marker, then the value when there is one.
    mutating func add(_ text: String?) {
        add(text != nil)
        if let text { add(text) }
    }

    var digest: ContentDigest {
        // A final avalanche of each lane, so that short inputs spread over all bits.
        func finish(_ value: UInt64) -> UInt64 {
            var value = value
            value ^= value >> 33
            value = value &* 0xFF51_AFD7_ED55_8CCD
            value ^= value >> 33
            value = value &* 0xC4CE_B9FE_1A85_EC53
            value ^= value >> 33
            return value
        }
        return ContentDigest(low: finish(fnv.value), high: finish(mix ^ fnv.value.byteSwapped))
    }

    /// The digest of the values `body` adds.
    static func digest(_ body: (inout ContentHasher) -> Void) -> ContentDigest {
        var hasher = ContentHasher()
        body(&hasher)
        return hasher.digest
    }
}
