import Foundation
import RoadmapMarkdown
import Testing
@testable import RoadmapKit

/// Raw HTML an author opted into (`allow_raw_html: true`) keeps only what the allowlist allows:
/// every attack comes out inert, and the HTML READMEs are written with comes out as written.
@Suite struct HTMLSanitizerTests {
    /// Sanitizes one piece of HTML on `a.md` (whose page is `a/index.html`), with `logo.png`,
    /// `dark.png` and `light.png` beside it and a roadmap `b.md` with an `#intro` heading, as one
    /// scope (what it leaves open is closed at the end).
    static func sanitize(_ html: String, insideLink: Bool = false, at location: RoadmapMarkdown.SourceLocation = .init(line: 1, column: 1))
        -> (html: String, diagnostics: [Diagnostic])
    {
        let resolver = LinkResolver(
            sourcePath: "a.md", ownAnchors: ["links"], pages: ["b.md": "b"],
            assets: ["logo.png", "dark.png", "light.png"], pageFolder: "a")
        var sanitizer = HTMLSanitizer(file: "a.md", reservedIDs: ["main", "top"])
        var out: [UInt8] = []
        let scope = sanitizer.enterScope()
        _ = sanitizer.sanitize(html, at: location, insideLink: insideLink, resolve: { resolver.resolve($0).href }, into: &out)
        sanitizer.leaveScope(scope, into: &out)
        return (String(decoding: out, as: UTF8.self), sanitizer.takeDiagnostics())
    }

    /// The attacks of issue 13 and of OWASP's XSS filter evasion cheat sheet that apply to HTML
    /// kept in a page, each with what is left of it.
    static let attacks: [(html: String, kept: String)] = [
        // Issue 13.
        (#"<img src="logo.png" onerror="alert(1)">"#, #"<img src="../logo.png">"#),
        (##"<a href="#links" onclick="alert(1)">x</a>"##, ##"<a href="#links">x</a>"##),
        (#"<svg><a xlink:href="javascript:alert(1)"><text x="0">x</text></a></svg>after"#, "after"),
        (#"<form action="https://evil.example"><button formaction="javascript:alert(1)">Go</button></form>"#, "Go"),
        (#"<meta http-equiv="refresh" content="0;url=https://evil.example">"#, ""),
        (#"<base href="https://evil.example/">"#, ""),
        (#"<link rel="stylesheet" href="https://evil.example/x.css">"#, ""),
        (#"<img srcset="https://evil.example/a.png 2x" src="logo.png">"#, #"<img src="../logo.png">"#),
        (#"<p style="background:url(https://evil.example/x)" class="btn" data-track="x">t</p>"#, "<p>t</p>"),
        ("<style>@import 'https://evil.example/x.css';</style>", ""),
        (#"<img src="https://evil.example/track.png" alt="pixel">"#,
         #"<a class="remote-image" href="https://evil.example/track.png">pixel</a>"#),
        (#"<img src="//evil.example/x.png">"#, #"<a class="remote-image" href="https://evil.example/x.png">image</a>"#),
        (#"<picture><source srcset="https://evil.example/d.png"><img src="light.png"></picture>"#,
         #"<picture><img src="../light.png"></picture>"#),
        // Scripts, whatever their case, attributes or closing.
        ("<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>", ""),
        ("<ScRiPt>alert(1)</sCrIpT>", ""),
        (#"<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>"#, ""),
        (#"<<SCRIPT>alert("XSS");//\<</SCRIPT>"#, "&lt;"),
        ("<SCRIPT SRC=http://xss.rocks/xss.js?< B >", ""),
        (#"</TITLE><SCRIPT>alert("XSS");</SCRIPT>"#, ""),
        (#"<SCRIPT a=">" SRC="httx://xss.rocks/xss.js"></SCRIPT>"#, ""),
        (#"<SCRIPT =">" SRC="httx://xss.rocks/xss.js"></SCRIPT>"#, ""),
        (#"<SCRIPT "a='>'" SRC="httx://xss.rocks/xss.js"></SCRIPT>"#, ""),
        (#"<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
         #"PT SRC="httx://xss.rocks/xss.js">"#),
        (#"<IMG """><SCRIPT>alert("XSS")</SCRIPT>">"#, #"">"#),
        ("<svg><script>alert(1)</script></svg>", ""),
        ("<svg/onload=alert('XSS')>inside", ""),
        ("<svg/>after", "after"),
        ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>", ""),
        (#"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#, #"">"#),
        // Script URLs: case, character references with and without `;`, spaces and controls.
        (#"<IMG SRC="javascript:alert('XSS');">"#, ""),
        ("<IMG SRC=JaVaScRiPt:alert('XSS') alt=x>", "x"),
        ("<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>", ""),
        (#"<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>"#, "<a>x</a>"),
        (#"<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>"#,
         "<a>x</a>"),
        (#"<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A alert(1)">x</a>"#, "<a>x</a>"),
        ("<a href=\"jav\tascript:alert(1)\">x</a>", "<a>x</a>"),
        (#"<a href="jav&#x09;ascript:alert(1)">x</a>"#, "<a>x</a>"),
        (#"<a href="jav&#x0A;ascript:alert(1)">x</a>"#, "<a>x</a>"),
        (#"<a href="jav&#x0D;ascript:alert(1)">x</a>"#, "<a>x</a>"),
        ("<a href=\"java\u{0}script:alert(1)\">x</a>", "<a>x</a>"),
        (#"<a href=" &#14;  javascript:alert(1)">x</a>"#, "<a>x</a>"),
        (#"<a href="javascript&colon;alert(1)">x</a>"#, "<a>x</a>"),
        (#"<a href="&#x6a;avascript&#x3a;alert(1)">x</a>"#, "<a>x</a>"),
        ("<a href=\"\njavascript:alert(1)\">x</a>", "<a>x</a>"),
        (#"<a href="vbscript:msgbox(1)">x</a>"#, "<a>x</a>"),
        (#"<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>"#, "<a>x</a>"),
        (#"<a href="ftp://example.org/x">x</a>"#, "<a>x</a>"),
        (#"<IMG SRC="javas<!-- -->cript:alert('XSS')">"#, ""),
        (#"<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="inline">"#, "inline"),
        (#"<img src="logo.png" srcset="logo.png 1x, data:image/png;base64,xx 2x">"#, #"<img src="../logo.png">"#),
        // Event handlers and styles, however written.
        (#"<a onmouseover="alert(document.cookie)">xxs link</a>"#, "<a>xxs link</a>"),
        (#"<IMG SRC= onmouseover="alert('xxs')">"#, ""),
        (#"<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>"#, ""),
        ("<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>", ""),
        (#"<BR SIZE="&{alert('XSS')}">"#, "<br>"),
        (#"<DIV STYLE="background-image: url(javascript:alert('XSS'))">x</DIV>"#, "<div>x</div>"),
        (#"<XSS STYLE="xss:expression(alert('XSS'))">x</XSS>"#, "x"),
        (#"<b/onclick="alert(1)">x</b>"#, "<b>x</b>"),
        ("<b\nonclick=alert(1)>x</b>", "<b>x</b>"),
        // Elements that load, embed or navigate.
        (#"<iframe src=http://xss.rocks/scriptlet.html <"#, ""),
        (#"<iframe src="https://evil.example"></iframe>after"#, "after"),
        (#"<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">"#, ""),
        (#"<BODY BACKGROUND="javascript:alert('XSS')">"#, ""),
        (#"<IMG DYNSRC="javascript:alert('XSS')">"#, ""),
        (#"<TABLE BACKGROUND="javascript:alert('XSS')"><TD BACKGROUND="javascript:alert('XSS')">x</TD></TABLE>"#,
         "<table><td>x</td></table>"),
        (#"<BASE HREF="javascript:alert('XSS');//">"#, ""),
        (#"<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>"#, ""),
        (#"<EMBED SRC="data:image/svg+xml;base64,PHN2Zz4=" type="image/svg+xml">"#, ""),
        (#"<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">"#, ""),
        (#"<video src="https://evil.example/v.mp4">fallback</video>"#, ""),
        // Comments, CDATA and declarations.
        ("<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->", ""),
        ("<!-- <script>alert(1)</script> -->", ""),
        ("<!--> <img src=x onerror=alert(1)> -->", "  -->"),
        ("<![CDATA[<script>alert(1)</script>]]>", "alert(1)]]>"),
        ("<!DOCTYPE html><?xml version=\"1.0\"?>text", "text"),
        // Values are escaped on output; names the page uses are not taken.
        (#"<a href="http://example.org/?q=<script>">x</a>"#, #"<a href="http://example.org/?q=&lt;script&gt;">x</a>"#),
        (#"<a href="https://example.org/a&b&amp;c">x</a>"#, #"<a href="https://example.org/a&amp;b&amp;c">x</a>"#),
        (#"<a title='x" onclick="alert(1)'>x</a>"#, #"<a title="x&quot; onclick=&quot;alert(1)">x</a>"#),
        (#"<div id="main">x</div>"#, "<div>x</div>"),
        (#"<div id="__roadmapPlan">x</div>"#, "<div>x</div>"),
        (#"<a href="https://example.org" target="_blank" rel="noopener">ok</a>"#, #"<a href="https://example.org">ok</a>"#),
        // Tags that would close or break out of the page's own elements.
        ("</div></main></article>text", "text"),
        ("<li>item</li>", "item"),
        ("<td>cell</td>", "cell"),
        ("<div><b>unclosed", "<div><b>unclosed</b></div>"),
    ]

    @Test(arguments: attacks)
    func attackIsMadeInert(html: String, kept: String) {
        let output = Self.sanitize(html).html
        #expect(output == kept)
        #expect(Self.unsafeParts(of: output).isEmpty, "\(Self.unsafeParts(of: output))")
    }

    /// HTML that READMEs are written with, kept as written (links resolved, as Markdown's).
    static let readmeHTML: [(html: String, kept: String)] = [
        (#"<p align="center"><img src="logo.png" width="120" alt="Logo"></p>"#,
         #"<p align="center"><img src="../logo.png" width="120" alt="Logo"></p>"#),
        (#"<h1 align="center">Roadmap</h1>"#, #"<h1 align="center">Roadmap</h1>"#),
        ("<details><summary>More</summary>Hidden</details>", "<details><summary>More</summary>Hidden</details>"),
        ("<details open>\n<summary>Open</summary>\n</details>", "<details open>\n<summary>Open</summary>\n</details>"),
        (#"<a name="top"></a>"#, #"<a name="top"></a>"#),
        (#"<a id="setup"></a>"#, #"<a id="setup"></a>"#),
        ("<kbd>Ctrl</kbd>+<kbd>C</kbd>", "<kbd>Ctrl</kbd>+<kbd>C</kbd>"),
        ("<sup>FREE</sup> <sub>2</sub>", "<sup>FREE</sup> <sub>2</sub>"),
        ("<table>\n<tr><th colspan=\"2\">A</th></tr>\n<tr><td>1</td><td align=right>2</td></tr>\n</table>",
         "<table>\n<tr><th colspan=\"2\">A</th></tr>\n<tr><td>1</td><td align=\"right\">2</td></tr>\n</table>"),
        ("<ul><li>one</li><li>two</li></ul>", "<ul><li>one</li><li>two</li></ul>"),
        (#"<ol start="3"><li>three</li></ol>"#, #"<ol start="3"><li>three</li></ol>"#),
        ("<dl><dt>Term</dt><dd>Definition</dd></dl>", "<dl><dt>Term</dt><dd>Definition</dd></dl>"),
        ("<blockquote>Quote<br/>more</blockquote><hr>", "<blockquote>Quote<br>more</blockquote><hr>"),
        ("<pre><code>let x = 1 &lt; 2</code></pre>", "<pre><code>let x = 1 &lt; 2</code></pre>"),
        (##"<a href="b.md#intro">B</a> <a href="#links">here</a> <a href="mailto:me@example.org">me</a>"##,
         ##"<a href="../b/index.html#intro">B</a> <a href="#links">here</a> <a href="mailto:me@example.org">me</a>"##),
        (#"<a href="https://ci.example"><img src="https://img.shields.io/badge/ci-passing-green.svg" alt="CI"></a>"#,
         #"<a href="https://ci.example"><span class="remote-image">CI</span></a>"#),
        (#"<picture><source media="(prefers-color-scheme: dark)" srcset="dark.png"><img src="light.png" alt="Logo"></picture>"#,
         #"<picture><source media="(prefers-color-scheme: dark)" srcset="../dark.png"><img src="../light.png" alt="Logo"></picture>"#),
        (#"<img src="logo.png" srcset="logo.png 1x,dark.png 2x">"#, #"<img src="../logo.png" srcset="../logo.png 1x, ../dark.png 2x">"#),
        (#"<span title="&hellip; &copy; &unknown;">&copy; 2026 &mdash; text</span>"#,
         #"<span title="… © &amp;unknown;">&copy; 2026 &mdash; text</span>"#),
        ("<center><font color=red>Centred</font></center>", "Centred"),
        (#"<abbr title="HyperText">HTML</abbr>, <mark>new</mark>, <s>old</s>, <ins>in</ins>, <del>out</del>"#,
         #"<abbr title="HyperText">HTML</abbr>, <mark>new</mark>, <s>old</s>, <ins>in</ins>, <del>out</del>"#),
        ("1 < 2 > 0 & 3", "1 &lt; 2 > 0 & 3"),
    ]

    @Test(arguments: readmeHTML)
    func readmeHTMLIsKept(html: String, kept: String) {
        #expect(Self.sanitize(html).html == kept)
    }

    @Test func aRemoteImageInsideAMarkdownLinkIsItsAltText() {
        #expect(Self.sanitize(#"<img src="https://example.org/b.svg" alt="build">"#, insideLink: true).html
            == #"<span class="remote-image">build</span>"#)
        #expect(Self.sanitize(#"<a href="https://example.org">x</a>"#, insideLink: true).html == "x")
    }

    /// One warning per kind of removal and file, at the first one's place in the Markdown file.
    @Test func removalsAreReportedOncePerKindAtTheirPlace() {
        let html = """
            <p>
            <b onclick="a()">x</b> <i onclick="b()">y</i>
              <script>alert(1)</script><script>alert(2)</script>
            <a href="javascript:x()">j</a><a href="JAVASCRIPT:y()">k</a><img src="data:x">
            </p>
            """
        let (_, diagnostics) = Self.sanitize(html, at: RoadmapMarkdown.SourceLocation(line: 10, column: 3))
        #expect(diagnostics.map(\.description) == [
            "a.md:11:6: warning: raw HTML attribute 'onclick' removed: event handlers never run on the site [html.attribute-removed]",
            "a.md:12:5: warning: raw HTML <script> removed with its content [html.element-removed]",
            "a.md:13:6: warning: raw HTML link to a 'javascript:' URL removed [link.unsafe-scheme]",
            "a.md:13:68: warning: raw HTML image from a 'data:' URL removed [link.unsafe-scheme]",
        ])
    }

    @Test func warningsStopAtALimitWhateverTheInput() {
        let html = (1...100).map { "<b a\($0)=1></b>" }.joined()
        let (_, diagnostics) = Self.sanitize(html)
        #expect(diagnostics.count == HTMLSanitizer.maximumReportedKinds + 1)
        #expect(diagnostics.last?.message == "more raw HTML is removed from this file than is listed")
    }

    /// Markdown hands raw HTML over in pieces: what one piece opens stays open for the next, until
    /// its end tag or the end of the scope; an end tag cannot close what an outer scope opened.
    @Test func elementsStayOpenAcrossPiecesWithinAScope() {
        var sanitizer = HTMLSanitizer(file: "a.md")
        var out: [UInt8] = []
        func piece(_ html: String) { _ = sanitizer.sanitize(html, at: .init(line: 1, column: 1), insideLink: false, resolve: { $0 }, into: &out) }
        let outer = sanitizer.enterScope()
        piece("<details><summary>More</summary>")
        out.append("<p>")
        let inner = sanitizer.enterScope()
        piece("<b>bold")
        piece("</details>")  // opened outside this scope: dropped
        sanitizer.leaveScope(inner, into: &out)
        out.append("</p>")
        piece("</details>")
        piece("</details>")  // no longer open: dropped
        sanitizer.leaveScope(outer, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "<details><summary>More</summary><p><b>bold</b></p></details>")
    }

    @Test func nestingIsBounded() {
        let output = Self.sanitize(String(repeating: "<div>", count: 100)).html
        #expect(output == String(repeating: "<div>", count: 64) + String(repeating: "</div>", count: 64))
    }

    // MARK: - Linear time

    /// Hostile raw HTML, by name (arguments print: a name is shorter than a megabyte).
    static let hostileInputs = [
        "attributes", "distinct attributes", "open tags", "end tags", "open brackets", "unclosed comment",
        "script text", "references", "long reference", "handlers", "elements", "unclosed quote", "srcset",
    ]

    /// The hostile input `name`, about `bytes` long.
    static func hostileInput(_ name: String, bytes: Int) -> String {
        func repeated(_ unit: String, after prefix: String = "", before suffix: String = "") -> String {
            prefix + String(repeating: unit, count: bytes / unit.utf8.count) + suffix
        }
        switch name {
        case "attributes": return repeated("x=1 ", after: "<a ", before: ">")
        case "distinct attributes": return "<b " + (0..<bytes / 8).map { "a\($0) " }.joined() + ">"
        case "open tags": return repeated("<div>")
        case "end tags": return String(repeating: "<b>", count: 63) + repeated("</i>")
        case "open brackets": return repeated("<")
        case "unclosed comment": return repeated("-", after: "<!--")
        case "script text": return repeated("</scrip", after: "<script>")
        case "references": return repeated("&#1", after: "<a title=\"", before: "\">")
        case "long reference": return repeated("9", after: "<a title=\"&#", before: "\">")
        case "handlers": return repeated("<img src=logo.png onerror=y>")
        case "elements": return (0..<bytes / 8).map { "<x\($0)>" }.joined()
        case "unclosed quote": return repeated("x", after: "<a title=\"")
        case "srcset": return repeated("logo.png 1x,", after: "<img src=logo.png srcset=\"", before: "\">")
        default: return ""
        }
    }

    /// Sixteen times the input takes about sixteen times as long (a reader that backtracks or
    /// reads again, 256 times; the margin is for a busy machine), and the output stays within a
    /// few times the input. The release build's time for a megabyte is checked by
    /// Tests/Browser/test_raw_html.py.
    @Test(arguments: hostileInputs)
    func hostileInputIsSanitizedInLinearTime(name: String) {
        func time(_ html: String) -> Duration {
            ContinuousClock().measure {
                let output = Self.sanitize(html).html
                #expect(output.utf8.count <= 4 * html.utf8.count + 64)
                _ = HTMLAnchorNames.names(in: html)
            }
        }
        let small = Self.hostileInput(name, bytes: 1 << 15)
        let large = Self.hostileInput(name, bytes: 1 << 19)
        // The fastest of three runs: the least disturbed by whatever else the machine runs.
        let smallTime = (0..<3).map { _ in time(small) }.min()!
        let largeTime = (0..<3).map { _ in time(large) }.min()!
        #expect(largeTime < smallTime * 64 + .milliseconds(20), "\(name): \(smallTime) for 32 kB, \(largeTime) for 512 kB")
    }

    /// Random markup made of what attacks are made of (tags, attributes and values, quoted
    /// every way or not at all, comments, stray brackets and quotes) always comes out safe.
    @Test func randomMarkupComesOutSafe() {
        let names = ["a", "A", "img", "IMG", "script", "ScRiPt", "svg", "math", "style", "iframe", "p", "div", "table",
                     "td", "li", "ul", "details", "picture", "source", "x-y", "base", "meta"]
        let attributes = ["href", "HREF", "src", "srcset", "onclick", "ONERROR", "style", "class", "xlink:href",
                          "formaction", "id", "name", "title", "alt", "data-x", "align", "/onload"]
        let values = ["javascript:alert(1)", "JaVaScRiPt:x", "&#106;avascript:x", "&#x6A&#x61vascript:x", "java&Tab;script:x",
                      "javascript&colon;x", " \u{1}javascript:x", "https://evil.example/x.png", "//evil.example/x",
                      "logo.png", "logo.png 1x, https://evil.example/x 2x", "#links", "main", "x\" onclick=\"y", "x' onclick='y",
                      "data:text/html,x", "b.md#intro", "", ">", "<script>"]
        var generator = SeededGenerator(seed: 13)
        func pick<T>(_ options: [T]) -> T { options[Int(generator.next() % UInt64(options.count))] }
        func piece() -> String {
            switch generator.next() % 8 {
            case 0, 1, 2:
                var tag = "<" + pick(names)
                for _ in 0..<generator.next() % 4 {
                    tag += pick([" ", "\n", "/", "\t"]) + pick(attributes)
                    let value = pick(values)
                    tag += pick(["=\"" + value + "\"", "='" + value + "'", "=" + value, "", " = \"" + value + "\""])
                }
                return tag + pick([">", "/>", "", " >"])
            case 3: return "</" + pick(names) + pick([">", "", " x>"])
            case 4: return pick(["text", "1 < 2", "&amp;", "&lt;", "\"", "'", ">", "<", "/", "="])
            case 5: return pick(["<!--", "-->", "--!>", "<!-->", "<![CDATA[", "]]>", "<!DOCTYPE x>", "<?x?>"])
            default: return pick(values)
            }
        }
        for _ in 0..<2000 {
            let html = (0..<(1 + generator.next() % 8)).map { _ in piece() }.joined()
            let output = Self.sanitize(html).html
            #expect(Self.unsafeParts(of: output).isEmpty, "\(html.debugDescription) → \(output.debugDescription)")
        }
    }

    // MARK: - Checking the output

    /// What in `html` is not plain text or a tag of the allowlist with allowed attributes, read
    /// with regular expressions rather than the tokenizer under test.
    static func unsafeParts(of html: String) -> [String] {
        var problems: [String] = []
        let tag = try! NSRegularExpression(pattern: #"<(/?)([^\s/>]*)([^>]*)>?"#)
        let attribute = try! NSRegularExpression(pattern: #"\s([^\s=]+)(?:="([^"]*)")?"#)
        let range = NSRange(html.startIndex..., in: html)
        for match in tag.matches(in: html, range: range) {
            let name = (html as NSString).substring(with: match.range(at: 2))
            if name != name.lowercased() || !["a", "span"].contains(name) && HTMLAllowlist.elements[name] == nil {
                problems.append("element <\(name)>")
            }
            let attributes = (html as NSString).substring(with: match.range(at: 3))
            for found in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                let attributeName = (attributes as NSString).substring(with: found.range(at: 1))
                let value = found.range(at: 2).location == NSNotFound ? "" : (attributes as NSString).substring(with: found.range(at: 2))
                if attributeName.hasPrefix("on") || ["style", "srcset", "action", "formaction", "xlink:href"].contains(attributeName) {
                    problems.append("attribute \(attributeName)")
                }
                if attributeName == "class", value != "remote-image" { problems.append("class \(value)") }
                let lowered = value.lowercased().filter { !$0.isWhitespace }
                if ["href", "src", "srcset"].contains(attributeName),
                   lowered.contains("javascript:") || lowered.contains("data:") || lowered.contains("vbscript:") {
                    problems.append("URL \(value)")
                }
                if attributeName == "src", lowered.hasPrefix("http") || lowered.hasPrefix("//") { problems.append("remote \(value)") }
            }
        }
        return problems
    }

    @Test func theOutputCheckFindsWhatItLooksFor() {
        #expect(Self.unsafeParts(of: #"<img src="https://x/y.png" onerror="a()"><script>"#)
            == ["remote https://x/y.png", "attribute onerror", "element <script>"])
        #expect(Self.unsafeParts(of: #"<a href="javascript:x" class="btn">"#) == ["URL javascript:x", "class btn"])
    }
}
