import Foundation

extension ConcurrentMap {
    /// Runs two independent jobs at once (one per core) and returns both results; the first
    /// error thrown is rethrown once both have finished.
    static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () throws -> A, _ second: @Sendable () throws -> B
    ) throws -> (A, B) {
        let slots = PairSlots<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { slots.setFirst(Result { try first() }) } else { slots.setSecond(Result { try second() }) }
        }
        return try slots.collect()
    }
}

private final class PairSlots<A: Sendable, B: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Result<A, any Error>?
    private var second: Result<B, any Error>?

    func setFirst(_ result: Result<A, any Error>) { lock.withLock { first = result } }
    func setSecond(_ result: Result<B, any Error>) { lock.withLock { second = result } }

    func collect() throws -> (A, B) {
        try lock.withLock { (try first!.get(), try second!.get()) }
    }
}
