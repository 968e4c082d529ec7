import Synchronization

/// Counts side effects by key across invocations.
final class RunLog: Sendable {
    private let counts = Mutex<[String: Int]>([:])
    private let peakState = Mutex<(current: Int, peak: Int)>((0, 0))

    /// Adds one to `key`.
    func record(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }
    /// The count of `key`.
    subscript(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }

    /// Enters a concurrency-measured region.
    func enter() { peakState.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    /// Leaves it.
    func leave() { peakState.withLock { $0.current -= 1 } }
    /// The most tasks seen inside at once.
    var peak: Int { peakState.withLock { $0.peak } }
}
