import Foundation

/// Server-Sent Events to every open page: `reload` after a good build, `build-error` with the
/// diagnostics after a failed one. A page that connects while the site is broken is told at once.
final class ReloadChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var lastError: String?
    private var generation = 0

    /// A new listener's stream of event bytes.
    func subscribe() -> AsyncStream<[UInt8]> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        lock.withLock {
            listeners[id] = continuation
            continuation.yield(Self.event("hello", ["build": generation]))
            if let lastError { continuation.yield(Self.event("build-error", ["build": generation, "message": lastError])) }
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    var listenerCount: Int { lock.withLock { listeners.count } }

    /// After a build that wrote the site.
    func buildSucceeded(changed: [String]) {
        broadcast { generation += 1; lastError = nil; return Self.event("reload", ["build": generation, "changed": changed]) }
    }

    /// After a build that failed; `message` is what the terminal showed.
    func buildFailed(_ message: String) {
        broadcast { generation += 1; lastError = message; return Self.event("build-error", ["build": generation, "message": message]) }
    }

    /// A changed page is ready before the rest of the build: pages under `paths` reload now.
    func pageReady(paths: [String]) {
        broadcast { Self.event("page-ready", ["build": generation + 1, "paths": paths]) }
    }

    /// A comment line, so that a closed connection is noticed.
    func keepAlive() { broadcast { Array(": keep-alive\n\n".utf8) } }

    private func broadcast(_ make: () -> [UInt8]) {
        lock.withLock {
            let bytes = make()
            for continuation in listeners.values { continuation.yield(bytes) }
        }
    }

    private static func event(_ name: String, _ payload: [String: Any]) -> [UInt8] {
        let json = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Array("event: \(name)\ndata: ".utf8) + Array(json) + Array("\n\n".utf8)
    }
}
