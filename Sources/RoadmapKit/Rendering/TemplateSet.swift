import Foundation
import Mustache

/// The Mustache templates of a site, parsed once and shared by every render.
struct TemplateSet: Sendable {
    static let required = ["home", "roadmap", "404"]
    let library: MustacheLibrary
    let directory: String
    /// Each template's file and text, for the key check.
    let sources: [String: (path: String, text: String)]
    /// The key check runs on the first render of each template in a build.
    let ledger = TemplateKeyLedger()
    /// The templates' tags, parsed for the key check once a build.
    let parsedTags = TemplateKeyCheck.ParsedTags()

    /// Loads every `.mustache` file under `directory`; parse errors become diagnostics at the
    /// template's line and column.
    static func load(from directory: String) throws -> (TemplateSet?, [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError("templates folder '\(directory)' does not exist")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw BuildError("cannot read templates folder '\(directory)'")
        }
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: (path: String, text: String)] = [:]
        var diagnostics: [Diagnostic] = []
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            let path = base + relative
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw BuildError("cannot read template '\(path)': \(error.localizedDescription)")
            }
            do {
                let name = String(relative.dropLast(".mustache".count))
                _ = MustacheEscaping.registered
                templates[name] = try MustacheTemplate(string: MustacheEscaping.pragma + text)
                sources[name] = (path, text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "template.syntax", "template does not parse: \(describe(error.error))", file: path,
                    at: .init(line: max(1, error.context.lineNumber - MustacheEscaping.addedLines),
                              column: max(1, error.context.columnNumber))))
            }
        }
        for name in required where templates[name] == nil && !diagnostics.contains(where: { $0.file.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error("template.missing", "template '\(name).mustache' is missing", file: base + name + ".mustache"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (TemplateSet(library: MustacheLibrary(templates: templates), directory: base, sources: sources), diagnostics)
    }

    /// Renders `view` with the named template; the first render of each template also checks
    /// that every key the template uses exists in the view (see ``TemplateKeyCheck``).
    func render(_ view: Any, template: String) -> String {
        if ledger.claim(template) {
            ledger.record(TemplateKeyCheck(sources: sources, parsed: parsedTags).check(view, template: template))
        }
        return library.render(TemplateLookup.wrap(view) ?? view, withTemplate: template) ?? ""
    }

    /// Renders `view` with `Templates/partials/NAME.mustache`: the markup Swift places itself
    /// (a resource index's entries, the badges and cross-links in a roadmap's Markdown). A
    /// missing partial is an error, reported once with the unknown-key errors.
    func render(_ view: Any, partial name: String) -> String {
        let template = "partials/" + name
        if sources[template] == nil, ledger.claim(template) {
            ledger.record([.error("template.missing", "template '\(template).mustache' is missing",
                                  file: directory + template + ".mustache")])
        }
        return render(view, template: template)
    }

    /// Unknown-key errors found by the renders so far.
    var keyDiagnostics: [Diagnostic] { ledger.diagnostics }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "bad pragma syntax"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
