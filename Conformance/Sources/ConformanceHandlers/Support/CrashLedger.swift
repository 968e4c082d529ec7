import Synchronization

/// Remembers which executions (keyed by their unique input) already crashed once.
public final class CrashLedger: Sendable {
    private let keys = Mutex<Set<String>>([])

    /// Creates an empty ledger.
    public init() {}

    /// True the first time `key` is seen, false afterwards.
    public func markFirst(_ key: String) -> Bool {
        keys.withLock { $0.insert(key).inserted }
    }
}
