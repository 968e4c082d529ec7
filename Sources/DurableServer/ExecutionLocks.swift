import Synchronization

/// One async mutex per execution ARN: work on one execution runs strictly serially, different
/// executions run in parallel. Waiters are served in arrival order.
final class ExecutionLocks: Sendable {
    private struct Entry {
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Runs `body` while holding the lock of `key`.
    func withLock<T>(_ key: String, _ body: () async throws -> T) async throws -> T {
        await acquire(key)
        defer { release(key) }
        return try await body()
    }

    private func acquire(_ key: String) async {
        let acquired = entries.withLock { entries -> Bool in
            if entries[key] == nil {
                entries[key] = Entry()
                return true
            }
            return false
        }
        if acquired { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = entries.withLock { entries -> Bool in
                // The holder may have released between the two critical sections.
                if entries[key] == nil {
                    entries[key] = Entry()
                    return true
                }
                entries[key]!.waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    private func release(_ key: String) {
        let next = entries.withLock { entries -> CheckedContinuation<Void, Never>? in
            guard var entry = entries[key] else { return nil }
            if entry.waiters.isEmpty {
                entries.removeValue(forKey: key)
                return nil
            }
            // Ownership passes directly to the first waiter; the entry stays.
            let first = entry.waiters.removeFirst()
            entries[key] = entry
            return first
        }
        next?.resume()
    }
}
