import DurableModel
import DurableServer
import GRDB

/// A mutation's operation, event and timer rows, encoded ahead of the write so the transaction
/// itself only binds and steps statements. Operation and event rows are filed under the execution's
/// key, which the writer learns inside the transaction (the INSERT's `RETURNING`, or a lookup after
/// a commit's UPDATE) and binds first.
struct EncodedRows: Sendable {
    private var operations: [SQLiteArguments] = []
    /// The events' one batch row, if there are any.
    private var events: SQLiteArguments?
    private var timers: [SQLiteArguments] = []

    /// Encodes the rows of one execution's changes.
    init(operations: [StoredOperation], events: [HistoryEvent], armTimers: [DurableTimer]) throws {
        self.operations = try operations.map(OperationRow.arguments)
        self.events = events.isEmpty ? nil : try EventRow.arguments(events)
        self.timers = armTimers.map(TimerRow.arguments)
    }

    /// Below this many operations and events a mutation is encoded in the caller's task alone.
    static let concurrentEncodingThreshold = 128

    /// Encodes the rows like `init`, the event batch in a second task when the mutation is large.
    ///
    /// A big checkpoint (a map's batch of hundreds of updates) is one execution's, so nothing else
    /// runs beside its encoding, which sits on the execution's critical path; its operation rows and
    /// its event batch take about as long each, so encoding them side by side halves that wait.
    static func encode(operations: [StoredOperation], events: [HistoryEvent], armTimers: [DurableTimer]) async throws -> EncodedRows {
        guard operations.count + events.count >= concurrentEncodingThreshold, !events.isEmpty, !operations.isEmpty else {
            return try EncodedRows(operations: operations, events: events, armTimers: armTimers)
        }
        async let eventBatch = EventRow.arguments(events)
        var rows = try EncodedRows(operations: operations, events: [], armTimers: armTimers)
        rows.events = try await eventBatch
        return rows
    }

    /// Whether there are no operation or event rows (which need the execution's key).
    var isEmpty: Bool { operations.isEmpty && events == nil }

    /// Inserts or replaces the rows of the execution whose key is `key`.
    func write(_ db: Database, key: Int64) throws {
        if !operations.isEmpty {
            let upsert = try db.cachedStatement(sql: OperationRow.upsertSQL)
            for arguments in operations { try arguments.execute(upsert, in: db, after: key) }
        }
        if let events {
            try events.execute(db.cachedStatement(sql: EventRow.insertSQL), in: db, after: key)
        }
        if !timers.isEmpty {
            let arm = try db.cachedStatement(sql: TimerRow.upsertSQL)
            for arguments in timers { try arguments.execute(arm, in: db) }
        }
    }
}
