import Foundation

/// Maps an array on every core, keeping the order; the first error thrown is rethrown.
enum ConcurrentMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) throws -> Result
    ) throws -> [Result] {
        if elements.count < 2 { return try elements.map(transform) }
        let slots = ResultSlots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots.store(Swift.Result { try transform(elements[index]) }, at: index)
        }
        return try slots.collect()
    }
}

/// One slot a result, each written by exactly one iteration; read after all have finished.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<Value, any Error>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func collect() throws -> [Value] {
        try slots.map { slot in
            guard let slot else { preconditionFailure("concurrentPerform ran every iteration") }
            return try slot.get()
        }
    }
}
