import Foundation
import Testing
@testable import RoadmapKit

/// The native literal search and trim find what Foundation's `range(of:)` and
/// `trimmingCharacters(in: CharacterSet(charactersIn:))` find.
@Suite struct LiteralSearchTests {
    static let texts = ["Designing ML Systems by Chip Huyen (O'Reilly)", "免费 course – free", "a by b by c", "", " by ",
                        "naïve – notes [x]", "—Title—", "***_Label_ -", "e\u{301} by é",
                        "free\u{301} or free", "a (\u{308}b) (c)", "2. étape : bases", "2. e\u{301}tape", "etape 1"]
    static let needles = [" by ", " (", " [", " – ", "free", "免费", "é", "x", "étape"]

    @Test(arguments: texts, needles)
    func literalRangeMatchesFoundation(_ text: String, _ needle: String) {
        #expect(text.literalRange(of: needle) == text.range(of: needle))
        if let first = text.range(of: needle) {
            #expect(text.literalRange(of: needle, from: first.upperBound)
                    == text.range(of: needle, range: first.upperBound..<text.endIndex))
        }
    }

    @Test(arguments: texts, ["*_-–— ", " ,–—-", ".,;:*_ "])
    func trimmingScalarsMatchesFoundation(_ text: String, _ set: String) {
        #expect(text.trimmingScalars(in: set) == text.trimmingCharacters(in: CharacterSet(charactersIn: set)))
    }

    @Test(arguments: [
        ("phase 1: basics", "phase", true), ("phased rollout", "phase", false), ("multiphase", "phase", false),
        ("2. étape : bases", "étape", true), ("etape", "étape", false), ("free-to-audit", "free", true),
        ("freedom", "free", false), ("第一阶段", "阶段", false), ("阶段 1", "阶段", true), ("", "phase", false),
        ("phased phase", "phase", true), ("phasephase", "phase", false), ("xphase phasey", "phase", false),
        ("phase", "phase", true), ("Phase", "phase", false), ("ph", "phase", false), ("free", "", false),
    ])
    func containsWholeWords(_ text: String, _ word: String, _ expected: Bool) {
        #expect(text.containsWord(word) == expected)
    }

    /// Squeezing runs of spaces takes a byte path for ASCII text; it must say what splitting on
    /// `Character.isWhitespace` after `TermNormaliser.clean` says.
    @Test(arguments: ["", "   ", "a", " a  b\tc\n", "Course:\u{01}[x](y)  (Free)\r\n", "\u{7F}end ", "naïve  café ",
                      "zero\u{200B}width  here", "tab\u{0B}vt\u{0C}ff", "  **Label**:   value  "])
    func squeezeMatchesCharacterSplitting(_ text: String) {
        let expected = TermNormaliser.clean(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(ResourceExtractor.squeeze(text) == expected)
    }

    /// The label before a link is cut after its last " - " on bytes for ASCII text, as
    /// Foundation's backwards search cuts it (which other text still takes).
    @Test(arguments: [
        ("Week 1 - Course: ", "Course"), ("A - B - **Platform**:", "Platform"), ("Course:", "Course"),
        ("x -Course:", "x -Course"), (" - Book:", "Book"), ("Semaine 2 – Cours : ", "Semaine 2 – Cours"),
        ("Étape - Vidéo:", "Vidéo"), ("no colon", nil), ("a - b - c - d - e:", "e"), (" - :", nil),
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

    /// The byte-level cut of a path agrees with NSString's path methods.
    @Test func stemAndFolderAgreeWithNSString() {
        let paths = ["a.md", "ml/README.md", "x/y/index.md", "a.b.md", ".hidden.md", ".md", "noext", "dir/noext",
                     "dir/.md", "trailing.", "./a.md", "../x/README.md", "a/./README.md", "/abs/r.md", "a//b.md",
                     "dir/", "ümlaut/Réadme.md", "sp ace/f i.le.markdown", "a/b/c/d.MD", "x.tar.gz"]
        for path in paths {
            let (stem, folder) = Slugger.stemAndFolder(path)
            let ns = path as NSString
            #expect(String(stem) == (ns.lastPathComponent as NSString).deletingPathExtension, "\(path)")
            #expect(String(folder) == (ns.deletingLastPathComponent as NSString).lastPathComponent, "\(path)")
        }
    }
}
