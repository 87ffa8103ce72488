/// A roadmap as the site's lists order it.
protocol SiteOrdered {
    var order: Int? { get }
    var title: String { get }
    var slug: String { get }
}

extension RoadmapListing: SiteOrdered {}
extension RoadmapSummary: SiteOrdered {}

extension Sequence {
    /// The elements in the order the site lists the roadmaps they stand for (the home page, the
    /// search page and index, the resource indexes, "Also in"): by `order`, roadmaps without
    /// one last, then by title ignoring case, then by slug.
    func sortedInSiteOrder<Roadmap: SiteOrdered>(by roadmap: (Element) -> Roadmap) -> [Element] {
        sorted {
            let (a, b) = (roadmap($0), roadmap($1))
            return (a.order ?? Int.max, a.title.lowercased(), a.slug) < (b.order ?? Int.max, b.title.lowercased(), b.slug)
        }
    }
}
