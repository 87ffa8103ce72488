import Testing
@testable import RoadmapKit

/// ``StemSet`` answers every question the cross-linker asks exactly as `Set` does.
@Suite struct StemSetTests {
    /// Pseudo-random sets over a small range, so that they overlap, nest and miss each other.
    static func sets(seed: UInt64) -> [[Int32]] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        return (0..<40).map { _ in (0..<Int(next() % 9)).map { _ in Int32(next() % 12) } }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func agreesWithSet(seed: UInt64) {
        let all = Self.sets(seed: seed)
        for left in all {
            for right in all {
                let a = StemSet(unsorted: left), b = StemSet(unsorted: right)
                let x = Set(left), y = Set(right)
                #expect(a.count == x.count)
                #expect(a.members == x.sorted())
                #expect(a.isSubset(of: b) == x.isSubset(of: y), "\(left) ⊆ \(right)")
                #expect(a.intersectionCount(b) == x.intersection(y).count)
                #expect(a.intersection(b).members == x.intersection(y).sorted())
                #expect(a.union(b).members == x.union(y).sorted())
                #expect(a.subtracting(b).members == x.subtracting(y).sorted())
                for value in Int32(-1)...12 { #expect(a.contains(value) == x.contains(value)) }
            }
        }
    }

    /// The union of many sets at once (a bitmap over the members) is the sets' union.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func unionOfManyAgreesWithSet(seed: UInt64) {
        let all = Self.sets(seed: seed) + [[], [70, 64, 63, 0, 129]]
        for count in [0, 1, 2, 7, all.count] {
            let chosen = Array(all.prefix(count))
            let union = StemSet(unionOf: chosen.map { StemSet(unsorted: $0) })
            #expect(union.members == Set(chosen.joined()).sorted())
        }
    }

    @Test func tableNumbersEachStemOnce() {
        var table = StemTable()
        let first = table.set(["monitor", "model", "monitor"])
        let second = table.set(["model"])
        #expect(first.count == 2)
        #expect(second.isSubset(of: first))
        #expect(table.existingID("monitor") != nil)
        #expect(table.existingID("drift") == nil)
    }

    @Test func textNumbersAreGivenInOrderAndShareCanonicalSpellings() {
        var numbers = TextNumbers()
        #expect(numbers.number("monitor") == (0, true))
        #expect(numbers.number("caf\u{E9}") == (1, true))
        #expect(numbers.number("model") == (2, true))
        #expect(numbers.number("monitor") == (0, false))
        // NFD "café" is the same text as NFC "café", as for a [String: Int].
        #expect(numbers.number("cafe\u{301}") == (1, false))
        #expect(numbers.existingNumber("model") == 2)
        #expect(numbers.existingNumber("drift") == nil)
        #expect(numbers.count == 3)
    }
}

/// The byte-level ASCII tokenizer cuts words where the general one does.
@Suite struct TermTokenTests {
    @Test(arguments: [
        ("CI/CD Pipelines", ["ci/cd", "pipelines"]),
        ("/leading and trailing/ slashes//", ["leading", "and", "trailing", "slashes"]),
        ("a//b, K8s & MLOps-101", ["a//b", "k8s", "mlops", "101"]),
        ("", []),
        ("  ...  ", []),
        ("Python 3.11 (Free)", ["python", "3", "11", "free"]),
    ] as [(String, [String])])
    func asciiTokens(text: String, expected: [String]) {
        #expect(TermNormaliser.tokens(text) == expected)
        // The same text with one non-ASCII letter at the end takes the general path.
        #expect(TermNormaliser.tokens(text + " é") == expected + ["é"])
    }
}
