import Foundation

/// A 128-bit digest of bytes, the render cache's key (``RenderCache``): two 64-bit
/// multiply-rotate lanes with different constants, fed the same words. Stable across runs
/// (on machines of one byte order).
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
///
/// Bytes go in eight at a time, a word a step (the last word of a value zero-filled, which its
/// length makes unambiguous): one byte a step (FNV-1a and a per-byte mix) took 4 % of a rebuild
/// of 10,000 roadmaps with one edited, checksumming the 417 MB render cache's records and
/// hashing the sources, most of it in a byte-by-byte loop.
struct ContentHasher: Sendable {
    private var first: UInt64 = 0xCBF2_9CE4_8422_2325
    private var second: UInt64 = 0x6A09_E667_F3BC_C908

    init() {}

    @inline(__always)
    private static func rotated(_ value: UInt64, _ count: UInt64) -> UInt64 { value << count | value >> (64 - count) }

    @inline(__always)
    private mutating func add(word: UInt64) {
        first = Self.rotated((first ^ word) &* 0x9E37_79B9_7F4A_7C15, 29)
        second = Self.rotated((second ^ Self.rotated(word, 32)) &* 0xC2B2_AE3D_27D4_EB4F, 31)
    }

    mutating func add(_ value: UInt64) { add(word: value) }

    mutating func add(_ value: Int) { add(word: UInt64(bitPattern: Int64(value))) }

    mutating func add(_ value: Bool) { add(word: value ? 1 : 0) }

    /// Bytes in contiguous storage (an array, `Data`) are read where they are; others are copied first.
    mutating func add(_ bytes: some Collection<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) == nil { add(Array(bytes)) }
    }

    /// The length, then the bytes, a word at a time (native byte order: the cache is one machine's).
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            add(word: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        guard offset < bytes.count else { return }
        var last: UInt64 = 0
        for index in offset..<bytes.count { last |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        add(word: last)
    }

    mutating func add(_ text: String) {
        text.withUTF8Bytes { add(UnsafeRawBufferPointer($0)) }
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
        return ContentDigest(low: finish(first), high: finish(second ^ first.byteSwapped))
    }

    /// The digest of the values `body` adds.
    static func digest(_ body: (inout ContentHasher) -> Void) -> ContentDigest {
        var hasher = ContentHasher()
        body(&hasher)
        return hasher.digest
    }
}
