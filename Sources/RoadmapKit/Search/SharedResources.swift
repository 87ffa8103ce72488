/// The resources more than one roadmap uses, read from every roadmap's resources once pass 1
/// has listed them: each has one search document for the whole site, on the resource index
/// (``SearchIndexBuilder/sharedResourceDocuments(_:pages:)``), rather than one per roadmap.
struct SharedResources: Sendable {
    /// Per roadmap (its content-relative path): the ids of its resources that others use too.
    private var idsByRoadmap: [String: Set<String>] = [:]

    init() {}

    /// `roadmaps` holds each roadmap's resources (each once) by content-relative path. A
    /// resource's identity is worked out once here (it normalises the URL).
    init(_ roadmaps: [String: [Resource]]) {
        var identities: [String: [String]] = [:]
        var roadmapCounts: [String: Int] = [:]
        for (path, resources) in roadmaps {
            let own = resources.map(\.identity)
            identities[path] = own
            for identity in own { roadmapCounts[identity, default: 0] += 1 }
        }
        for (path, resources) in roadmaps {
            let own = identities[path] ?? []
            let shared = resources.indices.filter { roadmapCounts[own[$0], default: 0] > 1 }.map { resources[$0].id }
            if !shared.isEmpty { idsByRoadmap[path] = Set(shared) }
        }
    }

    /// The ids of the roadmap's resources that other roadmaps use too.
    func ids(of path: String) -> Set<String> { idsByRoadmap[path] ?? [] }

    /// The same, as one string: a kept page (`roadmap serve`) is indexed again when it changes.
    func fingerprint(of path: String) -> String { ids(of: path).sorted().joined(separator: "\n") }

    /// Whether a resource of the site's merged list (``ResourceIndex/merge(_:)``, which joins the
    /// roadmaps' resources by identity) is one of them: its uses are in more than one roadmap.
    static func isShared(_ merged: Resource) -> Bool {
        guard let first = merged.uses.first else { return false }
        return merged.uses.contains { $0.roadmapSlug != first.roadmapSlug }
    }
}
