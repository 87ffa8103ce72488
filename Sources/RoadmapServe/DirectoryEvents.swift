#if canImport(Glibc)
import Glibc

/// Wakes the watcher as soon as something changes under the watched folders (Linux inotify),
/// instead of at its next poll; the watcher still decides what changed from modification times.
final class DirectoryEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let folders: [String]
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(folders: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.folders = folders
        watchAll()
    }

    deinit { close(descriptor) }

    /// Watches every folder under the roots (again: new folders appear).
    func watchAll() {
        for folder in folders { watch(folder) }
    }

    private func watch(_ folder: String) {
        guard inotify_add_watch(descriptor, folder, Self.mask) >= 0, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            watch(folder + "/" + name)
        }
    }

    /// Waits up to `milliseconds` for an event; true when one came (the queue is drained).
    func wait(milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while read(descriptor, &buffer, buffer.count) > 0 {}
        return true
    }
}
#endif
