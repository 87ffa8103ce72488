/// The site's resource index in pages, so that no page grows with the site: at 10,000 roadmaps
/// the index held 137,000 entries and 190,000 uses, 80 MB of HTML in one file. A page takes
/// entries, in index order, until it holds ``unitsPerPage`` lines (an entry and each use it
/// lists count one each), about 1 MB with the project's templates (about 250 bytes a line);
/// an entry lists at most ``usesShown`` uses, then says how many more roadmaps use it (all are
/// in `resources.json` and on each roadmap's own index).
///
/// Page 1 is `resources.html`, page `n` is `resources-n.html`, side by side at the site's
/// root, so every link into the index (`resources.html#r-…` from a roadmap's index, a search
/// result) names the page its entry is on (``href(of:)``).
struct ResourcePages: Sendable {
    static let unitsPerPage = 4_000
    static let usesShown = 1_000

    /// Each page's entries, as a range of the merged resources.
    let pages: [Range<Int>]
    private let pageOfID: [String: Int]
    let usesShown: Int

    init(_ resources: [Resource], unitsPerPage: Int = Self.unitsPerPage, usesShown: Int = Self.usesShown) {
        self.usesShown = usesShown
        var pages: [Range<Int>] = []
        var start = 0, units = 0
        for (index, resource) in resources.enumerated() {
            let cost = 1 + min(resource.uses.count, usesShown)
            if units > 0, units + cost > unitsPerPage {
                pages.append(start..<index)
                (start, units) = (index, 0)
            }
            units += cost
        }
        pages.append(start..<resources.count)
        self.pages = pages
        var pageOfID: [String: Int] = [:]
        pageOfID.reserveCapacity(resources.count)
        for (page, range) in pages.enumerated() {
            for index in range { pageOfID[resources[index].id] = page }
        }
        self.pageOfID = pageOfID
    }

    /// The index's files: `resources.html`, then `resources-2.html`, …
    static let files = PagedFiles(stem: "resources")

    /// The file of page `page` (from 0), relative to the site root.
    static func file(_ page: Int) -> String { files.file(page) }

    /// The page of the entry `id`, relative to the site root (page 1 for an id not in the index).
    func file(of id: String) -> String { Self.file(pageOfID[id] ?? 0) }

    /// The entry's address relative to the site root: `resources-3.html#r-…`.
    func href(of id: String) -> String { file(of: id) + "#" + id }
}
