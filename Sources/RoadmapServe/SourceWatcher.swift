import Foundation

/// Notices changed, added and removed files under some folders by polling their
/// modification times and sizes (a few milliseconds for a thousand files).
struct SourceWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var modified: Double
        var size: Int
    }

    var folders: [String]
    private(set) var stamps: [String: Stamp] = [:]

    init(folders: [String]) {
        self.folders = folders
        stamps = Self.snapshot(folders)
    }

    /// The paths that changed since the last call.
    mutating func changes() -> [String] {
        let now = Self.snapshot(folders)
        guard now != stamps else { return [] }
        var changed: [String] = []
        for (path, stamp) in now where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where now[path] == nil { changed.append(path) }
        stamps = now
        return changed.sorted()
    }

    static func snapshot(_ folders: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders { walk(folder, into: &stamps) }
        return stamps
    }

    private static func walk(_ folder: String, into stamps: inout [String: Stamp]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }  // ., .., editors' swap and lock files
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps)
            } else {
                stamps[path] = Stamp(
                    modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int(info.st_size))
            }
        }
    }
}
