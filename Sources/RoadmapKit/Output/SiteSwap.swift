import Foundation
#if os(Linux)
import CRenameExchange
#endif

/// Puts a finished staging site in the output's place so that, wherever the build is killed,
/// the output is the old site or the new one, whole; and cleans up what killed builds left.
///
/// Work folders are named `.<output name>.<role>-<pid>-<random>` and sit beside the output, or
/// inside it when the output is a mount point (which cannot be renamed). The build using one
/// holds an exclusive `flock` on it, so a build removes only folders whose build is gone.
///
/// - Beside the output (the usual case), the staging folder and the output are exchanged in one
///   step (`renameat2(RENAME_EXCHANGE)` on Linux); the previous site is then in the staging
///   folder's place, removed after. Where exchanging is not available (another system, a file
///   system without it) the output is renamed away and the staging folder renamed in its place:
///   a build killed between the two leaves no output but a whole `previous` folder, which the
///   next build renames back.
/// - Inside a mount point, the staging folder is written in the output, on its file system, and
///   the output's entries are swapped: the old ones moved into a `previous` folder, then the new
///   ones moved in, the `.roadmap-site` marker last each way. The folder holding the new
///   entries is renamed `ready` before the first move and `moving` before the second, so a
///   build killed midway leaves a state the next build finishes (the new site, whole) before
///   doing anything else. This is the only way to replace what a mount point holds; unlike the
///   exchange, a reader may see a mix of old and new entries during the moves.
struct SiteSwap: Sendable {
    enum Role: String, CaseIterable {
        /// A site being written; complete once its marker is in it.
        case building
        /// A previous site, being removed (or, with no output, the site to restore).
        case previous
        /// Inside a mount point: a complete site whose entries are about to replace the output's.
        case ready
        /// Inside a mount point: the rest of a site whose entries are replacing the output's.
        case moving

        /// Interrupted swaps are finished first, then previous sites restored or removed.
        var cleanupOrder: Int {
            switch self {
            case .ready, .moving: 0
            case .previous: 1
            case .building: 2
            }
        }
    }

    /// The output folder, symbolic links resolved.
    let output: String
    /// Whether the output is a mount point, whose entries are swapped rather than the folder.
    let swapsContents: Bool
    /// This build's part of its work folders' names: `<pid>-<random>`.
    let id: String

    init(output: String) {
        self.init(output: output, swapsContents: MountPoints.isMountPoint(output))
    }

    /// `swapsContents` as for a mount point (tests use it on plain folders).
    init(output: String, swapsContents: Bool) {
        self.output = output
        self.swapsContents = swapsContents
        id = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    private var name: String { (output as NSString).lastPathComponent }
    private var parent: String { (output as NSString).deletingLastPathComponent }
    /// Where this build's work folders are: beside the output, or inside a mount point.
    var workFolder: String { swapsContents ? output : parent }

    func path(_ role: Role) -> String { workFolder + "/.\(name).\(role.rawValue)-\(id)" }

    /// The role of the work folder named `entry` (of any build, with any earlier naming), or nil.
    func role(of entry: String) -> Role? {
        Role.allCases.first { role in
            let prefix = ".\(name).\(role.rawValue)-"
            guard entry.hasPrefix(prefix), entry.count > prefix.count else { return false }
            return entry.dropFirst(prefix.count).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// The output's entries that are the site's (not work folders), the marker last.
    private func siteEntries(of folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { role(of: $0) == nil }
            .sorted { ($0 == SiteWriter.markerName ? 1 : 0, $0) < ($1 == SiteWriter.markerName ? 1 : 0, $1) }
    }

    // MARK: Leftovers

    /// Finishes or removes what killed builds left: an interrupted swap into a mount point is
    /// completed, a previous site is put back where there is no output, and every other
    /// unlocked work folder is removed. A folder another live build holds is left alone.
    func cleanLeftovers() throws {
        try clean(in: workFolder)
        if swapsContents { try? clean(in: parent) }
    }

    private func clean(in folder: String) throws {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let leftovers = entries.compactMap { entry in role(of: entry).map { (entry, $0) } }
            .sorted { ($0.1.cleanupOrder, $0.0) < ($1.1.cleanupOrder, $1.0) }
        for (entry, role) in leftovers {
            let path = folder + "/" + entry
            // Not lockable: a live build's, or not a folder (a link is never followed).
            guard let lock = FolderLock(path) else { continue }
            defer { withExtendedLifetime(lock) {} }
            switch role {
            case .ready where folder == output:
                try moveIn(from: path, replacingEntries: true)
            case .moving where folder == output:
                try moveIn(from: path, replacingEntries: false)
            case .previous where folder == parent && !FileManager.default.fileExists(atPath: output)
                && FileManager.default.fileExists(atPath: path + "/" + SiteWriter.markerName):
                try rename(path, output)
            default:
                try? FolderRemoval.remove(path)
            }
        }
    }

    // MARK: Swap

    /// Puts the site in `staging` (complete, its marker written) in place of the output.
    /// Returns the previous site's folder, to remove, with its lock; nil when there was none.
    func swap(in staging: String) throws -> (path: String, lock: FolderLock?)? {
        if swapsContents { return try swapEntries(staging) }
        guard FileManager.default.fileExists(atPath: output) else {
            try rename(staging, output)
            return nil
        }
        if Self.exchange(staging, output) == 0 {
            return (staging, FolderLock(staging))
        }
        guard [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(errno) else { throw Self.failure("cannot replace", output) }
        // Two renames; a build killed between them leaves `previous`, which the next one puts back.
        let previous = path(.previous)
        let lock = FolderLock(output)
        try rename(output, previous)
        do {
            try rename(staging, output)
        } catch {
            try? rename(previous, output)
            throw error
        }
        return (previous, lock)
    }

    /// Inside a mount point: the output's entries out into `previous`, the staged ones in.
    private func swapEntries(_ staging: String) throws -> (path: String, lock: FolderLock?) {
        let ready = path(.ready)
        try rename(staging, ready)
        let previous = path(.previous)
        guard mkdir(previous, 0o755) == 0 else { throw Self.failure("cannot create", previous) }
        let lock = FolderLock(previous)
        for entry in try siteEntries(of: output) {
            try rename(output + "/" + entry, previous + "/" + entry)
        }
        try moveIn(from: ready, replacingEntries: false)
        return (previous, lock)
    }

    /// Moves every entry of the work folder `folder` (`ready` or `moving`) into the output, the
    /// marker last, after removing the output's own entries when `replacingEntries` (a `ready`
    /// folder: the output's entries are the old site's, or part of it).
    private func moveIn(from folder: String, replacingEntries: Bool) throws {
        var moving = folder
        if role(of: (folder as NSString).lastPathComponent) == .ready {
            if replacingEntries {
                for entry in try siteEntries(of: output) { try FolderRemoval.remove(output + "/" + entry) }
            }
            moving = workFolder + "/" + (folder as NSString).lastPathComponent
                .replacingOccurrences(of: ".\(Role.ready.rawValue)-", with: ".\(Role.moving.rawValue)-")
            try rename(folder, moving)
        }
        for entry in try siteEntries(of: moving) {
            try rename(moving + "/" + entry, output + "/" + entry)
        }
        guard rmdir(moving) == 0 else { throw Self.failure("cannot remove", moving) }
    }

    // MARK: System calls

    private func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            throw BuildError.io("output.io", "cannot rename to '\(to)'", path: from)
        }
    }

    /// Exchanges two folders in one step; -1 with `errno` set where that is not possible.
    private static func exchange(_ first: String, _ second: String) -> Int32 {
        #if os(Linux)
        return roadmap_rename_exchange(first, second)
        #else
        errno = ENOTSUP
        return -1
        #endif
    }

    private static func failure(_ what: String, _ path: String) -> BuildError {
        BuildError.io("output.io", what, path: path)
    }
}

/// An exclusive `flock` on a folder, held while the value lives.
final class FolderLock: Sendable {
    private let descriptor: Int32

    /// Nil when the folder is locked already, is not a folder, or cannot be opened.
    init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}

/// Whether a folder is a mount point, whose entries can be replaced but not the folder itself.
enum MountPoints {
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat()
        var parent = stat()
        guard stat(path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR, stat(path + "/..", &parent) == 0 else {
            return false
        }
        // Another device, or the root (its own parent).
        if own.st_dev != parent.st_dev || own.st_ino == parent.st_ino { return true }
        #if os(Linux)
        // A bind mount of a folder on the same device: only the mount table tells.
        return mountTable().contains(path)
        #else
        return false
        #endif
    }

    /// Linux: the mount points listed in `/proc/self/mountinfo` (the fifth field, with `\ooo`
    /// escapes for spaces, tabs, line feeds and backslashes).
    static func mountTable() -> Set<String> {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return [] }
        return mountPoints(in: table)
    }

    /// The mount points a `mountinfo` table lists.
    static func mountPoints(in table: String) -> Set<String> {
        var points = Set<String>()
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count > 4 else { continue }
            points.insert(unescaped(fields[4]))
        }
        return points
    }

    private static func unescaped(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(field.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3, let code = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(code)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
