/// The files of a page cut into several (the home page, the site's resource index): `stem.html`,
/// then `stem-2.html`, `stem-3.html`, …, each relative to the site root.
struct PagedFiles: Sendable {
    let stem: String

    /// The file of page `page` (from 0).
    func file(_ page: Int) -> String { page == 0 ? stem + ".html" : stem + "-\(page + 1).html" }

    /// Whether `path` is one of the pages past the first (`stem-2.html`): the build writes
    /// those, never a content file.
    func isLaterPage(_ path: String) -> Bool {
        guard path.hasPrefix(stem + "-"), path.hasSuffix(".html") else { return false }
        let number = path.dropFirst(stem.count + 1).dropLast(".html".count)
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
