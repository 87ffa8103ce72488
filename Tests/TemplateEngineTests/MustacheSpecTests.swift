import Foundation
@testable import TemplateEngine
import Testing

/// The official Mustache spec (`../shared/mustache-spec`, JSON), one test case per spec test.
/// The data are JSON values, rendered as ``TemplateValue``s through the same compiler and
/// renderer as typed views.
@Suite(.enabled(if: MustacheSpec.isPresent, "the Mustache spec is not at \(MustacheSpec.folder.path): its tests did not run"))
struct MustacheSpecTests {
    @Test(arguments: MustacheSpec.cases)
    func specTest(_ test: MustacheSpec.Case) throws {
        var files = [TemplateFile(name: MustacheSpec.templateName, path: test.description, text: test.template)]
        for (name, text) in test.partials.sorted(by: { $0.key < $1.key }) {
            files.append(TemplateFile(name: name, path: "\(test.description) partial \(name)", text: text))
        }
        if let errorID = MustacheSpec.deviations[test.description] {
            let error = #expect(throws: TemplateErrors.self) {
                _ = try TemplateLibrary(files).compile(MustacheSpec.templateName, for: TemplateValue.self)
            }
            #expect(error?.errors.map(\.id) == [errorID])
            return
        }
        let template = try TemplateLibrary(files).compile(MustacheSpec.templateName, for: TemplateValue.self)
        #expect(template.render(test.data) == test.expected, "\(test.desc)")
    }

    @Test func everyRequiredFileHasTests() {
        for file in MustacheSpec.requiredFiles {
            #expect(MustacheSpec.cases.contains { $0.file == file + ".json" }, "no tests read from \(file).json")
        }
    }
}

enum MustacheSpec {
    /// The spec modules the engine passes; `~dynamic-names` (optional) is left out.
    static let requiredFiles = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// Spec tests whose behaviour this engine changes on purpose, with the error it reports
    /// instead: a missing partial is an error when templates load, not an empty string.
    static let deviations = ["partials.json: Failed Lookup": "template.missing-partial"]

    /// The name of each test's template (no spec partial has it).
    static let templateName = "spec template"

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/mustache-spec").standardizedFileURL

    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder.path) }

    struct Case: Sendable, Decodable, CustomStringConvertible, CustomTestStringConvertible {
        var file = ""
        var name: String
        var desc: String
        var data: TemplateValue
        var template: String
        var partials: [String: String] = [:]
        var expected: String

        private enum CodingKeys: String, CodingKey { case name, desc, data, template, partials, expected }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            desc = try container.decode(String.self, forKey: .desc)
            data = try container.decode(TemplateValue.self, forKey: .data)
            template = try container.decode(String.self, forKey: .template)
            partials = try container.decodeIfPresent([String: String].self, forKey: .partials) ?? [:]
            expected = try container.decode(String.self, forKey: .expected)
        }

        var description: String { "\(file): \(name)" }
        var testDescription: String { description }
    }

    private struct SpecFile: Decodable {
        var tests: [Case]
    }

    /// Every test of the required files; none when the folder is missing.
    static let cases: [Case] = requiredFiles.flatMap { name -> [Case] in
        let url = folder.appendingPathComponent(name + ".json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(SpecFile.self, from: data) else {
            return []
        }
        return file.tests.map { test in
            var test = test
            test.file = name + ".json"
            return test
        }
    }
}
