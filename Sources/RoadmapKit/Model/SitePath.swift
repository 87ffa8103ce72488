/// The way back to the site's root from a page, so that every internal link is relative and the
/// site works from `file://`, at a domain root and under any sub-path at every depth.
enum SitePath {
    /// How many folders deep `folder` (relative to the site root, "" for the root) is:
    /// `mlops-engineer` is 1, `cohorts/2022/01-intro/homework` is 4.
    static func depth(of folder: String) -> Int {
        folder.split(separator: "/").count
    }

    /// From a page in `folder` to the site root: "../" for each of its folders ("" at the root).
    static func root(from folder: String) -> String {
        String(repeating: "../", count: depth(of: folder))
    }
}
