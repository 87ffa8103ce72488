import Foundation

/// Search terms interned into dense integer ids: the UTF-8 bytes of every term one after another
/// in one array, found again through an open-addressing hash table on those bytes. A token is
/// looked up without making a `String`; ids are given in order of first appearance.
struct SearchTermTable: Sendable {
    /// Every term's bytes, one after another: term `i` is `bytes[start(i)..<ends[i]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    /// Hash slots holding `id + 1`, 0 when empty; a power of two long, at most half full.
    private var slots: [UInt32] = []
    private var hashes: [UInt32] = []

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        bytes.reserveCapacity(capacity * 8)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// A sealed table of the terms whose bytes are `bytes`, term `i` ending at `ends[i]` (the
    /// render cache's copy of a batch's vocabulary).
    init(sealedBytes bytes: [UInt8], ends: [UInt32]) {
        self.bytes = bytes
        self.ends = ends
    }

    var count: Int { ends.count }

    func start(_ id: Int) -> Int { id == 0 ? 0 : Int(ends[id - 1]) }

    /// The id of `token`, added when new.
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(token)
        precondition(!slots.isEmpty, "a sealed term table takes no new terms")
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equals(id, token) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
        let id = UInt32(ends.count)
        bytes.append(contentsOf: token)
        ends.append(UInt32(bytes.count))
        hashes.append(hash)
        slots[slot] = id + 1
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `token` if it is there.
    func find(_ token: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(token)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == hash, equals(id, token) { return UInt32(id) }
            slot = (slot + 1) & mask
        }
    }

    /// Term `id` as text.
    func string(_ id: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start(id)..<Int(ends[id])]), as: UTF8.self) }
    }

    /// Calls `body` with term `id`'s bytes.
    func withTerm<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start(id)..<Int(ends[id])])) }
    }

    /// Whether term `a` sorts before term `b`: byte order, which for these NFC terms is the order
    /// of Unicode scalars, as `String`'s `<`.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let a0 = start(a), a1 = Int(ends[a]), b0 = start(b), b1 = Int(ends[b])
            let common = min(a1 - a0, b1 - b0)
            let order = common == 0 ? 0 : memcmp(buffer.baseAddress! + a0, buffer.baseAddress! + b0, common)
            return order != 0 ? order < 0 : (a1 - a0) < (b1 - b0)
        }
    }

    /// Drops the lookup table: the terms stay readable by id, no longer findable.
    mutating func seal() {
        slots = []
        hashes = []
    }

    private func equals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = start(id), to = Int(ends[id])
        guard to - from == token.count else { return false }
        if token.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + from, token.baseAddress!, token.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var grown = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for id in 0..<ends.count {
            var slot = Int(hashes[id]) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = UInt32(id + 1)
        }
        slots = grown
    }

    /// The table's hash of a token: the high half of its ``FNV1a`` hash, whose bits each depend
    /// on every byte (a low bit depends on the low bits of the bytes only).
    static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(truncatingIfNeeded: FNV1a.hash(token) >> 32)
    }
}
