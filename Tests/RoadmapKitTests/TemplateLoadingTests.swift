import Foundation
import Testing
@testable import RoadmapKit

/// Page templates are compiled against their views when they load: a key the view does not
/// have stops the build there, at the template's line and column, before any page is rendered.
@Suite struct TemplateLoadingTests {
    @Test func projectTemplatesLoadAgainstTheirViews() throws {
        let (templates, diagnostics) = try TemplateSet.load(from: TestPaths.templates.path)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let loaded = try #require(templates)
        #expect(loaded.timeline != nil && loaded.resources != nil && loaded.search != nil)
    }

    @Test(arguments: [
        ("home.mustache", "{{<base}}{{$main}}\n<h1>{{site.titel}}</h1>{{/main}}{{/base}}\n", 2, 5, "site.titel"),
        ("home.mustache", "{{<base}}{{$main}}{{#roadmaps}}\n\n  {{phaseCuont}}{{/roadmaps}}{{/main}}{{/base}}\n", 3, 3, "phaseCuont"),
        ("home.mustache", "{{<base}}{{$main}}{{#hasRoadmaps}}{{{nothing}}}{{/hasRoadmaps}}{{/main}}{{/base}}", 1, 35, "nothing"),
        ("partials/toc-entry.mustache", "<li>\n <a href=\"#{{id}}\">{{titel}}</a></li>\n", 2, 20, "titel"),
        ("timeline.mustache", "{{<base}}{{$main}}{{#hasRows}}{{{rowsHTML}}}{{/hasRows}}{{/main}}{{/base}}", 1, 31, "rowsHTML"),
        ("partials/resource-entry.mustache", "<li id=\"{{id}}\">{{titel}}</li>", 1, 17, "titel"),
    ])
    func unknownKeyStopsTheBuildAtItsPosition(file: String, template: String, line: Int, column: Int, key: String) throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            try template.write(to: templates.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# A\n"], in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output, templates: templates)
            let diagnostic = try #require(report.diagnostics.first { $0.id == "template.unknown-key" })
            #expect(diagnostic.file.hasSuffix("Templates/" + file))
            #expect(diagnostic.location == .init(line: line, column: column))
            #expect(diagnostic.message.contains("'\(key)'"))
            #expect(report.diagnostics.filter { $0.severity == .error }.count == 1, "\(report.diagnostics)")
            #expect(!report.succeeded)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    /// The home, roadmap and 404 templates are required; the other pages' are not.
    @Test func aMissingPageTemplateIsAnErrorNamingIt() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            for name in ["home", "404", "timeline"] {
                try FileManager.default.removeItem(at: templates.appendingPathComponent(name + ".mustache"))
            }
            let (loaded, diagnostics) = try TemplateSet.load(from: templates.path)
            #expect(loaded == nil)
            #expect(diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent): \($0.message) [\($0.id)]" } == [
                "home.mustache: template 'home.mustache' is missing [template.missing]",
                "404.mustache: template '404.mustache' is missing [template.missing]",
            ])
            #expect(diagnostics.allSatisfy { $0.severity == .error && $0.file == templates.path + "/" + URL(fileURLWithPath: $0.file).lastPathComponent })
        }
    }

    @Test func aMissingPartialStopsTheBuildAtTheTagThatIncludesIt() throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            try FileManager.default.removeItem(at: templates.appendingPathComponent("partials/footer.mustache"))
            let (loaded, diagnostics) = try TemplateSet.load(from: templates.path)
            #expect(loaded == nil)
            #expect(diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.location?.description ?? "") [\($0.id)]" }
                == ["page-end.mustache:3:1 [template.missing-partial]"])
        }
    }
}
