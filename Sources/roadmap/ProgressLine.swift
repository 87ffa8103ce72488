import Foundation
import RoadmapKit

/// One updating line on the terminal, "Rendering roadmaps 532/1000", for builds that take a
/// while; nothing when standard error is not a terminal or with --quiet.
final class ProgressLine: @unchecked Sendable {
    /// Builds shorter than this show no progress at all.
    static let delay: UInt64 = 300_000_000
    private let lock = NSLock()
    private let start = DispatchTime.now().uptimeNanoseconds
    private var shown = false
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    static func forTerminal(quiet: Bool) -> ProgressLine {
        ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    }

    /// What the build reports to; nil when disabled.
    var progress: BuildProgress? {
        guard enabled else { return nil }
        return BuildProgress { [self] done, total in self.show(done, total) }
    }

    private func show(_ done: Int, _ total: Int) {
        guard DispatchTime.now().uptimeNanoseconds - start >= Self.delay else { return }
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data("\r\u{1B}[2KRendering roadmaps \(done)/\(total)".utf8))
        }
    }

    /// Clears the line before the build's own output.
    func finish() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            shown = false
        }
    }
}
