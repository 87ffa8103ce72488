import RoadmapMarkdown

/// A Markdown link to a heading of another roadmap's page (`other.md#setup`), where it is written.
struct OtherPageLink: Sendable, Hashable {
    /// The linking roadmap's file, as diagnostics name it.
    var file: String
    var location: SourceLocation
    /// Content-relative path of the roadmap linked to.
    var target: String
    var fragment: String
}

/// Checks links to other roadmaps' headings against the anchors those pages will have, once
/// pass 1 has listed every roadmap. A heading that is not there is an error: the link would
/// land nowhere.
struct LinkTargetCheck: Sendable {
    var listings: [RoadmapListing]

    func check(_ links: [OtherPageLink]) -> [Diagnostic] {
        let anchors = Dictionary(listings.map { ($0.source, $0.anchors) }, uniquingKeysWith: { a, _ in a })
        return links.compactMap { link in
            guard let known = anchors[link.target], !known.contains(link.fragment) else { return nil }
            return .error("link.missing-anchor", "no heading '#\(link.fragment)' in '\(link.target)'",
                          file: link.file, at: link.location)
        }
    }
}
