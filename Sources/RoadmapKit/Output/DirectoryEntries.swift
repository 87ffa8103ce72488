import Foundation

/// The entries of a folder read with `readdir`, for the walks over a whole site that
/// `FileManager` makes slow (see ``FolderRemoval``).
enum DirectoryEntries {
    /// Calls `body` with the name of each entry of the open `directory` but "." and "..", and
    /// whether it is a folder (a symbolic link is not one, whatever it points to).
    static func forEach(in directory: OpaquePointer, _ body: (_ name: String, _ isFolder: Bool) throws -> Void) rethrows {
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            // Read up to its NUL in place: the bytes after it are not initialised (copying the
            // whole array and scanning it word by word read them, which valgrind reports).
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(cString: $0)
                }
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            try body(name, isFolder)
        }
    }
}

/// The files under a folder, by relative path, found with `readdir` (the site's folders hold
/// only files and folders the build made; anything else counts as a file that should not be there).
enum FolderListing {
    /// Nil when a folder cannot be read.
    static func files(under root: String) -> Set<String>? {
        var files = Set<String>()
        var folders = [""]
        while let folder = folders.popLast() {
            guard let directory = opendir(folder.isEmpty ? root : root + "/" + folder) else { return nil }
            defer { closedir(directory) }
            DirectoryEntries.forEach(in: directory) { name, isFolder in
                let path = folder.isEmpty ? name : folder + "/" + name
                if isFolder { folders.append(path) } else { files.insert(path) }
            }
        }
        return files
    }
}
