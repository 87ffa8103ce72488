import TemplateEngine
import Testing

/// Every problem a template can have is found when it loads, at its file, line and column.
@Suite struct TemplateErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var template: String
        var partials: [String: String] = [:]
        /// `file:line:column [id]` of each error, in order.
        var errors: [String]
        var testDescription: String { errors.joined(separator: ", ") }
    }

    static let cases: [Case] = [
        // Names no view in scope has.
        Case(template: "<h1>\n    {{titel}}</h1>", errors: ["page:2:5 [template.unknown-key]"]),
        Case(template: "{{site.nmae}}", errors: ["page:1:1 [template.unknown-key]"]),
        Case(template: "{{#entries}}\n\n  {{name}}{{/entries}}", errors: ["page:3:3 [template.unknown-key]"]),
        Case(template: "{{#isNew}}{{{nothing}}}{{/isNew}}", errors: ["page:1:11 [template.unknown-key]"]),
        Case(template: "{{^note}}{{#missing}}x{{/missing}}{{/note}}", errors: ["page:1:10 [template.unknown-key]"]),
        Case(template: "a\n{{>footer}}", partials: ["footer": "<p>\n  {{site.title}}</p>"],
             errors: ["footer:2:3 [template.unknown-key]"]),
        Case(template: "{{<base}}{{$main}}\n {{wrong}}{{/main}}{{/base}}", partials: ["base": "{{$main}}{{/main}} {{alsoWrong}}"],
             errors: ["page:2:2 [template.unknown-key]", "base:1:20 [template.unknown-key]"]),
        // Names used in a way their value does not allow.
        Case(template: "{{entries}}", errors: ["page:1:1 [template.wrong-kind]"]),
        Case(template: "{{#entries}}{{.}}{{/entries}}", errors: ["page:1:13 [template.wrong-kind]"]),
        Case(template: "{{note.text}}", errors: ["page:1:1 [template.wrong-kind]"]),
        Case(template: "{{title.size}}", errors: ["page:1:1 [template.wrong-kind]"]),
        // Sections, tags and delimiters that do not parse.
        Case(template: "x\n  {{#entries}}\n{{id}}", errors: ["page:2:3 [template.syntax]"]),
        Case(template: "{{#entries}}{{/entrie}}", errors: ["page:1:13 [template.syntax]"]),
        Case(template: "ok\n{{/entries}}", errors: ["page:2:1 [template.syntax]"]),
        Case(template: "{{title", errors: ["page:1:1 [template.syntax]"]),
        Case(template: "a {{=<% =}}", errors: ["page:1:3 [template.syntax]"]),
        Case(template: "{{=<% %>=}}\n<%title%> <%#isNew%>", errors: ["page:2:11 [template.syntax]"]),
        Case(template: "{{ }}", errors: ["page:1:1 [template.syntax]"]),
        Case(template: "{{a b}}", errors: ["page:1:1 [template.syntax]"]),
        Case(template: "{{a..b}}", errors: ["page:1:1 [template.syntax]"]),
        // Partials and parents that are not there.
        Case(template: "\n\t{{> sidebar}}", errors: ["page:2:2 [template.missing-partial]"]),
        Case(template: "{{<layout}}{{/layout}}", errors: ["page:1:1 [template.missing-partial]"]),
        Case(template: "{{<a}}{{/a}}", partials: ["a": "{{<b}}{{/b}}", "b": "{{<a}}{{/a}}"], errors: ["b:1:1 [template.recursion]"]),
    ]

    @Test(arguments: cases)
    func loadingReportsTheErrorAtItsPosition(_ test: Case) {
        var files = [TemplateFile(name: "page", path: "page", text: test.template)]
        for (name, text) in test.partials { files.append(TemplateFile(name: name, path: name, text: text)) }
        let thrown = #expect(throws: TemplateErrors.self) {
            _ = try TemplateLibrary(files).compile("page", for: PageView.self)
        }
        #expect(thrown?.errors.map { "\($0.file):\($0.line):\($0.column) [\($0.id)]" } == test.errors)
    }

    @Test func theMessageNamesTheKeyAndWhereItWasLookedFor() throws {
        let files = [TemplateFile(name: "page", path: "Templates/page.mustache", text: "{{#entries}}{{site.nmae}}{{ttle}}{{/entries}}")]
        let thrown = #expect(throws: TemplateErrors.self) {
            _ = try TemplateLibrary(files).compile("page", for: PageView.self)
        }
        #expect(thrown?.errors.map(\.description) == [
            "Templates/page.mustache:1:13: error: unknown key 'site.nmae': 'site' is a SiteInfo, which has no key 'nmae' [template.unknown-key]",
            "Templates/page.mustache:1:26: error: unknown key 'ttle': no key 'ttle' in Entry or PageView [template.unknown-key]",
        ])
    }

    @Test func everyFileWithASyntaxErrorIsReported() {
        let files = [
            TemplateFile(name: "a", path: "a", text: "{{#x}}"), TemplateFile(name: "b", path: "b", text: "fine"),
            TemplateFile(name: "c", path: "c", text: "\n{{/y}}"),
        ]
        let thrown = #expect(throws: TemplateErrors.self) { _ = try TemplateLibrary(files) }
        #expect(thrown?.errors.map { "\($0.file):\($0.line):\($0.column)" }.sorted() == ["a:1:1", "c:2:1"])
    }
}
