/// What pass 1 of a build keeps of one roadmap, for the checks between the passes and for the
/// other roadmaps' pages in pass 2: how other pages name it and where they may link to.
///
/// It is made from the roadmap's model (the parser and builder its page is rendered from), so
/// "Also in" shows the title the page shows and lands on anchors the page has.
struct RoadmapListing: Sendable {
    /// Content-relative path of the Markdown file, e.g. `guides/mlops.md`.
    var source: String
    var slug: String
    /// The title, as the page shows it.
    var title: String
    var order: Int?
    /// Its skills and tools, each with the anchor its page gives the entry.
    var terms: [SharedTerm]
    /// Every anchor of its page (headings, items, skills, resource uses), for links from other pages.
    var anchors: HashedIDs
}
