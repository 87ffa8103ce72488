import Foundation

/// The whole build pipeline over one roadmap, for a fuzzer (`make fuzz`, the `roadmap-fuzz`
/// product) and its regression tests: front matter, parse, model, enrich, render, the site-wide
/// pages and the rendered-link check, then the oracles (``FuzzOracles``) over what it made.
///
/// It runs the build's own stages in the build's order (``SiteBuilder/build(_:)`` with the
/// discovery done once): the same readers, passes and writer, so a finding is the build's.
/// The fuzzed roadmap is published beside a fixed one (``companion``), so that "Also in" links,
/// merged resource indexes and the search index span two roadmaps. Templates are loaded once.
///
/// Nothing reaches the disk: the content files and the staged site live in a folder of the
/// target's own under `/dev/shm` (memory; the temporary folder where there is none, or the
/// folder given), removed with the target. The site is never committed; each run's staging
/// folder is discarded.
public final class PipelineFuzzTarget: Sendable {
    /// What one input made.
    public struct Run: Sendable {
        /// Every diagnostic of the build, in the order the stages reported them.
        public var diagnostics: [Diagnostic]
        /// The site's settings, as `site.yml` gave them.
        public var config: SiteConfig
        /// Whether the build got through the rendered-link check (an error stops it before).
        public var linksChecked: Bool
        /// Every file of the staged site but the templates' own assets, by site-relative path;
        /// empty when an error stopped the build before rendering.
        public var files: [String: [UInt8]]
    }

    /// The fuzzed roadmap's and the companion's file names in the content folder.
    static let roadmapName = "fuzzed.md"
    static let companionName = "companion.md"
    /// The output folder as diagnostics name it.
    static let reportedFolder = "Site"

    private let templatesDirectory: String
    private let templates: TemplateSet
    private let siteAssets: SiteAssets
    private let workFolder: String
    private var contentFolder: String { workFolder + "/Content" }
    private var outputFolder: String { workFolder + "/Site" }

    private var roadmapPath: String { contentFolder + "/" + Self.roadmapName }

    /// Loads the templates under `templatesDirectory` and makes the work folder in `workBase`
    /// (by default `/dev/shm`, else the temporary folder).
    public init(templatesDirectory: String, workBase: String? = nil) throws {
        let (templates, diagnostics) = try TemplateSet.load(from: templatesDirectory)
        guard let templates else {
            throw BuildError("templates do not load: " + diagnostics.map(\.description).joined(separator: "; "))
        }
        self.templatesDirectory = templatesDirectory
        self.templates = templates
        siteAssets = SiteAssets(templatesDirectory: templatesDirectory)
        let base = workBase ?? (FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        workFolder = try Self.makeFolder(in: base)
        try FileManager.default.createDirectory(atPath: workFolder + "/Content", withIntermediateDirectories: false)
        try Self.put(Array(Self.companion.utf8), at: workFolder + "/Content/" + Self.companionName)
    }

    deinit { try? FolderRemoval.remove(workFolder) }

    /// Runs `bytes` (a ``FuzzInput``) through the pipeline and stops the process with the
    /// oracles' findings when there are any: libFuzzer keeps such an input as a crash.
    /// (`fatalError`, not `preconditionFailure`, which an optimised build stops without its message.)
    public func fuzz(_ bytes: [UInt8]) {
        let found: [String]
        do {
            found = try violations(FuzzInput(bytes))
        } catch {
            fatalError("the pipeline threw: \(error)")
        }
        if !found.isEmpty { fatalError("fuzz oracles failed:\n" + found.joined(separator: "\n")) }
    }

    /// What the oracles find wrong with what `input` made (empty: nothing).
    public func violations(_ input: FuzzInput) throws -> [String] {
        let run = try run(input)
        var sources = [contentFolder + "/" + Self.companionName: Array(Self.companion.utf8), roadmapPath: input.roadmap]
        sources[contentFolder + "/site.yml"] = input.siteConfig
        sources[contentFolder + "/glossary.yml"] = input.glossary
        return FuzzOracles(input: input, sources: sources, run: run).violations()
    }

    /// Builds the site of the companion and `input` as ``SiteBuilder/build(_:)`` does, stage by stage.
    public func run(_ input: FuzzInput) throws -> Run {
        func file(_ name: String) -> SourceFile { SourceFile(relativePath: name, path: contentFolder + "/" + name) }
        try Self.put(input.roadmap, at: file(Self.roadmapName).path)
        try Self.put(input.siteConfig, at: file("site.yml").path)
        try Self.put(input.glossary, at: file("glossary.yml").path)
        let inventory = ContentInventory(
            roadmaps: [file(Self.companionName), file(Self.roadmapName)], assets: [],
            siteConfig: input.siteConfig == nil ? nil : file("site.yml"),
            glossary: input.glossary == nil ? nil : file("glossary.yml"))

        // 1. Discover: the site's settings and glossary (the templates are loaded).
        let (config, configDiagnostics) = try SiteConfigReader().read(inventory.siteConfig)
        let (glossary, glossaryDiagnostics) = inventory.readGlossary()
        var diagnostics = configDiagnostics + glossaryDiagnostics

        // 2–7. As a build runs them.
        let stages = BuildStages(
            sources: SiteSources(inventory: inventory, config: config, glossary: glossary, templates: templates, diagnostics: []),
            templates: templates, siteAssets: siteAssets, contentDirectory: contentFolder,
            templatesDirectory: templatesDirectory, reportedFolder: Self.reportedFolder)
        let outcome = try stages.run(diagnostics: &diagnostics) {
            try SiteWriter(output: outputFolder, protecting: [], sources: [contentFolder, templatesDirectory])
        }
        switch outcome {
        case .stoppedBeforeRendering:
            return Run(diagnostics: diagnostics, config: config, linksChecked: false, files: [:])
        case .failedRendering(let writer, _):
            defer { writer.discard() }
            return Run(diagnostics: diagnostics, config: config, linksChecked: false, files: try read(writer))
        case .failedLinkCheck(let writer, _), .staged(let writer, _, _):
            defer { writer.discard() }
            return Run(diagnostics: diagnostics, config: config, linksChecked: true, files: try read(writer))
        case .unchanged:
            preconditionFailure("only a build with a render cache finds its site unchanged, and this one keeps none")
        }
    }

    /// The staged site's files, but the templates' assets (copied as they are).
    private func read(_ writer: SiteWriter) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in writer.written.all where !path.hasPrefix("assets/") {
            guard let data = FileManager.default.contents(atPath: writer.staging.path + "/" + path) else {
                throw BuildError("fuzz.unreadable", "a file the build recorded as written is not there", file: path)
            }
            files[path] = [UInt8](data)
        }
        return files
    }

    /// Writes `bytes` at `path`, or removes the file when `bytes` is nil.
    private static func put(_ bytes: [UInt8]?, at path: String) throws {
        guard let bytes else {
            unlink(path)
            return
        }
        // `Data.write(to:)` fsyncs on Linux: a plain stdio write, as the site's files are written.
        guard let file = fopen(path, "wb") else { throw BuildError.io("fuzz.io", "cannot create", path: path) }
        defer { fclose(file) }
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else {
            throw BuildError.io("fuzz.io", "cannot write", path: path)
        }
    }

    /// A new folder `roadmap-fuzz-<UUID>` in `base`.
    private static func makeFolder(in base: String) throws -> String {
        let folder = (base as NSString).appendingPathComponent("roadmap-fuzz-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        return folder
    }

    /// The roadmap published beside the fuzzed one: no link of its own, skills, tools, phases,
    /// modules, topics, projects and a book, most of them in common roadmaps, so that the two
    /// pages link to each other and share resources.
    static let companion = """
        ---
        title: Companion Roadmap
        order: 1
        ---
        # Companion Roadmap

        A second roadmap on the site, so that pages link to each other and indexes merge.

        ## Core Competencies

        ### Technical Skills
        - Container Orchestration
        - Version Control
        - Problem-Solving
        - Python Programming

        ## Learning Roadmap

        ### Phase 1: Foundations (2 months)

        #### Tooling (4 weeks)
        - **Git**
          - Topics:
            - Version control basics
        - **Docker and Kubernetes**
          - Topics:
            - Container orchestration
          - Projects:
            - Containerize an application

        ### Phase 2: Practice (6 weeks)

        #### Streaming (6 weeks)
        - **Kafka**
          - Topics:
            - Stream processing

        ## Resources

        ### Tools and Platforms
        - Docker
        - Kubernetes
        - Apache Airflow

        ### Books
        - "Designing Data-Intensive Applications" by Martin Kleppmann

        """
}
