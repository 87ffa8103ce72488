import Testing
@testable import RoadmapKit

/// The one order the site lists roadmaps in (home page, search, resource indexes, "Also in").
@Suite struct SiteOrderTests {
    @Test func byOrderThenTitleIgnoringCaseThenSlug() {
        let listings = [
            ("gamma", "Gamma", nil), ("second", "Second", 2), ("alpha-b", "Alpha", nil), ("beta", "beta", nil),
            ("first", "Z first", 1), ("alpha-a", "alpha", nil),
        ].map { (slug: String, title: String, order: Int?) in
            RoadmapListing(source: slug + ".md", slug: slug, title: title, order: order, terms: [], anchors: HashedIDs())
        }
        #expect(listings.sortedInSiteOrder { $0 }.map(\.slug) == ["first", "second", "alpha-a", "alpha-b", "beta", "gamma"])
        // Any element that stands for a roadmap sorts by it.
        let pairs = listings.map { ($0, $0.slug.count) }
        #expect(pairs.sortedInSiteOrder(by: \.0).map(\.1) == [5, 6, 7, 7, 4, 5])
    }
}
