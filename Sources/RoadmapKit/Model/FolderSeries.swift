/// The roadmaps of one folder of the content folder and its sub-folders, in site order: the
/// folder's README (or index) first, then the rest (`Day 1`, `Day 2`, … `Day 10`), then each
/// sub-folder's the same way. They are a series, read one after another: each page links to
/// the one before and after it; on the home page of a large site they are a group under the
/// folder's name.
///
/// The folders are those where the roadmaps' paths part: the top-level folders (`cohorts/`,
/// `days/`), or, when every roadmap is in one folder, the folders below it
/// (`src/roadmaps/frontend/`, `src/roadmaps/backend/`), the roadmaps directly in that folder
/// being one series too. Roadmaps at the top of the content folder stand alone.
struct FolderSeries: Sendable, Equatable {
    /// The folder, content-relative ("" for the top level).
    var folder: String
    /// Where its roadmaps are in the site order.
    var positions: Range<Int>
    /// Whether it is below the folder every roadmap of the site is in (its name then tells
    /// its roadmaps from the others on the home page).
    var isBelowSharedFolder: Bool

    /// Whether its roadmaps are read one after another: two or more, not at the top level.
    var isSeries: Bool { !folder.isEmpty && positions.count > 1 }

    /// The folder's name as a reader says it (`01-intro` is "Intro"); "" at the top level.
    var title: String {
        folder.split(separator: "/").last.map { ReadableName.of($0) } ?? ""
    }

    /// The folders of roadmaps in site order (``Sequence/sortedInSiteOrder(by:)``, which keeps
    /// each folder's roadmaps together, its sub-folders' included).
    static func folders(_ ordered: [some SiteOrdered]) -> [FolderSeries] {
        let paths = ordered.map { SiteOrderKey.folder(of: $0.source).split(separator: "/") }
        guard let first = paths.first else { return [] }
        let shared = paths.dropFirst().reduce(first.count) { count, path in
            zip(first.prefix(count), path).prefix { $0 == $1 }.count
        }
        var folders: [FolderSeries] = []
        var lastKey: ArraySlice<Substring>?
        for (position, path) in paths.enumerated() {
            let key = path.prefix(shared + 1)
            if key == lastKey {
                folders[folders.count - 1].positions = folders[folders.count - 1].positions.lowerBound..<(position + 1)
            } else {
                folders.append(FolderSeries(folder: key.joined(separator: "/"), positions: position..<(position + 1),
                                            isBelowSharedFolder: key.count > shared))
                lastKey = key
            }
        }
        return folders
    }
}

/// Each roadmap's place in its folder's series: the roadmaps before and after it, named as
/// their pages name them (from pass 1's listings).
struct SeriesIndex: Sendable {
    struct Neighbour: Sendable, Equatable {
        var title: String
        var slug: String
        /// Its folder below the series' folder, made readable ("2022 › Intro"), or "".
        var folder: String
    }

    struct Place: Sendable, Equatable {
        /// The folder's name as ``FolderSeries/title`` gives it.
        var folderTitle: String
        /// From 1.
        var position: Int
        var count: Int
        var previous: Neighbour?
        var next: Neighbour?
    }

    private var places: [String: Place] = [:]

    init() {}

    init(_ listings: [RoadmapListing]) {
        let ordered = listings.sortedInSiteOrder { $0 }
        for series in FolderSeries.folders(ordered) where series.isSeries {
            let title = series.title
            let depth = SitePath.depth(of: series.folder)
            for position in series.positions {
                func neighbour(_ index: Int) -> Neighbour? {
                    guard series.positions.contains(index) else { return nil }
                    let roadmap = ordered[index]
                    let folder = SiteOrderKey.folder(of: roadmap.source).split(separator: "/").dropFirst(depth)
                    return Neighbour(title: roadmap.title, slug: roadmap.slug,
                                     folder: folder.map { ReadableName.of($0) }.joined(separator: " › "))
                }
                places[ordered[position].source] = Place(
                    folderTitle: title, position: position - series.positions.lowerBound + 1, count: series.positions.count,
                    previous: neighbour(position - 1), next: neighbour(position + 1))
            }
        }
    }

    /// The roadmap's place, by its content-relative path; nil when it is in no series.
    func place(of source: String) -> Place? {
        places[source]
    }

    /// The roadmap's place as one string to compare between builds (`roadmap serve`).
    func fingerprint(_ source: String) -> String {
        guard let place = places[source] else { return "" }
        return [place.folderTitle, "\(place.position)/\(place.count)",
                place.previous.map { [$0.slug, $0.title, $0.folder].joined(separator: "\u{1F}") } ?? "",
                place.next.map { [$0.slug, $0.title, $0.folder].joined(separator: "\u{1F}") } ?? ""].joined(separator: "\u{1F}")
    }
}
