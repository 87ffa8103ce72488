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
        stamps = Self.snapshot(folders) ?? [:]
    }

    /// The paths that changed since the last call (none while a folder cannot be read).
    mutating func changes() -> [String] {
        guard let now = Self.snapshot(folders), now != stamps else { return [] }
        var changed: [String] = []
        for (path, stamp) in now where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where now[path] == nil { changed.append(path) }
        stamps = now
        return changed.sorted()
    }

    /// Every file's stamp; nil when a folder that is there cannot be read (no file descriptor
    /// left, say): its files did not go away.
    static func snapshot(_ folders: [String]) -> [String: Stamp]? {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            guard walk(folder, into: &stamps) else { return nil }
        }
        return stamps
    }

    /// False when `folder`, or one under it, exists but cannot be read.
    private static func walk(_ folder: String, into stamps: inout [String: Stamp]) -> Bool {
        guard let directory = opendir(folder) else { return errno == ENOENT || errno == ENOTDIR }
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
                guard walk(path, into: &stamps) else { return false }
            } else {
                stamps[path] = Stamp(
                    modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, size: Int(info.st_size))
            }
        }
        return true
    }
}
