import Foundation

/// Counts the roadmaps a build has rendered, for a progress line on a terminal. `report` is
/// called from the rendering threads (at most every `interval` seconds, and once at the end).
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total = 0
    private var lastReport: UInt64 = 0
    private let interval: UInt64
    private let report: @Sendable (_ done: Int, _ total: Int) -> Void

    public init(interval: Double = 0.1, report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) {
        self.interval = UInt64(interval * 1e9)
        self.report = report
    }

    func start(total: Int) {
        lock.withLock {
            self.total = total
            done = 0
            lastReport = DispatchTime.now().uptimeNanoseconds
        }
    }

    func advance() {
        let now = DispatchTime.now().uptimeNanoseconds
        let due: (Int, Int)? = lock.withLock {
            done += 1
            guard done == total || now - lastReport >= interval else { return nil }
            lastReport = now
            return (done, total)
        }
        if let (done, total) = due { report(done, total) }
    }
}
