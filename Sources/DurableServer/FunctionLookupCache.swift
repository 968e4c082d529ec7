import Synchronization

/// Stored functions (or the knowledge that none is stored) by name, as recently read, so that starts
/// and invocations do not read the function table each time.
///
/// This node's function writes clear it when they finish; a read that began before a write is not
/// kept. Another node's write is seen within `lifetime` (the function APIs, like AWS's, make no
/// promise that an update reaches invocations at once).
final class FunctionLookupCache: Sendable {
    private struct Entry {
        var function: StoredFunction?
        var readAt: ContinuousClock.Instant
    }

    private struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())
    private let lifetime: Duration

    init(lifetime: Duration = .seconds(1)) {
        self.lifetime = lifetime
    }

    /// The generation a read must quote to `remember` its result.
    var generation: Int { state.withLock { $0.generation } }

    /// The remembered answer for `name` while fresh: `.some(nil)` means no function is stored.
    func lookup(_ name: String) -> StoredFunction?? {
        state.withLock { state -> StoredFunction?? in
            guard let entry = state.entries[name], ContinuousClock.now - entry.readAt < lifetime else { return nil }
            return .some(entry.function)
        }
    }

    /// Keeps what a read found, unless a write finished since the read began (`generation` moved).
    func remember(_ name: String, _ function: StoredFunction?, readAtGeneration generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= 4096 { state.entries.removeAll(keepingCapacity: true) }
            state.entries[name] = Entry(function: function, readAt: .now)
        }
    }

    /// Forgets everything; called when a function write finishes.
    func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}
