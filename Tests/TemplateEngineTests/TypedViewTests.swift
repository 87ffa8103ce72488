import TemplateEngine
import Testing

// Views as a site would write them: plain structs, each with its key table.

struct SiteInfo: TemplateView {
    var name: String
    var root: String
    static let templateKeys: TemplateKeys<Self> = ["name": .text(\.name), "root": .text(\.root)]
}

struct Entry: TemplateView {
    var id: String
    var children: [Entry] = []
    static let templateKeys: TemplateKeys<Self> = [
        "id": .text(\.id), "children": .list(\.children), "hasChildren": .flag { !$0.children.isEmpty },
    ]
}

struct Note: TemplateView {
    var text: String
    static let templateKeys: TemplateKeys<Self> = ["text": .text(\.text)]
}

struct PageView: TemplateView {
    var title = "Roadmaps"
    var count = 3
    var isNew = true
    var site = SiteInfo(name: "Site", root: "../")
    var entries: [Entry] = [Entry(id: "a"), Entry(id: "b")]
    var tags: [String] = ["x", "y"]
    var note: Note? = Note(text: "n")
    var summary = ""
    static let templateKeys: TemplateKeys<Self> = [
        "title": .text(\.title), "count": .number(\.count), "isNew": .flag(\.isNew), "site": .view(\.site),
        "entries": .list(\.entries), "tags": .list(\.tags), "note": .optional(\.note), "summary": .text(\.summary),
    ]
}

/// Compiles `template` (and `partials`, by name) for `PageView` and renders `view` with it.
func render(_ template: String, _ view: PageView = PageView(), partials: [String: String] = [:]) throws -> String {
    var files = [TemplateFile(name: "page", path: "Templates/page.mustache", text: template)]
    for (name, text) in partials { files.append(TemplateFile(name: name, path: "Templates/\(name).mustache", text: text)) }
    return try TemplateLibrary(files).compile("page", for: PageView.self).render(view)
}

@Suite struct TypedViewTests {
    @Test(arguments: [
        ("{{title}}: {{count}}", "Roadmaps: 3"),
        ("{{site.name}} at {{site.root}}", "Site at ../"),
        ("{{#isNew}}new{{/isNew}}{{^isNew}}old{{/isNew}}", "new"),
        ("{{isNew}}", "true"),
        ("{{#count}}some{{/count}}", "some"),
    ])
    func valuesRender(template: String, expected: String) throws {
        #expect(try render(template) == expected)
    }

    @Test func textIsEscapedUnlessTripleOrAmpersand() throws {
        var view = PageView()
        view.title = "é & <b>\"it's\"</b> ü"
        #expect(try render("{{title}}", view) == "é &amp; &lt;b&gt;&quot;it&#39;s&quot;&lt;/b&gt; ü")
        #expect(try render("{{{title}}}|{{&title}}", view) == "\(view.title)|\(view.title)")
        view.title = "no special characters, just text and ünïcödé"
        #expect(try render("{{title}}", view) == view.title)
    }

    @Test func sectionsOverListsViewsAndText() throws {
        #expect(try render("{{#entries}}[{{id}}]{{/entries}}") == "[a][b]")
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}") == "<x><y>")
        // A section over a view makes it the context; names it lacks come from the outer view.
        #expect(try render("{{#site}}{{name}} / {{title}}{{/site}}") == "Site / Roadmaps")
        #expect(try render("{{#note}}{{text}}{{/note}}") == "n")
        #expect(try render("{{#title}}({{.}}){{/title}}{{#summary}}never{{/summary}}") == "(Roadmaps)")
    }

    @Test func invertedSectionsRenderForFalseEmptyAndAbsent() throws {
        let empty = PageView(count: 0, isNew: false, entries: [], tags: [], note: nil)
        let template = "{{^isNew}}a{{/isNew}}{{^entries}}b{{/entries}}{{^tags}}c{{/tags}}{{^note}}d{{/note}}{{^summary}}e{{/summary}}{{^count}}f{{/count}}"
        #expect(try render(template, empty) == "abcdef")
        #expect(try render(template.replacingOccurrences(of: "{{^summary}}e{{/summary}}", with: "")) == "")
    }

    @Test func dottedNamesResolveFromTheInnermostViewThatHasTheirFirstPart() throws {
        #expect(try render("{{#entries}}{{site.root}}{{id}} {{/entries}}") == "../a ../b ")
        #expect(try render("{{#note}}{{#site}}{{text}}{{name}}{{/site}}{{/note}}") == "nSite")
    }

    @Test func aPartialThatIncludesItselfRendersTheWholeTree() throws {
        let tree = Entry(id: "1", children: [Entry(id: "1.1", children: [Entry(id: "1.1.1")]), Entry(id: "1.2")])
        let entry = "<li>{{id}}{{#hasChildren}}\n<ul>\n{{#children}}\n  {{>entry}}\n{{/children}}\n</ul>{{/hasChildren}}</li>\n"
        let page = "<ul>\n{{#entries}}\n{{>entry}}\n{{/entries}}\n</ul>\n"
        let expected = """
            <ul>
            <li>1
            <ul>
              <li>1.1
              <ul>
                <li>1.1.1</li>
              </ul></li>
              <li>1.2</li>
            </ul></li>
            </ul>

            """
        #expect(try render(page, PageView(entries: [tree]), partials: ["entry": entry]) == expected)
    }

    @Test func aChildTemplateReplacesTheBlocksOfItsParent() throws {
        let base = "<title>{{$title}}{{site.name}}{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n"
        let page = "{{<base}}\n{{$main}}\n<h1>{{title}}</h1>\n{{#entries}}\n  <p>{{id}}</p>\n{{/entries}}\n{{/main}}\n{{/base}}\n"
        #expect(try render(page, partials: ["base": base]) == "<title>Site</title>\n<main>\n<h1>Roadmaps</h1>\n  <p>a</p>\n  <p>b</p>\n\n</main>\n")
    }
}
