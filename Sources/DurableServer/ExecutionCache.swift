import Foundation
import Synchronization

/// The decoded rows of executions with an invocation in flight, so a checkpoint does not re-read and
/// re-decode every operation of a long history from a database (the SQLite and PostgreSQL stores).
///
/// An entry is valid for the version it was stored at. A verified read checks the row's version (one
/// indexed read) before using it; an engine step's snapshot may use it unchecked, because the commit's
/// version check catches any other writer and a failed commit drops the entry. Entries go when their
/// execution closes or goes idle, unless a timer it armed is due within `wakeHorizon` (a short wait or
/// retry delay: its wake-up then starts from memory instead of reading the history back). So executions
/// suspended for longer (callbacks, long waits) hold no memory here, and the cache never holds more
/// than `capacity` executions, evicting idle ones first.
public final class ExecutionCache: Sendable {
    private struct Entry {
        var record: ExecutionRecord
        var operations: OperationIndex
        /// Committed changes not yet merged into `operations`. They are merged on the next read, when
        /// the engine step that shared `operations` has ended, so the merge does not copy the dictionary.
        var pending: [StoredOperation] = []
        /// When the last timer a commit armed is due, for keeping an idle execution about to wake.
        var wakeAt: Date?

        mutating func catchUp() {
            operations.upsert(contentsOf: pending)
            pending.removeAll()
        }
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int
    private let wakeHorizon: TimeInterval

    /// Creates a cache of at most `capacity` executions that keeps idle ones due to wake within `wakeHorizon` seconds.
    public init(capacity: Int = 1024, wakeHorizon: TimeInterval = 30) {
        self.capacity = capacity
        self.wakeHorizon = wakeHorizon
    }

    /// The cached record of `arn` if it is at `version`.
    public func record(_ arn: String, version: Int) -> ExecutionRecord? {
        entries.withLock { entries in
            guard let entry = entries[arn], entry.record.version == version else { return nil }
            return entry.record
        }
    }

    /// The cached operations of `arn` if it is at `version`.
    public func operations(_ arn: String, version: Int) -> OperationIndex? {
        caughtUp(arn, atVersion: version)?.1
    }

    /// The cached record and operations of `arn` at whatever version this process last saw.
    public func snapshot(_ arn: String) -> (ExecutionRecord, OperationIndex)? {
        caughtUp(arn, atVersion: nil)
    }

    /// The entry of `arn` with its pending operations merged; an entry not at `version` (when given) is dropped.
    private func caughtUp(_ arn: String, atVersion version: Int?) -> (ExecutionRecord, OperationIndex)? {
        entries.withLock { entries in
            // Taken out of the dictionary while it changes, so the merge does not copy the index.
            guard var entry = entries.removeValue(forKey: arn) else { return nil }
            if let version, entry.record.version != version { return nil }
            entry.catchUp()
            entries[arn] = entry
            return (entry.record, entry.operations)
        }
    }

    /// Remembers what a full read found: `record` and all its operations, read in one snapshot.
    /// `aboutToChange` keeps even an idle execution, because a commit follows at once (an engine
    /// step's snapshot) and will either keep the entry current or drop it.
    public func store(_ record: ExecutionRecord, operations: OperationIndex, aboutToChange: Bool = false) {
        guard aboutToChange || Self.isActive(record) else { return }
        entries.withLock { entries in
            if let existing = entries[record.arn], existing.record.version >= record.version { return }
            if entries[record.arn] == nil, entries.count >= capacity,
               let victim = entries.first(where: { $0.value.record.invocationPhase == .idle })?.key ?? entries.keys.first {
                entries.removeValue(forKey: victim)
            }
            entries[record.arn] = Entry(record: record, operations: operations)
        }
    }

    /// Applies a committed mutation: `committed` is the stored record (version bumped), `operations`
    /// the rows it wrote, `armedTimers` the timers it armed. Without an entry at the mutation's base
    /// version there is nothing to update.
    public func apply(committed: ExecutionRecord, baseVersion: Int, operations: [StoredOperation], armedTimers: [DurableTimer] = []) {
        entries.withLock { entries in
            guard var entry = entries.removeValue(forKey: committed.arn), entry.record.version == baseVersion else { return }
            if let due = armedTimers.lazy.map(\.dueAt).min() { entry.wakeAt = due }
            guard Self.isActive(committed) || wakesSoon(committed, entry.wakeAt) else { return }
            entry.pending.append(contentsOf: operations)
            entry.record = committed
            entries[committed.arn] = entry
        }
    }

    /// Forgets `arn` (its commit failed or the execution is gone).
    public func remove(_ arn: String) {
        _ = entries.withLock { $0.removeValue(forKey: arn) }
    }

    /// Executions whose invocation is queued or running are read again at once.
    private static func isActive(_ record: ExecutionRecord) -> Bool {
        record.status == .running && record.invocationPhase != .idle
    }

    /// A running idle execution is read again when its timer fires: worth keeping if that is soon.
    private func wakesSoon(_ record: ExecutionRecord, _ wakeAt: Date?) -> Bool {
        guard record.status == .running, let wakeAt else { return false }
        let wait = wakeAt.timeIntervalSinceNow
        return wait >= 0 && wait <= wakeHorizon
    }
}
