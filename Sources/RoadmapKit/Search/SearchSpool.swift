import Foundation

/// Bytes of the search index set aside on disk while the site is built: each roadmap's document
/// JSON goes to one unlinked temporary file as soon as the roadmap's batch is made, and is read
/// back when its document shard is written. A 10,000-roadmap site then does not hold a hundred
/// megabytes of document text until the last roadmap is done. Written and read from many
/// threads: each store reserves its own range, so writes never overlap.
final class SearchSpool: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0

    /// A spool in the temporary folder; the file has no name once opened, so it goes when the
    /// last batch using it does, even if the build stops half-way.
    init() throws {
        var template = Array((NSTemporaryDirectory() + "/roadmap-search-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw BuildError("cannot create a temporary file for the search index") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    /// A spool that reads the file at `path` (the render cache's, whose records hold batches'
    /// JSON), or nil when it cannot be opened. The file stays readable while the spool lives,
    /// even once another file has taken its name.
    init?(reading path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The file's size, or nil when it cannot be read.
    var size: Int? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Stores `bytes` and returns where they are.
    func store(_ bytes: [UInt8]) throws -> Range<Int> {
        let start = lock.withLock {
            let start = end
            end += bytes.count
            return start
        }
        var written = 0
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(start + written))
                guard count > 0 else { throw BuildError("cannot write the search index's temporary file") }
                written += count
            }
        }
        return start..<(start + bytes.count)
    }

    /// The bytes stored at `range`.
    func read(_ range: Range<Int>) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            var done = 0
            while done < range.count {
                let read = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                guard read > 0 else { throw BuildError("cannot read the search index's temporary file") }
                done += read
            }
            count = done
        }
    }
}
