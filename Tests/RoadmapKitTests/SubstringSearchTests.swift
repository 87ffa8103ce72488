import Foundation
import Testing
@testable import RoadmapKit

/// RoadmapKit's `String.contains(String)` must answer as Foundation's literal search does.
@Suite struct SubstringSearchTests {
    static let cases: [(String, String)] = [
        ("machine learning basics", "machine learning"), ("ml", "machine learning"), ("abc", ""), ("", ""), ("", "a"),
        ("ci/cd pipelines", "ci/cd"), ("aaab", "aab"), ("k8s", "k8s"), ("k8", "k8s"), ("Straße", "ß"), ("naïve café", "café"),
        ("日本語のテキスト", "テキ"), ("emoji 🚀 launch", "🚀"), ("x&y", "&"), ("no amp", "&"), ("tail match", "match"),
    ]

    @Test("matches Foundation's range(of:)", arguments: cases)
    func matchesFoundation(haystack: String, needle: String) {
        #expect(haystack.contains(needle) == (haystack.range(of: needle) != nil))
    }
}
