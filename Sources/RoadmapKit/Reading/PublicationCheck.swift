import RoadmapMarkdown

/// Which roadmaps the site publishes: drafts are left out, and each slug names one roadmap. Two
/// roadmaps with one slug, or a slug the site keeps for its own files, is an error.
struct PublicationCheck: Sendable {
    /// Top-level names the site uses for itself.
    static let reservedSlugs: Set<String> = ["assets", "index", "404", "search", "resources", "timeline"]
    /// Top-level folders the build fills (the templates' assets, the search index's shards),
    /// where no roadmap's folder goes.
    static let reservedFolders: Set<String> = ["assets", "search"]

    func check(_ documents: [PreparedDocument]) -> (published: [PreparedDocument], diagnostics: [Diagnostic]) {
        var published: [PreparedDocument] = []
        var diagnostics: [Diagnostic] = []
        var slugOwners: [String: PreparedDocument] = [:]
        let start = SourceLocation(line: 1, column: 1)
        for document in documents where !document.frontMatter.draft {
            if let owner = slugOwners[document.slug] {
                diagnostics.append(Diagnostic(
                    .error, id: "slug.duplicate",
                    "'\(document.file.relativePath)' and '\(owner.file.relativePath)' would both be published at '\(document.slug)/'; set a different 'slug' in the front matter",
                    file: document.file.path, at: start,
                    notes: [.note("the other roadmap with this slug", file: owner.file.path, at: start)]))
                continue
            }
            if Self.reservedSlugs.contains(document.slug) {
                diagnostics.append(.error(
                    "slug.reserved", "slug '\(document.slug)' is reserved for the site's own files; set another 'slug'",
                    file: document.file.path, at: start))
                continue
            }
            slugOwners[document.slug] = document
            published.append(document)
        }
        return (published, diagnostics)
    }
}
