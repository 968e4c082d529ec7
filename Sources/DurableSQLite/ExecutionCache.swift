import DurableServer
import Synchronization

/// The decoded rows of executions with an invocation in flight, so a checkpoint does not re-read and
/// re-decode every operation of a long history from SQLite.
///
/// An entry is valid only for the version it was stored at; the store checks the row's version (one
/// indexed read) before using it, so another process writing the same file is never missed. Entries
/// go when their execution goes idle or closes, so suspended executions hold no memory here, and the
/// cache never holds more than `capacity` executions.
final class ExecutionCache: Sendable {
    private struct Entry {
        var record: ExecutionRecord
        /// Operations in start (position) order.
        var ordered: [StoredOperation]
        var index: [String: Int]
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The cached record of `arn` if it is at `version`.
    func record(_ arn: String, version: Int) -> ExecutionRecord? {
        entries.withLock { entries in
            guard let entry = entries[arn], entry.record.version == version else { return nil }
            return entry.record
        }
    }

    /// The cached operations of `arn` (start order) if it is at `version`.
    func operations(_ arn: String, version: Int) -> [StoredOperation]? {
        entries.withLock { entries in
            guard let entry = entries[arn], entry.record.version == version else { return nil }
            return entry.ordered
        }
    }

    /// Remembers what a full read found: `record` and all its operations, read in one snapshot.
    func store(_ record: ExecutionRecord, operations: [StoredOperation]) {
        guard Self.isWorthKeeping(record) else { return }
        entries.withLock { entries in
            if let existing = entries[record.arn], existing.record.version >= record.version { return }
            if entries[record.arn] == nil, entries.count >= capacity, let victim = entries.keys.first {
                entries.removeValue(forKey: victim)
            }
            var index: [String: Int] = [:]
            index.reserveCapacity(operations.count)
            for (offset, op) in operations.enumerated() { index[op.id] = offset }
            entries[record.arn] = Entry(record: record, ordered: operations, index: index)
        }
    }

    /// Applies a committed mutation: `committed` is the stored record (version bumped), `operations`
    /// the rows it wrote. Without an entry at the mutation's base version there is nothing to update.
    func apply(committed: ExecutionRecord, baseVersion: Int, operations: [StoredOperation]) {
        entries.withLock { entries in
            guard var entry = entries.removeValue(forKey: committed.arn) else { return }
            guard entry.record.version == baseVersion, Self.isWorthKeeping(committed) else { return }
            var outOfOrder = false
            for op in operations {
                if let offset = entry.index[op.id] {
                    entry.ordered[offset] = op
                } else {
                    if let last = entry.ordered.last, last.position > op.position { outOfOrder = true }
                    entry.index[op.id] = entry.ordered.count
                    entry.ordered.append(op)
                }
            }
            if outOfOrder {
                entry.ordered.sort { ($0.position, $0.id) < ($1.position, $1.id) }
                entry.index = [:]
                for (offset, op) in entry.ordered.enumerated() { entry.index[op.id] = offset }
            }
            entry.record = committed
            entries[committed.arn] = entry
        }
    }

    /// Forgets `arn` (its commit failed or the execution is gone).
    func remove(_ arn: String) {
        _ = entries.withLock { $0.removeValue(forKey: arn) }
    }

    /// How many executions are cached.
    var count: Int { entries.withLock { $0.count } }

    /// Only executions whose invocation is queued or running are read again soon.
    private static func isWorthKeeping(_ record: ExecutionRecord) -> Bool {
        record.status == .running && record.invocationPhase != .idle
    }
}
