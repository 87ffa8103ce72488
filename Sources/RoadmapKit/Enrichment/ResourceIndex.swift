import RoadmapMarkdown

/// Groups resource mentions into resources — one per URL, or per kind and title when unlinked —
/// each with every place it is used; and merges the resources of several roadmaps.
struct ResourceIndex: Sendable {
    /// A use's marker on the roadmap page: where it goes and what it says.
    struct Marker: Sendable, Hashable {
        var location: SourceLocation
        var isLink: Bool
        var resourceID: String
        var anchor: String
        var kind: ResourceKind
        var cost: ResourceCost
        var title: String
        /// The cost the text at this use states ("(Free to audit)" after the link), which its
        /// badge need not repeat; `.unknown` when it states none.
        var statedCost: ResourceCost
    }

    /// The resources of one roadmap, in the order they are first mentioned, and a marker per use.
    static func build(_ mentions: [ResourceExtractor.Mention], roadmap: Roadmap) -> ([Resource], [Marker]) {
        var resources: [Resource] = []
        var positions: [String: Int] = [:]
        var markers: [Marker] = []
        var anchorCounts: [String: Int] = [:]
        var usedIDs = Set<String>()
        let existing = Set(roadmap.anchors)
        for mention in mentions {
            var candidate = Resource(
                id: "", title: mention.title, url: mention.url, kind: mention.kind, provider: mention.provider,
                cost: mention.cost, author: mention.author, uses: [])
            let identity = candidate.identity
            let index: Int
            if let known = positions[identity] {
                index = known
                resources[index].absorb(candidate)
            } else {
                candidate.id = Self.unique(ResourceIdentity.anchor(title: mention.title, identity: identity), in: &usedIDs)
                index = resources.count
                positions[identity] = index
                resources.append(candidate)
            }
            let id = resources[index].id
            var anchor = "u-" + id.dropFirst(2)
            let count = (anchorCounts[anchor] ?? 0) + 1
            anchorCounts[anchor] = count
            if count > 1 { anchor += "-\(count)" }
            while existing.contains(anchor) { anchor += "-u" }
            resources[index].uses.append(ResourceUse(
                roadmapSlug: roadmap.slug, roadmapTitle: roadmap.title, sectionID: mention.sectionID,
                sectionTitle: mention.sectionTitle, anchor: anchor, location: mention.location))
            markers.append(Marker(
                location: mention.location, isLink: mention.isLink, resourceID: id, anchor: anchor, kind: mention.kind,
                cost: mention.cost, title: mention.title, statedCost: mention.cost))
        }
        // Markers show what the resource turned out to be once every mention is known.
        let byID = Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0) })
        markers = markers.map { marker in
            var marker = marker
            if let resource = byID[marker.resourceID] {
                marker.kind = resource.kind
                marker.cost = resource.cost
                marker.title = resource.title
            }
            return marker
        }
        return (sortedForDisplay(resources), markers)
    }

    /// The resources of every roadmap as one list: the same URL used by two roadmaps is one
    /// resource with the uses of both. `roadmaps` is in the site's order.
    static func merge(_ roadmaps: [[Resource]]) -> [Resource] {
        var merged: [Resource] = []
        var positions: [String: Int] = [:]
        var usedIDs = Set<String>()
        for resources in roadmaps {
            for resource in resources {
                let identity = resource.identity
                if let index = positions[identity] {
                    merged[index].absorb(resource)
                    merged[index].uses += resource.uses
                } else {
                    positions[identity] = merged.count
                    var resource = resource
                    resource.id = unique(resource.id, in: &usedIDs)
                    merged.append(resource)
                }
            }
        }
        return sortedForDisplay(merged)
    }

    /// Kind, then provider, then title (both ignoring case), then id. The lowercased keys are
    /// made once per resource, not once per comparison.
    static func sortedForDisplay(_ resources: [Resource]) -> [Resource] {
        let keys = resources.map { SortKey($0) }
        return resources.indices.sorted { keys[$0] < keys[$1] }.map { resources[$0] }
    }

    private struct SortKey: Comparable {
        var kind: Int
        var provider: String
        var title: String
        var id: String

        init(_ resource: Resource) {
            kind = resource.kind.order
            provider = (resource.provider ?? "~").lowercased()
            title = resource.title.lowercased()
            id = resource.id
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.kind, a.provider, a.title, a.id) < (b.kind, b.provider, b.title, b.id)
        }
    }

    /// `id`, or `id-2`, `id-3`, … when two resources' anchors meet (same title, same short hash).
    static func unique(_ id: String, in used: inout Set<String>) -> String {
        var candidate = id
        var counter = 1
        while used.contains(candidate) {
            counter += 1
            candidate = "\(id)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }
}

extension Resource {
    /// Takes what another mention of the same resource knows and this one does not.
    mutating func absorb(_ other: Resource) {
        if kind == .link, other.kind != .link { kind = other.kind }
        if cost == .unknown { cost = other.cost }
        if provider == nil { provider = other.provider }
        if author == nil { author = other.author }
    }
}
