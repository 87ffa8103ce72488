import Foundation

/// What a build reads besides the roadmaps themselves: the content folder's files, the site's
/// settings and glossary, and the templates.
struct SiteSources: Sendable {
    var inventory: ContentInventory
    var config: SiteConfig
    var glossary: Glossary
    /// Nil when the templates cannot be used (the diagnostics say why).
    var templates: TemplateSet?
    var diagnostics: [Diagnostic]

    /// Content-relative paths of the files copied into the site as they are.
    var assets: Set<String> { Set(inventory.assets.map(\.relativePath)) }

    static func discover(_ options: BuildOptions) throws -> SiteSources {
        let inventory = try ContentDiscovery().discover(in: options.contentDirectory)
        var (config, diagnostics) = try SiteConfigReader().read(inventory.siteConfig)
        if let baseURL = options.baseURL {
            config.baseURL = baseURL
            if URL(string: baseURL)?.scheme?.hasPrefix("http") != true {
                throw BuildError("--base-url '\(baseURL)' is not an absolute http(s) URL")
            }
        }
        let (templates, templateDiagnostics) = try TemplateSet.load(
            from: options.templatesDirectory, language: config.language, configFile: inventory.siteConfig?.path)
        if let strings = templates?.strings { config = config.withDefaults(in: strings) }
        let (glossary, glossaryDiagnostics) = inventory.readGlossary()
        return SiteSources(inventory: inventory, config: config, glossary: glossary, templates: templates,
                           diagnostics: diagnostics + templateDiagnostics + glossaryDiagnostics)
    }
}
