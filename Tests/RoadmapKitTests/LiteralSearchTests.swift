import Foundation
import Testing
@testable import RoadmapKit

/// Literal search: code unit by code unit, as Foundation's `range(of:)` without options finds,
/// but for text where canonically equivalent characters meet.
@Suite struct LiteralSearchTests {
    /// The match as UTF-8 offsets (nil: none), searched from the start and from `from`.
    @Test(arguments: [
        ("Designing ML Systems by Chip Huyen (O'Reilly)", " by ", 0, 20..<24),
        ("a by b by c", " by ", 0, 1..<5), ("a by b by c", " by ", 5, 6..<10), ("a by b by c", " by ", 7, nil),
        ("免费 course – free", "免费", 0, 0..<6), ("免费 course – free", " – ", 0, 13..<18),
        ("", " by ", 0, nil), ("free", "", 0, nil), ("2. étape : bases", "étape", 0, 3..<9),
        // Canonically equivalent text matches: "é" written as e and a combining accent.
        ("2. e\u{301}tape", "étape", 0, 3..<10), ("e\u{301} by é", "é", 0, 0..<3),
        // A match followed by a combining mark is no match ("free" + accent is "freé").
        ("free\u{301} or free", "free", 0, 10..<14),
        ("etape 1", "étape", 0, nil),
    ] as [(String, String, Int, Range<Int>?)])
    func findsLiteralMatches(_ text: String, _ needle: String, _ from: Int, _ expected: Range<Int>?) {
        let utf8 = text.utf8
        let start = from == 0 ? nil : utf8.index(utf8.startIndex, offsetBy: from)
        let found = text.literalRange(of: needle, from: start)
        #expect(found.map { utf8.distance(from: utf8.startIndex, to: $0.lowerBound)..<utf8.distance(from: utf8.startIndex, to: $0.upperBound) }
                == expected)
    }

    @Test(arguments: [
        ("machine learning basics", "machine learning", true), ("ml", "machine learning", false), ("abc", "", false),
        ("", "", false), ("", "a", false), ("ci/cd pipelines", "ci/cd", true), ("aaab", "aab", true), ("k8", "k8s", false),
        ("Straße", "ß", true), ("naïve café", "café", true), ("日本語のテキスト", "テキ", true), ("emoji 🚀 launch", "🚀", true),
        ("no amp", "&", false), ("tail match", "match", true), ("Tail", "tail", false),
    ])
    func containsLiterally(_ text: String, _ needle: String, _ expected: Bool) {
        #expect(text.contains(needle) == expected)
    }

    @Test(arguments: [
        ("phase 1: basics", "phase", true), ("phased rollout", "phase", false), ("multiphase", "phase", false),
        ("2. étape : bases", "étape", true), ("etape", "étape", false), ("free-to-audit", "free", true),
        ("freedom", "free", false), ("第一阶段", "阶段", false), ("阶段 1", "阶段", true), ("", "phase", false),
        ("phased phase", "phase", true), ("phasephase", "phase", false), ("xphase phasey", "phase", false),
        ("phase", "phase", true), ("Phase", "phase", false), ("ph", "phase", false), ("free", "", false),
        ("café free", "free", true), ("éfree", "free", false),
    ])
    func containsWholeWords(_ text: String, _ word: String, _ expected: Bool) {
        #expect(text.containsWord(word) == expected)
    }

    /// The label before a link: after its last " - ", trimmed of emphasis and dashes.
    @Test(arguments: [
        ("Week 1 - Course: ", "Course"), ("A - B - **Platform**:", "Platform"), ("Course:", "Course"),
        ("x -Course:", "x -Course"), (" - Book:", "Book"), ("Semaine 2 – Cours : ", "Semaine 2 – Cours"),
        ("Étape - Vidéo:", "Vidéo"), ("no colon", nil), ("a - b - c - d - e:", "e"), (" - :", nil),
        ("a - - b:", "b"), ("one two three four five:", nil),
    ] as [(String, String?)])
    func labelTextCutsAtTheLastDash(_ before: String, _ expected: String?) {
        #expect(ResourceExtractor.labelText(before) == expected)
    }
}

/// Site-relative link targets, resolved byte by byte for ASCII paths.
@Suite struct LinkNormalisingTests {
    @Test(arguments: [
        ("../other/index.html", "slug/index.html", "other/index.html"),
        ("index.html", "slug/index.html", "slug/index.html"),
        ("./a//b/../c.html", "x/y/z.html", "x/y/a/c.html"),
        ("../../../up.html", "a/b.html", "../../up.html"),
        ("/abs/x.html", "a/b.html", "abs/x.html"),
        ("", "a/b.html", "a"),
        ("résumé/x.html", "a/b.html", "a/résumé/x.html"),
        ("../é/./x.html", "a/b/c.html", "a/é/x.html"),
        ("...", "a/b.html", "a/..."),
    ])
    func normalise(_ path: String, _ source: String, _ expected: String) {
        #expect(LinkResolver.normalise(path, relativeTo: source) == expected)
    }
}

/// Text escaped for HTML content and attributes: runs between special characters copied whole.
@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("", ""),
        ("a < b && c > \"d\" 'e'", "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("café & naïve — 中文 🚀 <", "café &amp; naïve — 中文 🚀 &lt;"),
        ("e\u{301}&\u{301}", "e\u{301}&amp;\u{301}"),
        ("&", "&amp;"),
    ])
    func escapes(_ text: String, _ expected: String) {
        var out = "prefix:"
        HTMLEscaping.escape(text, into: &out)
        #expect(out == "prefix:" + expected)
        #expect(HTMLEscaping.escape(text) == expected)
        #expect(HTMLEscaping.unescape(expected) == text)
    }

    @Test(arguments: [("no references", "no references"), ("&amp;lt;", "&lt;"), ("&nbsp;&copy;", "&nbsp;&copy;"),
                      ("a&quot;b&#39;c&lt;d&gt;e&amp;f", "a\"b'c<d>e&f"), ("&", "&")])
    func unescapesTheFiveReferences(_ text: String, _ expected: String) {
        #expect(HTMLEscaping.unescape(text) == expected)
    }
}

/// Page and resource slugs: GitHub's heading slug, underscores as spaces, runs of hyphens as one.
@Suite struct SlugTests {
    @Test(arguments: [
        ("MLOps Engineer", "mlops-engineer"),
        ("mlops_engineer", "mlops-engineer"),
        ("  Data -- Science_ 101 ", "data-science-101"),
        ("C++ & Go!", "c-go"),
        ("Ingénieur·e ML", "ingénieure-ml"),
        ("机器学习 路线图", "机器学习-路线图"),
        ("🚀", ""),
        ("___", ""),
    ])
    func slugs(_ text: String, _ expected: String) {
        #expect(Slugger.slug(text) == expected)
    }

    /// A path's file name without extension and its folder's name, as NSString's path methods give them.
    @Test(arguments: [
        ("a.md", "a", ""), ("ml/README.md", "README", "ml"), ("x/y/index.md", "index", "y"), ("a.b.md", "a.b", ""),
        (".hidden.md", ".hidden", ""), (".md", ".md", ""), ("noext", "noext", ""), ("dir/noext", "noext", "dir"),
        ("dir/.md", ".md", "dir"), ("trailing.", "trailing", ""), ("./a.md", "a", "."), ("../x/README.md", "README", "x"),
        ("a/./README.md", "README", "."), ("/abs/r.md", "r", "abs"), ("a//b.md", "b", "a"), ("dir/", "dir", ""),
        ("ümlaut/Réadme.md", "Réadme", "ümlaut"), ("sp ace/f i.le.markdown", "f i.le", "sp ace"), ("a/b/c/d.MD", "d", "c"),
        ("x.tar.gz", "x.tar", ""),
    ])
    func cutsPathsAsNSStringDoes(_ path: String, _ stem: String, _ folder: String) {
        let (foundStem, foundFolder) = Slugger.stemAndFolder(path)
        #expect(String(foundStem) == stem)
        #expect(String(foundFolder) == folder)
    }
}
