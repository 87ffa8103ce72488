import TemplateEngine
import Testing

/// `{{t.key}}`: interface strings looked up when a template is compiled, their placeholders
/// read from the view where the tag stands, a plural form chosen by the first number.
@Suite struct InterfaceStringTests {
    /// Strings whose plural forms follow English: `one` for 1, `other` for the rest.
    static let strings = TemplateStrings { key in
        let table: [String: [String]] = [
            "heading": ["Résumé & <notes>"],
            "count": ["{count} roadmap", "{count} roadmaps"],
            "greeting": ["{title} on {site.name}"],
            "unknown": ["{nothing} here"],
            "textual": ["{title} roadmap", "{title} roadmaps"],
        ]
        guard let forms = table[key] else { return nil }
        let pieces = forms.map { form -> [TemplateString.Piece] in
            var pieces: [TemplateString.Piece] = []
            var rest = Substring(form)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
                pieces.append(.placeholder(String(rest[rest.index(after: open)..<close])))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { pieces.append(.text(String(rest))) }
            return pieces
        }
        return TemplateString(forms: pieces, form: { $0 == 1 ? 0 : 1 }, source: "strings/en.yml:1:1")
    }

    func render(_ template: String, _ view: PageView = PageView()) throws -> String {
        let file = TemplateFile(name: "page", path: "Templates/page.mustache", text: template)
        return try TemplateLibrary([file], strings: Self.strings).compile("page", for: PageView.self).render(view)
    }

    @Test func textIsEscapedWithTheTagAndWrittenAsItIsWithATripleTag() throws {
        #expect(try render("<h1>{{t.heading}}</h1>") == "<h1>Résumé &amp; &lt;notes&gt;</h1>")
        #expect(try render("{{{t.heading}}}") == "Résumé & <notes>")
    }

    @Test func placeholdersReadTheViewWhereTheTagStands() throws {
        var view = PageView()
        view.title = "A <b>"
        #expect(try render("{{t.greeting}}", view) == "A &lt;b&gt; on Site")
        #expect(try render("{{{t.greeting}}}", view) == "A <b> on Site")
    }

    @Test(arguments: [(0, "0 roadmaps"), (1, "1 roadmap"), (2, "2 roadmaps"), (21, "21 roadmaps")])
    func theFirstNumberChoosesThePluralForm(count: Int, expected: String) throws {
        var view = PageView()
        view.count = count
        #expect(try render("{{t.count}}", view) == expected)
    }

    @Test func anUnknownStringIsAnErrorAtItsTag() throws {
        let errors = try #require(throws: TemplateErrors.self) { try render("a\n  {{t.nope.key}}") }
        #expect(errors.errors.map(\.description) == [
            "Templates/page.mustache:2:3: error: unknown interface string 't.nope.key': no string 'nope.key' in the language file [template.unknown-string]",
        ])
    }

    @Test func aPlaceholderTheViewDoesNotHaveIsAnErrorNamingTheString() throws {
        let errors = try #require(throws: TemplateErrors.self) { try render("{{t.unknown}}") }
        #expect(errors.errors.count == 1)
        #expect(errors.errors[0].id == "template.unknown-key")
        #expect(errors.errors[0].message.hasPrefix("interface string 'unknown' (strings/en.yml:1:1) names an unknown key '{nothing}'"))
    }

    @Test func pluralFormsNeedANumber() throws {
        let errors = try #require(throws: TemplateErrors.self) { try render("{{t.textual}}") }
        #expect(errors.errors.map(\.id) == ["template.wrong-kind"])
        #expect(errors.errors[0].message.contains("no number"))
    }

    @Test func aStringIsNotASection() throws {
        let errors = try #require(throws: TemplateErrors.self) { try render("{{#t.heading}}x{{/t.heading}}") }
        #expect(errors.errors.map(\.id) == ["template.wrong-kind"])
    }
}
