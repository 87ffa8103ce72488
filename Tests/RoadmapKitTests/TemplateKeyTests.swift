import Foundation
import Testing
@testable import RoadmapKit

/// swift-mustache renders a missing key as "", so every template key is checked against its view.
@Suite struct TemplateKeyTests {
    @Test func projectTemplatesUseOnlyKeysTheirViewsProvide() throws {
        try withTemporaryFolder { folder in
            let report = try buildSite(content: TestPaths.seedContent, output: folder.appendingPathComponent("Site"),
                                       baseURL: "https://example.org/roadmaps/")
            let unknown = report.diagnostics.filter { $0.id == "template.unknown-key" }
            #expect(unknown.isEmpty, "\(unknown.map(\.description))")
            #expect(report.succeeded)
        }
    }

    @Test(arguments: [
        ("{{<base}}{{$main}}\n<h1>{{site.titel}}</h1>{{/main}}{{/base}}\n", 2, 5, "site.titel"),
        ("{{<base}}{{$main}}{{#roadmaps}}\n\n  {{phaseCuont}}{{/roadmaps}}{{/main}}{{/base}}\n", 3, 3, "phaseCuont"),
        ("{{<base}}{{$main}}{{#hasRoadmaps}}{{{nothing}}}{{/hasRoadmaps}}{{/main}}{{/base}}", 1, 35, "nothing"),
    ])
    func unknownKeyIsAnErrorAtItsPosition(template: String, line: Int, column: Int, key: String) throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            try template.write(to: templates.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
            let content = folder.appendingPathComponent("Content")
            try writeFiles(["a.md": "# A\n"], in: content)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: content, output: output, templates: templates)
            let diagnostic = try #require(report.diagnostics.first { $0.id == "template.unknown-key" })
            #expect(diagnostic.file.hasSuffix("Templates/home.mustache"))
            #expect(diagnostic.location == .init(line: line, column: column))
            #expect(diagnostic.message.contains("'\(key)'"))
            #expect(!report.succeeded)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    @Test func tagScannerReadsEveryKind() {
        let tags = TemplateKeyCheck.tags(in: "{{! c }}{{#a}}{{^b}}{{/b}}{{/a}}{{>p}}{{<q}}{{$r}}{{/r}}{{/q}}{{{t}}}{{&u}}{{v.w}}")
        #expect(tags.map(\.kind) == [.comment, .section, .inverted, .close, .close, .partial, .parent, .block, .close,
                                     .close, .variable, .variable, .variable])
        #expect(tags.map(\.name).suffix(3) == ["t", "u", "v.w"])
    }
}
