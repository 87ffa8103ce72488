/// Word stems numbered for one roadmap, so that the cross-linker's many set tests (is every
/// word of a skill in this title? how many does it share with that headline?) compare small
/// integers instead of hashing strings.
struct StemTable {
    private var numbers = TextNumbers()

    /// The number of `stem`, given the first time it is seen.
    mutating func id(_ stem: String) -> Int32 { Int32(numbers.number(stem).number) }

    /// The number of `stem`, or nil when no text of the roadmap has it.
    func existingID(_ stem: String) -> Int32? { numbers.existingNumber(stem).map { Int32($0) } }

    /// The set of `stems`.
    mutating func set<S: Sequence<String>>(_ stems: S) -> StemSet {
        StemSet(unsorted: stems.map { id($0) })
    }
}

/// A set of stem numbers (see ``StemTable``), kept sorted: a few to a few hundred members,
/// where a merge walk beats hashing.
struct StemSet: Equatable, Sendable {
    private(set) var members: [Int32]

    static let empty = StemSet(sorted: [])

    private init(sorted: [Int32]) { members = sorted }

    init(unsorted: [Int32]) {
        var sorted = unsorted
        sorted.sort()
        var write = 0
        for value in sorted where write == 0 || sorted[write - 1] != value {
            sorted[write] = value
            write += 1
        }
        sorted.removeLast(sorted.count - write)
        members = sorted
    }

    /// The union of `sets`, made at once instead of merged a set at a time: stem numbers are
    /// small (a roadmap's distinct stems), so the members are marked in a bitmap and read back
    /// in order, with no sort.
    init(unionOf sets: [StemSet]) {
        let largest = sets.reduce(Int32(-1)) { Swift.max($0, $1.members.last ?? -1) }
        guard largest >= 0 else {
            self.init(sorted: [])
            return
        }
        var bits = [UInt64](repeating: 0, count: Int(largest) / 64 + 1)
        var total = 0
        for set in sets {
            for member in set.members { bits[Int(member) >> 6] |= 1 << UInt64(member & 63) }
            total += set.count
        }
        var members: [Int32] = []
        members.reserveCapacity(Swift.min(total, Int(largest) + 1))
        for (index, word) in bits.enumerated() {
            var word = word
            while word != 0 {
                members.append(Int32(index << 6 + word.trailingZeroBitCount))
                word &= word - 1
            }
        }
        self.init(sorted: members)
    }

    var count: Int { members.count }
    var isEmpty: Bool { members.isEmpty }

    func contains(_ value: Int32) -> Bool {
        var low = 0, high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < members.count && members[low] == value
    }

    func contains(where predicate: (Int32) -> Bool) -> Bool { members.contains(where: predicate) }

    func isSubset(of other: StemSet) -> Bool {
        guard count <= other.count else { return false }
        var index = 0
        for value in members {
            while index < other.members.count, other.members[index] < value { index += 1 }
            guard index < other.members.count, other.members[index] == value else { return false }
            index += 1
        }
        return true
    }

    /// How many members the two sets share.
    func intersectionCount(_ other: StemSet) -> Int {
        var left = 0, right = 0, shared = 0
        while left < members.count, right < other.members.count {
            let a = members[left], b = other.members[right]
            if a == b { shared += 1; left += 1; right += 1 } else if a < b { left += 1 } else { right += 1 }
        }
        return shared
    }

    func intersection(_ other: StemSet) -> StemSet {
        var out: [Int32] = []
        var left = 0, right = 0
        while left < members.count, right < other.members.count {
            let a = members[left], b = other.members[right]
            if a == b { out.append(a); left += 1; right += 1 } else if a < b { left += 1 } else { right += 1 }
        }
        return StemSet(sorted: out)
    }

    func union(_ other: StemSet) -> StemSet {
        if other.isEmpty { return self }
        if isEmpty { return other }
        var out: [Int32] = []
        out.reserveCapacity(members.count + other.members.count)
        var left = 0, right = 0
        while left < members.count || right < other.members.count {
            if right == other.members.count || (left < members.count && members[left] < other.members[right]) {
                out.append(members[left]); left += 1
            } else if left == members.count || other.members[right] < members[left] {
                out.append(other.members[right]); right += 1
            } else {
                out.append(members[left]); left += 1; right += 1
            }
        }
        return StemSet(sorted: out)
    }

    mutating func formUnion(_ other: StemSet) { self = union(other) }

    func subtracting(_ other: StemSet) -> StemSet {
        if other.isEmpty || isEmpty { return self }
        var out: [Int32] = []
        var right = 0
        for value in members {
            while right < other.members.count, other.members[right] < value { right += 1 }
            if right < other.members.count, other.members[right] == value { continue }
            out.append(value)
        }
        return StemSet(sorted: out)
    }
}

/// Numbers texts in order of first appearance, as a `[String: Int]` given each new text its
/// count would. ASCII texts are found on their bytes in a ``SearchTermTable``: its FNV hash of
/// a title's bytes costs a fraction of `String`'s seeded hash, and the cross-linker looks up
/// every stem and title of a roadmap. Other texts go to a dictionary, so that canonically
/// equivalent spellings (NFC and NFD) still share a number. (A non-ASCII text equals an ASCII
/// one only through U+212A KELVIN SIGN, U+037E or U+1FEF, which stand for `K`, `;` and a
/// backtick: no stem holds one (the first is lower-cased to `k`, the others separate words),
/// and a title with one has the stems of its ASCII twin, so numbering such a title apart from
/// that twin changes no result.)
struct TextNumbers {
    private var ascii = SearchTermTable()
    /// The number of each of `ascii`'s texts.
    private var asciiNumbers: [Int] = []
    private var others: [String: Int] = [:]
    private(set) var count = 0

    /// The number of `text`, and whether it was given now.
    mutating func number(_ text: String) -> (number: Int, isNew: Bool) {
        var text = text
        let found = text.withUTF8 { bytes -> (Int, Bool)? in
            guard Self.isASCII(bytes) else { return nil }
            let local = Int(ascii.intern(bytes))
            guard local == asciiNumbers.count else { return (asciiNumbers[local], false) }
            asciiNumbers.append(count)
            count += 1
            return (count - 1, true)
        }
        if let found { return found }
        if let known = others[text] { return (known, false) }
        others[text] = count
        count += 1
        return (count - 1, true)
    }

    /// The number of `text`, or nil when it has none.
    func existingNumber(_ text: String) -> Int? {
        var text = text
        let found = text.withUTF8 { bytes -> Int?? in
            guard Self.isASCII(bytes) else { return nil }
            return .some(ascii.find(bytes).map { asciiNumbers[Int($0)] })
        }
        if let found { return found }
        return others[text]
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }
}
