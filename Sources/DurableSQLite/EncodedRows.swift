import DurableModel
import DurableServer
import GRDB

/// A mutation's operation, event and timer rows, encoded ahead of the write so the transaction
/// itself only binds and steps statements.
struct EncodedRows: Sendable {
    private var operations: [SQLiteArguments] = []
    /// The events' one batch row, if there are any.
    private var events: SQLiteArguments?
    private var timers: [SQLiteArguments] = []

    /// Encodes the rows of one execution's changes.
    init(operations: [StoredOperation], events: [HistoryEvent], armTimers: [DurableTimer], executionArn arn: String) throws {
        self.operations = try operations.map { try OperationRow.arguments($0, executionArn: arn) }
        self.events = events.isEmpty ? nil : try EventRow.arguments(events, executionArn: arn)
        self.timers = armTimers.map(TimerRow.arguments)
    }

    /// From this many operations and events on, a mutation's rows are streamed to the writer while
    /// they are encoded (`StreamedRows`) instead of encoded first.
    static let streamingThreshold = 128

    /// Whether a mutation with these rows is large enough to stream.
    static func shouldStream(operations: Int, events: Int) -> Bool {
        operations + events >= streamingThreshold && operations > 0
    }

    /// Inserts or replaces the rows.
    func write(_ db: Database) throws {
        if !operations.isEmpty {
            let upsert = try db.cachedStatement(sql: OperationRow.upsertSQL)
            for arguments in operations { try arguments.execute(upsert, in: db) }
        }
        if let events {
            try events.execute(db.cachedStatement(sql: EventRow.insertSQL), in: db)
        }
        if !timers.isEmpty {
            let arm = try db.cachedStatement(sql: TimerRow.upsertSQL)
            for arguments in timers { try arguments.execute(arm, in: db) }
        }
    }
}
