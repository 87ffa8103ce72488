import Foundation
import Testing
@testable import RoadmapKit

/// What a roadmap page adds to its Markdown and the timeline's table are partials under
/// Templates/partials/: a site owner who changes one changes every place it is shown.
@Suite struct OwnerPartialsTests {
    @Test(arguments: [
        // A cross-reference link, in "Referenced from" and "Taught in" alike.
        ("xref-link", "<a href=\"#{{anchor}}\">", "<a class=\"owner\" href=\"#{{anchor}}\">", "mlops-engineer/index.html",
         ["<p class=\"backlinks\"><span class=\"xref-label\">Referenced from</span> <a class=\"owner\" href=\"#skill-",
          "<span class=\"xref-label\">Taught in</span> <a class=\"owner\" href=\"#"]),
        ("resource-badge", "<a class=\"resource-ref", "<a data-owner class=\"resource-ref", "mlops-engineer/index.html",
         [" <a data-owner class=\"resource-ref cost-unknown\" id=\"u-ai-for-everyone-505c\" href=\"resources.html#r-ai-for-everyone-505c\" title=\"AI for Everyone in the resource index\">course</a>"]),
        ("coverage-matrix", "<h3 id=\"skill-matrix-title\">{{t.matrix.title}}</h3>", "<h3 id=\"skill-matrix-title\">Coverage</h3>",
         "mlops-engineer/index.html", ["<h3 id=\"skill-matrix-title\">Coverage</h3>\n<div class=\"table-wrap\"><table>\n"]),
        ("timeline-row", "{{t.timeline.at-start}}", "from day one", "mlops-engineer/timeline.html",
         ["<tr class=\"tl-row-phase\"><th scope=\"row\"><a href=\"index.html#foundation-phase-4-weeks\">1. Foundation Phase (4 weeks)</a></th><td>4 weeks</td><td>from day one</td><td>after 4 weeks</td><td class=\"plan-only\" data-plan-phase=\"foundation-phase-4-weeks\"></td></tr>\n"]),
    ])
    func aChangedPartialChangesThePage(partial: String, old: String, new: String, page: String, expected: [String]) throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            let file = templates.appendingPathComponent("partials/\(partial).mustache")
            let original = try String(contentsOf: file, encoding: .utf8)
            #expect(original.contains(old))
            try original.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: TestPaths.seedContent, output: output, templates: templates)
            #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            for text in expected { #expect(html.contains(text), "\(text)") }
            #expect(!html.contains(old))
        }
    }

    /// A partial the build renders from Swift, missing from the templates folder, is an error
    /// naming it (swift-mustache would render it as nothing).
    @Test(arguments: ["resource-badge", "resource-entry", "coverage-matrix"])
    func aMissingPartialIsAnError(partial: String) throws {
        try withTemporaryFolder { folder in
            let templates = folder.appendingPathComponent("Templates")
            try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            try FileManager.default.removeItem(at: templates.appendingPathComponent("partials/\(partial).mustache"))
            let output = folder.appendingPathComponent("Site")
            let report = try buildSite(content: TestPaths.seedContent, output: output, templates: templates)
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(!report.succeeded)
            #expect(!FileManager.default.fileExists(atPath: output.path))
            #expect(errors.map(\.message) == ["template 'partials/\(partial).mustache' is missing"])
            #expect(errors.first?.file.hasSuffix("Templates/partials/\(partial).mustache") == true)
        }
    }

    /// The partials placed inside a line of the page end without a line feed; those that make
    /// blocks of their own end with one.
    @Test func inlinePartialsEndWithoutALineFeed() throws {
        let inline = ["resource-badge", "xref-link", "skill-links", "see-also", "also-in", "grows-from"]
        let blocks = ["referenced-from", "coverage-matrix", "timeline-row", "resource-entry", "resource-group", "resource-provider"]
        for name in inline + blocks {
            let text = try String(contentsOf: TestPaths.templates.appendingPathComponent("partials/\(name).mustache"), encoding: .utf8)
            #expect(text.hasSuffix("\n") == blocks.contains(name), "\(name)")
        }
    }
}
