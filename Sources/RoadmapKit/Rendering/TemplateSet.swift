import Foundation
import RoadmapMarkdown
import TemplateEngine

/// The site's Mustache templates, each page template compiled once against its view type, so
/// a template that names a key its view does not have, misses a partial or does not parse
/// stops the build when templates load, before any page is rendered.
struct TemplateSet: Sendable {
    let home: Template<HomePageView>
    let roadmap: Template<RoadmapPageView>
    let notFound: Template<NotFoundPageView>
    /// The enrichment pages' templates; without one, that page is empty.
    let timeline: Template<TimelinePageView>?
    let resources: Template<ResourcePageView>?
    /// The search page's template; without it the site has no search page.
    let search: Template<SearchPageView>?
    /// The partials Swift renders itself and places in pages.
    let partials: Partials
    /// The interface strings of the site's language (`strings/<language>.yml`), which the
    /// templates show with `{{t.…}}` and the generator uses for the text it writes itself.
    let strings: InterfaceStrings

    /// The markup Swift places itself, each in its partial under `Templates/partials/`: a
    /// resource index's entries (written in pieces, so that a large index is never held whole)
    /// and what a roadmap page adds to its Markdown (badges and cross-links, placed at their
    /// source positions). Every one is required.
    struct Partials: Sendable {
        let resourceGroup: Template<ResourceGroupView>
        let resourceProvider: Template<ResourceProviderView>
        let resourceEntry: Template<ResourceEntryView>
        let resourceBadge: Template<ResourceBadgeView>
        let skillLinks: Template<SkillLinksView>
        let seeAlso: Template<PageLinkView>
        let alsoIn: Template<AlsoInView>
        let growsFrom: Template<GrowsFromView>
        let referencedFrom: Template<ReferencedFromView>
        let coverageMatrix: Template<CoverageMatrixView>
    }

    /// Loads every `.mustache` file under `directory` and compiles the page templates with the
    /// interface strings of `language` (``InterfaceStringsReader``); their problems become
    /// diagnostics at the template's line and column. `configFile`: the site's settings, which
    /// name the language.
    static func load(from directory: String, language: String = "en", configFile: String? = nil) throws -> (TemplateSet?, [Diagnostic]) {
        let templateFiles = try files(in: directory)
        let (loadedStrings, stringDiagnostics) = InterfaceStringsReader.read(
            templatesDirectory: directory, language: language, configFile: configFile)
        guard let strings = loadedStrings else { return (nil, stringDiagnostics) }
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(templateFiles, strings: strings.templateStrings)
        } catch {
            return (nil, stringDiagnostics + error.errors.map(diagnostic))
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var diagnostics = stringDiagnostics
        func compile<View: TemplateView>(_ name: String, for view: View.Type, required: Bool = false) -> Template<View>? {
            guard library.contains(name) else {
                if required {
                    diagnostics.append(.error(
                        "template.missing", "template '\(name).mustache' is missing", file: base + name + ".mustache"))
                }
                return nil
            }
            do {
                return try library.compile(name, for: view)
            } catch {
                // A partial or parent shared by several pages reports each of its problems once.
                for found in error.errors.map(diagnostic)
                where !diagnostics.contains(where: { $0.file == found.file && $0.location == found.location && $0.id == found.id }) {
                    diagnostics.append(found)
                }
                return nil
            }
        }
        let home = compile("home", for: HomePageView.self, required: true)
        let roadmap = compile("roadmap", for: RoadmapPageView.self, required: true)
        let notFound = compile("404", for: NotFoundPageView.self, required: true)
        let timeline = compile("timeline", for: TimelinePageView.self)
        let resources = compile("resources", for: ResourcePageView.self)
        let search = compile("search", for: SearchPageView.self)
        func partial<View: TemplateView>(_ name: String, for view: View.Type) -> Template<View>? {
            compile("partials/" + name, for: view, required: true)
        }
        let resourceGroup = partial("resource-group", for: ResourceGroupView.self)
        let resourceProvider = partial("resource-provider", for: ResourceProviderView.self)
        let resourceEntry = partial("resource-entry", for: ResourceEntryView.self)
        let resourceBadge = partial("resource-badge", for: ResourceBadgeView.self)
        let skillLinks = partial("skill-links", for: SkillLinksView.self)
        let seeAlso = partial("see-also", for: PageLinkView.self)
        let alsoIn = partial("also-in", for: AlsoInView.self)
        let growsFrom = partial("grows-from", for: GrowsFromView.self)
        let referencedFrom = partial("referenced-from", for: ReferencedFromView.self)
        let coverageMatrix = partial("coverage-matrix", for: CoverageMatrixView.self)
        guard let home, let roadmap, let notFound, let resourceGroup, let resourceProvider, let resourceEntry,
              let resourceBadge, let skillLinks, let seeAlso, let alsoIn, let growsFrom, let referencedFrom,
              let coverageMatrix, !diagnostics.hasErrors
        else { return (nil, diagnostics) }
        let partials = Partials(
            resourceGroup: resourceGroup, resourceProvider: resourceProvider, resourceEntry: resourceEntry,
            resourceBadge: resourceBadge, skillLinks: skillLinks, seeAlso: seeAlso, alsoIn: alsoIn,
            growsFrom: growsFrom, referencedFrom: referencedFrom, coverageMatrix: coverageMatrix)
        let set = TemplateSet(
            home: home, roadmap: roadmap, notFound: notFound, timeline: timeline, resources: resources, search: search,
            partials: partials, strings: strings)
        return (set, diagnostics)
    }

    /// Every template under `directory`, named by its path there without `.mustache`.
    private static func files(in directory: String) throws -> [TemplateFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError("templates folder '\(directory)' does not exist")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw BuildError("cannot read templates folder '\(directory)'")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var files: [TemplateFile] = []
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            let path = base + relative
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                files.append(TemplateFile(name: String(relative.dropLast(".mustache".count)), path: path, text: text))
            } catch {
                throw BuildError("cannot read template '\(path)': \(error.localizedDescription)")
            }
        }
        return files
    }

    private static func diagnostic(_ error: TemplateError) -> Diagnostic {
        .error(error.id, error.message, file: error.file, at: SourceLocation(line: error.line, column: error.column))
    }
}
