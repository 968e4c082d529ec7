import GRDB
import Synchronization

/// Folds concurrent writes into one SQLite transaction (group commit).
///
/// A durable commit costs one fsync of the WAL, whatever it carries. Writers that arrive while a
/// transaction is being written wait; the next transaction carries all of them, each in its own
/// savepoint, so one write failing (a version conflict) rolls back only that write. Every caller is
/// answered only after the transaction carrying its write committed.
///
/// No background task: the first caller to find the writer idle leads, writing its group; on
/// finishing it hands the lead to the oldest caller still waiting, which writes the next group.
final class GroupCommitWriter: Sendable {
    typealias Work = @Sendable (Database) throws -> any Sendable

    private enum Signal: Sendable {
        case done(Result<any Sendable, any Error>)
        case lead
    }

    private struct Entry: Sendable {
        var id: UInt64
        var work: Work
        var continuation: CheckedContinuation<Signal, Never>
    }

    private struct State {
        var leading = false
        var pending: [Entry] = []
        var nextId: UInt64 = 0
        var statistics = SQLiteCommitStatistics()
    }

    private let writer: any DatabaseWriter
    private let state = Mutex(State())
    /// Writes one transaction carries at most, so a flood of writers cannot grow one transaction unboundedly.
    private let maxGroup = 512

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// The counters since the last call, reset.
    func takeStatistics() -> SQLiteCommitStatistics {
        state.withLock { state in
            defer { state.statistics = SQLiteCommitStatistics() }
            return state.statistics
        }
    }

    /// Runs `work` in a savepoint of the next group transaction and returns its value once that transaction committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        var id: UInt64 = 0
        let signal = await withCheckedContinuation { (continuation: CheckedContinuation<Signal, Never>) in
            let lead = state.withLock { state -> Bool in
                id = state.nextId
                state.nextId += 1
                state.pending.append(Entry(id: id, work: { try work($0) }, continuation: continuation))
                if state.leading { return false }
                state.leading = true
                return true
            }
            if lead { continuation.resume(returning: .lead) }
        }
        let result: Result<any Sendable, any Error>
        switch signal {
        case .done(let outcome):
            result = outcome
        case .lead:
            result = await lead(ownId: id)
        }
        // The work returned a T; the cast only recovers the type the queue erased.
        return try result.get() as! T
    }

    /// Runs the group's work in one IMMEDIATE transaction, each write in its own savepoint unless it is
    /// alone. The transaction statements are prepared once per connection rather than parsed per use.
    private static func writeGroup(_ group: [Entry], _ db: Database) throws -> [Result<any Sendable, any Error>] {
        var results: [Result<any Sendable, any Error>] = []
        results.reserveCapacity(group.count)
        try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            if group.count == 1 {
                // Alone in its transaction, a failed write rolls the transaction back: no savepoint needed.
                results.append(.success(try group[0].work(db)))
            } else {
                let savepoint = try db.cachedStatement(sql: "SAVEPOINT groupWrite")
                let release = try db.cachedStatement(sql: "RELEASE SAVEPOINT groupWrite")
                let rollback = try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT groupWrite")
                for entry in group {
                    try savepoint.execute()
                    do {
                        let value = try entry.work(db)
                        try release.execute()
                        results.append(.success(value))
                    } catch {
                        // Undo this write only, then end its savepoint; the others stay in the transaction.
                        try rollback.execute()
                        try release.execute()
                        results.append(.failure(error))
                    }
                }
            }
            try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
        } catch {
            if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
            throw error
        }
        return results
    }

    /// Writes one group (which holds the leader's own entry), answers the others, passes the lead on.
    private func lead(ownId: UInt64) async -> Result<any Sendable, any Error> {
        let group = state.withLock { state -> [Entry] in
            // The leader's own entry is always among the first `maxGroup`: it is the oldest waiting.
            let count = min(state.pending.count, maxGroup)
            defer { state.pending.removeFirst(count) }
            return Array(state.pending.prefix(count))
        }
        var results: [Result<any Sendable, any Error>]
        do {
            results = try await writer.writeWithoutTransaction { db in
                try Self.writeGroup(group, db)
            }
        } catch {
            // The transaction itself failed (I/O, busy): nothing of the group was stored.
            results = Array(repeating: .failure(error), count: group.count)
        }
        let next = state.withLock { state -> CheckedContinuation<Signal, Never>? in
            state.statistics.commits += group.count
            state.statistics.transactions += 1
            state.statistics.largestGroup = max(state.statistics.largestGroup, group.count)
            guard let first = state.pending.first else {
                state.leading = false
                return nil
            }
            return first.continuation
        }
        var own: Result<any Sendable, any Error> = .failure(CancellationError())
        for (entry, result) in zip(group, results) {
            if entry.id == ownId { own = result } else { entry.continuation.resume(returning: .done(result)) }
        }
        next?.resume(returning: .lead)
        return own
    }
}
