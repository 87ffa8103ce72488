import Foundation
import Testing
@testable import RoadmapKit

/// `language` in site.yml chooses the interface strings (`Templates/strings/<language>.yml`):
/// the templates', the generator's own text and the scripts'.
@Suite struct SiteLanguageTests {
    static let content = TestPaths.fixtures.appendingPathComponent("language/Content")

    /// Builds the language fixture with `siteYAML` and the project's templates (or `templates`),
    /// and hands `body` the report and the site's pages by path.
    func build<T>(
        siteYAML: String, templates: URL = TestPaths.templates, _ body: (BuildReport, [String: String]) throws -> T
    ) throws -> T {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try FileManager.default.copyItem(at: Self.content, to: content)
            try siteYAML.write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output, templates: templates)
            var pages: [String: String] = [:]
            for (path, data) in (try? filesUnder(output)) ?? [:] where path.hasSuffix(".html") {
                pages[path] = String(decoding: data, as: UTF8.self)
            }
            return try body(report, pages)
        }
    }

    /// A copy of the project's templates in `folder`, with `strings` (file name → text) in its
    /// strings folder, or without the folder when `strings` is nil.
    func templates(in folder: URL, strings: [String: String]?) throws -> URL {
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        let stringsFolder = templates.appendingPathComponent("strings")
        try FileManager.default.removeItem(at: stringsFolder)
        if let strings { try writeFiles(strings, in: stringsFolder) }
        return templates
    }

    /// `UPDATE_GOLDENS=1 swift test` rewrites Rendering/BuiltInStrings.swift from en.yml, as it
    /// rewrites the golden files.
    @Test func theBuiltInEnglishIsTheShippedFile() throws {
        let file = try String(contentsOf: TestPaths.templates.appendingPathComponent("strings/en.yml"), encoding: .utf8)
        if TestPaths.updatingGoldens, file != BuiltInStrings.english + "\n" {
            let source = TestPaths.projectRoot.appendingPathComponent("Sources/RoadmapKit/Rendering/BuiltInStrings.swift")
            let swift = try String(contentsOf: source, encoding: .utf8)
            let start = try #require(swift.range(of: "static let english = #\"\"\"\n")).upperBound
            let end = try #require(swift.range(of: "\n\"\"\"#", range: start..<swift.endIndex)).lowerBound
            try (swift[..<start] + file.dropLast() + swift[end...]).write(to: source, atomically: true, encoding: .utf8)
            return
        }
        #expect(file == BuiltInStrings.english + "\n", "UPDATE_GOLDENS=1 swift test rewrites Rendering/BuiltInStrings.swift from Templates/strings/en.yml")
    }

    @Test(arguments: ["zh", "es", "zh-CN", "es-MX", "en-GB"])
    func theShippedLanguagesHaveEveryString(language: String) throws {
        let (strings, diagnostics) = InterfaceStringsReader.read(
            templatesDirectory: TestPaths.templates.path, language: language, configFile: nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let loaded = try #require(strings)
        #expect(Set(loaded.messages.keys) == Set(InterfaceStrings.english.messages.keys))
    }

    @Test(arguments: [
        ("en", 1, PluralCategory.one), ("en", 0, .other), ("en", 2, .other), ("es", 1, .one), ("es", 11, .other),
        ("zh", 1, .other), ("zh-Hans", 2, .other), ("fr", 0, .one), ("fr", 2, .other), ("pt-PT", 0, .other),
        ("ru", 21, .one), ("ru", 22, .few), ("ru", 12, .many), ("ru", 25, .many), ("pl", 1, .one), ("pl", 23, .few),
        ("pl", 21, .many), ("cs", 3, .few), ("cs", 5, .other),
    ])
    func pluralCategories(language: String, count: Int, expected: PluralCategory) {
        #expect(PluralRule.of(language: language).category(count) == expected)
    }

    static let month = 52 / 12.0
    static let durations: [(String, Double, Double, String)] = [
        ("en", 4 * month, 5 * month, "4–5 months"), ("zh", 4 * month, 5 * month, "4–5 个月"),
        ("es", 4 * month, 5 * month, "4–5 meses"), ("en", 1, 1, "1 week"), ("es", 1, 1, "1 semana"),
        ("es", 2, 2, "2 semanas"), ("zh", 2, 2, "2 周"), ("es", 13 * month, 13 * month, "13 meses"),
        ("es", 3 / 7.0, 3 / 7.0, "3 días"), ("es", 104, 156, "2–3 años"), ("en", 1 / 7.0, 1 / 7.0, "1 day"),
    ]

    @Test(arguments: durations)
    func durationsInEachLanguage(language: String, minWeeks: Double, maxWeeks: Double, expected: String) throws {
        let strings = try #require(InterfaceStringsReader.read(
            templatesDirectory: TestPaths.templates.path, language: language, configFile: nil).0)
        #expect(WeekRange(minWeeks: minWeeks, maxWeeks: maxWeeks).text(in: strings) == expected)
    }

    @Test func aChineseSiteSpeaksChinese() throws {
        try build(siteYAML: "language: zh\n") { report, pages in
            #expect(report.succeeded, "\(report.diagnostics.map(\.description))")
            #expect(!report.diagnostics.contains { $0.id.hasPrefix("strings.") })
            let page = try #require(pages["data-analyst/index.html"])
            #expect(page.contains("<html lang=\"zh\">"))
            for text in ["<title>Data Analyst Roadmap · 职业路线图</title>", "<span>2 个阶段</span>", "<span>4 个模块</span>",
                         ">跳到正文</a>", "placeholder=\"搜索  /\"", ">学习进度与学习计划</h2>", ">导出进度</button>",
                         "aria-label=\"链接到本节\"", "<span class=\"badge\">4 周</span>", "<span class=\"badge\">2–3 个月</span>",
                         ">讲授于</span>", "\"status-done\":\"已完成\"", "<p class=\"generator\">由 roadmap-site 生成。</p>",
                         "时间线：共计 3–4 个月", ">课程</a> (Free)"] {
                #expect(page.contains(text), "no \(text)")
            }
            for english in ["Your progress and study plan", "Link to this section", "Taught in", "Skip to content", "3–4 months",
                            "4 weeks</span>", "Built with", "\"status-done\":\"Done\"", "Career Roadmaps", "course · free"] {
                #expect(!page.contains(english), "\(english) is left in English")
            }
            let timeline = try #require(pages["data-analyst/timeline.html"])
            #expect(timeline.contains("<title>时间线 · Data Analyst Roadmap · 职业路线图</title>"))
            #expect(timeline.contains("<h1>时间线：Data Analyst Roadmap</h1>"))
            #expect(timeline.contains("<td>4 周</td><td>起点</td><td>4 周后</td>"))
            let resources = try #require(pages["data-analyst/resources.html"])
            #expect(resources.contains("共 1 项资源") && resources.contains(">课程 <span class=\"count\">1</span>"))
            #expect(try #require(pages["index.html"]).contains("<h1>职业路线图</h1>"))
            #expect(try #require(pages["search.html"]).contains("<h1>搜索</h1>"))
            #expect(try #require(pages["404.html"]).contains("<h1>找不到页面</h1>"))
        }
    }

    @Test func aSpanishSiteSpeaksSpanishWithItsPluralForms() throws {
        try build(siteYAML: "title: Rutas\nlanguage: es\n") { report, pages in
            #expect(report.succeeded, "\(report.diagnostics.map(\.description))")
            let page = try #require(pages["data-analyst/index.html"])
            #expect(page.contains("<html lang=\"es\">"))
            for text in ["<span>2 fases</span>", "<span>4 módulos</span>", "<span class=\"badge\">4 semanas</span>",
                         "<span class=\"badge\">2–3 meses</span>", ">Tu progreso y tu plan de estudio</h2>", ">Se enseña en</span>",
                         "\"resources-shown\":{\"one\":\"{count} recurso\",\"other\":\"{count} recursos\"}", ">curso</a> (Free)"] {
                #expect(page.contains(text), "no \(text)")
            }
            #expect(!page.contains("Your progress") && !page.contains("3–4 months"))
            // One resource: the singular form.
            #expect(try #require(pages["data-analyst/resources.html"]).contains(">1 recurso</p>"))
        }
    }

    /// The English site is what it was before languages, word for word.
    @Test func anEnglishSiteIsAsBefore() throws {
        try build(siteYAML: "language: en\n") { report, pages in
            #expect(report.succeeded)
            let page = try #require(pages["data-analyst/index.html"])
            for text in ["<html lang=\"en\">", "<span>2 phases</span>", "<span>4 modules</span>", "<span class=\"badge\">4 weeks</span>",
                         "<span class=\"badge\">2–3 months</span>", ">Your progress and study plan</h2>", "Timeline: 3–4 months in all",
                         ">course</a> (Free)", "<p class=\"generator\">Built with roadmap-site.</p>", "<title>Data Analyst Roadmap · Career Roadmaps</title>"] {
                #expect(page.contains(text), "no \(text)")
            }
        }
    }

    @Test func aMissingStringFallsBackToEnglishWithAWarningOncePerKey() throws {
        try withTemporaryFolder { folder in
            let zh = "# 部分译文\npage:\n  skip-link: 跳到正文\n"
            let templates = try templates(in: folder, strings: ["zh.yml": zh])
            try build(siteYAML: "language: zh\n", templates: templates) { report, pages in
                #expect(report.succeeded)
                let missing = report.diagnostics.filter { $0.id == "strings.missing" }
                #expect(missing.count == InterfaceStrings.english.messages.count - 1)
                #expect(Set(missing.map(\.message)).count == missing.count)
                let notFound = try #require(missing.first { $0.message.contains("'page.not-found'") })
                #expect(notFound.severity == .warning)
                #expect(notFound.file == templates.path + "/strings/zh.yml")
                #expect(notFound.location == .init(line: 2, column: 1))
                #expect(notFound.description.hasSuffix(
                    "zh.yml:2:1: warning: no string 'page.not-found' in this language file; the English one is used [strings.missing]"))
                let header = try #require(missing.first { $0.message.contains("'header.roadmaps'") })
                #expect(header.location == .init(line: 1, column: 1))
                let page = try #require(pages["data-analyst/index.html"])
                #expect(page.contains(">跳到正文</a>") && page.contains(">Roadmaps</a>") && page.contains("<span>2 phases</span>"))
            }
        }
    }

    @Test func anUnknownLanguageIsAnErrorListingTheOnesThereAre() throws {
        try build(siteYAML: "language: fr\n") { report, _ in
            #expect(!report.succeeded)
            let error = try #require(report.diagnostics.first { $0.id == "strings.unknown-language" })
            #expect(error.severity == .error && error.file.hasSuffix("Content/site.yml"))
            #expect(error.message.hasPrefix("no interface strings for the language 'fr': add strings/fr.yml to the templates folder"))
            #expect(error.message.hasSuffix("languages there are: en, es, zh"))
        }
    }

    @Test(arguments: [
        ("page:\n  skip-link: [unclosed\n", "strings.invalid", 3, 1),
        ("page:\n  - a list\n", "strings.invalid", 2, 3),
        ("facts:\n  phases:\n    one: \"{count} fase\"\n", "strings.invalid", 3, 5),
        ("facts:\n  phases: \"{cuont} 个阶段\"\n", "strings.placeholder", 2, 3),
    ])
    func aMalformedLanguageFileIsAnErrorAtItsPlace(text: String, id: String, line: Int, column: Int) throws {
        try withTemporaryFolder { folder in
            let templates = try templates(in: folder, strings: ["zh.yml": text])
            try build(siteYAML: "language: zh\n", templates: templates) { report, _ in
                #expect(!report.succeeded)
                let error = try #require(report.diagnostics.first { $0.severity == .error }, "\(report.diagnostics)")
                #expect(error.id == id, "\(error)")
                #expect(error.file == templates.path + "/strings/zh.yml")
                #expect(error.location == .init(line: line, column: column), "\(error)")
            }
        }
    }

    /// Templates made before languages (no strings folder) build in English as they did; another
    /// language needs its file.
    @Test func aTemplatesFolderWithoutStringsIsEnglish() throws {
        try withTemporaryFolder { folder in
            let templates = try templates(in: folder, strings: nil)
            let own = try build(siteYAML: "language: en\n", templates: templates) { report, pages in
                #expect(report.diagnostics.filter { $0.id.hasPrefix("strings.") }.isEmpty)
                return pages
            }
            let shipped = try build(siteYAML: "language: en\n") { _, pages in pages }
            #expect(own == shipped)
            try build(siteYAML: "language: zh\n", templates: templates) { report, _ in
                let error = try #require(report.diagnostics.first { $0.id == "strings.unknown-language" })
                #expect(error.message.hasSuffix("languages there are: en"))
            }
        }
    }
    /// Every key the generator and the scripts name is in the English strings (a key not there
    /// would show as itself).
    @Test func everyKeyTheCodeNamesIsAString() throws {
        let english = InterfaceStrings.english.messages
        var named: [String] = []
        let sources = TestPaths.projectRoot.appendingPathComponent("Sources/RoadmapKit")
        for (path, data) in try filesUnder(sources) where path.hasSuffix(".swift") {
            let text = String(decoding: data, as: UTF8.self)
            named += text.matches(of: /text\("([a-z-]+\.[a-z0-9.-]+)"/).map { String($0.1) }
            named += text.matches(of: /"(timeline\.axis-[a-z]+)"/).map { String($0.1) }
        }
        for (path, data) in try filesUnder(TestPaths.templates.appendingPathComponent("assets")) where path.hasSuffix(".js") {
            let text = String(decoding: data, as: UTF8.self)
            named += text.matches(of: /text\("([a-z-]*[a-z])"/).map { "script." + $0.1 }
        }
        #expect(named.count > 40)
        for key in named { #expect(english[key] != nil, "no string '\(key)'") }
        for kind in ResourceKind.allCases {
            #expect(english["resource-kind." + kind.rawValue] != nil && english["resource-kinds." + kind.rawValue] != nil)
        }
        for cost in ResourceCost.allCases { #expect(english["resource-cost." + cost.rawValue] != nil) }
        for kind in SearchDocument.Kind.allCases { #expect(english["script.kind-" + kind.rawValue] != nil) }
    }
}
