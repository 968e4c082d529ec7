import GRDB
import Synchronization

/// Folds concurrent writes into one SQLite transaction (group commit).
///
/// A durable commit costs one fsync of the WAL, whatever it carries. Writers that arrive while a
/// transaction is being written wait; the next transaction carries all of them, and one write failing
/// (a version conflict) rolls back only that write (see `writeGroup`). Every caller is answered only
/// after the transaction carrying its write committed.
///
/// No background task: the first caller to find the writer idle schedules a drain on the database's
/// own writer queue. The drain writes one group, answers its callers from that queue and, if more
/// writes arrived meanwhile, schedules itself again. So the next transaction starts as soon as the
/// last one committed, on the writer's thread, instead of after a thread of the (often busy)
/// cooperative pool has run the old leader and then the new one.
///
/// A write of an execution running alone (the writer idle, and the last transaction carried a single
/// write of the same execution) is written on the caller's thread instead: a sequential execution then
/// pays no thread handoff to the writer queue and none back, two wake-ups that cost as much as the SQL
/// of a one-step checkpoint (BENCHMARKS.md). It holds the caller's thread for one commit. Requiring the
/// same execution matters: writers kept off the cooperative pool's threads by such a blocking write
/// never overlap it, so "one write at a time" alone would let a crowd of executions commit one by one;
/// the first write of another execution queues, yields its thread, and the crowd groups again.
final class GroupCommitWriter: Sendable {
    typealias Work = @Sendable (Database) throws -> any Sendable
    private typealias Continuation = CheckedContinuation<Result<any Sendable, any Error>, Never>

    private struct Entry: Sendable {
        var work: Work
        var affinity: String?
        var continuation: Continuation
    }

    private struct State {
        var draining = false
        var pending: [Entry] = []
        /// The affinity of the last transaction's write when it carried exactly one, else nil.
        var soleAffinity: String?
        var statistics = SQLiteCommitStatistics()

        /// Takes the writer for a write on the caller's thread if the last transaction was this
        /// affinity's alone and nothing waits.
        mutating func claimForCallerWrite(_ affinity: String?) -> Bool {
            guard let affinity, !draining, pending.isEmpty, soleAffinity == affinity else { return false }
            draining = true
            return true
        }

        /// Counts a committed transaction of `size` writes (`affinity` is the write's when it is alone);
        /// whether more writes wait for the writer (else it is released).
        mutating func finishGroup(size: Int, affinity: String?) -> Bool {
            statistics.commits += size
            statistics.transactions += 1
            statistics.largestGroup = max(statistics.largestGroup, size)
            soleAffinity = size == 1 ? affinity : nil
            if pending.isEmpty { draining = false }
            return !pending.isEmpty
        }
    }

    private let writer: any DatabaseWriter
    private let state = Mutex(State())
    /// Writes one transaction carries at most, so a flood of writers cannot grow one transaction unboundedly.
    private let maxGroup = 512

    /// A group writer on `writer`'s connection.
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

    /// Runs `work` in the next group transaction and returns its value once that transaction committed.
    /// `affinity` names the execution the write belongs to (nil: none), for writing on the caller's thread.
    func write<T: Sendable>(affinity: String? = nil, _ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if state.withLock({ $0.claimForCallerWrite(affinity) }) {
            // The work returned a T; the cast only recovers the type the group erased.
            return try writeOnCaller(affinity: affinity) { try work($0) }.get() as! T
        }
        let result = await withCheckedContinuation { (continuation: Continuation) in
            let startDrain = state.withLock { state -> Bool in
                state.pending.append(Entry(work: { try work($0) }, affinity: affinity, continuation: continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if startDrain { scheduleDrain() }
        }
        // The work returned a T; the cast only recovers the type the queue erased.
        return try result.get() as! T
    }

    /// Writes one work in its own transaction on this thread (the writer was claimed for it), then
    /// hands the writer to the queue if writes arrived meanwhile.
    private func writeOnCaller(affinity: String?, _ work: @escaping Work) -> Result<any Sendable, any Error> {
        let result: Result<any Sendable, any Error>
        do {
            // Synchronous: the writer queue is idle, so GRDB runs this on the calling thread.
            result = try writer.writeWithoutTransaction { db in try Self.writeGroup([work], db)[0] }
        } catch {
            result = .failure(error)
        }
        if state.withLock({ $0.finishGroup(size: 1, affinity: affinity) }) { scheduleDrain() }
        return result
    }

    private func scheduleDrain() {
        writer.asyncWriteWithoutTransaction { db in self.drainOneGroup(db) }
    }

    /// On the writer queue: writes the oldest waiting writes as one transaction and answers them.
    ///
    /// It runs only while writes wait (it is scheduled by the write that found the writer idle, and
    /// again only when more arrived), so its group is never empty.
    private func drainOneGroup(_ db: Database) {
        let group = state.withLock { state -> [Entry] in
            let count = min(state.pending.count, maxGroup)
            defer { state.pending.removeFirst(count) }
            return Array(state.pending.prefix(count))
        }
        let results: [Result<any Sendable, any Error>]
        do {
            results = try Self.writeGroup(group.map(\.work), db)
        } catch {
            // The transaction itself failed (I/O, busy): nothing of the group was stored.
            results = Array(repeating: .failure(error), count: group.count)
        }
        let more = state.withLock { $0.finishGroup(size: group.count, affinity: group.first?.affinity) }
        for (entry, result) in zip(group, results) { entry.continuation.resume(returning: result) }
        // Requeued rather than looped, so blocks queued on the writer outside this type (direct
        // writes such as migrations) are not starved by a steady stream of commits.
        if more { scheduleDrain() }
    }

    /// Runs the group's work in one IMMEDIATE transaction.
    ///
    /// A write fails rarely (a version conflict with another process on the file), so the group is first
    /// written without savepoints, which would cost two statements and a copy of every page each write
    /// touches. If a write fails, that transaction is rolled back: a write alone in its group is answered
    /// with its error, and a larger group is written again with a savepoint per write, so the failure
    /// undoes only its own write. Writes are database work only, so running one twice after a rollback
    /// is safe.
    private static func writeGroup(_ group: [Work], _ db: Database) throws -> [Result<any Sendable, any Error>] {
        var failure: (any Error)?
        let written = try inImmediateTransaction(db) { () -> [Result<any Sendable, any Error>]? in
            var results: [Result<any Sendable, any Error>] = []
            results.reserveCapacity(group.count)
            for work in group {
                do {
                    results.append(.success(try work(db)))
                } catch {
                    failure = error
                    return nil
                }
            }
            return results
        }
        if let written { return written }
        if group.count == 1, let failure { return [.failure(failure)] }
        return try inImmediateTransaction(db) { () -> [Result<any Sendable, any Error>]? in
            let savepoint = try db.cachedStatement(sql: "SAVEPOINT groupWrite")
            let release = try db.cachedStatement(sql: "RELEASE SAVEPOINT groupWrite")
            let rollback = try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT groupWrite")
            var results: [Result<any Sendable, any Error>] = []
            results.reserveCapacity(group.count)
            for work in group {
                try savepoint.execute()
                do {
                    let value = try work(db)
                    try release.execute()
                    results.append(.success(value))
                } catch {
                    // Undo this write only, then end its savepoint; the others stay in the transaction.
                    try rollback.execute()
                    try release.execute()
                    results.append(.failure(error))
                }
            }
            return results
        } ?? [] // never nil: every write's outcome is recorded and the transaction commits
    }

    /// Runs `body` in an IMMEDIATE transaction: committed when it returns a value, rolled back when it
    /// returns nil or throws. The transaction statements are prepared once per connection rather than
    /// parsed per use.
    private static func inImmediateTransaction<T>(_ db: Database, _ body: () throws -> T?) throws -> T? {
        try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            guard let value = try body() else {
                try db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
                return nil
            }
            try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            return value
        } catch {
            if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK TRANSACTION") }
            throw error
        }
    }
}
