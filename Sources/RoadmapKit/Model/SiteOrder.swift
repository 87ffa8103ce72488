import Foundation

/// A roadmap as the site's lists order it.
protocol SiteOrdered {
    /// Content-relative path of its file (`cohorts/2022/intro.md`): its folder and name.
    var source: String { get }
    var order: Int? { get }
    var title: String { get }
    var slug: String { get }
}

extension RoadmapListing: SiteOrdered {}
extension RoadmapSummary: SiteOrdered {}

extension Sequence {
    /// The elements in the order the site lists the roadmaps they stand for (the home page, the
    /// search page and index, the resource indexes, "Also in", previous and next): folder by
    /// folder, as a reader goes through a repository (see ``SiteOrderKey``).
    func sortedInSiteOrder<Roadmap: SiteOrdered>(by roadmap: (Element) -> Roadmap) -> [Element] {
        let elements = Array(self)
        let keys = SiteOrderKey.keys(for: elements.map(roadmap))
        return elements.indices.sorted { keys[$0] < keys[$1] }.map { elements[$0] }
    }
}

/// Where a roadmap comes in the site's order. The top level's roadmaps come first, then each
/// folder's, a folder's own roadmaps before those of its sub-folders; folders are ordered by
/// the `order` of their README (or index) where it has one, then by name. In a folder, its
/// README (or index) comes first, then by `order`, then by the number a file name starts with
/// (`02-…` before `10-…`), then by title, then by slug. Names and titles compare in natural
/// order ("Day 2" before "Day 10"), ignoring case.
struct SiteOrderKey: Comparable {
    /// One folder on the way from the top to the roadmap's file.
    struct Folder: Comparable {
        var order: Int
        var name: NaturalSortKey
        /// The name as written, so that two folders whose names compare equal stay apart.
        var exactName: String

        static func < (a: Folder, b: Folder) -> Bool {
            (a.order, a.name) < (b.order, b.name) || ((a.order, a.name) == (b.order, b.name) && a.exactName < b.exactName)
        }
    }

    var folders: [Folder]
    var isFolderPage: Bool
    var order: Int
    var fileNumber: Int
    var title: NaturalSortKey
    var slug: NaturalSortKey

    static func < (a: SiteOrderKey, b: SiteOrderKey) -> Bool {
        for (x, y) in zip(a.folders, b.folders) where x != y { return x < y }
        // In the same folder, or one in a folder that holds the other's: a folder's own roadmaps first.
        if a.folders.count != b.folders.count { return a.folders.count < b.folders.count }
        if a.isFolderPage != b.isFolderPage { return a.isFolderPage }
        if (a.order, a.fileNumber) != (b.order, b.fileNumber) { return (a.order, a.fileNumber) < (b.order, b.fileNumber) }
        return a.title != b.title ? a.title < b.title : a.slug < b.slug
    }

    /// Each roadmap's key; a folder's `order` is its README's (or index's), so it takes them all.
    static func keys(for roadmaps: [some SiteOrdered]) -> [SiteOrderKey] {
        var folderOrders: [String: Int] = [:]
        for roadmap in roadmaps where Slugger.namesFolder(roadmap.source) {
            if let order = roadmap.order { folderOrders[folder(of: roadmap.source)] = order }
        }
        return roadmaps.map { roadmap in
            var path = ""
            let folders = folder(of: roadmap.source).split(separator: "/").map { name -> Folder in
                path += path.isEmpty ? name : "/" + name
                return Folder(order: folderOrders[path] ?? Int.max, name: NaturalSortKey(String(name)), exactName: String(name))
            }
            return SiteOrderKey(
                folders: folders, isFolderPage: Slugger.namesFolder(roadmap.source), order: roadmap.order ?? Int.max,
                fileNumber: leadingNumber(of: Slugger.stemAndFolder(roadmap.source).stem) ?? Int.max,
                title: NaturalSortKey(roadmap.title), slug: NaturalSortKey(roadmap.slug))
        }
    }

    /// The content-relative folder a file is in ("" at the top).
    static func folder(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "" }
        return String(source[..<slash])
    }

    /// The number a file name starts with when it orders the file: digits, then a separator or
    /// nothing (`02-intro`, `10_setup`, `3. Linux`, `2022`; not `10x-engineer`).
    static func leadingNumber(of name: Substring) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = name[digits.endIndex...]
        guard rest.first.map({ "-_. ".contains($0) }) ?? true else { return nil }
        return Int(digits)
    }
}
