import Synchronization

/// Stored functions (or the knowledge that none is stored) by name, as recently read, so that starts
/// and invocations do not read the function table each time.
///
/// This node's function writes clear it when they finish; a read that began before a write is not
/// kept. Another node's write is seen within `lifetime` (the function APIs, like AWS's, make no
/// promise that an update reaches invocations at once). Callers that miss while a read of the same
/// name runs share it, so a burst of starts (or of timer wake-ups a second later) reads the row once.
final class FunctionLookupCache: Sendable {
    private struct Entry {
        var function: StoredFunction?
        var readAt: ContinuousClock.Instant
    }

    private struct Read {
        var generation: Int
        var task: Task<StoredFunction?, any Error>
    }

    private struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
        var reads: [String: Read] = [:]
    }

    private let state = Mutex(State())
    private let lifetime: Duration

    init(lifetime: Duration = .seconds(1)) {
        self.lifetime = lifetime
    }

    /// The remembered answer for `name` while fresh, else what `read` finds; nil means none is stored.
    func function(named name: String, read: @escaping @Sendable () async throws -> StoredFunction?) async throws -> StoredFunction? {
        let (remembered, task) = state.withLock { state -> (StoredFunction??, Task<StoredFunction?, any Error>?) in
            if let entry = state.entries[name], ContinuousClock.now - entry.readAt < lifetime { return (.some(entry.function), nil) }
            if let running = state.reads[name], running.generation == state.generation { return (nil, running.task) }
            let generation = state.generation
            let task = Task { [self] in
                defer { finishRead(name, generation: generation) }
                let function = try await read()
                remember(name, function, readAtGeneration: generation)
                return function
            }
            state.reads[name] = Read(generation: generation, task: task)
            return (nil, task)
        }
        if let remembered { return remembered }
        return try await task!.value
    }

    /// Keeps what a read found, unless a write finished since the read began (`generation` moved).
    private func remember(_ name: String, _ function: StoredFunction?, readAtGeneration generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= 4096 { state.entries.removeAll(keepingCapacity: true) }
            state.entries[name] = Entry(function: function, readAt: .now)
        }
    }

    /// Drops the finished read of `name` begun at `generation`, unless a later read replaced it.
    private func finishRead(_ name: String, generation: Int) {
        state.withLock { state in
            if state.reads[name]?.generation == generation { state.reads[name] = nil }
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
