import Synchronization

/// Counts side effects by key, across invocations of the same test.
final class Counter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Adds one to `key` and returns the new count.
    @discardableResult
    func bump(_ key: String) -> Int {
        counts.withLock { $0[key, default: 0] += 1; return $0[key]! }
    }

    /// The count of `key`.
    subscript(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }
}

/// Tracks how many tasks are inside a region at once, and the most ever seen.
final class ConcurrencyGauge: Sendable {
    private let state = Mutex<(current: Int, peak: Int)>((0, 0))

    /// Enters the region.
    func enter() { state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    /// Leaves the region.
    func leave() { state.withLock { $0.current -= 1 } }
    /// The highest number of tasks seen inside at once.
    var peak: Int { state.withLock { $0.peak } }
}

/// A test error with a stable type name and message.
struct TestFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
